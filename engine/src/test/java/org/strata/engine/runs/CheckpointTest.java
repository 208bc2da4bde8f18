package org.strata.engine.runs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.strata.engine.Samples;
import org.strata.engine.data.DatasetLoader;
import org.strata.engine.project.Project;
import org.strata.engine.project.ProjectFile;
import org.strata.engine.train.Backends;
import org.strata.engine.train.RunProgress;
import org.strata.engine.train.TrainingSession;

/** A checkpoint holds all a run needs to go on exactly as it would have, on either engine. */
class CheckpointTest {
    @TempDir
    Path dir;

    @Test
    void a_run_resumed_from_a_checkpoint_ends_as_one_that_never_stopped_on_each_engine() throws Exception {
        for (String engine : List.of("strata", "dl4j")) {
            Project iris = ProjectFile.load(Samples.file("iris"));
            TrainingSession whole = TrainingSession.create(iris, Backends.Preference.parse(engine));
            whole.setEpochs(6);
            whole.setThreads(1);
            whole.run();

            Path run = dir.resolve(engine);
            TrainingSession first = TrainingSession.create(iris, Backends.Preference.parse(engine));
            first.setEpochs(3);
            first.setThreads(1);
            RunRecorder recorder = RunRecorder.attach(first);
            List<String> problems = new ArrayList<>();
            recorder.checkpointEvery(run, 0, problems::add);
            first.run(); // ends after epoch 3 and is never kept: as if it had been killed there
            assertEquals(List.of(), problems);

            Checkpoint c = Checkpoint.read(run);
            assertEquals(3, c.progress().epochsDone());
            assertEquals(first.progress().iterations(), c.progress().iterations());
            RunProgress goOn = new RunProgress(3, c.progress().iterations(), 6, c.progress().bestEpoch(),
                    c.progress().bestLoss());
            TrainingSession second = TrainingSession.resume(iris, DatasetLoader.load(iris), c.network(),
                    goOn, c.best());
            second.setThreads(1);
            RunRecorder.resume(second, c);
            second.run();

            INDArray expected = whole.backend().parameters();
            double diff = expected.sub(second.backend().parameters()).amaxNumber().doubleValue();
            assertTrue(diff < 1e-5, engine + ": resumed weights differ by " + diff);
            assertTrue(expected.sub(c.network().parameters()).amaxNumber().doubleValue() < 1e-5,
                    "the checkpoint's network is the one that trained on");
            assertEquals(whole.bestEpoch(), second.bestEpoch(), engine);
            assertEquals(whole.progress().iterations(), second.progress().iterations(), engine);
        }
    }

    @Test
    void a_checkpoint_names_what_changed_in_the_project_since_and_keeps_only_its_latest_files() throws Exception {
        Project xor = ProjectFile.load(Samples.file("xor"));
        TrainingSession s = TrainingSession.create(xor);
        s.setEpochs(3);
        RunRecorder.attach(s).checkpointEvery(dir.resolve("run"), 0, p -> {
            throw new AssertionError(p);
        });
        s.run();
        Path folder = Checkpoint.folderFor(dir.resolve("run"));
        try (var files = Files.list(folder)) {
            assertEquals(List.of("best-3.npz", "checkpoint.json", "model-3.zip"), files.map(f -> f.getFileName().toString())
                    .sorted().toList(), "epochs 1 and 2's files are gone");
        }
        Checkpoint c = Checkpoint.read(dir.resolve("run"));
        Project moved = xor.copy();
        moved.graph().nodes().forEach(n -> n.moveTo(n.x() + 40, n.y()));
        assertEquals(java.util.Optional.empty(), c.changedIn(moved), "moving nodes changes no network");
        Project wider = xor.copy();
        wider.graph().node("hidden").orElseThrow().params().set("units", 16);
        assertEquals(java.util.Optional.of("its layers or their settings"), c.changedIn(wider));
        Project faster = xor.copy();
        faster.training().set("learningRate", 0.5);
        assertEquals(java.util.Optional.of("its training settings"), c.changedIn(faster));
    }

    @Test
    void a_damaged_or_missing_checkpoint_is_named_with_what_to_do() throws Exception {
        Path run = dir.resolve("gone");
        var none = org.junit.jupiter.api.Assertions.assertThrows(java.io.IOException.class,
                () -> Checkpoint.read(run));
        assertTrue(none.getMessage().startsWith("there is no checkpoint for " + run), none.getMessage());
        Path folder = Files.createDirectories(Checkpoint.folderFor(run));
        Files.writeString(folder.resolve("checkpoint.json"), "{\"formatVersion\": 1, \"epochsD");
        var damaged = org.junit.jupiter.api.Assertions.assertThrows(java.io.IOException.class,
                () -> Checkpoint.read(run));
        assertTrue(damaged.getMessage().contains("is damaged (not JSON); train afresh without --resume"),
                damaged.getMessage());
    }
}
