package org.strata.engine.data;

/**
 * A subset of a {@link SampleSource}'s samples (train, validation or test), normalised on the way out. A split
 * whose normalised features fit in {@link #CACHE_BYTES} keeps them after first use, so batches are plain copies;
 * larger ones are read from their source each time.
 */
public final class Split {
    /** Splits up to this many bytes of features are cached in memory. */
    static final long CACHE_BYTES = 256L << 20;

    private final SampleSource source;
    private final int[] indices;
    private final Normalizer normalizer;
    private float[] cache;

    Split(SampleSource source, int[] indices, Normalizer normalizer) {
        this.source = source;
        this.indices = indices;
        this.normalizer = normalizer;
    }

    /**
     * @return this split's samples, their classes renumbered through {@code map} (data's number to the model's; null
     * keeps them) and normalised with {@code n}
     */
    Split as(int[] map, Normalizer n) {
        SampleSource s = map == null ? source : new SampleSource() {
            @Override
            public int size() {
                return source.size();
            }

            @Override
            public int featureSize() {
                return source.featureSize();
            }

            @Override
            public void features(int index, float[] dst, int offset) {
                source.features(index, dst, offset);
            }

            @Override
            public int label(int index) {
                return map[source.label(index)];
            }

            @Override
            public int labelSteps() {
                return source.labelSteps();
            }

            @Override
            public void labels(int index, int[] dst, int offset) {
                source.labels(index, dst, offset);
                for (int t = 0; t < source.labelSteps(); t++) {
                    if (dst[offset + t] >= 0) dst[offset + t] = map[dst[offset + t]];
                }
            }

            @Override
            public float[] target(int index) {
                return source.target(index);
            }
        };
        return new Split(s, indices, n);
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
        int f = source.featureSize();
        float[] all = cache(f);
        if (all != null) {
            System.arraycopy(all, i * f, dst, offset, f);
            return;
        }
        source.features(indices[i], dst, offset);
        normalizer.apply(dst, offset);
    }

    /**
     * Puts sample {@code i}'s normalised features at {@code dst}'s position and advances it: for a cached split one
     * bulk copy, with no array in between (a batch of MNIST digits is 200 KB, copied every training step).
     *
     * @param scratch room for one sample's features, used when the split is not cached
     */
    public void features(int i, java.nio.FloatBuffer dst, float[] scratch) {
        int f = source.featureSize();
        float[] all = cache(f);
        if (all != null) {
            dst.put(all, i * f, f);
            return;
        }
        features(i, scratch, 0);
        dst.put(scratch, 0, f);
    }

    /**
     * Reads and normalises every sample now, if the split is small enough to be cached, so that a training loop's
     * first epoch is not timed with the reading (MNIST's 7,200 training digits: ~130 ms).
     */
    public void fillCache() {
        cache(source.featureSize());
    }

    /** @return the normalised features of every sample, filled on first use, or null for a split too large */
    private float[] cache(int f) {
        if (cache == null && (long) indices.length * f * Float.BYTES <= CACHE_BYTES && indices.length > 0) fill(f);
        return cache;
    }

    private synchronized void fill(int f) {
        if (cache != null) return;
        float[] c = new float[indices.length * f];
        for (int k = 0; k < indices.length; k++) {
            source.features(indices[k], c, k * f);
            normalizer.apply(c, k * f);
        }
        cache = c;
    }

    /** Writes sample {@code i}'s features as its source holds them (not normalised) into {@code dst} at {@code offset}. */
    public void rawFeatures(int i, float[] dst, int offset) {
        source.features(indices[i], dst, offset);
    }

    /** @return the number of values in one sample */
    public int featureSize() {
        return source.featureSize();
    }

    /** @return sample {@code i}'s class */
    public int label(int i) {
        return source.label(indices[i]);
    }

    /** @return positions with a class each in every sample; 0 when a sample has one label */
    public int labelSteps() {
        return source.labelSteps();
    }

    /** Writes sample {@code i}'s class at each position into {@code dst} at {@code offset} (−1: none there). */
    public void labels(int i, int[] dst, int offset) {
        source.labels(indices[i], dst, offset);
    }

    /** @return sample {@code i}'s regression targets */
    public float[] target(int i) {
        return source.target(indices[i]);
    }
}
