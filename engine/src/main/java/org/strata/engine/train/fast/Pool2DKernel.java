package org.strata.engine.train.fast;

import org.nd4j.linalg.api.ndarray.INDArray;
import org.strata.engine.layers.Conv2DLayer;
import org.strata.engine.layers.Padding;
import org.strata.engine.params.Params;

/** Max or average pooling on channels-last images. */
public final class Pool2DKernel implements Kernel {
    private final String op;
    private long[] args;
    private INDArray pooled;

    /** @param max max pooling, else average */
    public Pool2DKernel(boolean max) {
        this.op = max ? "maxpool2d" : "avgpool2d";
    }

    @Override
    public void forward(KernelContext ctx) {
        Params p = ctx.node().params();
        int[] k = p.getTuple("pool");
        int[] s = p.getTuple("stride");
        // kH, kW, sH, sW, pH, pW, dH, dW, same, divisor mode (0: padding not counted), NHWC
        args = new long[]{k[0], k[1], s[0], s[1], 0, 0, 1, 1, Conv2DLayer.padding(p) == Padding.SAME ? 1 : 0, 0, 1};
        if (ctx.appliesMovedRelu()) {
            pooled = ctx.scratch(ctx.output().shape());
            ctx.forwardOp(NativeOp.of(op).in(ctx.input()).out(pooled).iargs(args).build());
            ctx.forwardOp(NativeOp.of("relu").in(pooled).out(ctx.output()).targs(0.0).build());
        } else {
            ctx.forwardOp(NativeOp.of(op).in(ctx.input()).out(ctx.output()).iargs(args).build());
        }
    }

    @Override
    public void backward(KernelContext ctx) {
        if (ctx.inputGradient() == null) return; // no parameters, and nobody needs dInput
        INDArray dy = ctx.outputGradient();
        if (pooled != null) {
            INDArray dPooled = ctx.scratch(pooled.shape());
            for (NativeOp op : Activations.reluBackward(ctx.output(), dy, dPooled)) ctx.backwardOp(op);
            dy = dPooled;
        }
        ctx.backwardOp(NativeOp.of(op + "_bp").in(ctx.input(), dy).out(ctx.inputGradient()).iargs(args).build());
    }
}
