package org.strata.engine.model;

import java.util.Arrays;

/**
 * An array of int64 values with its shape, row-major: what an {@code .npz} keeps whole numbers as (sample indices,
 * class labels), so that NumPy reads them as integers.
 *
 * @param shape  its dimensions
 * @param values its values, as many as the shape's product
 */
public record LongArray(long[] shape, long[] values) implements NpyArray {
    /** @throws IllegalArgumentException when the values do not fill the shape */
    public LongArray {
        shape = shape.clone();
        if (NpyArray.count(shape) != values.length) {
            throw new IllegalArgumentException("shape " + Arrays.toString(shape) + " holds "
                    + NpyArray.count(shape) + " values, not " + values.length);
        }
    }

    /** @return {@code values} as a vector of their length */
    public static LongArray vector(long[] values) {
        return new LongArray(new long[]{values.length}, values);
    }

    @Override
    public long[] shape() {
        return shape.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof LongArray f && Arrays.equals(shape, f.shape) && Arrays.equals(values, f.values);
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(shape) + Arrays.hashCode(values);
    }

    @Override
    public String toString() {
        return "LongArray" + Arrays.toString(shape);
    }
}
