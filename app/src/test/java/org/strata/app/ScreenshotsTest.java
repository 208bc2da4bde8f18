package org.strata.app;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import javafx.embed.swing.SwingFXUtils;
import javafx.scene.image.WritableImage;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Writes the README's screenshots (the seed CNN in both themes and both languages) when run with
 * {@code -Dstrata.screenshots=DIR}: {@code mvn -pl app test -Dtest=ScreenshotsTest -Dstrata.screenshots=docs}.
 * Skipped otherwise.
 */
class ScreenshotsTest extends AppTest {
    private Path out;

    @org.junit.jupiter.api.BeforeEach
    void outputFolder() throws Exception {
        String dir = System.getProperty("strata.screenshots");
        assumeTrue(dir != null, "set -Dstrata.screenshots=DIR to write screenshots");
        out = Path.of(dir).toAbsolutePath();
        Files.createDirectories(out);
    }

    /** Trains the open project for {@code epochs} and waits for the run to end. */
    private void train(int epochs) throws Exception {
        fxRun(() -> window.editor().orElseThrow().document().execute(org.strata.app.document.Edits.setTraining(
                window.editor().orElseThrow().document().project(), "epochs", epochs)));
        fxRun(() -> window.run().orElseThrow().start());
        WaitForAsyncUtils.waitFor(300, java.util.concurrent.TimeUnit.SECONDS,
                () -> fx(() -> !window.run().orElseThrow().isActive()));
    }

    @Test
    void editor_in_both_themes_and_languages() throws Exception {
        fxRun(() -> window.open(sample("mnist-cnn")));
        Thread.sleep(300);
        for (boolean dark : new boolean[]{false, true}) {
            for (Locale l : new Locale[]{Locale.ENGLISH, Locale.SIMPLIFIED_CHINESE}) {
                fxRun(() -> {
                    window.setLanguage(l);
                });
                fxRun(() -> window.editor().orElseThrow().document().selection().set(java.util.List.of("conv1")));
                setDark(dark);
                Thread.sleep(400);
                WaitForAsyncUtils.waitForFxEvents();
                String name = "main-window-" + (dark ? "dark" : "light") + "-" + l.getLanguage() + ".png";
                snap(out.resolve(name).toFile());
            }
        }
        // A classroom projector: English, light, the largest text size, the project's settings in the inspector.
        fxRun(() -> window.setLanguage(Locale.ENGLISH));
        setDark(false);
        fxRun(() -> window.setFontSize(20));
        fxRun(() -> window.editor().orElseThrow().document().selection().clear());
        Thread.sleep(400);
        WaitForAsyncUtils.waitForFxEvents();
        snap(out.resolve("main-window-projector.png").toFile());
        fxRun(() -> window.setFontSize(13));
        fxRun(() -> window.newProject());
        snap(out.resolve("start-page.png").toFile());
    }

    @Test
    void training() throws Exception {
        // Training: the spirals sample after its run, with the loss curves in the dock.
        fxRun(() -> window.open(sample("spirals")));
        fxRun(() -> window.run().orElseThrow().start());
        WaitForAsyncUtils.waitFor(180, java.util.concurrent.TimeUnit.SECONDS,
                () -> fx(() -> !window.run().orElseThrow().isActive()));
        Thread.sleep(400);
        WaitForAsyncUtils.waitForFxEvents();
        snap(out.resolve("training.png").toFile());
    }

    @Test
    void layers() throws Exception {
        // Inside the seed CNN after two epochs: the first convolution's feature maps for one test digit.
        fxRun(() -> window.open(sample("mnist-cnn")));
        train(2);
        clickOn("#tab-layers .tab-label");
        fxRun(() -> window.editor().orElseThrow().document().selection().set(java.util.List.of("conv1")));
        Thread.sleep(1500);
        WaitForAsyncUtils.waitForFxEvents();
        snap(out.resolve("layers.png").toFile());
    }

    @Test
    void runs(@org.junit.jupiter.api.io.TempDir Path dir) throws Exception {
        // Two runs of XOR at different learning rates, the first overlaid on the second's loss curve.
        Path project = dir.resolve("xor.strata");
        Files.writeString(project, Files.readString(sample("xor")));
        fxRun(() -> window.open(project));
        train(15);
        fxRun(() -> window.run().orElseThrow().resetWeights());
        fxRun(() -> window.editor().orElseThrow().document().execute(org.strata.app.document.Edits.setTraining(
                window.editor().orElseThrow().document().project(), "learningRate", 0.003)));
        train(15);
        WaitForAsyncUtils.waitFor(60, java.util.concurrent.TimeUnit.SECONDS,
                () -> fx(() -> window.run().orElseThrow().runs().runs().size() == 2));
        fxRun(() -> {
            var runs = window.run().orElseThrow().runs();
            runs.setOverlaid(runs.runs().get(0), true);
        });
        Thread.sleep(400);
        WaitForAsyncUtils.waitForFxEvents();
        snap(out.resolve("training-overlay.png").toFile());
        clickOn("#tab-runs .tab-label");
        fxRun(() -> lookup("#runs-table").queryAs(javafx.scene.control.TableView.class).getSelectionModel().select(0));
        Thread.sleep(400);
        WaitForAsyncUtils.waitForFxEvents();
        snap(out.resolve("runs.png").toFile());
    }

    @Test
    void inference() throws Exception {
        // Try it: the MNIST MLP after three epochs, a 7 drawn on the pad.
        fxRun(() -> window.open(sample("mnist-mlp")));
        train(3);
        clickOn("#tab-inference .tab-label");
        var pad = lookup("#drawing-pad").query();
        var b = fx(() -> pad.localToScreen(pad.getBoundsInLocal()));
        double w = b.getWidth();
        drag(new javafx.geometry.Point2D(b.getMinX() + 0.25 * w, b.getMinY() + 0.22 * w))
                .moveTo(new javafx.geometry.Point2D(b.getMinX() + 0.75 * w, b.getMinY() + 0.22 * w))
                .moveTo(new javafx.geometry.Point2D(b.getMinX() + 0.55 * w, b.getMinY() + 0.55 * w))
                .moveTo(new javafx.geometry.Point2D(b.getMinX() + 0.42 * w, b.getMinY() + 0.85 * w)).drop();
        Thread.sleep(600);
        WaitForAsyncUtils.waitForFxEvents();
        snap(out.resolve("inference.png").toFile());
    }

    private void setDark(boolean dark) {
        fxRun(() -> window.setDark(dark));
    }

    private void snap(File file) throws Exception {
        // The root's snapshot: Scene.snapshot and the robot's screen capture come back empty under Monocle.
        WritableImage img = fx(() -> window.stage().getScene().getRoot().snapshot(null, null));
        ImageIO.write(SwingFXUtils.fromFXImage(img, null), "png", file);
    }
}
