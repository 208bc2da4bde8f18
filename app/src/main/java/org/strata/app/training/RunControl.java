package org.strata.app.training;

import org.strata.app.i18n.Messages;
import org.strata.engine.train.TrainingSession;
import org.strata.engine.train.TrainingState;

/**
 * Pause, Resume, Step and Stop of a window's run, including while it still loads: a Pause or Stop pressed then (F6 a
 * second after F5) is not lost, the run starts paused or does not start. Called on the JavaFX thread.
 */
final class RunControl {
    private final TrainingRun run;
    private final RunThreads threads;
    /** A run is being loaded to train (not a kept run being opened): Pause and Stop may be asked for already. */
    private boolean starting;
    /** Pause or Stop asked for while the run was still loading: it starts paused, or not at all. */
    private boolean pauseWhenStarted;
    private boolean stopWhenStarted;
    /** Batches per second the run trains at (the Training tab's pace); 0 as fast as it can. */
    private final javafx.beans.property.DoubleProperty pace = new javafx.beans.property.SimpleDoubleProperty(
            this, "pace", 0);

    RunControl(TrainingRun run, RunThreads threads) {
        this.run = run;
        this.threads = threads;
    }

    javafx.beans.property.ReadOnlyDoubleProperty pace() {
        return pace;
    }

    /** Sets the pace; an active run takes it from its next batch on. */
    void setPace(double batchesPerSecond) {
        pace.set(Math.max(0, batchesPerSecond));
        TrainingSession s = run.session();
        if (s != null && run.isActive()) s.setPace(pace.get());
    }

    /** A run begins to load to train. */
    void loading() {
        starting = true;
        pauseWhenStarted = false;
        stopWhenStarted = false;
    }

    /** The run ended (or failed) before or after it started. */
    void ended() {
        starting = false;
    }

    /** @return whether {@link #pause()} does something now: a run is training, or loading to train */
    boolean canPause() {
        TrainingState p = run.phase();
        return p == TrainingState.RUNNING || p == TrainingState.LOADING && starting;
    }

    /** Starts the loaded session's thread on the JavaFX thread, where Pause and Stop are asked for. */
    void startWhenAsked(TrainingSession s) {
        threads.ui(() -> {
            starting = false;
            if (stopWhenStarted) s.stop();
            else if (pauseWhenStarted) s.pause();
            run.started(s.start());
        });
    }

    void pause() {
        TrainingSession s = run.session();
        if (run.phase() == TrainingState.LOADING && starting) {
            pauseWhenStarted = true;
            run.say(() -> Messages.get("train.pauseWhenLoaded"));
        } else if (s != null && run.phase() == TrainingState.RUNNING) {
            s.pause();
        }
    }

    void resume() {
        TrainingSession s = run.session();
        if (run.phase() == TrainingState.LOADING && starting) {
            pauseWhenStarted = false;
            run.say(() -> Messages.get("train.loading"));
        } else if (s != null && run.phase() == TrainingState.PAUSED) {
            s.resume();
        }
    }

    /** One batch, while paused. */
    void step() {
        TrainingSession s = run.session();
        if (s != null && run.phase() == TrainingState.PAUSED) {
            s.requestSnapshot(); // one batch is worth looking at closely
            s.step();
        }
    }

    void stop() {
        TrainingSession s = run.session();
        if (run.phase() == TrainingState.LOADING && starting) stopWhenStarted = true;
        else if (s != null && run.isActive()) s.stop();
    }
}
