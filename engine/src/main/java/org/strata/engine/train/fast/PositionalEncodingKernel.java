package org.strata.engine.train.fast;

import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.strata.engine.layers.PositionalEncodingLayer;

/** PositionalEncoding: the fixed table [1, T, F] added to every sample; the gradient passes through unchanged. */
public final class PositionalEncodingKernel implements Kernel {
    @Override
    public void forward(KernelContext ctx) {
        long[] shape = ctx.input().shape();
        int steps = (int) shape[1];
        int features = (int) shape[2];
        INDArray table = Nd4j.create(PositionalEncodingLayer.table(steps, features), 1, steps, features);
        ctx.forwardOp(NativeOp.of("add").in(ctx.input(), table).out(ctx.output()).build());
    }

    @Override
    public void backward(KernelContext ctx) {
        if (ctx.inputGradient() == null) return;
        ctx.backwardOp(NativeOp.of("identity").in(ctx.outputGradient()).out(ctx.inputGradient()).build());
    }
}
