package org.strata.engine.train.fast;

import java.nio.FloatBuffer;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * A contiguous float array of the plan read into and written from Java arrays in bulk (a copy at memory speed:
 * 32k numbers in ~3 µs), for the steps the engine computes in Java ({@link NativeOp#onHost}). Only on the CPU, where
 * libnd4j's arrays live in the process's own memory.
 */
final class HostView {
    private final FloatBuffer buffer;
    private final int offset;
    private final int length;
    /** Held so that the memory the buffer reads stays the array's for as long as the view is used. */
    private final INDArray array;

    private HostView(INDArray array, FloatBuffer buffer, int offset, int length) {
        this.array = array;
        this.buffer = buffer;
        this.offset = offset;
        this.length = length;
    }

    /**
     * @param array a plan's array or a view of consecutive numbers in one (a time step of a time-major buffer)
     * @return its numbers, in row-major order
     * @throws IllegalArgumentException if the array's numbers are not consecutive
     */
    static HostView of(INDArray array) {
        if (!fits(array)) {
            throw new IllegalArgumentException("not a contiguous float array: " + array.shapeInfoToString());
        }
        return new HostView(array, array.data().asNioFloat(), Math.toIntExact(array.offset()),
                Math.toIntExact(array.length()));
    }

    /**
     * @param at a number's index in the view
     * @return a native pointer to it, for a BLAS call from Java (the pointer keeps the buffer alive)
     */
    org.bytedeco.javacpp.FloatPointer pointer(long at) {
        org.bytedeco.javacpp.FloatPointer p = new org.bytedeco.javacpp.FloatPointer(buffer);
        return p.position(p.position() + offset + at);
    }

    /** @return true if the array's numbers are consecutive floats, in row-major order, so that a view can read it */
    static boolean fits(INDArray array) {
        long longSides = java.util.Arrays.stream(array.shape()).filter(n -> n > 1).count();
        boolean consecutive = array.length() == 1 || array.elementWiseStride() == 1
                && (array.ordering() == 'c' || longSides <= 1); // a column [n, 1] is consecutive in either order
        return consecutive && array.dataType() == org.nd4j.linalg.api.buffer.DataType.FLOAT
                && array.length() <= Integer.MAX_VALUE;
    }

    /** @return how many numbers the view holds */
    int length() {
        return length;
    }

    /** Copies the view's numbers into {@code dst} from {@code at}. */
    void read(float[] dst, int at) {
        buffer.get(offset, dst, at, length);
    }

    /**
     * Splits rows of side-by-side blocks into one array per block: row r's block k (of {@code dst.length}, each
     * {@code width} numbers) goes to {@code dst[k]} at {@code r·width}. So gate blocks [batch, gates·units] become
     * one [batch·units] array per gate, which a loop then reads with the same index as every other array of the
     * step (the JIT vectorizes a loop over arrays at different offsets not at all, measured 10× slower).
     */
    void readBlocks(float[][] dst, int width) {
        int blocks = dst.length;
        int rows = length / (blocks * width);
        for (int r = 0; r < rows; r++) {
            for (int k = 0; k < blocks; k++) buffer.get(offset + (r * blocks + k) * width, dst[k], r * width, width);
        }
    }

    /** The inverse of {@link #readBlocks}: writes {@code src[k]}'s rows as block k of the view's rows. */
    void writeBlocks(float[][] src, int width) {
        int blocks = src.length;
        int rows = length / (blocks * width);
        for (int r = 0; r < rows; r++) {
            for (int k = 0; k < blocks; k++) buffer.put(offset + (r * blocks + k) * width, src[k], r * width, width);
        }
    }

    /**
     * A recurrent step's padding per number: reads the step's padding column [batch, 1] into {@code column} and spreads
     * each sample's value over its {@code width} numbers of {@code into}; all ones when {@code mask} is null.
     */
    static void spreadColumn(HostView mask, float[] column, float[] into, int width) {
        if (mask == null) {
            java.util.Arrays.fill(into, 1f);
            return;
        }
        mask.read(column, 0);
        for (int b = 0; b < column.length; b++) java.util.Arrays.fill(into, b * width, (b + 1) * width, column[b]);
    }

    /** Copies {@link #length()} numbers of {@code src} from {@code at} into the view. */
    void write(float[] src, int at) {
        buffer.put(offset, src, at, length);
    }
}
