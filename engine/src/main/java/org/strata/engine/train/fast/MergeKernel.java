package org.strata.engine.train.fast;

import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.indexing.INDArrayIndex;
import org.nd4j.linalg.indexing.NDArrayIndex;

/** Add (elementwise sum of equal shapes) or Concatenate (along the last axis: features or channels). */
public final class MergeKernel implements Kernel {
    private final boolean add;

    /** @param add true for Add, false for Concatenate */
    public MergeKernel(boolean add) {
        this.add = add;
    }

    @Override
    public void forward(KernelContext ctx) {
        int n = ctx.inputCount();
        if (add) {
            ctx.forwardOp(NativeOp.of("add").in(ctx.input(0), ctx.input(1)).out(ctx.output()).build());
            for (int i = 2; i < n; i++) {
                ctx.forwardOp(NativeOp.of("add").in(ctx.output(), ctx.input(i)).out(ctx.output()).build());
            }
            return;
        }
        INDArray[] in = new INDArray[n];
        for (int i = 0; i < n; i++) in[i] = ctx.input(i);
        ctx.forwardOp(NativeOp.of("concat").in(in).out(ctx.output()).iargs(ctx.output().rank() - 1).build());
    }

    @Override
    public void backward(KernelContext ctx) {
        INDArray dy = ctx.outputGradient();
        long from = 0;
        for (int i = 0; i < ctx.inputCount(); i++) {
            long width = ctx.inputShape(i).channels();
            INDArray dx = ctx.inputGradient(i);
            if (dx != null) {
                // Add passes the gradient through to every input; Concatenate hands each input its slice.
                INDArray part = add ? dy : dy.get(lastAxis(dy.rank(), from, from + width));
                ctx.backwardOp(NativeOp.of("identity").in(part).out(dx).build());
            }
            from += width;
        }
    }

    private static INDArrayIndex[] lastAxis(int rank, long from, long to) {
        INDArrayIndex[] idx = new INDArrayIndex[rank];
        for (int d = 0; d < rank - 1; d++) idx[d] = NDArrayIndex.all();
        idx[rank - 1] = NDArrayIndex.interval(from, to);
        return idx;
    }
}
