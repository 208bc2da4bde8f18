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
import org.strata.engine.runs.RunStore;
import org.strata.engine.train.TrainingState;

/**
 * The offer to resume an interrupted run, without a window: what it says, Resume going on to a run kept with every
 * epoch's row, Discard removing the checkpoint and nothing else.
 */
class ResumeOfferTest {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    @BeforeAll
    static void english() {
        Messages.setLocale(Locale.ENGLISH);
    }

    /** A run of the project in {@code file} (its window's logic, test threads) and the interrupted run it offers. */
    private record Offered(TrainingRun run, ResumeOffer offer, InterruptedRuns.Run r,
                           TrainingRunLogicTest.TestThreads threads) {
        static Offered of(org.strata.engine.project.Project project) throws InterruptedException {
            TrainingRunLogicTest.TestThreads threads = new TrainingRunLogicTest.TestThreads();
            TrainingRun run = new TrainingRun(new EditorDocument(project), null, threads);
            ResumeOffer offer = run.resumeOffer();
            List<InterruptedRuns.Run> found = new CopyOnWriteArrayList<>();
            offer.check(found::add);
            threads.pumpUntil(() -> !found.isEmpty());
            return new Offered(run, offer, found.get(0), threads);
        }
    }

    @Test
    void an_interrupted_run_is_offered_and_resumed_to_a_run_kept_with_every_epoch(@TempDir Path dir)
            throws Exception {
        Path file = InterruptedXor.in(dir);
        Offered offered = Offered.of(ProjectFile.load(file));
        TrainingRun run = offered.run();
        ResumeOffer offer = offered.offer();
        InterruptedRuns.Run r = offered.r();
        TrainingRunLogicTest.TestThreads threads = offered.threads();
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
        Path file = InterruptedXor.in(dir);
        Offered offered = Offered.of(ProjectFile.load(file));
        TrainingRun run = offered.run();
        ResumeOffer offer = offered.offer();
        InterruptedRuns.Run r = offered.r();
        TrainingRunLogicTest.TestThreads threads = offered.threads();
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
        Path file = InterruptedXor.in(dir);
        var project = ProjectFile.load(file);
        project.training().set("learningRate", 0.5); // not the settings the run began with
        Offered offered = Offered.of(project);
        TrainingRun run = offered.run();
        ResumeOffer offer = offered.offer();
        InterruptedRuns.Run r = offered.r();
        TrainingRunLogicTest.TestThreads threads = offered.threads();
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
        Path file = InterruptedXor.in(dir);
        Offered offered = Offered.of(ProjectFile.load(file));
        TrainingRun run = offered.run();
        ResumeOffer offer = offered.offer();
        InterruptedRuns.Run r = offered.r();
        TrainingRunLogicTest.TestThreads threads = offered.threads();
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
