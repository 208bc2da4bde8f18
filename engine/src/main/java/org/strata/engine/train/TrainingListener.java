package org.strata.engine.train;

/**
 * Receives a session's events on the training thread, each kind it cares for (the others do nothing).
 * Implementations must return quickly: copy what they need and hand it to their own thread (a UI merges on its own
 * thread at its own rate). Code that must handle every kind implements {@link TrainingEvent.Handler} instead.
 */
public interface TrainingListener extends TrainingEvent.Handler {
    @Override
    default void onIteration(TrainingEvent.Iteration e) {
    }

    @Override
    default void onEpoch(TrainingEvent.Epoch e) {
    }

    @Override
    default void onSnapshot(TrainingEvent.Snapshot s) {
    }

    @Override
    default void onStateChanged(TrainingEvent.StateChanged s) {
    }
}
