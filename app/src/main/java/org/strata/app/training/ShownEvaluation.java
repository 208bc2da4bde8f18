package org.strata.app.training;

import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import org.strata.engine.data.Split;
import org.strata.engine.train.Evaluation;

/**
 * The evaluation the window shows (the confusion matrix's) and what it was made on: the validation data after each
 * epoch while training, the test data (else the validation data) once the run has ended. Changed on the UI thread.
 */
final class ShownEvaluation {
    private final ReadOnlyObjectWrapper<Evaluation> evaluation = new ReadOnlyObjectWrapper<>(this, "evaluation");
    private volatile Split split;
    private volatile int epoch;

    ReadOnlyObjectProperty<Evaluation> property() {
        return evaluation.getReadOnlyProperty();
    }

    Split split() {
        return split;
    }

    /** @return the epoch after which it was made on the validation data; 0 for after the run */
    int epoch() {
        return epoch;
    }

    /** Shows nothing: what was shown belongs to weights that are gone. */
    void clear() {
        evaluation.set(null);
    }

    /** Shows {@code e}, made on {@code on} after epoch {@code afterEpoch} (0: after the run). */
    void show(Evaluation e, Split on, int afterEpoch) {
        split = on;
        epoch = afterEpoch;
        evaluation.set(e);
    }
}
