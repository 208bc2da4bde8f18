package org.strata.engine.train;

import org.strata.engine.backend.NetworkBackend;
import org.strata.engine.data.Dataset;
import org.strata.engine.data.Split;

/**
 * What a run measures of its network on the dataset's splits: after each epoch (a sample of the training split and
 * the whole validation split) and at the end (every split, the last epoch's validation reused while the weights
 * are still the ones it saw). Outside a run, callers on different threads take turns with the network.
 */
final class RunEvaluation {
    /** Training samples an epoch's training metric is measured on. */
    private static final int TRAIN_METRIC_SAMPLES = 2000;

    private final Evaluator evaluator;
    private final Dataset data;
    private final RunControl control;

    /** @param control whose turns with the idle network evaluations take */
    RunEvaluation(Evaluator evaluator, Dataset data, RunControl control) {
        this.evaluator = evaluator;
        this.data = data;
        this.control = control;
    }

    /**
     * What a split gave, where it has samples (else null).
     *
     * @param test null after an epoch
     */
    record Figures(Evaluation train, Evaluation validation, Evaluation test) {
    }

    /** @param limit evaluate only the first {@code limit} samples (0 = all) */
    Evaluation evaluate(Split split, int limit) {
        return control.whileIdle(() -> evaluator.evaluate(split, limit));
    }

    /** After an epoch: its training metric on a sample, and the validation split. */
    Figures epoch() {
        Evaluation train = evaluate(data.train(), TRAIN_METRIC_SAMPLES);
        Evaluation validation = data.validation().size() > 0 ? evaluate(data.validation(), 0) : null;
        return new Figures(train, validation, null);
    }

    /**
     * At the end of a run: every split, whole.
     *
     * @param validationNow the last epoch's validation, when the weights have not changed since; null to measure
     */
    Figures end(Evaluation validationNow) {
        Evaluation train = evaluate(data.train(), 0);
        Evaluation validation = validationNow != null ? validationNow
                : data.validation().size() > 0 ? evaluate(data.validation(), 0) : null;
        Evaluation test = data.test().size() > 0 ? evaluate(data.test(), 0) : null;
        return new Figures(train, validation, test);
    }

    /** The loss over a grid of two weights' values (see {@link LossSurface}), on the training split. */
    LossSurface.Grid lossSurface(NetworkBackend net, LossSurface.Axis x, LossSurface.Axis y, int steps) {
        return LossSurface.compute(net, evaluator, data.train(), x, y, steps);
    }
}
