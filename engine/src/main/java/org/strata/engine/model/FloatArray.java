package org.strata.engine.model;

import java.util.Arrays;

/**
 * An array of float32 values with its shape, row-major (C order): a trained weight, the input normalisation, an
 * optimizer's flat state, or any float array of an {@code .npz}. Plain Java, so a trained model is read, saved and
 * exported without an engine. Equal when shape and values are.
 *
 * @param shape  its dimensions ({@code []} for a single value)
 * @param values its values, as many as the shape's product
 */
public record FloatArray(long[] shape, float[] values) implements NpyArray {
    /** @throws IllegalArgumentException when the values do not fill the shape */
    public FloatArray {
        shape = shape.clone();
        if (NpyArray.count(shape) != values.length) {
            throw new IllegalArgumentException("shape " + Arrays.toString(shape) + " holds "
                    + NpyArray.count(shape) + " values, not " + values.length);
        }
    }

    /** @return {@code values} as a vector of their length */
    public static FloatArray vector(float[] values) {
        return new FloatArray(new long[]{values.length}, values);
    }

    /** @return how many values it holds */
    public int size() {
        return values.length;
    }

    @Override
    public long[] shape() {
        return shape.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof FloatArray f && Arrays.equals(shape, f.shape) && Arrays.equals(values, f.values);
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(shape) + Arrays.hashCode(values);
    }

    @Override
    public String toString() {
        return "FloatArray" + Arrays.toString(shape);
    }
}
