package org.strata.engine.data;

/** MNIST-style images held as their original bytes (one byte per pixel), converted per batch. */
final class IdxSource implements SampleSource {
    private final byte[] pixels;
    private final byte[] labels;
    private final int featureSize;

    IdxSource(byte[] pixels, byte[] labels, int featureSize) {
        this.pixels = pixels;
        this.labels = labels;
        this.featureSize = featureSize;
    }

    @Override
    public int size() {
        return labels.length;
    }

    @Override
    public int featureSize() {
        return featureSize;
    }

    @Override
    public void features(int index, float[] dst, int offset) {
        int base = index * featureSize;
        for (int i = 0; i < featureSize; i++) dst[offset + i] = pixels[base + i] & 0xFF;
    }

    @Override
    public int label(int index) {
        return labels[index] & 0xFF;
    }
}
