package org.strata.engine.train.fast;

import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * PositionEmbedding: the learned table P [T, F] added to every sample; dP sums the output gradient over the batch,
 * and the input's gradient is the output's.
 */
public final class PositionEmbeddingKernel implements Kernel {
    @Override
    public void forward(KernelContext ctx) {
        ctx.forwardOp(NativeOp.of("add").in(ctx.input(), ctx.param("P")).out(ctx.output()).build());
    }

    @Override
    public void backward(KernelContext ctx) {
        INDArray dy = ctx.outputGradient();
        INDArray dP = ctx.paramGradient("P");
        ctx.backwardOp(NativeOp.of("reduce_sum").in(dy).out(dP).iargs(0).bargs(false).build());
        if (ctx.inputGradient() == null) return;
        ctx.backwardOp(NativeOp.of("identity").in(dy).out(ctx.inputGradient()).build());
    }
}
