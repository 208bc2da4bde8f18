package org.strata.app;

import org.strata.engine.train.TrainingState;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.TimeUnit;
import javafx.scene.input.KeyCode;
import org.junit.jupiter.api.Test;
import org.strata.app.document.Edits;
import org.strata.app.training.TrainingRun;
import org.testfx.util.WaitForAsyncUtils;

/** The "Try it" tab: draw a digit and see the probabilities, or type a CSV row and see the class. */
class InferenceTest extends AppTest {
    private void trainOneRun(String sample, int epochs) throws Exception {
        fxRun(() -> window.open(sample(sample)));
        fxRun(() -> editor().document().execute(Edits.setTraining(editor().document().project(), "epochs", epochs)));
        fxRun(() -> window.run().orElseThrow().start());
        WaitForAsyncUtils.waitFor(120, TimeUnit.SECONDS,
                () -> fx(() -> window.run().orElseThrow().phase() == TrainingState.FINISHED));
        clickOn("#tab-inference .tab-label");
    }

    @Test
    void drawing_a_digit_shows_the_class_probabilities() throws Exception {
        trainOneRun("mnist-mlp", 1);
        var pad = lookup("#drawing-pad").query();
        var b = fx(() -> pad.localToScreen(pad.getBoundsInLocal()));
        // a "1": one vertical stroke down the middle
        drag(new javafx.geometry.Point2D(b.getCenterX(), b.getMinY() + 30))
                .moveTo(new javafx.geometry.Point2D(b.getCenterX(), b.getCenterY()))
                .moveTo(new javafx.geometry.Point2D(b.getCenterX(), b.getMaxY() - 30)).drop();
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> lookup("#inference-best").tryQuery().isPresent());
        assertThat(lookup("#inference-best").queryLabeled().getText()).endsWith("%");
        assertThat(lookup("#inference-bars .progress-bar").queryAll()).hasSize(10);
        clickOn("#inference-clear");
        assertThat(lookup("#inference-best").tryQuery()).isEmpty();
    }

    @Test
    void a_typed_csv_row_is_classified() throws Exception {
        trainOneRun("iris", 30);
        clickOn("#inference-row");
        // numbers are plain decimals, as in data files: Java's 1.4f is a typo, not 1.4
        write("5.1, 3.5, 1.4f, 0.2");
        type(KeyCode.ENTER);
        assertThat(lookup("#inference-error").queryLabeled().getText()).contains("number");
        assertThat(lookup("#inference-best").tryQuery()).isEmpty();
        fxRun(() -> lookup("#inference-row").queryTextInputControl().clear());
        clickOn("#inference-row");
        write("5.1, 3.5, 1.4, 0.2"); // a classic setosa
        type(KeyCode.ENTER);
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> lookup("#inference-best").tryQuery().isPresent());
        var best = lookup(".inference-best").queryAllAs(javafx.scene.control.Label.class).iterator().next();
        assertThat(best.getText()).containsIgnoringCase("setosa");
    }

    @Test
    void a_typed_word_is_read_letter_by_letter_with_the_probabilities_after_each_letter() throws Exception {
        trainOneRun("which-language", 6);
        assertThat(lookup("#inference-text").queryTextInputControl().getPromptText()).startsWith("e.g. ");
        clickOn("#inference-text");
        write("fahrzeug");
        // a row per letter read, the last the whole word
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> fx(() -> tokens().size() == 8));
        assertThat(fx(this::tokens)).startsWith("f", "fa", "fah").endsWith("fahrzeug");
        assertThat(lookup("#inference-steps .inference-step-head").queryAll()).hasSize(6);
        assertThat(lookup("#inference-steps .inference-step-best").queryAll()).hasSize(8);
        assertThat(bestClass()).isEqualTo("German");
        // what the answer rests on: each letter, shaded by how much hiding it changes the answer
        assertThat(lookup("#inference-support .inference-token").queryAllAs(javafx.scene.control.Label.class)
                .stream().map(javafx.scene.control.Label::getText).toList())
                .containsExactly("f", "a", "h", "r", "z", "e", "u", "g");
        // a word the network reads as another language changes the answer
        for (int i = 0; i < 8; i++) type(KeyCode.BACK_SPACE);
        write("tranquillità");
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> bestClass().equals("Italian"));
        // nothing typed, nothing shown
        fxRun(() -> lookup("#inference-text").queryTextInputControl().clear());
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> lookup("#inference-best").tryQuery().isEmpty());
        assertThat(fx(this::tokens)).isEmpty();
    }

    private java.util.List<String> tokens() {
        return lookup("#inference-steps .inference-step-token").queryAllAs(javafx.scene.control.Label.class).stream()
                .map(javafx.scene.control.Label::getText).toList();
    }

    @Test
    void an_image_file_of_a_dark_digit_on_paper_is_read_as_ink_and_classified(
            @org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) throws Exception {
        trainOneRun("mnist-mlp", 1);
        // a photo-like picture: a thick black "1" on white paper, 120 × 120
        var img = new java.awt.image.BufferedImage(120, 120, java.awt.image.BufferedImage.TYPE_INT_RGB);
        var g = img.createGraphics();
        g.setColor(java.awt.Color.WHITE);
        g.fillRect(0, 0, 120, 120);
        g.setColor(java.awt.Color.BLACK);
        g.fillRect(52, 15, 14, 90);
        g.dispose();
        java.nio.file.Path png = dir.resolve("one.png");
        javax.imageio.ImageIO.write(img, "png", png.toFile());
        var view = lookup(".inference-view").queryAs(org.strata.app.training.view.InferenceView.class);
        assertThat(fx(() -> view.openImage(png))).isTrue();
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> lookup("#inference-best").tryQuery().isPresent());
        assertThat(lookup("#inference-bars .progress-bar").queryAll()).hasSize(10);
        // a file that is not an image is named, and nothing else changes
        java.nio.file.Path bad = dir.resolve("notes.png");
        java.nio.file.Files.writeString(bad, "not a picture");
        fxRun(() -> view.openImage(bad));
        assertThat(lookup("#inference-error").queryLabeled().getText()).contains("notes.png");
        assertThat(lookup("#inference-best").tryQuery()).isPresent();
    }

    @Test
    void clicking_the_plane_of_two_feature_data_asks_the_network_about_that_point() throws Exception {
        trainOneRun("xor", 300);
        assertThat(lookup("#inference-row").queryTextInputControl().getPromptText()).startsWith("2 values, e.g.")
                .matches("2 values, e\\.g\\. -?[0-9.]+, -?[0-9.]+");
        var plane = lookup("#inference-plane .boundary-canvas").query();
        var b = fx(() -> plane.localToScreen(plane.getBoundsInLocal()));
        // top right: both features positive, the same sign
        clickOn(new javafx.geometry.Point2D(b.getMinX() + 0.8 * b.getWidth(), b.getMinY() + 0.2 * b.getHeight()));
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> lookup("#inference-best").tryQuery().isPresent());
        String[] typed = lookup("#inference-row").queryTextInputControl().getText().split(",\\s*");
        assertThat(typed).hasSize(2);
        assertThat(Double.parseDouble(typed[0])).isPositive();
        assertThat(Double.parseDouble(typed[1])).isPositive();
        assertThat(bestClass()).isEqualTo("same sign");
        // bottom right: opposite signs
        clickOn(new javafx.geometry.Point2D(b.getMinX() + 0.8 * b.getWidth(), b.getMinY() + 0.8 * b.getHeight()));
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> bestClass().equals("opposite sign"));
        assertThat(Double.parseDouble(lookup("#inference-row").queryTextInputControl().getText().split(",")[1]
                .trim())).isNegative();
    }

    private String bestClass() {
        return fx(() -> lookup(".inference-best").queryAllAs(javafx.scene.control.Label.class).iterator().next()
                .getText());
    }
}
