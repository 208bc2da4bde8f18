package org.strata.engine.train.fast;

/**
 * UpSampling2D on channels-last images: libnd4j's upsampling2d (nearest neighbour) and its gradient, which sums each
 * block back into its pixel.
 */
public final class UpSamplingKernel implements Kernel {
    /** libnd4j's layout argument: 0 for channels last. */
    private static final int CHANNELS_LAST = 0;

    @Override
    public void forward(KernelContext ctx) {
        int[] s = ctx.node().params().getTuple("size");
        ctx.forwardOp(NativeOp.of("upsampling2d").in(ctx.input()).out(ctx.output()).iargs(s[0], s[1], CHANNELS_LAST)
                .build());
    }

    @Override
    public void backward(KernelContext ctx) {
        if (ctx.inputGradient() == null) return;
        ctx.backwardOp(NativeOp.of("upsampling2d_bp").in(ctx.input(), ctx.outputGradient()).out(ctx.inputGradient())
                .iargs(CHANNELS_LAST).build());
    }
}
