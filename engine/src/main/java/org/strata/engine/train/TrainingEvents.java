package org.strata.engine.train;

import java.util.List;

/** The immutable events a training session publishes. Arrays inside are copies owned by the event. */
public final class TrainingEvents {
    private TrainingEvents() {
    }

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
    public record Iteration(int epoch, long iteration, int batch, int batchesPerEpoch, double loss,
                            double samplesPerSecond, double learningRate) {
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
    public record Epoch(int epoch, double trainLoss, double trainMetric, double validationLoss,
                        double validationMetric, String metricName, double learningRate, double seconds,
                        double samplesPerSecond, Evaluation validation) {
    }

    /**
     * Counts of values in equal bins over [min, max].
     *
     * @param counts one count per bin
     * @param min    the lowest value seen (the first bin's left edge)
     * @param max    the highest value seen (the last bin's right edge)
     */
    public record Histogram(long[] counts, double min, double max) {
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
    public record LayerStats(String nodeId, double activationMean, double activationStd, Histogram activations,
                             float[] sample, double paramNorm, double updateNorm, Histogram weights,
                             Histogram gradients, double gradientNorm) {
        /** @return update:parameter ratio; healthy training keeps it near 1e-3 */
        public double updateRatio() {
            return paramNorm == 0 ? 0 : updateNorm / paramNorm;
        }
    }

    /** Per-layer statistics taken at {@code iteration}. */
    public record Snapshot(long iteration, List<LayerStats> layers) {
    }
}
