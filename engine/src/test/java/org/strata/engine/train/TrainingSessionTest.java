package org.strata.engine.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.strata.engine.Graphs;
import org.strata.engine.Samples;
import org.strata.engine.project.DatasetKind;
import org.strata.engine.project.DatasetSpec;
import org.strata.engine.project.Project;
import org.strata.engine.project.ProjectFile;
import org.strata.engine.project.TrainingSettings;
import org.strata.engine.text.Message;

class TrainingSessionTest {
    private static Project xor() throws Exception {
        return ProjectFile.load(Samples.file("xor"));
    }

    /** Records everything a session publishes. */
    static final class Recorder implements TrainingListener {
        final List<TrainingEvent.Iteration> iterations = new CopyOnWriteArrayList<>();
        final List<TrainingEvent.Epoch> epochs = new CopyOnWriteArrayList<>();
        final List<TrainingEvent.Snapshot> snapshots = new CopyOnWriteArrayList<>();
        final List<TrainingState> states = new CopyOnWriteArrayList<>();
        final List<String> messages = new CopyOnWriteArrayList<>();
        final List<Message> texts = new CopyOnWriteArrayList<>();
        final List<TrainingEvent.StateChanged> changes = new CopyOnWriteArrayList<>();

        @Override
        public void onIteration(TrainingEvent.Iteration e) {
            iterations.add(e);
        }

        @Override
        public void onEpoch(TrainingEvent.Epoch e) {
            epochs.add(e);
        }

        @Override
        public void onSnapshot(TrainingEvent.Snapshot s) {
            snapshots.add(s);
        }

        @Override
        public void onStateChanged(TrainingEvent.StateChanged s) {
            states.add(s.state());
            messages.add(s.message().english());
            texts.add(s.message());
            changes.add(s);
        }
    }

    @Test
    void xor_converges_and_reports_every_iteration_and_epoch() throws Exception {
        TrainingSession s = TrainingSession.create(xor());
        Recorder r = new Recorder();
        s.addListener(r);
        TrainingResult result = s.run();
        assertEquals(TrainingState.FINISHED, result.state());
        assertTrue(result.test().metric() >= 0.9, "XOR test accuracy " + result.test().metric());
        assertEquals(30, r.epochs.size());
        assertEquals(30L * 22, r.iterations.size()); // 700 samples in batches of 32
        assertTrue(r.epochs.get(29).trainLoss() < r.epochs.get(0).trainLoss() / 2);
        assertEquals(TrainingState.FINISHED, r.states.get(r.states.size() - 1));
        assertTrue(r.states.subList(0, r.states.size() - 1).stream().allMatch(st -> st == TrainingState.RUNNING));
        assertTrue(r.messages.stream().anyMatch(m -> m.matches(
                "Training .* with Strata's fast engine, .* build, \\d+ threads?( \\(the fastest of .*\\))?")),
                r.messages.toString());
        assertTrue(s.threads() > 0);
        // every state message has a code: the window says them in the user's language
        assertTrue(r.texts.stream().allMatch(t -> t.code() != null), r.texts.toString());
        assertEquals("run.started", r.texts.get(0).code());
        assertEquals("run.finished", r.texts.get(r.texts.size() - 1).code());
        assertEquals(List.of(30), r.texts.get(r.texts.size() - 1).args());
        // the run's end carries its evaluations, made once by the session: the window shows them, evaluating nothing
        TrainingEvent.StateChanged end = r.changes.get(r.changes.size() - 1);
        assertEquals(result, end.result());
        // the last epoch's validation is the final one: the weights have not changed since, so it is not made twice
        assertTrue(result.validation() == r.epochs.get(29).validation(), "validation evaluated once at the end");
        assertTrue(r.changes.subList(0, r.changes.size() - 1).stream().allMatch(c -> c.result() == null));
        assertTrue(s.firstIterationSeconds() > 0);
    }

    @Test
    void same_seed_gives_the_same_losses() throws Exception {
        List<Double> a = losses(xor(), 1);
        List<Double> b = losses(xor(), 1);
        assertEquals(a, b);
        Project other = xor();
        other.training().set("seed", 7);
        assertTrue(!a.equals(losses(other, 1)));
    }

    private static List<Double> losses(Project p, int epochs) throws Exception {
        TrainingSession s = TrainingSession.create(p);
        s.setEpochs(epochs);
        s.setThreads(1); // results are identical for the same seed, engine and thread count
        List<Double> out = new ArrayList<>();
        s.addListener(new TrainingListener() {
            @Override
            public void onIteration(TrainingEvent.Iteration e) {
                out.add(e.loss());
            }
        });
        s.run();
        return out;
    }

