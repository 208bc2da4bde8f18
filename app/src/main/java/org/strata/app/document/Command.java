package org.strata.app.document;

/**
 * One undoable edit of the document. {@link #execute()} does it (and redoes it after an undo); {@link #undo()}
 * restores exactly the state before. Commands change the model only; views follow the document's change events.
 */
public interface Command {
    /** Applies the edit. Called once when first run and again on every redo. */
    void execute();

    /** Reverses {@link #execute()}. */
    void undo();

    /** @return what the edit does, for the Edit menu ("Undo Change kernel size") */
    String description();

    /**
     * Absorbs a following edit of the same thing (typing a value key by key becomes one undo step).
     *
     * @return true if {@code next} was merged into this command and must not be pushed on its own
     */
    default boolean mergeWith(Command next) {
        return false;
    }

    /**
     * @return whether this edit may be made while a training run is paused (changing the learning rate, freezing a
     *     layer): the run takes it in when it resumes. Every other edit waits until the run has stopped.
     */
    default boolean allowedWhilePaused() {
        return false;
    }
}
