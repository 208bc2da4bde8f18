package org.strata.engine.train.fast;

/** GlobalAvgPool on channels-last images: the mean over height and width, one value per channel. */
public final class GlobalAvgPoolKernel implements Kernel {
    @Override
    public void forward(KernelContext ctx) {
        ctx.forwardOp(NativeOp.of("reduce_mean").in(ctx.input()).out(ctx.output()).iargs(1, 2).bargs(false).build());
    }

    @Override
    public void backward(KernelContext ctx) {
        if (ctx.inputGradient() == null) return;
        ctx.backwardOp(NativeOp.of("reduce_mean_bp").in(ctx.input(), ctx.outputGradient()).out(ctx.inputGradient())
                .iargs(1, 2).bargs(false).build());
    }
}
