package org.strata.app;

import org.strata.engine.train.TrainingState;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import javafx.scene.control.TableView;
import org.strata.app.training.view.ChartPane;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.strata.app.document.Edits;
import org.strata.app.training.view.RunsView;
import org.strata.app.training.TrainingRun;
import org.strata.engine.runs.RunRecord;
import org.strata.engine.runs.RunStore;
import org.testfx.util.WaitForAsyncUtils;

/** Runs are kept with the project: listed, overlaid on the loss chart, used again, exported, deleted. */
class RunsTest extends AppTest {
    private void trainAndWait(int runs) throws Exception {
        clickOn("#tool-train-start");
        waitFor(120, () -> run().phase() == TrainingState.FINISHED && run().runs().runs().size() == runs);
    }

    @Test
    void each_run_is_kept_beside_the_project_and_can_be_overlaid_used_exported_and_deleted(@TempDir Path dir)
            throws Exception {
        Path project = dir.resolve("xor.strata");
        Files.writeString(project, Files.readString(sample("xor")));
        fxRun(() -> window.open(project));
        fxRun(() -> editor().document().execute(Edits.setTraining(editor().document().project(), "epochs", 3)));
        trainAndWait(1);
        fxRun(() -> run().resetWeights());
        fxRun(() -> editor().document().execute(Edits.setTraining(editor().document().project(), "learningRate",
                0.003)));
        trainAndWait(2);
        // kept on disk beside the project, readable by the engine
        var kept = new RunStore(RunStore.folderFor(project)).list();
        assertThat(kept).hasSize(2);
        assertThat(kept.get(1).settings().get("learningRate")).isEqualTo("0.003");
        assertThat(kept.get(0).epochs()).isEqualTo(3);
        assertThat(kept.get(0).loss()).isNotEmpty();
        // the Runs tab lists them; ticking the first overlays its loss curve
        clickOn("#tab-runs");
        TableView<?> table = lookup("#runs-table").queryAs(TableView.class);
        assertThat(table.getItems()).hasSize(2);
        RunRecord first = run().runs().runs().get(0);
        fxRun(() -> run().runs().setOverlaid(first, true));
        ChartPane loss = lookup("#loss-chart").queryAs(ChartPane.class);
        WaitForAsyncUtils.waitForFxEvents();
        int series = loss.inspect(c -> c.getXYPlot().getDataset().getSeriesCount());
        String overlay = loss.inspect(c -> c.getXYPlot().getDataset().getSeriesKey(3).toString());
        assertThat(series).isEqualTo(4);
        // named by when it ran and how it differs from the project now (its learning rate), not by its id
        assertThat(overlay).isEqualTo("run at " + first.started().substring(11, 16) + ": learning rate 0.03");
        // use the first run's weights again: its test accuracy comes back
        fxRun(() -> run().useRun(first));
        waitFor(60, () -> run().phase() == TrainingState.FINISHED && run().evaluationProperty().get() != null);
        assertThat(run().messageProperty().get()).contains(first.id());
        assertThat(run().evaluationProperty().get().metric()).isEqualTo(first.testMetric(),
                org.assertj.core.data.Offset.offset(1e-6));
        assertThat(run().canContinue()).isTrue();
        // export its weights as .npz
        Path npz = dir.resolve("first.npz");
        RunsView view = lookup("#runs-view").queryAs(RunsView.class);
        fxRun(() -> view.export(first, npz, "npz"));
        waitFor(60, () -> Files.exists(npz));
        waitFor(30, () -> lookup("#runs-status").queryLabeled().getText().contains("Exported"));
        // and as ONNX, proved on the project's own test samples, the proof said beside the runs
        Path onnx = dir.resolve("first.onnx");
        fxRun(() -> view.export(first, onnx, "onnx"));
        waitFor(90, () -> lookup("#runs-status").queryLabeled().getText().contains("first.onnx, proved"));
        assertThat(lookup("#runs-status").queryLabeled().getText()).contains("(test split)");
        assertThat(Files.readString(dir.resolve("first.onnx.proof.json"))).contains("\"passed\" : true");
        // and as a PyTorch folder, proved too (by PyTorch where the machine has it)
        Path folder = dir.resolve("first-pytorch");
        fxRun(() -> view.export(first, folder, "pytorch"));
        waitFor(120, () -> lookup("#runs-status").queryLabeled().getText().contains("first-pytorch, proved"));
        assertThat(folder.resolve("model.py")).exists();
        assertThat(Files.readString(folder.resolve("proof.json"))).contains("\"passed\" : true");
        // delete it
        fxRun(() -> {
            try {
                run().runs().delete(first);
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
        assertThat(new RunStore(RunStore.folderFor(project)).list()).hasSize(1);
        WaitForAsyncUtils.waitForFxEvents();
        int after = loss.inspect(c -> c.getXYPlot().getDataset().getSeriesCount());
        assertThat(after).isEqualTo(3);
    }

    @Test
    void runs_of_a_project_not_saved_yet_move_beside_it_when_it_is_saved(@TempDir Path dir) throws Exception {
        // a bundled sample is a template: its runs wait in a temporary folder, then go where it is saved
        fxRun(() -> window.open(sample("xor")));
        fxRun(() -> editor().document().execute(Edits.setTraining(editor().document().project(), "epochs", 2)));
        trainAndWait(countBefore() + 1);
        Path saved = dir.resolve("mine.strata");
        fxRun(() -> window.saveTo(saved));
        waitFor(30, () -> new RunStore(RunStore.folderFor(saved)).list().size() == 1);
        assertThat(Files.exists(RunStore.folderFor(sample("xor")))).as("nothing written into the samples").isFalse();
    }

    private int countBefore() {
        return fx(() -> run().runs().runs().size());
    }
}
