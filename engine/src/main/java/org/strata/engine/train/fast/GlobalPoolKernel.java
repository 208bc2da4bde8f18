package org.strata.engine.train.fast;

/**
 * GlobalAvgPool and GlobalMaxPool on channels-last images: the mean, or the largest value, over height and width,
 * one value per channel. Max pooling's gradient goes to each maximum's position (libnd4j's reduce_max_bp).
 */
public final class GlobalPoolKernel implements Kernel {
    private final String op;

    /** @param max the largest value, else the mean */
    public GlobalPoolKernel(boolean max) {
        this.op = max ? "reduce_max" : "reduce_mean";
    }

    @Override
    public void forward(KernelContext ctx) {
        ctx.forwardOp(NativeOp.of(op).in(ctx.input()).out(ctx.output()).iargs(1, 2).bargs(false).build());
    }

    @Override
    public void backward(KernelContext ctx) {
        if (ctx.inputGradient() == null) return;
        ctx.backwardOp(NativeOp.of(op + "_bp").in(ctx.input(), ctx.outputGradient()).out(ctx.inputGradient())
                .iargs(1, 2).bargs(false).build());
    }
}
