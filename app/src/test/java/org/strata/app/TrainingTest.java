package org.strata.app;

import org.strata.engine.train.TrainingState;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javafx.scene.control.DialogPane;
import javafx.scene.input.KeyCode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.strata.app.training.TrainingRun;
import org.testfx.util.WaitForAsyncUtils;

/** Train from the window: loss points arrive and fall, pause / step / resume / stop, failures are explained. */
class TrainingTest extends AppTest {
    @Test
    void xor_trains_from_the_toolbar_and_its_loss_falls() throws Exception {
        fxRun(() -> window.open(sample("xor")));
        clickOn("#tool-train-start");
        waitFor(60, () -> run().curves().history().train().size() >= 200);
        assertThat(lookup("#tab-training").tryQuery()).isPresent();
        int nodes = editor().document().graph().nodes().size();
        waitFor(120, () -> run().phase() == TrainingState.FINISHED);
        List<double[]> points = fx(() -> new java.util.ArrayList<>(run().curves().history().train()));
        double first = points.subList(0, 20).stream().mapToDouble(p -> p[1]).average().orElseThrow();
        double last = points.subList(points.size() - 20, points.size()).stream().mapToDouble(p -> p[1]).average()
                .orElseThrow();
        assertThat(last).isLessThan(first * 0.5);
        assertThat(run().curves().history().validation()).isNotEmpty();
        assertThat(run().curves().history().metric()).isNotEmpty();
        // the held-out data's confusion matrix appears when the run ends
        waitForFinalEvaluation(60);
        var ev = run().evaluationProperty().get();
        assertThat(ev.metric()).isGreaterThan(0.9);
        assertThat(lookup("#confusion-title").queryLabeled().getText()).contains("% correct");
        assertThat(lookup("#confusion-0-0").queryLabeled().getText()).isEqualTo(Long.toString(ev.confusion()[0][0]));
        // XOR has two features: its decision boundary is drawn behind the points
        waitFor(30, () -> run().boundaryProperty().get() != null);
        assertThat(run().dataPoints().classes()).isEqualTo(2);
        assertThat(lookup("#boundary").tryQuery()).isPresent();
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(paintedShare("#boundary")).as("share of the boundary view painted").isGreaterThan(0.5);
        // editable again
        clickOn("#node-hidden");
        push(KeyCode.DELETE);
        assertThat(editor().document().graph().nodes()).hasSize(nodes - 1);
    }

    /** The share of a node's pixels that are not blank (neither transparent nor white). */
    private double paintedShare(String query) throws Exception {
        javafx.scene.image.Image img = fx(() -> lookup(query).query().snapshot(null, null));
        javafx.scene.image.PixelReader r = img.getPixelReader();
        long painted = 0;
        long all = 0;
        for (int y = 0; y < img.getHeight(); y += 4) {
            for (int x = 0; x < img.getWidth(); x += 4) {
                int argb = r.getArgb(x, y);
                all++;
                if ((argb >>> 24) > 0 && (argb & 0xffffff) != 0xffffff) painted++;
            }
        }
        return all == 0 ? 0 : (double) painted / all;
    }

    @Test
    void pause_step_resume_and_stop() throws Exception {
        fxRun(() -> window.open(sample("mnist-mlp")));
        fxRun(() -> {
            editor().document().project().training().set("epochs", 500); // still running when the test stops it
            run().start();
        });
        waitFor(90, () -> run().curves().history().train().size() >= 5);
        clickOn("#tool-train-pause");
        waitFor(30, () -> run().phase() == TrainingState.PAUSED);
        Thread.sleep(500); // let the last events in
        WaitForAsyncUtils.waitForFxEvents();
        int before = fx(() -> run().curves().history().train().size());
        clickOn("#tool-train-step");
        waitFor(30, () -> run().curves().history().train().size() == before + 1);
        assertThat(run().phase()).isEqualTo(TrainingState.PAUSED);
        // the graph is read-only while a run is active: Delete is refused and the status bar says why
        int nodes = editor().document().graph().nodes().size();
        clickOn("#node-dense1");
        push(KeyCode.DELETE);
        assertThat(editor().document().graph().nodes()).hasSize(nodes);
        assertThat(lookup("#status-bar .status-label").queryLabeled().getText()).contains("stop it to edit");
        clickOn("#tool-train-start"); // resumes when paused
        waitFor(30, () -> run().phase() == TrainingState.RUNNING);
        clickOn("#tool-train-stop");
        waitFor(30, () -> run().phase() == TrainingState.STOPPED);
        assertThat(editor().document().readOnlyProperty().get()).isFalse();
    }

