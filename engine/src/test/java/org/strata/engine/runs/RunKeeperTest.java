package org.strata.engine.runs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.strata.engine.Samples;
import org.strata.engine.project.Project;
import org.strata.engine.project.ProjectFile;
import org.strata.engine.train.RunProgress;
import org.strata.engine.train.TrainingSession;

/**
 * The one run keeper of the window and the command line: checkpoints as it trains, a run left unkept by a process
 * that is gone is found as interrupted, resumed with every epoch's row, and discarded without touching what Strata
 * did not write.
 */
class RunKeeperTest {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    @TempDir
    Path dir;

    /** Trains {@code epochs} of xor with a checkpoint after each, and never keeps the run: as if killed there. */
    private RunKeeper interrupted(RunStore store, int epochs, long iterationsBefore, int epochsBefore)
            throws Exception {
        TrainingSession s = TrainingSession.create(ProjectFile.load(Samples.file("xor")));
        s.setEpochs(epochs);
        s.setThreads(1);
        RunKeeper k = RunKeeper.inStore(store, s, iterationsBefore, epochsBefore, epochsBefore == 0 ? "" : "run-0",
                0, p -> {
                    throw new AssertionError(p);
                });
        s.run();
        return k;
    }

    /** Makes a checkpoint look written by a process that has ended (as after {@code kill -9}). */
    private static void byAnEndedProcess(Path runDir) throws Exception {
        Path json = Checkpoint.folderFor(runDir).resolve("checkpoint.json");
        ObjectNode o = (ObjectNode) MAPPER.readTree(json.toFile());
        o.put("processStarted", "1970-01-01T00:00:00Z");
        Files.write(json, MAPPER.writeValueAsBytes(o));
    }

    @Test
    void a_checkpoint_of_a_process_gone_is_an_interrupted_run_and_one_still_training_is_not() throws Exception {
        RunStore store = new RunStore(dir.resolve("xor.runs"));
        RunKeeper k = interrupted(store, 2, 0, 0);
        assertTrue(Checkpoint.exists(k.dir()));
        assertEquals(List.of(), InterruptedRuns.in(store.folder()), "this process wrote it: a run going on");
        byAnEndedProcess(k.dir());
        assertEquals(List.of(new InterruptedRuns.Run(k.dir(), 2, 2)), InterruptedRuns.in(store.folder()));

        RunRecorder.Kept kept = k.keep();
        assertNull(kept.problem());
        assertEquals(k.dir().getFileName().toString(), kept.record().id());
        assertFalse(Files.exists(Checkpoint.folderFor(k.dir())), "a kept run leaves no checkpoint");
        assertEquals(List.of(), InterruptedRuns.in(store.folder()));
    }

    @Test
    void a_continued_run_resumed_from_its_checkpoint_keeps_every_epoch_numbered_on() throws Exception {
        RunStore store = new RunStore(dir.resolve("xor.runs"));
        // a run that continues a kept run of 3 epochs (the window's Train after a run), killed after 2 of its 5
        RunKeeper k = interrupted(store, 2, 1000, 3);
        Checkpoint c = Checkpoint.read(k.dir()); // its curves number on from the kept run's steps
        Project xor = ProjectFile.load(Samples.file("xor"));
        Checkpoint goOn = new Checkpoint(c.model(), c.network(), new RunProgress(2, c.progress().iterations(), 5,
                c.progress().bestEpoch(), c.progress().bestLoss()), c.best(), c.curves());
        TrainingSession s = RunKeeper.resumeSession(xor, goOn);
        s.setThreads(1);
        RunKeeper resumed = RunKeeper.resumed(k.dir(), s, goOn, 0, p -> {
            throw new AssertionError(p);
        });
        s.run();
        RunRecorder.Kept kept = resumed.keep();
        assertNull(kept.problem());
        List<String> rows = Files.readAllLines(k.dir().resolve("metrics.csv"));
        assertEquals(List.of("4", "5", "6", "7", "8"), rows.subList(1, rows.size()).stream()
                .map(r -> r.split(",")[0]).toList(), "every epoch's row, numbered on from the run it continues");
        assertEquals("run-0", kept.record().continuedFrom());
        assertFalse(Files.exists(Checkpoint.folderFor(k.dir())));
    }

    @Test
    void discarding_an_interrupted_run_removes_only_the_files_of_its_checkpoint() throws Exception {
        RunStore store = new RunStore(dir.resolve("xor.runs"));
        RunKeeper mine = interrupted(store, 1, 0, 0);
        byAnEndedProcess(mine.dir());
        Path notes = Files.writeString(Checkpoint.folderFor(mine.dir()).resolve("notes.txt"), "mine");
        InterruptedRuns.discard(InterruptedRuns.in(store.folder()).get(0));
        assertTrue(Files.exists(notes), "a file Strata did not write stays");
        assertFalse(Checkpoint.exists(mine.dir()));
        assertFalse(Files.exists(mine.dir()), "the run's reserved, empty folder is given back");

        RunKeeper clean = interrupted(store, 1, 0, 0);
        byAnEndedProcess(clean.dir());
        InterruptedRuns.discard(InterruptedRuns.in(store.folder()).get(0));
        assertFalse(Files.exists(Checkpoint.folderFor(clean.dir())), "a checkpoint's own folder goes with it");
        assertEquals(List.of(), InterruptedRuns.in(store.folder()));
    }
}
