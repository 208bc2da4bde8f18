package org.strata.engine.data;

import java.util.Arrays;

/** x' = (x − shift) · scale per feature; fitted on the training split only, so no test data leaks into it. */
public final class Normalizer {
    private final float[] shift;
    private final float[] scale;

    private Normalizer(float[] shift, float[] scale) {
        this.shift = shift;
        this.scale = scale;
    }

    /** @return x' = (x − shift) · scale, as a model saved it */
    public static Normalizer of(float[] shift, float[] scale) {
        if (shift.length != scale.length) throw new IllegalArgumentException("shift and scale differ in length");
        return new Normalizer(shift.clone(), scale.clone());
    }

    /** No change. */
    public static Normalizer identity(int features) {
        float[] one = new float[features];
        Arrays.fill(one, 1f);
        return new Normalizer(new float[features], one);
    }

    /** Pixels 0–255 to 0–1. */
    public static Normalizer pixels(int features) {
        float[] s = new float[features];
        Arrays.fill(s, 1f / 255f);
        return new Normalizer(new float[features], s);
    }

    /**
     * Fits a normaliser on the samples of {@code train}.
     *
     * @param mode     "scale01" (min–max per feature, or /255 for images) or "standardize"
     * @param perPixel false for images: one mean and std over all pixels, as per-pixel statistics of a digit's
     *                 border would divide by zero
     */
    static Normalizer fit(String mode, SampleSource source, int[] train, boolean image) {
        int f = source.featureSize();
        if (mode.equals("none")) return identity(f);
        if (mode.equals("scale01") && image) return pixels(f);
        float[] row = new float[f];
        double[] sum = new double[f];
        double[] sq = new double[f];
        float[] min = new float[f];
        float[] max = new float[f];
        Arrays.fill(min, Float.POSITIVE_INFINITY);
        Arrays.fill(max, Float.NEGATIVE_INFINITY);
        for (int idx : train) {
            source.features(idx, row, 0);
            for (int j = 0; j < f; j++) {
                sum[j] += row[j];
                sq[j] += (double) row[j] * row[j];
                min[j] = Math.min(min[j], row[j]);
                max[j] = Math.max(max[j], row[j]);
            }
        }
        int n = Math.max(1, train.length);
        float[] shift = new float[f];
        float[] scale = new float[f];
        if (image) { // global statistics
            double s = Arrays.stream(sum).sum();
            double q = Arrays.stream(sq).sum();
            double mean = s / ((double) n * f);
            double std = Math.sqrt(Math.max(0, q / ((double) n * f) - mean * mean));
            Arrays.fill(shift, (float) mean);
            Arrays.fill(scale, (float) (std > 1e-8 ? 1 / std : 1));
            return new Normalizer(shift, scale);
        }
        for (int j = 0; j < f; j++) {
            if (mode.equals("scale01")) {
                float range = max[j] - min[j];
                shift[j] = min[j];
                scale[j] = range > 1e-12 ? 1 / range : 1;
            } else {
                double mean = sum[j] / n;
                double std = Math.sqrt(Math.max(0, sq[j] / n - mean * mean));
                shift[j] = (float) mean;
                scale[j] = (float) (std > 1e-8 ? 1 / std : 1);
            }
        }
        return new Normalizer(shift, scale);
    }

    /** Normalises the {@code shift.length} values of {@code row} from {@code offset}, in place. */
    public void apply(float[] row, int offset) {
        for (int j = 0; j < shift.length; j++) row[offset + j] = (row[offset + j] - shift[j]) * scale[j];
    }

    /** Undoes {@link #apply}: back to the values as in the data file (features with scale 0 come back as shift). */
    public void invert(float[] row, int offset) {
        for (int j = 0; j < shift.length; j++) {
            row[offset + j] = scale[j] == 0 ? shift[j] : row[offset + j] / scale[j] + shift[j];
        }
    }

    /** @return a copy of the per-feature shifts */
    public float[] shift() {
        return shift.clone();
    }

    /** @return a copy of the per-feature scales */
    public float[] scale() {
        return scale.clone();
    }
}