    @Test
    void pause_step_resume_and_stop_act_between_iterations() throws Exception {
        Project p = xor();
        p.training().set("epochs", 1000);
        TrainingSession s = TrainingSession.create(p);
        Recorder r = new Recorder();
        CountDownLatch paused = new CountDownLatch(1);
        s.addListener(r);
        s.addListener(new TrainingListener() {
            @Override
            public void onStateChanged(TrainingEvent.StateChanged change) {
                if (change.state() == TrainingState.PAUSED) paused.countDown();
            }
        });
        s.pause();
        Thread t = s.start();
        assertTrue(paused.await(30, TimeUnit.SECONDS));
        assertEquals(TrainingState.PAUSED, s.state());
        int before = r.iterations.size();
        Thread.sleep(200);
        assertEquals(before, r.iterations.size(), "no iterations while paused");
        s.step();
        waitFor(() -> r.iterations.size() == before + 1);
        Thread.sleep(200);
        assertEquals(before + 1, r.iterations.size(), "a step runs exactly one batch");
        assertEquals(TrainingState.PAUSED, s.state());
        // a probe runs on the training thread while paused, without running a batch
        String thread = s.probe(net -> Thread.currentThread().getName()).get(30, TimeUnit.SECONDS);
        assertEquals("strata-training", thread);
        assertEquals(before + 1, r.iterations.size());
        s.resume();
        waitFor(() -> r.iterations.size() > before + 20);
        s.stop();
        t.join(30_000);
        assertEquals(TrainingState.STOPPED, s.state());
        assertTrue(r.states.contains(TrainingState.RUNNING));
        assertTrue(r.messages.get(r.messages.size() - 1).startsWith("Stopped by the user"));
        // after the run, a probe runs at once on the caller's thread
        assertEquals(Thread.currentThread().getName(), s.probe(net -> Thread.currentThread().getName()).get());
    }

    private static void waitFor(java.util.function.BooleanSupplier c) throws InterruptedException {
        long end = System.nanoTime() + 30_000_000_000L;
        while (!c.getAsBoolean()) {
            if (System.nanoTime() > end) throw new AssertionError("timed out");
            Thread.sleep(5);
        }
    }

    @Test
    void a_network_too_large_for_memory_is_refused_before_anything_is_allocated() throws Exception {
        Project p = ProjectFile.load(Samples.file("mnist-mlp"));
        // a 4096×4096 input into 128 units: 2.1 G weights, 34 GB with gradients and Adam's state
        p.graph().require("input").params().set("size", 4096 * 4096);
        TrainingException e = assertThrows(TrainingException.class, () -> TrainingSession.create(p));
        assertEquals("run.tooLarge", e.text().code());
        assertEquals("dense1", e.nodeId());
        assertTrue(e.getMessage().startsWith("Training this network takes at least 40.0 GB"), e.getMessage());
        assertTrue(e.getMessage().contains("the largest part is 'dense1'"), e.getMessage());
    }

    @Test
    void exploding_loss_stops_with_a_message_naming_the_layer() throws Exception {
        Project p = ProjectFile.load(Samples.file("linear-regression"));
        p.training().set("learningRate", 10.0);
        TrainingSession s = TrainingSession.create(p);
        Recorder r = new Recorder();
        s.addListener(r);
        TrainingException e = assertThrows(TrainingException.class, s::run);
        assertTrue(e.getMessage().contains("The loss became") && e.getMessage().contains("'linear' (Dense)")
                && e.getMessage().contains("Lower the learning rate (now 10.0)"), e.getMessage());
        assertEquals("linear", e.nodeId());
        assertEquals(TrainingState.FAILED, r.states.get(r.states.size() - 1));
        assertEquals("linear", r.changes.get(r.changes.size() - 1).failedNode(), "the failure names its layer");
        // the same message with its code and values, for a window that says it in another language
        assertTrue(java.util.Set.of("loss.nan", "loss.exploded").contains(e.text().code()), e.text().code());
        assertEquals(List.of("linear", "Dense", 10.0), e.text().args().subList(3, 6));
        assertEquals(e.getMessage(), r.texts.get(r.texts.size() - 1).english());
    }

    @Test
    void early_stopping_keeps_the_best_epoch() throws Exception {
        Project p = xor();
        p.training().set("epochs", 200).set("earlyStopping", true).set("patience", 2).set("learningRate", 0.1);
        TrainingSession s = TrainingSession.create(p);
        TrainingResult r = s.run();
        assertEquals(TrainingState.STOPPED, r.state());
        assertTrue(r.message().startsWith("Early stopping"), r.message());
        assertTrue(r.epochs() < 200);
        assertEquals(r.epochs() - 2, r.bestEpoch());
    }

