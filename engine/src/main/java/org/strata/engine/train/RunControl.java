package org.strata.engine.train;

import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.function.Consumer;
import java.util.function.Function;
import org.strata.engine.backend.NetworkBackend;
import org.strata.engine.backprop.StepTrace;
import org.strata.engine.params.Params;
import org.strata.engine.text.Message;

/**
 * A run's state machine and what other threads ask of it: pause, resume, one step, stop, a pace, a traced step, a
 * new learning rate or other frozen layers, jobs that need the network. Other threads only set flags and queue
 * jobs; the training thread asks {@link #awaitTurn} before each batch and acts on them there, so nothing but the
 * training thread touches the network while a run goes on.
 */
final class RunControl {
    private final NetworkBackend backend;
    private final Consumer<TrainingEvent> publish;
    private final PausedChanges changes;

    private final Object lock = new Object();
    /** Held by whoever uses the network outside the training thread (probes and evaluations after a run). */
    private final Object idleNetwork = new Object();
    private TrainingState state = TrainingState.LOADING;
    /**
     * The training thread holds the network, from before its first use to after the last queued probe: probes
     * queue for it. Not the state: a run about to start is still LOADING, and one just over is FINISHED, while the
     * training thread still uses the network (a probe run beside it then trained on the probe's weights).
     */
    private boolean training;
    /** The thread that holds the network while {@link #training}. */
    private Thread trainingThread;
    private boolean pauseRequested;
    private boolean stopRequested;
    private int stepsAllowed;
    /** Jobs that need the network, run on the training thread between iterations (see {@link #probe}). */
    private final ConcurrentLinkedQueue<Runnable> probes = new ConcurrentLinkedQueue<>();
    /** Set by {@link #traceStep}: the next batch is recorded and this completes with it. */
    private CompletableFuture<Optional<StepTrace>> traceWanted;
    /** Batches per second to train at, for a class to watch; 0 trains as fast as the machine can. */
    private volatile double pace;
    /** When the last batch began (see {@link #pace}). */
    private long lastBatchNanos;

    /**
     * @param publish where state changes go (to the listeners, on the calling thread)
     * @param frozen  the layers frozen when the run starts
     */
    RunControl(NetworkBackend backend, Consumer<TrainingEvent> publish, Set<String> frozen) {
        this.backend = backend;
        this.publish = publish;
        this.changes = new PausedChanges(frozen);
    }

    TrainingState state() {
        synchronized (lock) {
            return state;
        }
    }

    void pause() {
        synchronized (lock) {
            pauseRequested = true;
            lock.notifyAll();
        }
    }

    void resume() {
        synchronized (lock) {
            pauseRequested = false;
            lock.notifyAll();
        }
    }

    void step() {
        synchronized (lock) {
            stepsAllowed++;
            lock.notifyAll();
        }
    }

    void stop() {
        synchronized (lock) {
            stopRequested = true;
            lock.notifyAll();
        }
    }

    /** @param batchesPerSecond 0 trains as fast as the machine can */
    void setPace(double batchesPerSecond) {
        synchronized (lock) {
            pace = Math.max(0, batchesPerSecond);
            lock.notifyAll();
        }
    }

    void setLearningRate(double lr) {
        changes.setLearningRate(lr);
    }

    void setFrozen(Set<String> nodeIds) {
        changes.setFrozen(nodeIds);
    }

    /**
     * On the training thread, before a batch: hands a new learning rate or other frozen layers to the network.
     *
     * @return the rate to use from now on
     */
    double applyChanges(Params settings, int epoch, double lr) {
        return changes.apply(settings, backend, epoch, lr);
    }

    /**
     * Asks for the next batch to be recorded, and for a step when paused.
     *
     * @param canTrace whether the engine can record a step
     * @return completes after the batch with its record, or empty when the engine cannot record a step or the run
     *     ended before the batch
     */
    CompletableFuture<Optional<StepTrace>> traceStep(boolean canTrace) {
        var f = new CompletableFuture<Optional<StepTrace>>();
        synchronized (lock) {
            if (state != TrainingState.RUNNING && state != TrainingState.PAUSED || !canTrace) {
                f.complete(Optional.empty()); // and no batch trained for nothing
                return f;
            }
            if (traceWanted != null) traceWanted.complete(Optional.empty()); // asked again before it ran: one batch
            else if (pauseRequested) stepsAllowed++; // running, the next batch is traced: no extra step later
            traceWanted = f;
            lock.notifyAll();
        }
        return f;
    }

    /** @return the trace asked for by {@link #traceStep}, taken (the caller tells the engine to record); null if none */
    CompletableFuture<Optional<StepTrace>> takeTraceWanted() {
        synchronized (lock) {
            var f = traceWanted;
            traceWanted = null;
            return f;
        }
    }

    private void endTraceWanted() {
        synchronized (lock) {
            if (traceWanted != null) traceWanted.complete(Optional.empty());
            traceWanted = null;
        }
    }

