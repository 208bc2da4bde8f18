package org.strata.engine.train;

import org.strata.engine.text.Message;


/**
 * Receives a session's events on the training thread. Implementations must return quickly: copy what they need
 * and hand it to their own thread (a UI merges on its own thread at its own rate).
 */
public interface TrainingListener {
    default void onIteration(TrainingEvents.Iteration e) {
    }

    default void onEpoch(TrainingEvents.Epoch e) {
    }

    default void onSnapshot(TrainingEvents.Snapshot s) {
    }

    /** @param message what to tell the user (its {@code toString()} is the English text) */
    default void onStateChanged(TrainingState state, Message message) {
    }
}