    @Test
    void output_width_must_match_the_classes() throws Exception {
        Project p = xor();
        p.graph().require("dense").params().set("units", 3);
        var e = assertThrows(TrainingException.class, () -> TrainingSession.create(p));
        assertEquals("The Output gets 3 values per sample but the dataset has 2 classes: set the units of the last "
                + "Dense to 2 (or to 1 with binary_cross_entropy)", e.getMessage());
        assertEquals("output", e.nodeId());
        assertEquals("data.twoClasses", e.text().code());
        assertEquals(List.of(3, 2), e.text().args());
    }

    @Test
    void input_size_must_match_the_data() throws Exception {
        Project p = xor();
        p.graph().require("input").params().set("size", 3);
        var e = assertThrows(TrainingException.class, () -> TrainingSession.create(p));
        assertTrue(e.getMessage().contains("set the Input to 2"), e.getMessage());
    }

    @Test
    void invalid_graph_does_not_train() throws Exception {
        Project p = new Project("x", "", new Graphs().then("input", "Input", "kind", "image").then("d", "Dense")
                .then("o", "Output").build(), DatasetSpec.of(DatasetKind.GENERATED), TrainingSettings.defaults());
        var e = assertThrows(TrainingException.class, () -> TrainingSession.create(p));
        assertTrue(e.getMessage().contains("add a Flatten"), e.getMessage());
    }

    @Test
    void binary_cross_entropy_with_one_output_trains_two_classes() throws Exception {
        Project p = xor();
        p.graph().require("dense").params().set("units", 1).set("activation", "sigmoid");
        p.graph().require("output").params().set("loss", "binary_cross_entropy");
        TrainingResult r = TrainingSession.create(p).run();
        assertTrue(r.test().metric() > 0.85, "accuracy " + r.test().metric());
    }

    @Test
    void snapshots_carry_statistics_for_every_layer() throws Exception {
        TrainingSession s = TrainingSession.create(xor());
        s.setEpochs(1);
        s.setSnapshotEvery(10);
        Recorder r = new Recorder();
        s.addListener(r);
        s.run();
        assertEquals(2, r.snapshots.size());
        var layers = r.snapshots.get(0).layers();
        assertEquals(List.of("input", "hidden", "dense", "output"), layers.stream().map(l -> l.nodeId()).toList());
        var hidden = layers.get(1);
        assertEquals(8, hidden.sample().length);
        assertTrue(hidden.paramNorm() > 0 && hidden.updateNorm() > 0);
        assertTrue(hidden.updateRatio() > 1e-6 && hidden.updateRatio() < 1, "ratio " + hidden.updateRatio());
        assertEquals(32L * 8, hidden.activations().total());
        assertEquals(2 * 8 + 8, hidden.weights().total(), "weights and biases of Dense 2→8");
        assertEquals(2 * 8 + 8, hidden.gradients().total());
        assertTrue(hidden.gradientNorm() > 0);
        assertEquals(null, layers.get(0).weights(), "the Input has no parameters");
    }

    @Test
    void a_requested_snapshot_comes_after_the_next_batch_and_the_last_batch_gets_one_too() throws Exception {
        TrainingSession s = TrainingSession.create(xor());
        s.setEpochs(2);
        Recorder r = new Recorder();
        s.addListener(r);
        s.requestSnapshot();
        s.run();
        assertEquals(List.of(1L, r.iterations.get(r.iterations.size() - 1).iteration()),
                r.snapshots.stream().map(TrainingEvent.Snapshot::iteration).toList());
    }

    @Test
    void snapshot_gradients_are_the_gradient_not_the_update_on_both_engines() throws Exception {
        onEachEngine(engine -> {
            Project p = xor();
            p.training().set("optimizer", "sgd").set("learningRate", 0.5);
            TrainingSession s = TrainingSession.create(p, Backends.Preference.parse(engine));
            s.setEpochs(1);
            s.setSnapshotEvery(5);
            Recorder r = new Recorder();
            s.addListener(r);
            s.run();
            var hidden = r.snapshots.get(0).layers().get(1);
            // With plain SGD the update is the learning rate times the gradient.
            assertEquals(0.5 * hidden.gradientNorm(), hidden.updateNorm(), 1e-3 * hidden.updateNorm(), engine);
            assertEquals(24, hidden.gradients().total(), engine);
        });
    }

    @Test
    void whole_split_evaluations_keep_each_samples_answer_and_partial_ones_do_not() throws Exception {
        TrainingSession s = TrainingSession.create(xor());
        s.setEpochs(2);
        s.run();
        var split = s.dataset().validation();
        Evaluation ev = s.evaluate(split, 0);
        SampleResults r = ev.results();
        assertEquals(split.size(), r.size());
        for (int t = 0; t < 2; t++) {
            for (int p = 0; p < 2; p++) assertEquals(ev.confusion()[t][p], r.samplesIn(t, p).size());
        }
        for (int i = 0; i < r.size(); i++) {
            assertEquals(split.label(i), r.trueClass()[i]);
            assertTrue(r.confidence()[i] >= 0.5f - 1e-6, "the predicted class is the likelier one");
        }
        assertEquals(null, s.evaluate(split, 3).results());
    }

