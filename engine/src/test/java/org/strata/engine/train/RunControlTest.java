package org.strata.engine.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Test;
import org.strata.engine.text.Message;

/**
 * The run's state machine on its own, without a network: a stand-in training thread asks for its turn before each
 * "batch" as {@link TrainingLoop} does.
 */
class RunControlTest {
    private final List<TrainingState> published = new CopyOnWriteArrayList<>();
    private final RunControl control = new RunControl(null, e -> {
        if (e instanceof TrainingEvent.StateChanged s) published.add(s.state());
    }, Set.of());
    private final AtomicInteger batches = new AtomicInteger();

    /** Counts batches until told to stop, as the training loop would. */
    private Thread trainingThread() {
        Thread t = new Thread(() -> {
            while (control.awaitTurn(batches.get())) batches.incrementAndGet();
        }, "test-training");
        t.setDaemon(true);
        return t;
    }

    @Test
    void a_paused_run_says_so_once_and_a_step_lets_exactly_one_batch_through() throws Exception {
        control.setState(TrainingState.RUNNING, Message.plain("test"));
        control.pause();
        Thread t = trainingThread();
        t.start();
        waitFor(() -> control.state() == TrainingState.PAUSED);
        assertEquals(0, batches.get(), "no batch while paused");

        control.step();
        waitFor(() -> batches.get() == 1);
        control.stop();
        t.join(TimeUnit.SECONDS.toMillis(10));
        assertFalse(t.isAlive(), "a stop ends the wait of a paused run");
        assertEquals(1, batches.get(), "one step, one batch");
        assertEquals(List.of(TrainingState.RUNNING, TrainingState.PAUSED), published,
                "a step while paused stays paused: no resumed and paused again");
    }

    @Test
    void resuming_a_paused_run_says_so_and_lets_the_batches_through() throws Exception {
        control.setState(TrainingState.RUNNING, Message.plain("test"));
        control.pause();
        Thread t = trainingThread();
        t.start();
        waitFor(() -> control.state() == TrainingState.PAUSED);
        control.resume();
        waitFor(() -> batches.get() > 3);
        control.stop();
        t.join(TimeUnit.SECONDS.toMillis(10));
        assertFalse(t.isAlive());
        assertEquals(List.of(TrainingState.RUNNING, TrainingState.PAUSED, TrainingState.RUNNING), published);
    }

    @Test
    void a_probe_during_a_run_runs_on_the_training_thread_and_after_it_on_the_caller_s() throws Exception {
        control.setState(TrainingState.RUNNING, Message.plain("test"));
        control.pause();
        Thread t = trainingThread();
        t.start();
        waitFor(() -> control.state() == TrainingState.PAUSED);
        String during = control.probe(net -> Thread.currentThread().getName()).get(10, TimeUnit.SECONDS);
        assertEquals("test-training", during, "while paused, the training thread runs the job");

        control.stop();
        t.join(TimeUnit.SECONDS.toMillis(10));
        control.setState(TrainingState.STOPPED, Message.plain("test"));
        String after = control.probe(net -> Thread.currentThread().getName()).getNow("not run at once");
        assertEquals(Thread.currentThread().getName(), after, "after the run, the caller runs it at once");
    }

    @Test
    void a_trace_is_refused_at_once_outside_a_run_or_by_an_engine_that_cannot_record_and_ended_by_the_run_s_end() {
        assertEquals(Optional.empty(), control.traceStep(true).getNow(null), "before the run: empty at once");
        control.setState(TrainingState.RUNNING, Message.plain("test"));
        assertEquals(Optional.empty(), control.traceStep(false).getNow(null), "an engine that cannot record");

        var wanted = control.traceStep(true);
        assertFalse(wanted.isDone(), "waits for the next batch");
        control.setState(TrainingState.STOPPED, Message.plain("test"));
        assertTrue(wanted.isDone(), "the run ended before the batch");
        assertEquals(Optional.empty(), wanted.getNow(null));
    }

    private static void waitFor(BooleanSupplier c) throws InterruptedException {
        long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (!c.getAsBoolean() && System.nanoTime() < until) Thread.sleep(2);
        assertTrue(c.getAsBoolean(), "waited 10 s");
    }
}
