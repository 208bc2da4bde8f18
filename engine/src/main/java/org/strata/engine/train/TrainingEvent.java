package org.strata.engine.train;

import java.util.List;
import org.strata.engine.text.Message;

/**
 * What a training session publishes: one of four immutable events. Arrays inside are copies owned by the event.
 * {@link #dispatch} hands an event to the method of a {@link Handler} made for its kind; a {@code Handler} must have one
 * for every kind, so a new kind of event fails to compile wherever events are handled, instead of being dropped
 * silently (Java 17 has no pattern switch: this is the exhaustive switch).
 */
public sealed interface TrainingEvent permits TrainingEvent.Iteration, TrainingEvent.Epoch, TrainingEvent.Snapshot,
        TrainingEvent.StateChanged, TrainingEvent.Weights {

    /** Hands this event to {@code h}'s method for its kind. */
    void dispatch(Handler h);

    /** Handles every kind of event; {@link TrainingListener} is the one with nothing to do by default. */
    interface Handler {
        void onIteration(Iteration e);

        void onEpoch(Epoch e);

        void onSnapshot(Snapshot s);

        void onStateChanged(StateChanged s);

        /** A small network's weights after a batch (see {@link Weights}); most views ignore them. */
        default void onWeights(Weights w) {
        }
    }

    /**
     * After each iteration of a network of at most {@link #FEW_WEIGHTS} weights: all of them, so that a view can draw
     * the path they take (w and b of y = w·x + b, step by step).
     *
     * @param iteration 1-based iteration count since the start
     * @param values    by export name ({@code node/param}), each weight's values row-major
     */
    record Weights(long iteration, java.util.Map<String, float[]> values) implements TrainingEvent {
        @Override
        public void dispatch(Handler h) {
            h.onWeights(this);
        }
    }

    /** Networks with at most this many weights publish {@link Weights} after every batch (a copy of a few floats). */
    int FEW_WEIGHTS = 16;

    /**
     * After each iteration (one batch).
     *
     * @param epoch            1-based epoch
     * @param iteration        1-based iteration count since the start
     * @param batch            1-based batch within the epoch
     * @param batchesPerEpoch  batches in one epoch
     * @param loss             this batch's training loss
     * @param samplesPerSecond throughput over the epoch so far
     * @param learningRate     the rate used
     */
    record Iteration(int epoch, long iteration, int batch, int batchesPerEpoch, double loss,
                            double samplesPerSecond, double learningRate) implements TrainingEvent {
        @Override
        public void dispatch(Handler h) {
            h.onIteration(this);
        }
    }

    /**
     * After each epoch.
     *
     * @param metricName       "accuracy" or "mae"
     * @param validationLoss   NaN when there is no validation split
     * @param validationMetric NaN when there is no validation split
     * @param seconds          wall time of the epoch, evaluation included
     * @param samplesPerSecond the epoch's training samples over its training loop's time (batches, steps,
     *                         telemetry; not the evaluation, nor time paused)
     * @param validation       the whole evaluation on the validation split (confusion matrix, each sample's
     *                         answer); null when there is no validation split
     */
    record Epoch(int epoch, double trainLoss, double trainMetric, double validationLoss,
                        double validationMetric, String metricName, double learningRate, double seconds,
                        double samplesPerSecond, Evaluation validation) implements TrainingEvent {
        @Override
        public void dispatch(Handler h) {
            h.onEpoch(this);
        }
    }

    /**
     * Counts of values in equal bins over [min, max].
     *
     * @param counts one count per bin
     * @param min    the lowest value seen (the first bin's left edge)
     * @param max    the highest value seen (the last bin's right edge)
     */
    record Histogram(long[] counts, double min, double max) {
        /** @return the number of values counted */
        public long total() {
            long t = 0;
            for (long c : counts) t += c;
            return t;
        }
    }

    /**
     * Statistics of one node at one moment.
     *
     * @param nodeId         our node id
     * @param activationMean mean of its output over the probe batch
     * @param activationStd  standard deviation of its output
     * @param activations    its output values over the probe batch (mean, spread and histogram are taken on at
     *                       most 65,536 evenly strided values of large outputs)
     * @param sample         the first probe sample's output, at most 4,096 values
     * @param paramNorm      L2 norm of its parameters (0 if none)
     * @param updateNorm     L2 norm of its last update (0 if none)
     * @param weights        its parameter values; null if it has none
     * @param gradients      the gradient of the loss for its parameters on the batch before the snapshot (before the
     *                       optimizer turned it into an update); null if it has no parameters
     * @param gradientNorm   L2 norm of that gradient (0 if none)
     */
    record LayerStats(String nodeId, double activationMean, double activationStd, Histogram activations,
                             float[] sample, double paramNorm, double updateNorm, Histogram weights,
                             Histogram gradients, double gradientNorm) {
        /** @return update:parameter ratio; healthy training keeps it near 1e-3 */
        public double updateRatio() {
            return paramNorm == 0 ? 0 : updateNorm / paramNorm;
        }
    }

    /** Per-layer statistics taken at {@code iteration}. */
    record Snapshot(long iteration, List<LayerStats> layers) implements TrainingEvent {
        @Override
        public void dispatch(Handler h) {
            h.onSnapshot(this);
        }
    }

    /**
     * The session's state changed.
     *
     * @param state      the new state
     * @param message    what to tell the user (its {@code toString()} is the English text)
     * @param failedNode for FAILED: the node the failure was traced to (where NaN first appeared, a wrong size), or
     *                   null when it names none
     * @param result     for FINISHED and STOPPED: the run's final evaluations (made once, by the session); else null
     */
    record StateChanged(TrainingState state, Message message, String failedNode, TrainingResult result)
            implements TrainingEvent {
        @Override
        public void dispatch(Handler h) {
            h.onStateChanged(this);
        }
    }
}
