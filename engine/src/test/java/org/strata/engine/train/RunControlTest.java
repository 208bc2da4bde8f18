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
            control.claimNetwork();
            try {
                while (control.awaitTurn(batches.get())) batches.incrementAndGet();
            } finally {
                control.releaseNetwork();
            }
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
    void a_probe_begun_before_the_run_keeps_the_network_until_it_ends_and_no_batch_trains_beside_it()
            throws Exception {
        var inside = new java.util.concurrent.CountDownLatch(1);
        var probe = new java.util.concurrent.CompletableFuture<int[]>();
        Thread asker = new Thread(() -> control.probe(net -> {
            inside.countDown();
            int before = batches.get();
            sleep(300); // a loss surface takes a while, setting the weights to each grid point in turn
            return new int[]{before, batches.get()};
        }).whenComplete((v, e) -> probe.complete(v)), "test-asker");
        asker.start();
        assertTrue(inside.await(10, TimeUnit.SECONDS));
        control.setState(TrainingState.RUNNING, Message.plain("test"));
        Thread t = trainingThread();
        t.start();
        int[] seen = probe.get(10, TimeUnit.SECONDS);
        assertEquals(seen[0], seen[1], "the training thread waited for the probe to give the network back");
        waitFor(() -> batches.get() > 3);
        control.stop();
        t.join(TimeUnit.SECONDS.toMillis(10));
        assertFalse(t.isAlive());
    }

    @Test
    void a_probe_asked_when_the_run_is_over_but_its_thread_still_holds_the_network_waits_for_that_thread()
            throws Exception {
        var letGo = new java.util.concurrent.CountDownLatch(1);
        var holding = new java.util.concurrent.CountDownLatch(1);
        Thread t = new Thread(() -> {
            control.claimNetwork();
            control.setState(TrainingState.FINISHED, Message.plain("test"));
            holding.countDown();
            try {
                letGo.await(); // the end of a run: its last figures, on the network
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } finally {
                control.releaseNetwork();
            }
        }, "test-training");
        t.start();
        assertTrue(holding.await(10, TimeUnit.SECONDS));
        var asked = control.probe(net -> Thread.currentThread().getName());
        assertFalse(asked.isDone(), "not beside the training thread, though the run is over");
        letGo.countDown();
        assertEquals("test-training", asked.get(10, TimeUnit.SECONDS), "run by that thread as it lets go");
        t.join(TimeUnit.SECONDS.toMillis(10));
        assertEquals(Thread.currentThread().getName(),
                control.probe(net -> Thread.currentThread().getName()).getNow("not at once"), "then at once");
    }

    @Test
    void work_outside_a_run_waits_for_a_probe_on_another_thread_and_is_refused_while_another_thread_trains()
            throws Exception {
        var inside = new java.util.concurrent.CountDownLatch(1);
        var letGo = new java.util.concurrent.CountDownLatch(1);
        Thread asker = new Thread(() -> control.probe(net -> {
            inside.countDown();
            try {
                return letGo.await(10, TimeUnit.SECONDS); // a loss surface: other weights in the network meanwhile
            } catch (InterruptedException e) {
                return false;
            }
        }), "test-asker");
        asker.start();
        assertTrue(inside.await(10, TimeUnit.SECONDS));
        var kept = new java.util.concurrent.CompletableFuture<String>();
        Thread keeper = new Thread(() -> kept.complete(control.whileIdle(() -> "kept")), "test-keeper");
        keeper.start();
        Thread.sleep(200);
        assertFalse(kept.isDone(), "keeping a run reads the weights: not while a probe has others in the network");
        letGo.countDown();
        assertEquals("kept", kept.get(10, TimeUnit.SECONDS));

        control.setState(TrainingState.RUNNING, Message.plain("test"));
        control.pause();
        Thread t = trainingThread();
        t.start();
        waitFor(() -> control.state() == TrainingState.PAUSED);
        org.junit.jupiter.api.Assertions.assertThrows(IllegalStateException.class,
                () -> control.whileIdle(() -> "during the run"));
        assertEquals("on the training thread", control.probe(net -> control.whileIdle(() -> "on the training thread"))
                .get(10, TimeUnit.SECONDS), "the training thread itself may");
        control.stop();
        t.join(TimeUnit.SECONDS.toMillis(10));
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
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
