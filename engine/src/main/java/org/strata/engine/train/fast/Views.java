package org.strata.engine.train.fast;

import org.nd4j.linalg.api.ndarray.INDArray;

/** Views that let one op see an array in another shape: no copies, the same memory. */
final class Views {
    private Views() {
    }

    /** @return {@code a} as rows of its last axis: [everything else, last] (a sequence's steps, a pixel's channels) */
    static INDArray rows(INDArray a) {
        long last = a.size(a.rank() - 1);
        return a.reshape('c', a.length() / last, last);
    }

    /** @return a sequence [batch, T, C] as a channels-last image of one row [batch, 1, T, C] */
    static INDArray asImage(INDArray sequence) {
        return sequence.reshape('c', sequence.size(0), 1, sequence.size(1), sequence.size(2));
    }
}
