package org.strata.app.training;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.strata.app.document.EditorDocument;
import org.strata.app.i18n.Messages;
import org.strata.engine.project.ProjectFile;
import org.strata.engine.runs.Checkpoint;
import org.strata.engine.runs.InterruptedRuns;
import org.strata.engine.runs.RunKeeper;
import org.strata.engine.runs.RunStore;
import org.strata.engine.train.TrainingEvent;
import org.strata.engine.train.TrainingListener;
import org.strata.engine.train.TrainingSession;
import org.strata.engine.train.TrainingState;

/**
 * The offer to resume an interrupted run, without a window: what it says, Resume going on to a run kept with every
 * epoch's row, Discard removing the checkpoint and nothing else.
 */
class ResumeOfferTest {
    private static final Path SAMPLES = Path.of("..", "sample-projects").toAbsolutePath().normalize();
    private static final ObjectMapper MAPPER = new ObjectMapper();

    @BeforeAll
    static void english() {
        Messages.setLocale(Locale.ENGLISH);
    }

    /**
     * @return xor's project file in {@code dir}, with a run of it interrupted after epoch 3 of 30: its checkpoint
     *     kept as a window keeps one, the process that wrote it gone (as after {@code kill -9})
     */
    private static Path interruptedXor(Path dir) throws Exception {
        Path file = dir.resolve("xor.strata");
        Files.copy(SAMPLES.resolve("xor").resolve("xor.strata"), file);
        TrainingSession s = TrainingSession.create(ProjectFile.load(file));
        s.setThreads(1);
        RunKeeper keeper = RunKeeper.inStore(new RunStore(RunStore.folderFor(file)), s, 0, 0, "", 0, p -> {
            throw new AssertionError(p);
        });
        s.addListener(new TrainingListener() {
            @Override
            public void onEpoch(TrainingEvent.Epoch e) {
                if (e.epoch() == 3) s.stop();
            }
        });
        s.run(); // never kept: the checkpoint after epoch 3 is all that is left
        Path json = Checkpoint.folderFor(keeper.dir()).resolve("checkpoint.json");
        ObjectNode o = (ObjectNode) MAPPER.readTree(json.toFile());
        assertThat(o.path("epochsDone").asInt()).isEqualTo(3);
        o.put("processStarted", "1970-01-01T00:00:00Z"); // written by a process that has ended
        Files.write(json, MAPPER.writeValueAsBytes(o));
        return file;
    }

    private static InterruptedRuns.Run offered(ResumeOffer offer, TrainingRunLogicTest.TestThreads threads)
            throws InterruptedException {
        List<InterruptedRuns.Run> found = new CopyOnWriteArrayList<>();
        offer.check(found::add);
        threads.pumpUntil(() -> !found.isEmpty());
        return found.get(0);
    }

    @Test
    void an_interrupted_run_is_offered_and_resumed_to_a_run_kept_with_every_epoch(@TempDir Path dir)
            throws Exception {
        Path file = interruptedXor(dir);
        TrainingRunLogicTest.TestThreads threads = new TrainingRunLogicTest.TestThreads();
        TrainingRun run = new TrainingRun(new EditorDocument(ProjectFile.load(file)), null, threads);
        ResumeOffer offer = run.resumeOffer();
        InterruptedRuns.Run r = offered(offer, threads);
        assertThat(offer.header(r)).isEqualTo("A run of \u201cXOR\u201d was interrupted after epoch 3 of 30. "
                + "Resume it?");
        assertThat(offer.message(r)).contains(Checkpoint.folderFor(r.runDir()).toString());
        assertThat(offer.choices()).containsExactly("Resume", "Discard");

        offer.resume(r);
        assertThat(run.phase()).isEqualTo(TrainingState.LOADING);
        threads.pumpUntil(() -> run.phase() == TrainingState.FINISHED && run.runs().runs().size() == 1);
        List<String> rows = Files.readAllLines(r.runDir().resolve("metrics.csv"));
        assertThat(rows.subList(1, rows.size()).stream().map(l -> l.split(",")[0]).toList())
                .as("every epoch's row, those before the interruption too")
                .isEqualTo(java.util.stream.IntStream.rangeClosed(1, 30).mapToObj(String::valueOf).toList());
        assertThat(run.runs().runs().get(0).id()).isEqualTo(r.id());
        assertThat(Files.exists(Checkpoint.folderFor(r.runDir()))).as("kept: the checkpoint is gone").isFalse();
        assertThat(InterruptedRuns.in(RunStore.folderFor(file))).isEmpty();
    }

