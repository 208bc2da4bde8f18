package org.strata.engine.data;

/**
 * Random access to samples, one at a time, in a compact form: training reads only the batch it needs, so the
 * full float tensor of a dataset is never built.
 */
public interface SampleSource {
    /** @return the number of samples */
    int size();

    /** @return values per sample */
    int featureSize();

    /** Writes sample {@code index}'s raw (unnormalised) features into {@code dst} from {@code offset}. */
    void features(int index, float[] dst, int offset);

    /** @return sample {@code index}'s class (classification) */
    int label(int index);

    /** @return positions with a class each (a language model's next token at every position); 0: one label */
    default int labelSteps() {
        return 0;
    }

    /**
     * Writes sample {@code index}'s class at each of its {@link #labelSteps()} positions into {@code dst} from
     * {@code offset}; −1 where a position has none.
     */
    default void labels(int index, int[] dst, int offset) {
        throw new UnsupportedOperationException("one label per sample");
    }

    /** @return sample {@code index}'s target values (regression); empty for classification */
    default float[] target(int index) {
        return new float[0];
    }
}
