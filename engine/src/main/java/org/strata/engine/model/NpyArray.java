package org.strata.engine.model;

/** One array of an {@code .npz} as {@link NpzIO} writes it: {@link FloatArray} or {@link LongArray} (int64). */
public sealed interface NpyArray permits FloatArray, LongArray {
    /** @return its dimensions, row-major */
    long[] shape();

    /** @return the number of values a shape holds (1 for {@code []}) */
    static long count(long[] shape) {
        long n = 1;
        for (long s : shape) n = Math.multiplyExact(n, s);
        return n;
    }
}
