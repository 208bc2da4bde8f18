package org.strata.engine.train;

/** Where a training session is in its life. */
public enum TrainingState {
    /** No run: nothing trained yet, or its weights were put aside (a window shows this before its first run). */
    IDLE,
    /** Created and not started: its data loading and its network compiling. */
    LOADING,
    /** Fitting batches. */
    RUNNING,
    /** Waiting between iterations; can resume or step. */
    PAUSED,
    /** Stopped by the user or by early stopping. */
    STOPPED,
    /** Ran all its epochs. */
    FINISHED,
    /** Ended by an error (NaN loss, bad data). */
    FAILED;

    /** @return whether the session has ended */
    public boolean isOver() {
        return this == STOPPED || this == FINISHED || this == FAILED;
    }
}