    @Test
    void a_chinese_reader_reads_the_run_and_its_mistakes_in_chinese() throws Exception {
        fxRun(() -> window.setLanguage(java.util.Locale.SIMPLIFIED_CHINESE));
        fxRun(() -> window.open(sample("xor")));
        fxRun(() -> editor().document().execute(org.strata.app.document.Edits.setTraining(
                editor().document().project(), "epochs", 1)));
        clickOn("#tool-train-start");
        waitFor(120, () -> run().phase() == TrainingState.FINISHED);
        // looked up on the JavaFX thread: the window is still settling after the switch
        assertThat(fx(() -> lookup("#status-bar .status-label").queryLabeled().getText())).isEqualTo("已完成 1 轮");
        // the output layer one unit too wide for XOR's two classes: the engine's advice, in Chinese
        fxRun(() -> editor().document().execute(org.strata.app.document.Edits.setParam(
                editor().document().graph(), "dense", "units", 3)));
        clickOn("#tool-train-start");
        waitFor(60, () -> run().phase() == TrainingState.FAILED);
        DialogPane dialog = fx(() -> lookup("#training-error").queryAs(DialogPane.class));
        assertThat(fx(dialog::getContentText)).contains("数据集有 2 个类别").contains("单元数设为 2");
        assertThat(fx(() -> lookup("#training-error .button").queryButton().getText()))
                .isEqualTo("确定"); // not JavaFX's "OK"
        clickOn("#training-error .button");
    }

    @Test
    void a_failure_is_explained_and_the_editor_stays_usable(@TempDir Path dir) throws Exception {
        Path project = dir.resolve("iris.strata");
        Files.writeString(project, Files.readString(sample("iris")));
        fxRun(() -> window.open(project)); // its CSV is not next to this copy
        clickOn("#tool-train-start");
        waitFor(60, () -> run().phase() == TrainingState.FAILED);
        DialogPane dialog = lookup("#training-error").queryAs(DialogPane.class);
        assertThat(dialog.getContentText()).contains("iris.csv");
        clickOn("OK");
        assertThat(editor().document().readOnlyProperty().get()).isFalse();
        clickOn("#node-" + editor().document().graph().nodes().iterator().next().id());
        push(KeyCode.DELETE);
        assertThat(editor().document().canUndo()).isTrue();
    }

    @Test
    void train_again_continues_from_the_weights_and_reset_weights_starts_over() throws Exception {
        fxRun(() -> window.open(sample("xor")));
        fxRun(() -> editor().document().execute(org.strata.app.document.Edits.setTraining(
                editor().document().project(), "epochs", 3)));
        clickOn("#tool-train-start");
        waitFor(120, () -> run().phase() == TrainingState.FINISHED);
        List<double[]> first = fx(() -> new java.util.ArrayList<>(run().curves().history().train()));
        double endLoss = first.subList(first.size() - 10, first.size()).stream().mapToDouble(p -> p[1]).average()
                .orElseThrow();
        double startLoss = first.subList(0, 10).stream().mapToDouble(p -> p[1]).average().orElseThrow();
        assertThat(fx(() -> run().canContinue())).isTrue();
        clickOn("#tool-train-start");
        waitFor(120, () -> run().phase() == TrainingState.FINISHED && run().curves().history().metric().size() == 6);
        List<double[]> both = fx(() -> new java.util.ArrayList<>(run().curves().history().train()));
        // the curve goes on: iterations number on, and the second run starts near where the first ended
        assertThat(both.get(first.size())[0]).isGreaterThan(first.get(first.size() - 1)[0]);
        double resumedLoss = both.subList(first.size(), first.size() + 10).stream().mapToDouble(p -> p[1]).average()
                .orElseThrow();
        assertThat(resumedLoss).isLessThan((startLoss + endLoss) / 2);
        assertThat(fx(() -> run().curves().history().metric().get(5)[0])).isEqualTo(6.0);
        // Reset Weights: curves cleared, the next run starts again from iteration 1
        fxRun(() -> run().resetWeights());
        assertThat(fx(() -> run().curves().history().train())).isEmpty();
        assertThat(fx(() -> run().canContinue())).isFalse();
        clickOn("#tool-train-start");
        waitFor(120, () -> run().phase() == TrainingState.FINISHED);
        assertThat(fx(() -> run().curves().history().train().get(0)[0])).isEqualTo(1.0);
        // a changed network cannot continue from weights of another shape
        fxRun(() -> editor().document().execute(org.strata.app.document.Edits.setParam(
                editor().document().graph(), "hidden", "units", 12)));
        assertThat(fx(() -> run().canContinue())).isFalse();
    }
}
