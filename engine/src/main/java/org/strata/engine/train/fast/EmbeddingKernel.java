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
        boolean adds = ctx.addsToSharedGradient();
        if (HostSteps.enabled() && HostView.fits(ctx.input()) && HostView.fits(dE)
                && HostView.fits(ctx.outputGradient())) {
            ctx.backwardOp(sumRowsOnHost(ctx.input(), ctx.outputGradient(), dE, adds));
            return;
        }
        // a Dense tied to E wrote its part first (it runs later in the order): add onto it
        if (!adds) ctx.backwardOp(NativeOp.of("zeros_as").in(dE).out(dE).build());
        // locked (libnd4j's first boolean): unlocked, threads add the rows of a token that occurs twice at once and
        // one addition can be lost, which made the tied-embedding tests fail now and then
        ctx.backwardOp(NativeOp.of("scatter_add").in(dE, tokens, ctx.outputGradient()).out(dE).bargs(true).build());
    }

    /**
     * dE's rows summed in Java: libnd4j's scatter_add, locked, took 2 ms for 2,048 tokens of 128 numbers (measured),
     * several times what the additions need.
     *
     * @param adds whether a Dense tied to E wrote its part of dE first, which the sums go onto
     */
    private static NativeOp sumRowsOnHost(INDArray input, INDArray dy, INDArray dE, boolean adds) {
        HostView tokenView = HostView.of(input);
        HostView gradient = HostView.of(dy);
        HostView table = HostView.of(dE);
        float[] tokens = new float[tokenView.length()];
        float[] g = new float[gradient.length()];
        float[] e = new float[table.length()];
        int width = tokens.length == 0 ? 0 : g.length / tokens.length;
        int vocabulary = width == 0 ? 0 : e.length / width;
        return NativeOp.onHost("embedding_bp", () -> {
            tokenView.read(tokens, 0);
            gradient.read(g, 0);
            if (adds) {
                table.read(e, 0);
            } else {
                java.util.Arrays.fill(e, 0f);
            }
            for (int r = 0; r < tokens.length; r++) {
                int token = (int) tokens[r];
                if (token < 0 || token >= vocabulary) {
                    throw new IllegalArgumentException("token " + token + " is outside the vocabulary of "
                            + vocabulary);
                }
                int to = token * width;
                int from = r * width;
                for (int j = 0; j < width; j++) e[to + j] += g[from + j];
            }
            table.write(e, 0);
        });
    }
}
