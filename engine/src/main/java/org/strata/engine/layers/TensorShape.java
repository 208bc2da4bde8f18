package org.strata.engine.layers;

import java.util.Arrays;
import java.util.stream.Collectors;

/**
 * The shape of one sample's tensor on an edge (the batch dimension is implicit).
 * Images are height × width × channels (channels last); sequences are time steps × features.
 */
public record TensorShape(Kind kind, int[] dims) {

    /** What the dimensions mean. */
    public enum Kind {
        /** [features] */
        VECTOR,
        /** [height, width, channels] */
        IMAGE,
        /** [timesteps, features] */
        SEQUENCE
    }

    public TensorShape {
        dims = dims.clone();
        int expected = switch (kind) {
            case VECTOR -> 1;
            case IMAGE -> 3;
            case SEQUENCE -> 2;
        };
        if (dims.length != expected) throw new IllegalArgumentException(kind + " needs " + expected + " dims");
    }

    public static TensorShape vector(int n) {
        return new TensorShape(Kind.VECTOR, new int[]{n});
    }

    public static TensorShape image(int h, int w, int c) {
        return new TensorShape(Kind.IMAGE, new int[]{h, w, c});
    }

    public static TensorShape sequence(int t, int f) {
        return new TensorShape(Kind.SEQUENCE, new int[]{t, f});
    }

    /** @return dimension {@code i} */
    public int dim(int i) {
        return dims[i];
    }

    /** @return the number of values in one sample */
    public long size() {
        long s = 1;
        for (int d : dims) s *= d;
        return s;
    }

    /** @return the last dimension: features of a vector or sequence, channels of an image */
    public int channels() {
        return dims[dims.length - 1];
    }

    /** @return a word for the kind, as messages use it ("a vector", "an image") */
    public String article() {
        return articleOf(kind);
    }

    /** @return "a vector", "an image" or "a sequence" */
    public static String articleOf(Kind kind) {
        return switch (kind) {
            case VECTOR -> "a vector";
            case IMAGE -> "an image";
            case SEQUENCE -> "a sequence";
        };
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof TensorShape t && t.kind == kind && Arrays.equals(t.dims, dims);
    }

    @Override
    public int hashCode() {
        return kind.hashCode() * 31 + Arrays.hashCode(dims);
    }

    /** "28×28×1", "1600", "20×8". */
    @Override
    public String toString() {
        return Arrays.stream(dims).mapToObj(Integer::toString).collect(Collectors.joining("×"));
    }
}
