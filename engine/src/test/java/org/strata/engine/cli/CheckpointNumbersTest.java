package org.strata.engine.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Consumer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.strata.engine.Samples;
import org.strata.engine.project.ProjectFile;
import org.strata.engine.runs.Checkpoint;
import org.strata.engine.runs.RunRecorder;
import org.strata.engine.train.TrainingSession;

/** {@code train --resume} checks a checkpoint's numbers and names the field that is wrong, never trusting it. */
class CheckpointNumbersTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    @TempDir
    static Path dir;
    static Path run;
    static String written;
    /** The checkpoint's files as the run left them: each test starts from them (a resume that goes on removes them). */
    static Path pristine;

    @BeforeAll
    static void a_run_that_stopped_after_3_of_5_epochs() throws Exception {
        run = dir.resolve("run");
        TrainingSession s = TrainingSession.create(ProjectFile.load(Samples.file("xor")));
        s.setEpochs(3);
        RunRecorder.attach(s).checkpointEvery(run, 0, p -> {
            throw new AssertionError(p);
        });
        s.run(); // never kept: as if killed after epoch 3
        Path json = Checkpoint.folderFor(run).resolve("checkpoint.json");
        ObjectNode o = (ObjectNode) JSON.readTree(json.toFile());
        o.put("epochs", 5); // as a run started with 5 epochs would have written it
        written = o.toString();
        pristine = Files.createDirectories(dir.resolve("pristine"));
        try (var files = Files.list(Checkpoint.folderFor(run))) {
            for (Path f : files.toList()) Files.copy(f, pristine.resolve(f.getFileName()));
        }
    }

    private static String resumeWith(Consumer<ObjectNode> edit) throws Exception {
        ObjectNode o = (ObjectNode) JSON.readTree(written);
        edit.accept(o);
        org.strata.engine.runs.RunStore.deleteTree(run); // what an earlier resume (on a Strata that trusted) kept
        Path folder = Files.createDirectories(Checkpoint.folderFor(run));
        try (var files = Files.list(pristine)) {
            for (Path f : files.toList()) {
                Files.copy(f, folder.resolve(f.getFileName()), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            }
        }
        Files.writeString(Checkpoint.folderFor(run).resolve("checkpoint.json"), o.toString());
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int status = StrataCli.run(new PrintWriter(out, true), new PrintWriter(err, true), "train",
                Samples.file("xor").toString(), "--resume", run.toString());
        assertEquals(1, status, "out: " + out + "\nerr: " + err);
        assertFalse(Files.exists(run.resolve("run.json")), "no run is kept from a checkpoint refused");
        return err.toString();
    }

    @Test
    void more_epochs_done_than_the_run_trains_is_refused_naming_epochs_done() throws Exception {
        String err = resumeWith(o -> o.put("epochsDone", 100));
        assertTrue(err.contains("checkpoint.json: its field epochsDone is 100, more than the 5 epochs the run trains"),
                err);
        assertTrue(err.contains("train afresh without --resume"), err);
    }

    @Test
    void a_negative_iteration_count_is_refused_naming_iterations() throws Exception {
        String err = resumeWith(o -> o.put("iterations", -5));
        assertTrue(err.contains("its field iterations is -5 where a whole number from 0 up belongs"), err);
    }

    @Test
    void epochs_done_that_disagree_with_the_curves_rows_are_refused() throws Exception {
        String err = resumeWith(o -> ((ArrayNode) o.path("curves").path("epochs")).remove(2));
        assertTrue(err.contains("its field curves.epochs holds 2 row(s) but epochsDone is 3"), err);
        err = resumeWith(o -> o.put("epochsDone", 2).put("bestEpoch", 1).put("model", "model-2.zip"));
        assertTrue(err.contains("its field curves.epochs holds 3 row(s) but epochsDone is 2"), err);
    }

    @Test
    void a_best_epoch_after_the_epochs_done_or_a_bad_learning_rate_or_a_mistyped_field_is_named() throws Exception {
        String err = resumeWith(o -> o.put("bestEpoch", 7));
        assertTrue(err.contains("its field bestEpoch is 7, after the 3 epochs done"), err);
        err = resumeWith(o -> ((ArrayNode) o.path("curves").path("epochs").path(1)).set(6, JSON.getNodeFactory()
                .numberNode(-0.1)));
        assertTrue(err.contains("its field curves.epochs[1]'s learning rate is -0.1"), err);
        err = resumeWith(o -> o.put("epochs", "5"));
        assertTrue(err.contains("its field epochs is the text \"5\""), err);
        err = resumeWith(o -> o.put("model", "model-1.zip"));
        assertTrue(err.contains("its field model is the text \"model-1.zip\" where the file written after epoch 3"),
                err);
    }
}