    /**
     * Runs {@code job} with the network on the training thread between two iterations (also while paused), or at
     * once on the calling thread when no run is in progress.
     */
    <T> CompletableFuture<T> probe(Function<NetworkBackend, T> job) {
        CompletableFuture<T> f = new CompletableFuture<>();
        Runnable r = () -> {
            try {
                f.complete(job.apply(backend));
            } catch (RuntimeException | Error e) {
                f.completeExceptionally(e);
            }
        };
        synchronized (idleNetwork) { // outside a run, callers on different threads take turns
            synchronized (lock) {
                if (training) {
                    probes.add(r);
                    lock.notifyAll();
                    return f;
                }
            }
            r.run();
        }
        return f;
    }

    /**
     * On the training thread, before it first uses the network: from now on probes queue for it. Waits for a probe
     * running on another thread to finish.
     */
    void claimNetwork() {
        synchronized (idleNetwork) {
            synchronized (lock) {
                training = true;
                trainingThread = Thread.currentThread();
            }
        }
    }

    /** On the training thread, when it is done with the network: runs the probes still queued, then hands it over. */
    void releaseNetwork() {
        synchronized (idleNetwork) {
            synchronized (lock) {
                training = false;
                trainingThread = null;
            }
            runProbes();
        }
    }

    /**
     * Runs {@code job} on the calling thread, taking turns with the other users of the network outside a run; the
     * training thread may call it too.
     *
     * @throws IllegalStateException when another thread trains the network now (ask with {@link #probe} instead)
     */
    <T, E extends Exception> T whileIdle(TrainingSession.NetworkJob<T, E> job) throws E {
        synchronized (idleNetwork) {
            synchronized (lock) {
                if (training && trainingThread != Thread.currentThread()) {
                    throw new IllegalStateException("the network is training: ask between two batches");
                }
            }
            return job.run();
        }
    }

    /** On the training thread: runs the jobs queued by {@link #probe}. */
    void runProbes() {
        for (Runnable r; (r = probes.poll()) != null; ) r.run();
    }

    /** On the training thread: the batch that starts now sets the time the {@link #setPace pace} counts from. */
    void batchStarts(long nanos) {
        lastBatchNanos = nanos;
    }

    /**
     * Blocks while paused and until the pace allows the next batch, running probes meanwhile.
     *
     * @param iteration the iterations done, for the message when the run pauses
     * @return false to stop
     */
    boolean awaitTurn(long iteration) {
        while (true) {
            if (!awaitPermission(iteration)) return false;
            if (awaitPace()) return true;
            // asked to pause while waiting: awaitPermission pauses
        }
    }

    /** @return true when the next batch may run; false when a pause or stop came while waiting for it */
    private boolean awaitPace() {
        synchronized (lock) {
            if (pauseRequested) return true; // a single step while paused: no waiting for it
            while (!stopRequested && !pauseRequested) {
                double p = pace;
                if (p <= 0) return true;
                long left = lastBatchNanos + (long) (1e9 / p) - System.nanoTime();
                if (left <= 0) return true;
                runProbes();
                try {
                    lock.wait(Math.max(1, left / 1_000_000));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return false;
                }
                runProbes();
            }
            return false;
        }
    }

    /** Blocks while paused; @return false if the run should stop */
    private boolean awaitPermission(long iteration) {
        synchronized (lock) {
            if (pauseRequested && state == TrainingState.RUNNING && stepsAllowed == 0) {
                state = TrainingState.PAUSED;
                announce(TrainingState.PAUSED, Message.of("run.paused", "Paused at iteration " + iteration,
                        iteration));
            }
            while (!stopRequested && pauseRequested && stepsAllowed == 0) {
                runProbes();
                try {
                    lock.wait();
                    runProbes();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return false;
                }
            }
            if (stopRequested) return false;
            if (pauseRequested) {
                stepsAllowed--; // a single step; stay PAUSED
            } else if (state == TrainingState.PAUSED) {
                state = TrainingState.RUNNING;
                announce(TrainingState.RUNNING, Message.of("run.resumed", "Resumed"));
            }
            return true;
        }
    }

    /** Moves to {@code s} and publishes it. */
    void setState(TrainingState s, Message message) {
        setState(new TrainingEvent.StateChanged(s, message, null, null));
    }

    /** Moves to the change's state and publishes it; a run that is over records no more traces. */
    void setState(TrainingEvent.StateChanged change) {
        synchronized (lock) {
            state = change.state();
        }
        if (change.state().isOver()) endTraceWanted();
        publish.accept(change);
    }

    /** Publishes {@code message} under the current state, which stays as it is. */
    void announce(Message message) {
        announce(state(), message);
    }

    private void announce(TrainingState s, Message message) {
        publish.accept(new TrainingEvent.StateChanged(s, message, null, null));
    }
}
