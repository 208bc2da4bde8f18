package org.strata.engine.train.fast;

import org.strata.engine.layers.Conv2DLayer;
import org.strata.engine.layers.Padding;
import org.strata.engine.params.Params;

/** MaxPool1D and AvgPool1D as libnd4j's 2-D pooling on the sequence seen as an image [batch, 1, T, C]. */
public final class Pool1DKernel implements Kernel {
    private final String op;
    private long[] args;

    /** @param max max pooling, else average */
    public Pool1DKernel(boolean max) {
        this.op = max ? "maxpool2d" : "avgpool2d";
    }

    @Override
    public void forward(KernelContext ctx) {
        Params p = ctx.node().params();
        // kH, kW, sH, sW, pH, pW, dH, dW, same, divisor mode (0: padding not counted), NHWC
        args = new long[]{1, p.getInt("pool"), 1, p.getInt("stride"), 0, 0, 1, 1,
                Conv2DLayer.padding(p) == Padding.SAME ? 1 : 0, 0, 1};
        ctx.forwardOp(NativeOp.of(op).in(Views.asImage(ctx.input())).out(Views.asImage(ctx.output()))
                .iargs(args).build());
    }

    @Override
    public void backward(KernelContext ctx) {
        if (ctx.inputGradient() == null) return;
        ctx.backwardOp(NativeOp.of(op + "_bp").in(Views.asImage(ctx.input()),
                Views.asImage(ctx.outputGradient())).out(Views.asImage(ctx.inputGradient()))
                .iargs(args).build());
    }
}
