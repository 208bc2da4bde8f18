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
        // the window asks the engine's check too: a file Strata did not write is never written over
        Path notes = Files.writeString(dir.resolve("notes.txt"), "mine");
        fxRun(() -> view.export(first, notes, "onnx"));
        waitFor(30, () -> lookup("#runs-status").queryLabeled().getText().contains("is not a .onnx file"));
        assertThat(Files.readString(notes)).isEqualTo("mine");
        // and as a PyTorch folder, proved too (by PyTorch where the machine has it)
        Path folder = dir.resolve("first-pytorch");
        fxRun(() -> view.export(first, folder, "pytorch"));
        waitFor(120, () -> lookup("#runs-status").queryLabeled().getText().contains("first-pytorch, proved"));
        assertThat(folder.resolve("model.py")).exists();
        assertThat(Files.readString(folder.resolve("proof.json"))).contains("\"passed\" : true");
        // each proof is kept with the run, the newest shown in its row
        var proofs = fx(() -> run().runs().proofs(first));
        assertThat(proofs).extracting(org.strata.engine.runs.RunProofs.Entry::kind)
                .containsExactly("npz", "onnx", "pytorch");
        assertThat(proofs).allMatch(org.strata.engine.runs.RunProofs.Entry::passed);
        assertThat(table.getColumns().get(table.getColumns().size() - 1).getCellData(0)).asString()
                .contains("\u2713").contains(proofs.get(2).count() + "/" + proofs.get(2).count());
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

    @Test
    void weights_trained_elsewhere_come_back_as_a_run_with_their_check_beside_it(@TempDir Path dir)
            throws Exception {
        Path project = dir.resolve("xor.strata");
        Files.writeString(project, Files.readString(sample("xor")));
        fxRun(() -> window.open(project));
        fxRun(() -> editor().document().execute(Edits.setTraining(editor().document().project(), "epochs", 2)));
        trainAndWait(1);
        RunRecord first = run().runs().runs().get(0);
        // weights as a PyTorch export's train.py leaves them: Strata's layout, PyTorch's figures beside them
        Path trained = Files.createDirectories(dir.resolve("trained"));
        org.strata.engine.export.Exporters.npz(run().runs().model(first), trained.resolve("weights.npz"));
        var train = first.outcome().train();
        var test = first.outcome().test();
        Files.writeString(trained.resolve("metrics.json"), String.format(java.util.Locale.ROOT, "{\"epochs\": 2, "
                + "\"processes\": 2, \"backend\": \"Gloo\", \"device\": \"CPU\", \"torch\": \"1.13\", "
                + "\"seconds\": 1.5, \"metricName\": \"accuracy\", \"history\": [{\"epoch\": 1, \"trainLoss\": 0.5, "
                + "\"trainMetric\": 0.8, \"validationLoss\": 0.4, \"validationMetric\": 0.85, \"samples\": 640, "
                + "\"seconds\": 0.7}], \"train\": {\"loss\": %.9f, \"metric\": %.9f, \"samples\": %d}, "
                + "\"test\": {\"loss\": %.9f, \"metric\": %.9f, \"samples\": %d}}", train.loss(), train.metric(),
                train.samples(), test.loss(), test.metric(), test.samples()));
        fxRun(() -> window.importWeights(trained.resolve("weights.npz")));
        waitFor(60, () -> run().runs().runs().size() == 2);
        RunRecord imported = run().runs().runs().get(1);
        assertThat(imported.engine()).isEqualTo("PyTorch 1.13");
        assertThat(imported.testMetric()).isEqualTo(first.testMetric(), org.assertj.core.data.Offset.offset(1e-6));
        assertThat(imported.loss().length).isEqualTo(1); // PyTorch's curve, for the loss chart's overlay
        waitFor(30, () -> lookup("#runs-status").queryLabeled().getText().contains("agrees with it on 2 splits:"));
        TableView<?> table = lookup("#runs-table").queryAs(TableView.class);
        assertThat(fx(() -> table.getSelectionModel().getSelectedIndex())).isEqualTo(1);
        // weights of another network are refused, saying why, and nothing is kept
        Path other = dir.resolve("other.npz");
        org.strata.engine.model.NpzIO.write(other, java.util.Map.of("x", org.strata.engine.model.FloatArray.vector(
                new float[3])));
        fxRun(() -> window.importWeights(other));
        waitFor(60, () -> lookup("#runs-status").queryLabeled().getText().contains("Could not import the weights"));
        assertThat(lookup("#runs-status").queryLabeled().getText()).contains("other.npz does not fit XOR");
        assertThat(new RunStore(RunStore.folderFor(project)).list()).hasSize(2);
    }

    private int countBefore() {
        return fx(() -> run().runs().runs().size());
    }
}
