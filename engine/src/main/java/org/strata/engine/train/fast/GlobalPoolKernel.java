package org.strata.engine.train.fast;

/**
 * GlobalAvgPool and GlobalMaxPool on channels-last images, or sequences: the mean, or the largest value, over height
 * and width (or time), one value per channel. Max pooling's gradient goes to each maximum's position (libnd4j's reduce_max_bp).
 */
public final class GlobalPoolKernel implements Kernel {
    private final String op;

    /** @param max the largest value, else the mean */
    public GlobalPoolKernel(boolean max) {
        this.op = max ? "reduce_max" : "reduce_mean";
    }

    @Override
    public void forward(KernelContext ctx) {
        ctx.forwardOp(NativeOp.of(op).in(ctx.input()).out(ctx.output()).iargs(axes(ctx)).bargs(false).build());
    }

    @Override
    public void backward(KernelContext ctx) {
        if (ctx.inputGradient() == null) return;
        ctx.backwardOp(NativeOp.of(op + "_bp").in(ctx.input(), ctx.outputGradient()).out(ctx.inputGradient())
                .iargs(axes(ctx)).bargs(false).build());
    }

    /** Height and width of an image [batch, h, w, c]; time of a sequence [batch, t, f]. */
    private static long[] axes(KernelContext ctx) {
        return ctx.input().rank() == 4 ? new long[]{1, 2} : new long[]{1};
    }
}
