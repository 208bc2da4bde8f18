package org.strata.engine.backprop;

import java.util.Arrays;

/**
 * An array copied out of an engine: its shape (batch first where it has one) and its values in row-major order.
 *
 * @param shape the dimensions, e.g. {32, 8} for 32 samples of 8 values
 * @param data  the values, row-major
 */
public record Values(long[] shape, float[] data) {
    public Values {
        long n = 1;
        for (long d : shape) n *= d;
        if (n != data.length) {
            throw new IllegalArgumentException(Arrays.toString(shape) + " holds " + n + " values, not " + data.length);
        }
    }

    /** @return the number of values in one row (one sample) */
    public int rowSize() {
        return shape.length == 0 || shape[0] == 0 ? 0 : (int) (data.length / shape[0]);
    }

    /** @return the rows (samples) */
    public int rows() {
        return shape.length == 0 ? 1 : (int) shape[0];
    }

    /** @return value {@code i} of row {@code row} */
    public float at(int row, int i) {
        return data[row * rowSize() + i];
    }

    /** @return a copy of row {@code row} */
    public float[] row(int row) {
        int n = rowSize();
        return Arrays.copyOfRange(data, row * n, row * n + n);
    }

    /** @return the shape of one row (without the batch) */
    public long[] rowShape() {
        return shape.length == 0 ? shape : Arrays.copyOfRange(shape, 1, shape.length);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Values v && Arrays.equals(shape, v.shape) && Arrays.equals(data, v.data);
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(shape) + Arrays.hashCode(data);
    }

    @Override
    public String toString() {
        return "Values" + Arrays.toString(shape);
    }
}
