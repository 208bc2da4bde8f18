package org.strata.engine.train;

/** Where a training session is in its life. */
public enum TrainingState {
    /** Created, not started. */
    READY,
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
