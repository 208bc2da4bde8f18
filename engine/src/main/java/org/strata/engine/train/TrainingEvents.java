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
     */
    public record Epoch(int epoch, double trainLoss, double trainMetric, double validationLoss,
                        double validationMetric, String metricName, double learningRate, double seconds,
                        double samplesPerSecond) {
    }

    /**
     * Statistics of one node at one moment.
     *
     * @param nodeId          our node id
     * @param activationMean  mean of its output over the probe batch
     * @param activationStd   standard deviation of its output
     * @param histogram       counts of its output values in equal bins over [histMin, histMax]
     * @param sample          the first probe sample's output, at most 4,096 values
     * @param paramNorm       L2 norm of its parameters (0 if none)
     * @param updateNorm      L2 norm of its last update (0 if none)
     */
    public record LayerStats(String nodeId, double activationMean, double activationStd, long[] histogram,
                             double histMin, double histMax, float[] sample, double paramNorm, double updateNorm) {
        /** @return update:parameter ratio; healthy training keeps it near 1e-3 */
        public double updateRatio() {
            return paramNorm == 0 ? 0 : updateNorm / paramNorm;
        }
    }

    /** Per-layer statistics taken at {@code iteration}. */
    public record Snapshot(long iteration, List<LayerStats> layers) {
    }
}
