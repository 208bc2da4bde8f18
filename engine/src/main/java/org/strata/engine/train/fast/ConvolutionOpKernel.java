package org.strata.engine.train.fast;

import org.nd4j.linalg.api.ndarray.INDArray;
import org.strata.engine.layers.ActivationFn;
import org.strata.engine.layers.Conv2DLayer;
import org.strata.engine.layers.DenseLayer;
import org.strata.engine.layers.Padding;
import org.strata.engine.params.Params;

/**
 * DepthwiseConv2D (libnd4j's depthwise_conv2d) and ConvTranspose2D (deconv2d) on channels-last images: one op
 * forward, its _bp op backward, with conv2d's arguments. The catalogue's weight layouts are the ops' own format 0
 * ([kH, kW, inChannels, multiplier] and [kH, kW, filters, inChannels]), so the weights are used as they are.
 */
public final class ConvolutionOpKernel implements Kernel {
    private final String op;
    private INDArray z;
    private ActivationFn act;
    private long[] args;

    /** @param op depthwise_conv2d or deconv2d */
    public ConvolutionOpKernel(String op) {
        this.op = op;
    }

    @Override
    public void forward(KernelContext ctx) {
        Params p = ctx.node().params();
        int[] k = p.getTuple("kernel");
        int[] s = p.getTuple("stride");
        // kH, kW, sH, sW, pH, pW, dH, dW, same, NHWC, weight format 0
        args = new long[]{k[0], k[1], s[0], s[1], 0, 0, 1, 1, Conv2DLayer.padding(p) == Padding.SAME ? 1 : 0, 1, 0};
        act = DenseLayer.activation(p);
        z = act == ActivationFn.IDENTITY ? ctx.output() : ctx.scratch(ctx.output().shape());
        ctx.forwardOp(NativeOp.of(op).in(withBias(ctx, ctx.input(), ctx.param("W"))).out(z).iargs(args).build());
        if (act != ActivationFn.IDENTITY) ctx.forwardOp(Activations.forward(act, z, ctx.output()));
    }

    @Override
    public void backward(KernelContext ctx) {
        INDArray dz = Activations.preActivationGradient(ctx, act, z);
        // the _bp ops always compute the input gradient; the first layer gets a scratch array nobody reads
        INDArray dx = ctx.inputGradient() != null ? ctx.inputGradient() : ctx.scratch(ctx.input().shape());
        boolean bias = DenseLayer.useBias(ctx.node().params());
        INDArray[] in = bias ? new INDArray[]{ctx.input(), ctx.param("W"), ctx.param("b"), dz}
                : new INDArray[]{ctx.input(), ctx.param("W"), dz};
        INDArray[] out = bias ? new INDArray[]{dx, ctx.paramGradient("W"), ctx.paramGradient("b")}
                : new INDArray[]{dx, ctx.paramGradient("W")};
        ctx.backwardOp(NativeOp.of(op + "_bp").in(in).out(out).iargs(args).build());
    }

    private static INDArray[] withBias(KernelContext ctx, INDArray x, INDArray w) {
        return DenseLayer.useBias(ctx.node().params()) ? new INDArray[]{x, w, ctx.param("b")} : new INDArray[]{x, w};
    }
}