    @Test
    void discard_removes_the_checkpoint_and_leaves_what_strata_did_not_write(@TempDir Path dir) throws Exception {
        Path file = interruptedXor(dir);
        TrainingRunLogicTest.TestThreads threads = new TrainingRunLogicTest.TestThreads();
        TrainingRun run = new TrainingRun(new EditorDocument(ProjectFile.load(file)), null, threads);
        ResumeOffer offer = run.resumeOffer();
        InterruptedRuns.Run r = offered(offer, threads);
        Path mine = Files.writeString(Checkpoint.folderFor(r.runDir()).resolve("my-notes.txt"), "mine");
        offer.discard(r);
        threads.pumpUntil(() -> !Checkpoint.exists(r.runDir()));
        assertThat(mine).exists();
        assertThat(InterruptedRuns.in(RunStore.folderFor(file))).isEmpty();
        assertThat(run.phase()).as("nothing trains").isEqualTo(TrainingState.IDLE);
    }

    @Test
    void a_run_of_a_changed_project_is_refused_naming_the_change_in_the_window_s_language(@TempDir Path dir)
            throws Exception {
        Path file = interruptedXor(dir);
        var project = ProjectFile.load(file);
        project.training().set("learningRate", 0.5); // not the settings the run began with
        TrainingRunLogicTest.TestThreads threads = new TrainingRunLogicTest.TestThreads();
        TrainingRun run = new TrainingRun(new EditorDocument(project), null, threads);
        ResumeOffer offer = run.resumeOffer();
        InterruptedRuns.Run r = offered(offer, threads);
        Messages.setLocale(Locale.SIMPLIFIED_CHINESE);
        try {
            offer.resume(r);
            threads.pumpUntil(() -> run.phase() == TrainingState.FAILED);
            assertThat(run.messageProperty().get()).contains("训练设置").doesNotContain("its training settings");
        } finally {
            Messages.setLocale(Locale.ENGLISH);
        }
        assertThat(Checkpoint.exists(r.runDir())).as("refused, not lost").isTrue();
    }

    @Test
    void a_damaged_checkpoint_is_refused_without_telling_the_window_s_user_to_type_a_command(@TempDir Path dir)
            throws Exception {
        Path file = interruptedXor(dir);
        TrainingRunLogicTest.TestThreads threads = new TrainingRunLogicTest.TestThreads();
        TrainingRun run = new TrainingRun(new EditorDocument(ProjectFile.load(file)), null, threads);
        ResumeOffer offer = run.resumeOffer();
        InterruptedRuns.Run r = offered(offer, threads);
        Path json = Checkpoint.folderFor(r.runDir()).resolve("checkpoint.json");
        ObjectNode o = (ObjectNode) MAPPER.readTree(json.toFile());
        o.put("epochsDone", "three"); // damaged after it was offered
        Files.write(json, MAPPER.writeValueAsBytes(o));
        offer.resume(r);
        threads.pumpUntil(() -> run.phase() == TrainingState.FAILED);
        assertThat(run.messageProperty().get()).contains("is damaged and cannot be resumed: discard it")
                .contains(Checkpoint.folderFor(r.runDir()).toString()).doesNotContain("--resume");
    }
}
