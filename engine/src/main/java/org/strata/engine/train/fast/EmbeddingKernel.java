package org.strata.engine.train.fast;

import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Embedding: each token index of the input [batch, T] picks its row of E [vocabulary, dimension] (libnd4j's
 * gather), giving [batch, T, dimension]. The gradient of E sums each position's gradient into its token's row
 * (scatter_add into a zeroed dE, or onto the part a Dense tied to E wrote); the token indices themselves have
 * none.
 */
public final class EmbeddingKernel implements Kernel {
    private INDArray tokens;

    @Override
    public void forward(KernelContext ctx) {
        // the input holds whole numbers as floats; gather takes integers, copied into an array made once
        tokens = Nd4j.create(DataType.INT32, ctx.input().shape());
        ctx.forwardOp(NativeOp.of("cast").in(ctx.input()).out(tokens).iargs(DataType.INT32.toInt()).build());
        ctx.forwardOp(NativeOp.of("gather").in(ctx.param("E"), tokens).out(ctx.output()).iargs(0).build());
        StepMask padding = ctx.marksPadding();
        if (padding != null) padding.fill(ctx, ctx.input());
    }

    @Override
    public void backward(KernelContext ctx) {
        INDArray dE = ctx.paramGradient("E");
        // a Dense tied to E wrote its part first (it runs later in the order): add onto it
        if (!ctx.addsToSharedGradient()) ctx.backwardOp(NativeOp.of("zeros_as").in(dE).out(dE).build());
        // locked (libnd4j's first boolean): unlocked, threads add the rows of a token that occurs twice at once and
        // one addition can be lost, which made the tied-embedding tests fail now and then
        ctx.backwardOp(NativeOp.of("scatter_add").in(dE, tokens, ctx.outputGradient()).out(dE).bargs(true).build());
    }
}
