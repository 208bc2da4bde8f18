package org.strata.app.training;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.strata.app.document.EditorDocument;
import org.strata.engine.project.ProjectFile;
import org.strata.engine.runs.RunStore;
import org.strata.engine.train.TrainingState;

/**
 * A run's window-side logic without a window: its threads are handed in, the test plays the UI thread (running what
 * was handed to it) and the clocks (ticking them), and reads the properties a view would show.
 */
class TrainingRunLogicTest {
    private static final Path SAMPLES = Path.of("..", "sample-projects").toAbsolutePath().normalize();

    /** The UI thread is whoever calls {@link #pump()}; background work runs on real threads. */
    static final class TestThreads implements RunThreads {
        final ConcurrentLinkedQueue<Runnable> ui = new ConcurrentLinkedQueue<>();
        final List<TestClock> clocks = new ArrayList<>();

        @Override
        public void ui(Runnable r) {
            ui.add(r);
        }

        @Override
        public void background(String name, Runnable r) {
            new FxRunThreads().background(name, r); // plain daemon threads: nothing of JavaFX's is needed there
        }

        @Override
        public Clock every(Duration period, Runnable tick) {
            TestClock c = new TestClock(tick, true);
            clocks.add(c);
            return c;
        }

        @Override
        public Clock after(Duration delay, Runnable action) {
            TestClock c = new TestClock(action, false);
            clocks.add(c);
            return c;
        }

        /** One turn of the UI thread: what was handed to it, then every clock that is running. */
        void pump() {
            for (Runnable r; (r = ui.poll()) != null; ) r.run();
            for (TestClock c : List.copyOf(clocks)) c.tick();
        }

        /** Pumps until {@code done} holds, at most 2 minutes. */
        void pumpUntil(BooleanSupplier done) throws InterruptedException {
            long end = System.nanoTime() + Duration.ofMinutes(2).toNanos();
            while (!done.getAsBoolean()) {
                assertThat(System.nanoTime()).as("waited 2 minutes").isLessThan(end);
                pump();
                Thread.sleep(20);
            }
        }
    }

    static final class TestClock implements RunThreads.Clock {
        private final Runnable action;
        private final boolean repeats;
        private boolean running;
        int ticks;

        TestClock(Runnable action, boolean repeats) {
            this.action = action;
            this.repeats = repeats;
        }

        void tick() {
            if (!running) return;
            running = repeats;
            ticks++;
            action.run();
        }

        @Override
        public void start() {
            running = true;
        }

        @Override
        public void stop() {
            running = false;
        }

        @Override
        public boolean running() {
            return running;
        }
    }

    private static EditorDocument xorIn(Path dir) throws Exception {
        Path file = dir.resolve("xor.strata");
        Files.copy(SAMPLES.resolve("xor").resolve("xor.strata"), file);
        return new EditorDocument(ProjectFile.load(file));
    }

    @Test
    void a_run_trains_shows_its_curves_and_evaluation_and_is_kept_without_a_window(@TempDir Path dir) throws Exception {
        EditorDocument doc = xorIn(dir);
        TestThreads threads = new TestThreads();
        TrainingRun run = new TrainingRun(doc, null, threads);
        List<TrainingState> phases = new ArrayList<>();
        run.phaseProperty().addListener((o, a, b) -> phases.add(b));

        run.start();
        assertThat(run.phase()).isEqualTo(TrainingState.LOADING);
        assertThat(doc.readOnlyProperty().get()).as("the graph is read-only while it trains").isTrue();
        threads.pumpUntil(() -> run.evaluationProperty().get() != null && run.phase() == TrainingState.FINISHED
                && !run.runs().runs().isEmpty());

        assertThat(phases).containsSubsequence(TrainingState.LOADING, TrainingState.RUNNING, TrainingState.FINISHED);
        assertThat(run.curves().history().train()).isNotEmpty();
        assertThat(run.curves().history().metric()).hasSize(30); // one point per epoch of the sample's 30
        assertThat(run.evaluationProperty().get().metric()).as("XOR's held-out accuracy").isGreaterThan(0.9);
        assertThat(doc.readOnlyProperty().get()).isFalse();
        // kept beside the project, as the command line keeps its runs
        var kept = new RunStore(RunStore.folderFor(dir.resolve("xor.strata"))).list();
        assertThat(kept).hasSize(1);
        assertThat(kept.get(0).testMetric()).isEqualTo(run.evaluationProperty().get().metric());
    }

    @Test
    void a_run_that_cannot_start_fails_with_its_reason_and_leaves_the_graph_editable(@TempDir Path dir)
            throws Exception {
        Path file = dir.resolve("xor.strata");
        Files.copy(SAMPLES.resolve("xor").resolve("xor.strata"), file);
        var project = ProjectFile.load(file);
        project.graph().remove("output");
        EditorDocument doc = new EditorDocument(project);
        TestThreads threads = new TestThreads();
        TrainingRun run = new TrainingRun(doc, null, threads);
        run.start();
        threads.pump();
        assertThat(run.phase()).isEqualTo(TrainingState.FAILED);
        assertThat(run.messageProperty().get()).isNotBlank();
        assertThat(doc.readOnlyProperty().get()).isFalse();
    }

    @Test
    void class_names_and_tokens_from_the_data_are_shown_with_their_control_characters_visible() throws Exception {
        var iris = ProjectFile.load(SAMPLES.resolve("iris").resolve("iris.strata"));
        TrainingRun run = new TrainingRun(new EditorDocument(iris), null, new TestThreads());
        // ESC ] 0 ; title BEL would retitle a terminal; U+202E would show the rest of the label reversed
        assertThat(run.shown(List.of("se\u001b]0;pwned\u0007tosa\u202eabc", "vir\tginica", "versicolor")))
                .containsExactly("se\\x1b]0;pwned\\x07tosa\\u202eabc", "vir\\tginica", "versicolor");
        assertThat(new TextTrial(List.of("a\u2067b", " ", "\u0000"), new float[0][]).stepLabels(false))
                .containsExactly("a\\u2067b", "␣", "\\x00");
    }
}
