package org.strata.engine.train;

/** Summarises one layer's output values for a snapshot: mean, spread, histogram and one sample's values. */
final class LayerStatistics {
    private static final int HISTOGRAM_BINS = 30;
    private static final int SAMPLE_VALUES = 4096;

    private LayerStatistics() {
    }

    /**
     * @param v         the layer's outputs over the probe batch, row-major, batch first
     * @param perSample values per sample
     */
    static TrainingEvents.LayerStats of(String id, float[] v, int perSample, double pNorm, double uNorm) {
        double sum = 0;
        double sq = 0;
        float min = Float.POSITIVE_INFINITY;
        float max = Float.NEGATIVE_INFINITY;
        for (float f : v) {
            sum += f;
            sq += (double) f * f;
            min = Math.min(min, f);
            max = Math.max(max, f);
        }
        double mean = sum / v.length;
        double std = Math.sqrt(Math.max(0, sq / v.length - mean * mean));
        long[] hist = new long[HISTOGRAM_BINS];
        double range = max - min;
        for (float f : v) {
            int bin = range <= 0 ? 0 : (int) Math.min(HISTOGRAM_BINS - 1, (f - min) / range * HISTOGRAM_BINS);
            hist[bin]++;
        }
        float[] sample = java.util.Arrays.copyOf(v, Math.min(perSample, SAMPLE_VALUES));
        return new TrainingEvents.LayerStats(id, mean, std, hist, min, max, sample, pNorm, uNorm);
    }
}