    @Test
    void a_frozen_layer_keeps_its_weights_while_the_others_learn_on_both_engines() throws Exception {
        onEachEngine(engine -> {
            Project p = xor();
            p.graph().require("hidden").setFrozen(true);
            TrainingSession s = TrainingSession.create(p, Backends.Preference.parse(engine));
            var before = s.backend().exportParameters();
            s.setEpochs(2);
            s.run();
            var after = s.backend().exportParameters();
            org.junit.jupiter.api.Assertions.assertNotNull(after.get("hidden/W"));
            assertEquals(before.get("hidden/W"), after.get("hidden/W"), engine);
            assertEquals(before.get("hidden/b"), after.get("hidden/b"), engine);
            assertTrue(!before.get("dense/W").equals(after.get("dense/W")), engine + ": the layer after it learns");
            assertEquals(0, s.backend().updateNorm("hidden"), engine + ": a frozen layer reports no update");
        });
    }

    @Test
    void freezing_and_a_new_learning_rate_while_paused_apply_from_the_next_batch() throws Exception {
        TrainingSession s = TrainingSession.create(xor());
        Recorder r = new Recorder();
        s.addListener(r);
        s.pause();
        Thread t = s.start();
        waitUntil(() -> s.state() == TrainingState.PAUSED);
        s.step();
        waitUntil(() -> r.iterations.size() == 1);
        s.setLearningRate(0.001);
        s.setFrozen(java.util.Set.of("hidden"));
        var hiddenBefore = s.probe(net -> net.exportParameters().get("hidden/W")).join();
        s.step();
        waitUntil(() -> r.iterations.size() == 2);
        assertEquals(0.001, r.iterations.get(1).learningRate(), 1e-12);
        assertEquals(hiddenBefore, s.probe(net -> net.exportParameters().get("hidden/W")).join());
        s.setFrozen(java.util.Set.of()); // thawed: it learns again
        s.step();
        waitUntil(() -> r.iterations.size() == 3);
        assertTrue(!hiddenBefore.equals(s.probe(net -> net.exportParameters().get("hidden/W")).join()));
        s.stop();
        t.join(10_000);
    }

    @Test
    void a_resumed_run_goes_on_on_the_engine_it_began_on_and_says_why() throws Exception {
        TrainingSession first = TrainingSession.create(xor(), Backends.Preference.DL4J);
        first.setEpochs(1);
        first.run();
        RunProgress p = first.progress();
        TrainingSession resumed = TrainingSession.resume(xor(), first.dataset(), first.backend(),
                new RunProgress(p.epochsDone(), p.iterations(), 2, p.bestEpoch(), p.bestLoss()), null);
        assertEquals(org.strata.engine.backend.Engine.DL4J, resumed.engine());
        assertTrue(resumed.engineDescription().toString()
                .startsWith("Deeplearning4j (chosen with --engine or strata.engine)"),
                resumed.engineDescription().toString());
    }

    /** Runs {@code test} once with each engine's key, which it passes to {@link TrainingSession#create}. */
    private static void onEachEngine(EngineTest test) throws Exception {
        for (String engine : List.of("strata", "dl4j")) test.run(engine);
    }

    private interface EngineTest {
        void run(String engine) throws Exception;
    }

    private static void waitUntil(java.util.function.BooleanSupplier c) throws InterruptedException {
        long end = System.nanoTime() + 10_000_000_000L;
        while (!c.getAsBoolean()) {
            if (System.nanoTime() > end) throw new AssertionError("timed out");
            Thread.sleep(5);
        }
    }

    @Test
    void learning_rate_schedules_change_per_epoch() {
        var t = TrainingSettings.defaults().set("learningRate", 0.1).set("schedule", "step").set("decayRate", 0.5)
                .set("decayEvery", 2);
        assertEquals(0.1, LearningRateSchedule.at(t, 2), 1e-12);
        assertEquals(0.05, LearningRateSchedule.at(t, 3), 1e-12);
        t.set("schedule", "exponential");
        assertEquals(0.025, LearningRateSchedule.at(t, 3), 1e-12);
        t.set("schedule", "cosine").set("epochs", 10);
        assertEquals(0.1, LearningRateSchedule.at(t, 1), 1e-12);
        assertEquals(0.05, LearningRateSchedule.at(t, 6), 1e-12);
    }
}
