package org.strata.engine.data;

/** Samples held in memory as float rows: generated and CSV data. */
final class ArraySource implements SampleSource {
    private final float[][] features;
    private final int[] labels;
    private final float[][] targets;

    /** @param labels classes, or null for regression; @param targets regression targets, or null */
    ArraySource(float[][] features, int[] labels, float[][] targets) {
        this.features = features;
        this.labels = labels;
        this.targets = targets;
    }

    @Override
    public int size() {
        return features.length;
    }

    @Override
    public int featureSize() {
        return features.length == 0 ? 0 : features[0].length;
    }

    @Override
    public void features(int index, float[] dst, int offset) {
        System.arraycopy(features[index], 0, dst, offset, features[index].length);
    }

    @Override
    public int label(int index) {
        return labels == null ? 0 : labels[index];
    }

    @Override
    public float[] target(int index) {
        return targets == null ? new float[0] : targets[index];
    }
}
