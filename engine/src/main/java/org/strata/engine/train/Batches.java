package org.strata.engine.train;

import java.util.Random;

import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.factory.Nd4j;
import org.strata.engine.data.Split;
import org.strata.engine.layers.TensorShape;
import org.strata.engine.runtime.HostMemory;

/**
 * Cuts a split into batches shaped for the network's Input, reading only the samples of each batch. The arrays are
 * allocated once (one pair for full batches, one for the shorter last batch) and refilled: a returned batch is only
 * valid until the next call.
 */
final class Batches {
    private final Split split;
    private final TensorShape inputShape;
    private final Task task;
    private final int batchSize;
    private final Buffers full;
    private Buffers last;
    private java.util.function.IntFunction<INDArray[]> target;
    /** Buffers over target arrays, by their features array (a network keeps one pair per batch size). */
    private final java.util.Map<INDArray, Buffers> targets = new java.util.IdentityHashMap<>();
    /** One sample's features, for splits too large to cache. */
    private final float[] sample;

    /** The ND4J arrays of one batch length, and host room for its labels. */
    private final class Buffers {
        final float[] y;
        final INDArray features;
        final INDArray labels;
        final java.nio.FloatBuffer featureBuffer;
        final java.nio.FloatBuffer labelBuffer;

        Buffers(int n) {
            this(Nd4j.create(DataType.FLOAT, shapeOf(n)), Nd4j.create(DataType.FLOAT, task.labelShape(n)));
        }

        Buffers(INDArray features, INDArray labels) {
            y = new float[(int) labels.length()];
            this.features = features;
            this.labels = labels;
            featureBuffer = features.data().asNioFloat();
            labelBuffer = labels.data().asNioFloat();
        }
    }

    private long[] shapeOf(int n) {
        long[] shape = new long[inputShape.dims().length + 1];
        shape[0] = n;
        for (int d = 0; d < inputShape.dims().length; d++) shape[d + 1] = inputShape.dim(d);
        return shape;
    }

    /**
     * Has batches written straight into arrays the network reads (its plan's inputs), instead of into this object's
     * own arrays that the network would copy: one copy of every batch less (200 KB a step for MNIST).
     *
     * @param target gives a pair {features, labels} for a batch of n samples, or null to use this object's arrays
     */
    void writeInto(java.util.function.IntFunction<INDArray[]> target) {
        this.target = target;
    }

    private Buffers targetBuffers(int n) {
        INDArray[] t = target == null ? null : target.apply(n);
        if (t == null || !java.util.Arrays.equals(t[0].shape(), shapeOf(n))
                || !java.util.Arrays.equals(t[1].shape(), task.labelShape(n)) || !contiguous(t[0])
                || !contiguous(t[1])) {
            return null;
        }
        Buffers b = targets.get(t[0]);
        if (b == null || b.labels != t[1]) {
            b = new Buffers(t[0], t[1]);
            targets.put(t[0], b);
        }
        return b;
    }

    private static boolean contiguous(INDArray a) {
        return a.ordering() == 'c' && a.offset() == 0 && !a.isView() && a.dataType() == DataType.FLOAT;
    }

    Batches(Split split, TensorShape inputShape, Task task, int batchSize) {
        this.split = split;
        this.inputShape = inputShape;
        this.task = task;
        this.batchSize = Math.max(1, Math.min(batchSize, Math.max(1, split.size())));
        this.full = new Buffers(this.batchSize);
        this.sample = new float[(int) inputShape.size()];
    }

    int count() {
        return (split.size() + batchSize - 1) / batchSize;
    }

    int size() {
        return split.size();
    }

    /** @return the split's indices of batch {@code b}'s samples, in the batch's order */
    int[] indices(int b, int[] order) {
        int from = b * batchSize;
        int n = Math.min(batchSize, split.size() - from);
        int[] out = new int[n];
        for (int k = 0; k < n; k++) out[k] = order == null ? from + k : order[from + k];
        return out;
    }

    /**
     * @param b     batch number
     * @param order a permutation of the split's sample numbers, or null for the natural order
     */
    DataSet get(int b, int[] order) {
        int from = b * batchSize;
        int n = Math.min(batchSize, split.size() - from);
        Buffers buf = targetBuffers(n);
        if (buf == null) buf = n == batchSize ? full : lastBuffers(n);
        buf.featureBuffer.clear();
        for (int k = 0; k < n; k++) {
            int i = order == null ? from + k : order[from + k];
            split.features(i, buf.featureBuffer, sample); // straight into ND4J's memory
            task.encode(split, i, buf.y, k * task.width());
        }
        buf.labelBuffer.clear();
        buf.labelBuffer.put(buf.y);
        HostMemory.afterWrite(buf.features);
        HostMemory.afterWrite(buf.labels);
        return new DataSet(buf.features, buf.labels);
    }

    private Buffers lastBuffers(int n) {
        if (last == null || last.labels.size(0) != n) last = new Buffers(n);
        return last;
    }

    /** @return 0 … n−1 shuffled by {@code r} (Fisher–Yates): one epoch's order of samples */
    static int[] permutation(int n, Random r) {
        int[] p = java.util.stream.IntStream.range(0, n).toArray();
        for (int i = n - 1; i > 0; i--) {
            int j = r.nextInt(i + 1);
            int t = p[i];
            p[i] = p[j];
            p[j] = t;
        }
        return p;
    }
}
