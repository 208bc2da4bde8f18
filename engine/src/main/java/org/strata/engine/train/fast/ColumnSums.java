package org.strata.engine.train.fast;

import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * A bias's gradient: the column sums of a [rows, n] gradient. libnd4j's {@code reduce_sum} over the rows is quick on
 * a batch's few rows (1–3 µs on [64, 128], where a product takes 4.5) and slow on a sequence's many (2.5 ms on
 * [1792, 512], 100 µs on [1792, 64], measured), where the product of a row of ones with the gradient takes a tenth.
 */
final class ColumnSums {
    /** From this many rows the product with ones is the faster. */
    static final long MANY_ROWS = 256;

    private ColumnSums() {
    }

    /**
     * @param rows a [rows, n] array (a view of columns of a wider one too)
     * @param out  the sums: n numbers, of any shape
     * @return the op that writes them
     */
    static NativeOp of(KernelContext ctx, INDArray rows, INDArray out) {
        long r = rows.size(0);
        if (r < MANY_ROWS) {
            return NativeOp.of("reduce_sum").in(rows).out(out).iargs(0).bargs(false).build();
        }
        return NativeOp.matmul(ctx.ones(r), false, rows, false, out.reshape('c', 1, rows.size(1)), 1.0, false);
    }
}
