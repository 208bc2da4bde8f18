package org.strata.engine.layers;

import java.util.Arrays;

/**
 * One array of numbers a layer holds, declared once by its {@link LayerType}: the parameter count, the fast engine's
 * arrays, every exporter and the docs are derived from these declarations. The shape is the export layout
 * (channels last, inputs before outputs), the one the fast engine keeps too.
 *
 * @param name    the array's name in exports ({@code <nodeId>/<name>}): "W", "b", "gamma"
 * @param shape   its shape for the node's input shapes and parameters
 * @param layout  the shape in words, for docs ("[inputs, units]")
 * @param init    how it starts
 * @param fanIn   inputs per output, for Xavier initialisation
 * @param fanOut  outputs per input, for Xavier initialisation
 */
public record Weight(String name, long[] shape, String layout, Init init, long fanIn, long fanOut) {

    /** How an array starts, and what it is. */
    public enum Init {
        /** Random, Xavier-scaled: a learned weight, which weight decay shrinks. */
        XAVIER,
        /** Zeros: a bias, a shift or a running mean. */
        ZERO,
        /** Ones: a scale or a running variance. */
        ONE
    }

    public Weight {
        shape = shape.clone();
    }

    /** A learned weight matrix or kernel, Xavier-initialised. */
    public static Weight xavier(String name, String layout, long fanIn, long fanOut, long... shape) {
        return new Weight(name, shape, layout, Init.XAVIER, fanIn, fanOut);
    }

    /** A vector of {@code n} that starts at {@code init} (a bias, a scale, a running statistic). */
    public static Weight vector(String name, String layout, Init init, long n) {
        return new Weight(name, new long[]{n}, layout, init, n, n);
    }

    /** @return the same array under another name (a bidirectional layer's second reading: "W_reverse") */
    public Weight renamed(String newName) {
        return new Weight(newName, shape, layout, init, fanIn, fanOut);
    }

    @Override
    public long[] shape() {
        return shape.clone();
    }

    /** @return the number of values */
    public long size() {
        return Arrays.stream(shape).reduce(1, (a, b) -> a * b);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Weight w && w.name.equals(name) && Arrays.equals(w.shape, shape) && w.layout.equals(layout)
                && w.init == init && w.fanIn == fanIn && w.fanOut == fanOut;
    }

    @Override
    public int hashCode() {
        return name.hashCode() * 31 + Arrays.hashCode(shape);
    }

    @Override
    public String toString() {
        return name + Arrays.toString(shape);
    }
}
