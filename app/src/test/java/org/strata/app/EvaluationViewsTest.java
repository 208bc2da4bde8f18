package org.strata.app;

import org.strata.engine.train.TrainingState;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.TimeUnit;
import javafx.scene.image.ImageView;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.VBox;
import org.strata.app.training.view.ChartPane;
import org.junit.jupiter.api.Test;
import org.strata.app.training.TrainingRun;
import org.testfx.util.WaitForAsyncUtils;

/** After a run: confusion cells list their samples; regression shows predicted against true. */
class EvaluationViewsTest extends AppTest {
    @Test
    void clicking_a_confusion_cell_lists_its_misclassified_digits() throws Exception {
        fxRun(() -> window.open(sample("mnist-mlp")));
        fxRun(() -> {
            editor().document().project().training().set("epochs", 1);
            run().start();
        });
        waitForFinalEvaluation(120);
        var ev = run().evaluationProperty().get();
        int truth = -1;
        int predicted = -1;
        for (int r = 0; r < ev.confusion().length && truth < 0; r++) {
            for (int c = 0; c < ev.confusion().length; c++) {
                if (r != c && ev.confusion()[r][c] > 0) {
                    truth = r;
                    predicted = c;
                    break;
                }
            }
        }
        assertThat(truth).as("one epoch leaves some digits wrong").isGreaterThanOrEqualTo(0);
        clickOn("#tab-training");
        String cell = "#confusion-" + truth + "-" + predicted;
        scrollIntoView(cell);
        clickOn(cell);
        WaitForAsyncUtils.waitForFxEvents();
        FlowPane list = lookup("#confusion-sample-list").queryAs(FlowPane.class);
        long expected = Math.min(60, ev.confusion()[truth][predicted]);
        assertThat(list.getChildren()).hasSize((int) expected);
        VBox first = (VBox) list.getChildren().get(0);
        assertThat(first.getChildren().get(0)).isInstanceOf(ImageView.class);
        ImageView picture = (ImageView) first.getChildren().get(0);
        assertThat(picture.getImage().getWidth()).isEqualTo(28);
        assertThat(lookup("#confusion-samples .confusion-title").queryLabeled().getText())
                .contains("taken for \u201c" + ev.classNames().get(predicted) + "\u201d");
        // the pop-over opens on the side of the cell with room: inside the window, not past its right edge
        var pop = lookup("#confusion-samples").query();
        javafx.geometry.Bounds p = fx(() -> pop.localToScreen(pop.getBoundsInLocal()));
        javafx.stage.Window w = fx(() -> window.stage());
        assertThat(p.getMaxX()).isLessThanOrEqualTo(fx(() -> w.getX() + w.getWidth()) + 1);
        assertThat(p.getMinX()).isGreaterThanOrEqualTo(fx(w::getX) - 1);
    }

    @Test
    void regression_shows_predicted_against_true_for_every_test_sample() throws Exception {
        fxRun(() -> window.open(sample("linear-regression")));
        clickOn("#tool-train-start");
        waitForFinalEvaluation(120);
        WaitForAsyncUtils.waitForFxEvents();
        ChartPane scatter = lookup("#regression-scatter").queryAs(ChartPane.class);
        int count = scatter.inspect(c -> c.getXYPlot().getDataset().getItemCount(0));
        assertThat(count).isEqualTo(run().evaluationProperty().get().samples());
        // a trained y = 2x + 1 puts its predictions near the diagonal
        double worst = scatter.inspect(c -> {
            var data = c.getXYPlot().getDataset();
            double w = 0;
            for (int i = 0; i < data.getItemCount(0); i++) {
                w = Math.max(w, Math.abs(data.getYValue(0, i) - data.getXValue(0, i)));
            }
            return w;
        });
        assertThat(worst).isLessThan(1.0);
    }

    @Test
    void every_chart_offers_save_as_png_and_copy_and_the_png_is_twice_the_screen_size(
            @org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) throws Exception {
        fxRun(() -> window.open(sample("linear-regression")));
        clickOn("#tool-train-start");
        waitFor(120, () -> !run().isActive());
        ChartPane loss = lookup("#loss-chart").queryAs(ChartPane.class);
        assertThat(loss.menuItems()).extracting(javafx.scene.control.MenuItem::getText)
                .containsExactly("Save Chart as PNG\u2026", "Copy Chart");
        java.nio.file.Path png = dir.resolve("loss.png");
        loss.savePng(png);
        var img = javax.imageio.ImageIO.read(png.toFile());
        assertThat(img.getWidth()).isEqualTo(2 * (int) Math.round(fx(loss::getWidth)));
        assertThat(img.getHeight()).isEqualTo(2 * (int) Math.round(fx(loss::getHeight)));
        fxRun(() -> loss.menuItems().get(1).fire());
        assertThat(fx(() -> javafx.scene.input.Clipboard.getSystemClipboard().hasImage())).isTrue();
    }

    @Test
    void the_validation_confusion_matrix_follows_each_epoch_and_the_test_data_comes_after_the_run() throws Exception {
        fxRun(() -> window.open(sample("mnist-mlp")));
        fxRun(() -> {
            editor().document().project().training().set("epochs", 500); // still running when looked at
            run().start();
        });
        waitFor(120, () -> run().evaluationEpoch() >= 1 && run().isActive());
        assertThat(fx(() -> lookup("#confusion-title").queryLabeled().getText())).startsWith("Validation data after epoch");
        assertThat(run().evaluatedSplit()).isSameAs(run().dataset().validation());
        clickOn("#tool-train-stop");
        waitForFinalEvaluation(120);
        assertThat(run().evaluatedSplit()).isSameAs(run().dataset().test());
        assertThat(fx(() -> lookup("#confusion-title").queryLabeled().getText())).startsWith("Test data");

        // the next run keeps the grid (no new nodes to lay out while it trains), emptied until its first epoch
        javafx.scene.Node cell = lookup("#confusion-0-0").query();
        String[] atStart = fx(() -> {
            run().start();
            return new String[]{lookup("#confusion-title").queryLabeled().getText(),
                    lookup("#confusion-0-0").queryLabeled().getText()};
        });
        assertThat(atStart[0]).isEqualTo("Waiting for the first epoch's evaluation\u2026");
        assertThat(atStart[1]).isEmpty();
        waitFor(120, () -> run().evaluationProperty().get() != null);
        assertThat(fx(() -> lookup("#confusion-0-0").queryLabeled().getText())).matches("\\d+");
        javafx.scene.Node after = fx(() -> lookup("#confusion-0-0").query());
        assertThat(after).isSameAs(cell);
        clickOn("#tool-train-stop");
        waitFor(120, () -> !run().isActive());
    }

    @Test
    void a_run_that_blows_up_selects_the_layer_it_blames(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir)
            throws Exception {
        fxRun(() -> window.open(sample("linear-regression")));
        fxRun(() -> {
            var p = editor().document().project();
            p.training().set("optimizer", "sgd").set("learningRate", 10.0); // y = wx + b diverges at once
            run().start();
        });
        waitFor(120, () -> run().phase() == TrainingState.FAILED);
        String blamed = run().failedNode().orElseThrow();
        assertThat(editor().document().selection().nodes()).containsExactly(blamed);
        assertThat(lookup("#training-error").queryAs(javafx.scene.control.DialogPane.class).getContentText())
                .contains("Lower the learning rate");
        clickOn("OK");
    }
}
