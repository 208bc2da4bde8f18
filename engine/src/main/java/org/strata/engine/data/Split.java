package org.strata.engine.data;

/**
 * A subset of a {@link SampleSource}'s samples (train, validation or test), normalised on the way out.
 */
public final class Split {
    private final SampleSource source;
    private final int[] indices;
    private final Normalizer normalizer;

    Split(SampleSource source, int[] indices, Normalizer normalizer) {
        this.source = source;
        this.indices = indices;
        this.normalizer = normalizer;
    }

    /** @return the number of samples */
    public int size() {
        return indices.length;
    }

    /** @return the source's index of this split's sample {@code i} */
    public int sourceIndex(int i) {
        return indices[i];
    }

    /** Writes sample {@code i}'s normalised features into {@code dst} at {@code offset}. */
    public void features(int i, float[] dst, int offset) {
        source.features(indices[i], dst, offset);
        normalizer.apply(dst, offset);
    }

    /** @return sample {@code i}'s class */
    public int label(int i) {
        return source.label(indices[i]);
    }

    /** @return sample {@code i}'s regression targets */
    public float[] target(int i) {
        return source.target(indices[i]);
    }
}
