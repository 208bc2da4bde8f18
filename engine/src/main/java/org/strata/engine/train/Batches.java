package org.strata.engine.train;

import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.factory.Nd4j;
import org.strata.engine.data.Split;
import org.strata.engine.layers.TensorShape;

/** Cuts a split into batches shaped for the network's Input, reading only the samples of each batch. */
final class Batches {
    private final Split split;
    private final TensorShape inputShape;
    private final Task task;
    private final int batchSize;
    private final float[] x;
    private final float[] y;

    Batches(Split split, TensorShape inputShape, Task task, int batchSize) {
        this.split = split;
        this.inputShape = inputShape;
        this.task = task;
        this.batchSize = Math.max(1, Math.min(batchSize, Math.max(1, split.size())));
        this.x = new float[this.batchSize * (int) inputShape.size()];
        this.y = new float[this.batchSize * task.width()];
    }

    int count() {
        return (split.size() + batchSize - 1) / batchSize;
    }

    int size() {
        return split.size();
    }

    /**
     * @param b     batch number
     * @param order a permutation of the split's sample numbers, or null for the natural order
     */
    DataSet get(int b, int[] order) {
        int from = b * batchSize;
        int n = Math.min(batchSize, split.size() - from);
        int f = (int) inputShape.size();
        for (int k = 0; k < n; k++) {
            int i = order == null ? from + k : order[from + k];
            split.features(i, x, k * f);
            task.encode(split, i, y, k * task.width());
        }
        long[] shape = new long[inputShape.dims().length + 1];
        shape[0] = n;
        for (int d = 0; d < inputShape.dims().length; d++) shape[d + 1] = inputShape.dim(d);
        INDArray features = Nd4j.create(java.util.Arrays.copyOf(x, n * f), shape, DataType.FLOAT);
        INDArray labels = Nd4j.create(java.util.Arrays.copyOf(y, n * task.width()), new long[]{n, task.width()},
                DataType.FLOAT);
        return new DataSet(features, labels);
    }
}
