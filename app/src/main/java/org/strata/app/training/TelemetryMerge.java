package org.strata.app.training;

import java.time.Duration;
import org.strata.app.i18n.Catalogue;
import org.strata.engine.train.TrainingEvent;
import org.strata.engine.train.TrainingSession;
import org.strata.engine.train.TrainingState;

/**
 * Takes what the training thread offered to the {@link EventInbox} into the window a few times a second, on the
 * JavaFX thread: curves, layer statistics, the weights' path, the validation's confusion matrix, the run's state.
 * It also asks the session for the next snapshot and decision boundary while it runs.
 */
final class TelemetryMerge {
    /**
     * How often the window takes in new events (and so how often the charts redraw): twice a second looks live,
     * and on a small machine every redraw takes CPU from training.
     */
    static final Duration EVERY = Duration.ofMillis(500);
    /** Per-layer snapshots are asked for at most this often (each costs one forward pass of 32 samples). */
    private static final long SNAPSHOT_EVERY_NANOS = 500_000_000L;

    private final TrainingRun run;
    private final EventInbox inbox = new EventInbox();
    private final RunThreads.Clock clock;
    /** The layer views redraw half a merge after the curves: two short pauses rather than one long one. */
    private final RunThreads.Clock layersLater;
    private long snapshotAskedAt;
    /** Epochs the run trains (for its progress). */
    private int epochs;

    TelemetryMerge(TrainingRun run, RunThreads threads) {
        this.run = run;
        this.clock = threads.every(EVERY, this::merge);
        this.layersLater = threads.after(EVERY.dividedBy(2), run.curves()::layersChanged);
    }

    /** @return where the session offers its events */
    EventInbox inbox() {
        return inbox;
    }

    /** A run begins: what the last one left is dropped, and merging starts. */
    void start(int epochs) {
        this.epochs = epochs;
        inbox.clear();
        clock.start();
    }

    void stop() {
        clock.stop();
    }

    /** On the JavaFX thread: takes in what the training thread has offered since the last time. */
    void merge() {
        Merge m = new Merge();
        TrainingEvent e;
        while ((e = inbox.poll()) != null) e.dispatch(m);
        if (m.points) run.curves().changed();
        run.weightPath().publish();
        if (m.snapshots && !layersLater.running()) layersLater.start();
        askForSnapshot();
        askForBoundary();
    }

    /** Takes one batch of events into the properties and histories; a handler for every kind of event. */
    private final class Merge implements TrainingEvent.Handler {
        boolean points;
        boolean snapshots;

        @Override
        public void onIteration(TrainingEvent.Iteration it) {
            boolean paused = run.phase() == TrainingState.PAUSED;
            run.curves().iteration(it, epochs, run.trainingSettings().getInt("batchSize"), paused);
            if (paused) {
                // a step: the run is paused at the next iteration now
                long at = it.iteration();
                run.say(() -> Catalogue.message(org.strata.engine.text.Message.of("run.paused",
                        "Paused at iteration " + at, at)));
            }
            points = true;
        }

        @Override
        public void onEpoch(TrainingEvent.Epoch ep) {
            run.curves().epoch(ep);
            TrainingSession s = run.session();
            if (ep.validation() != null && ep.validation().samples() > 0 && s != null) {
                // the confusion matrix of the validation data, after each epoch, while it learns
                run.shownEvaluation().show(ep.validation(), s.dataset().validation(),
                        run.curves().epochsBefore() + ep.epoch());
            }
            points = true;
        }

        @Override
        public void onSnapshot(TrainingEvent.Snapshot snap) {
            run.curves().snapshot(snap);
            snapshots = true;
        }

        @Override
        public void onWeights(TrainingEvent.Weights w) {
            run.weightPath().add(w.values());
        }

        @Override
        public void onStateChanged(TrainingEvent.StateChanged sc) {
            run.stateChanged(sc);
        }
    }

    /** Asks the session for per-layer statistics after its next batch, at most every 500 ms while running. */
    private void askForSnapshot() {
        TrainingSession s = run.session();
        if (s == null || run.phase() != TrainingState.RUNNING
                || System.nanoTime() - snapshotAskedAt < SNAPSHOT_EVERY_NANOS) {
            return;
        }
        snapshotAskedAt = System.nanoTime();
        s.requestSnapshot();
    }

    /** Asks the training thread for the decision boundary while the run trains (see {@link BoundaryFeed}). */
    private void askForBoundary() {
        TrainingSession s = run.session();
        if (s != null && run.phase() == TrainingState.RUNNING) {
            run.boundaryFeed().askIfDue(s, () -> run.session() == s);
        }
    }
}
