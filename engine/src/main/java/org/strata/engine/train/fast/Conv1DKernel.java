package org.strata.engine.train.fast;

import org.nd4j.linalg.api.ndarray.INDArray;
import org.strata.engine.layers.ActivationFn;
import org.strata.engine.layers.Conv2DLayer;
import org.strata.engine.layers.DenseLayer;
import org.strata.engine.layers.Padding;
import org.strata.engine.params.Params;

/**
 * Conv1D as libnd4j's conv2d on views: the sequence [batch, T, C] is an image [batch, 1, T, C] (channels last), W
 * [k, C, filters] a [1, k, C, filters] kernel. No copies: every view shares the arrays' memory.
 */
public final class Conv1DKernel implements Kernel {
    private INDArray z;
    private ActivationFn act;
    private long[] args;
    private boolean oneDnn;

    /** @return a sequence [batch, T, C] as an image [batch, 1, T, C] (a view) */
    static INDArray asImage(INDArray sequence) {
        return sequence.reshape('c', sequence.size(0), 1, sequence.size(1), sequence.size(2));
    }

    private static INDArray kernel(INDArray w) {
        return w.reshape('c', 1, w.size(0), w.size(1), w.size(2));
    }

    @Override
    public void forward(KernelContext ctx) {
        Params p = ctx.node().params();
        // kH, kW, sH, sW, pH, pW, dH, dW, same, NHWC, weights [kH, kW, iC, oC]
        args = new long[]{1, p.getInt("kernel"), 1, p.getInt("stride"), 0, 0, 1, p.getInt("dilation"),
                Conv2DLayer.padding(p) == Padding.SAME ? 1 : 0, 1, 0};
        oneDnn = p.getInt("dilation") == 1; // oneDNN refuses dilated convolutions (see Conv2DKernel)
        act = DenseLayer.activation(p);
        if (ctx.feedsSquashingLoss()) act = ActivationFn.IDENTITY;
        z = act == ActivationFn.IDENTITY ? ctx.output() : ctx.scratch(ctx.output().shape());
        INDArray w = kernel(ctx.param("W"));
        INDArray[] in = DenseLayer.useBias(p) ? new INDArray[]{asImage(ctx.input()), w, ctx.param("b")}
                : new INDArray[]{asImage(ctx.input()), w};
        ctx.forwardOp(NativeOp.of("conv2d").in(in).out(asImage(z)).iargs(args).helpers(oneDnn).build());
        if (act != ActivationFn.IDENTITY) ctx.forwardOp(Activations.forward(act, z, ctx.output()));
    }

    @Override
    public void backward(KernelContext ctx) {
        INDArray dz = Activations.preActivationGradient(ctx, act, z);
        // conv2d_bp always computes the input gradient; the first layer gets a scratch array nobody reads
        INDArray dx = ctx.inputGradient() != null ? ctx.inputGradient() : ctx.scratch(ctx.input().shape());
        boolean bias = DenseLayer.useBias(ctx.node().params());
        INDArray x = asImage(ctx.input());
        INDArray w = kernel(ctx.param("W"));
        INDArray[] in = bias ? new INDArray[]{x, w, ctx.param("b"), asImage(dz)} : new INDArray[]{x, w, asImage(dz)};
        INDArray dw = kernel(ctx.paramGradient("W"));
        INDArray[] out = bias ? new INDArray[]{asImage(dx), dw, ctx.paramGradient("b")}
                : new INDArray[]{asImage(dx), dw};
        ctx.backwardOp(NativeOp.of("conv2d_bp").in(in).out(out).iargs(args).helpers(oneDnn).build());
    }
}
