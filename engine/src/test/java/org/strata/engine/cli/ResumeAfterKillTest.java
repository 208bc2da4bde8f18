package org.strata.engine.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.strata.engine.Samples;
import org.strata.engine.model.TrainedModel;
import org.strata.engine.runs.Checkpoint;
import org.strata.engine.train.ModelArrays;

/**
 * A run killed with {@code kill -9} in the middle goes on with {@code --resume} to the very weights the run would
 * have had uninterrupted: the checkpoint holds weights, optimizer state and step count, and the batches come in the
 * order the seed draws them.
 */
class ResumeAfterKillTest {
    private static final String EPOCHS = "40";

    @TempDir
    Path dir;

    private static CliTest.Result cli(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int status = StrataCli.run(new PrintWriter(out, true), new PrintWriter(err, true), args);
        return new CliTest.Result(status, out.toString(), err.toString());
    }

    @Test
    void a_run_killed_mid_way_resumes_to_the_weights_of_an_uninterrupted_run() throws Exception {
        String project = Samples.file("digits-8x8").toString();
        Path whole = dir.resolve("whole");
        CliTest.Result uninterrupted = cli("train", project, "--epochs", EPOCHS, "--threads", "1", "--out",
                whole.toString());
        assertEquals(0, uninterrupted.status(), uninterrupted.err());
        assertFalse(Files.exists(Checkpoint.folderFor(whole)), "a kept run leaves no checkpoint behind");

        Path killed = dir.resolve("killed");
        Process child = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx1g", "-cp", System.getProperty("java.class.path"), StrataCli.class.getName(), "train", project,
                "--epochs", EPOCHS, "--threads", "1", "--checkpoint-every", "0", "--out", killed.toString())
                .redirectErrorStream(true).redirectOutput(dir.resolve("child.log").toFile()).start();
        Path json = Checkpoint.folderFor(killed).resolve("checkpoint.json");
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        while (epochsIn(json) < 3 && child.isAlive() && System.nanoTime() < deadline) Thread.sleep(5);
        child.destroyForcibly(); // SIGKILL: nothing of the child's runs after this
        assertTrue(child.waitFor(30, TimeUnit.SECONDS));
        int at = epochsIn(json);
        assertTrue(at >= 3 && at < 40, "killed after epoch " + at + "; log:\n" + Files.readString(dir.resolve(
                "child.log")));
        assertFalse(Files.exists(killed.resolve("run.json")), "the child finished before it was killed");

        CliTest.Result resumed = cli("train", project, "--resume", killed.toString(), "--threads", "1");
        assertEquals(0, resumed.status(), resumed.err());
        assertTrue(resumed.out().contains("Resuming Digits 8×8 after epoch " + at + " of 40"), resumed.out());
        assertFalse(Files.exists(Checkpoint.folderFor(killed)), "the resumed run, kept, leaves no checkpoint");

        Map<String, INDArray> expected = ModelArrays.nd4j(TrainedModel.load(whole.resolve("model.zip")).weights());
        Map<String, INDArray> actual = ModelArrays.nd4j(TrainedModel.load(killed.resolve("model.zip")).weights());
        assertEquals(expected.keySet(), actual.keySet());
        for (String k : expected.keySet()) {
            double diff = expected.get(k).sub(actual.get(k)).amaxNumber().doubleValue();
            assertTrue(diff < 1e-5, k + " differs by " + diff + " from the uninterrupted run's");
        }
        JsonNode run = new ObjectMapper().readTree(killed.resolve("run.json").toFile());
        assertEquals(40, run.path("epochs").asInt());
        List<String> rows = Files.readAllLines(killed.resolve("metrics.csv"));
        assertEquals(41, rows.size(), "one row per epoch, those before the kill too");
        assertEquals(Files.readAllLines(whole.resolve("metrics.csv")).get(40).split(",")[1], rows.get(40).split(",")[1],
                "the last epoch's training loss is the uninterrupted run's");
    }

    @Test
    void resume_refuses_a_changed_project_a_finished_run_and_a_folder_without_checkpoint() throws Exception {
        Path project = dir.resolve("xor.strata");
        Files.copy(Samples.file("xor"), project);
        Path run = dir.resolve("run");
        CliTest.Result none = cli("train", project.toString(), "--resume", run.toString());
        assertEquals(1, none.status());
        assertTrue(none.err().contains("there is no checkpoint for " + run), none.err());

        CliTest.Result r = cli("train", project.toString(), "--epochs", "3", "--out", run.toString());
        assertEquals(0, r.status(), r.err());
        CliTest.Result finished = cli("train", project.toString(), "--resume", run.toString());
        assertEquals(2, finished.status());
        assertTrue(finished.err().contains("holds a finished run: there is nothing to resume"), finished.err());

        CliTest.Result both = cli("train", project.toString(), "--resume", run.toString(), "--out", "x");
        assertEquals(2, both.status());
        assertTrue(both.err().contains("leave out --out"), both.err());
    }

    /** @return the epochs a checkpoint file says were done, 0 while there is none (or it is being replaced) */
    private static int epochsIn(Path json) {
        try {
            return new ObjectMapper().readTree(json.toFile()).path("epochsDone").asInt();
        } catch (java.io.IOException e) {
            return 0;
        }
    }
}
