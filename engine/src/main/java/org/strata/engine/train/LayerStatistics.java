package org.strata.engine.train;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.strata.engine.backend.NetworkBackend;

/** Summarises one layer for a snapshot: its outputs' mean, spread and histogram, its weights and gradients. */
final class LayerStatistics {
    static final int HISTOGRAM_BINS = 30;
    /**
     * Statistics of larger arrays are taken on an evenly strided subset of this many values: a convolution's
     * outputs on the probe batch run to a million values, and the snapshot costs the training thread its time.
     */
    static final int MAX_COUNTED = 16_384;
    static final int PARAMETER_SAMPLE = NetworkBackend.PARAMETER_SAMPLE;
    static final int SAMPLE_VALUES = 4096;

    private LayerStatistics() {
    }

    /** @return every layer's statistics on the probe batch, copied out of the engine's arrays */
    static TrainingEvent.Snapshot snapshot(NetworkBackend backend, INDArray probe, List<String> order,
                                           long iteration) {
        Map<String, float[][]> acts = backend.activationSummary(probe, LayerStatistics.MAX_COUNTED,
                LayerStatistics.SAMPLE_VALUES);
        Map<String, double[]> norms = backend.parameterNorms();
        Map<String, float[]> weights = backend.parameterValues();
        Map<String, float[]> gradients = backend.keptGradients();
        Map<String, Double> gradientNorms = backend.keptGradientNorms();
        List<TrainingEvent.LayerStats> stats = new ArrayList<>();
        for (String id : order) {
            float[][] v = acts.get(id);
            if (v == null) continue;
            double[] norm = norms.getOrDefault(id, new double[2]);
            stats.add(LayerStatistics.of(id, v[0], v[1], norm[0], norm[1], weights.get(id), gradients.get(id),
                    gradientNorms.getOrDefault(id, 0.0)));
        }
        return new TrainingEvent.Snapshot(iteration, List.copyOf(stats));
    }

    /**
     * @param counted   the layer's outputs over the probe batch, or an evenly strided subset of them
     * @param sample    the first probe sample's outputs (at most {@link #SAMPLE_VALUES} of them)
     * @param weights   the layer's parameter values, or a sample of them (null if none)
     * @param gradients the gradient for them on the last batch, or a sample of it (null if not kept)
     * @param gNorm     the whole gradient's L2 norm (0 if not kept)
     */
    static TrainingEvent.LayerStats of(String id, float[] counted, float[] sample, double pNorm, double uNorm,
                                        float[] weights, float[] gradients, double gNorm) {
        double sum = 0;
        double sq = 0;
        for (float f : counted) {
            sum += f;
            sq += (double) f * f;
        }
        double mean = sum / counted.length;
        double std = Math.sqrt(Math.max(0, sq / counted.length - mean * mean));
        return new TrainingEvent.LayerStats(id, mean, std, histogram(counted), sample, pNorm, uNorm,
                weights == null || weights.length == 0 ? null : histogram(subset(weights, PARAMETER_SAMPLE)),
                gradients == null || gradients.length == 0 ? null : histogram(subset(gradients, PARAMETER_SAMPLE)),
                gNorm);
    }

    /** @return {@code v} itself, or every k-th value when it holds more than {@link #MAX_COUNTED} */
    static float[] subset(float[] v) {
        return subset(v, MAX_COUNTED);
    }

    /** @return {@code v} itself, or every k-th value when it holds more than {@code max} */
    static float[] subset(float[] v, int max) {
        return NetworkBackend.strided(v, max);
    }

    /** @return counts of {@code v} in {@link #HISTOGRAM_BINS} equal bins between its smallest and largest value */
    static TrainingEvent.Histogram histogram(float[] v) {
        float min = Float.POSITIVE_INFINITY;
        float max = Float.NEGATIVE_INFINITY;
        for (float f : v) {
            min = Math.min(min, f);
            max = Math.max(max, f);
        }
        long[] counts = new long[HISTOGRAM_BINS];
        double range = max - min;
        for (float f : v) {
            int bin = range <= 0 ? 0 : (int) Math.min(HISTOGRAM_BINS - 1, (f - min) / range * HISTOGRAM_BINS);
            counts[bin]++;
        }
        return new TrainingEvent.Histogram(counts, min, max);
    }
}
