package org.strata.engine.train.fast;

import org.nd4j.linalg.api.ndarray.INDArray;
import org.strata.engine.layers.ActivationFn;
import org.strata.engine.layers.Conv2DLayer;
import org.strata.engine.layers.DenseLayer;
import org.strata.engine.layers.Padding;
import org.strata.engine.params.Params;

/**
 * A convolution that is one libnd4j op forward and its _bp op backward, with conv2d's arguments, on channels-last
 * data: Conv1D (conv2d on the sequence seen as a one-row image, W [k, C, filters] as [1, k, C, filters]),
 * DepthwiseConv2D (depthwise_conv2d) and ConvTranspose2D (deconv2d). The catalogue's weight layouts are the ops'
 * format 0 ([kH, kW, inChannels, multiplier] and [kH, kW, filters, inChannels]), so no weight is copied.
 */
public final class ConvolutionOpKernel implements Kernel {
    private final String op;
    /** Conv1D: a sequence seen as an image of one row, its settings single numbers along that row. */
    private final boolean sequence;
    private INDArray z;
    private ActivationFn act;
    private long[] args;
    /** Whether oneDNN may run the op: it refuses dilated convolutions in libnd4j 1.0.0-M2.1 (see Conv2DKernel). */
    private boolean oneDnn;

    private ConvolutionOpKernel(String op, boolean sequence) {
        this.op = op;
        this.sequence = sequence;
    }

    /** @return the kernel of Conv1D */
    static ConvolutionOpKernel conv1d() {
        return new ConvolutionOpKernel("conv2d", true);
    }

    /** @return the kernel of DepthwiseConv2D */
    static ConvolutionOpKernel depthwise() {
        return new ConvolutionOpKernel("depthwise_conv2d", false);
    }

    /** @return the kernel of ConvTranspose2D */
    static ConvolutionOpKernel transposed() {
        return new ConvolutionOpKernel("deconv2d", false);
    }

    /** @return a setting as [along height, along width]: a tuple, or a sequence's number along its one row */
    private int[] pair(Params p, String name, int absent) {
        if (p.table().spec(name).isEmpty()) return new int[]{absent, absent};
        return sequence ? new int[]{1, p.getInt(name)} : p.getTuple(name);
    }

    /** @return the data as the op sees it: images as they are, a sequence as an image of one row (a view) */
    private INDArray image(INDArray a) {
        return sequence ? Views.asImage(a) : a;
    }

    /** @return the weights as the op sees them: Conv1D's [k, C, filters] as [1, k, C, filters] (a view) */
    private INDArray weights(INDArray w) {
        return sequence ? w.reshape('c', 1, w.size(0), w.size(1), w.size(2)) : w;
    }

    @Override
    public void forward(KernelContext ctx) {
        Params p = ctx.node().params();
        int[] k = pair(p, "kernel", 1);
        int[] s = pair(p, "stride", 1);
        int[] d = pair(p, "dilation", 1);
        // kH, kW, sH, sW, pH, pW, dH, dW, same, NHWC, weight format 0
        args = new long[]{k[0], k[1], s[0], s[1], 0, 0, d[0], d[1], Conv2DLayer.padding(p) == Padding.SAME ? 1 : 0, 1,
                0};
        oneDnn = d[0] == 1 && d[1] == 1;
        act = DenseLayer.activation(p);
        z = act == ActivationFn.IDENTITY ? ctx.output() : ctx.scratch(ctx.output().shape());
        INDArray x = image(ctx.input());
        INDArray w = weights(ctx.param("W"));
        INDArray[] in = DenseLayer.useBias(p) ? new INDArray[]{x, w, ctx.param("b")} : new INDArray[]{x, w};
        ctx.forwardOp(NativeOp.of(op).in(in).out(image(z)).iargs(args).helpers(oneDnn).build());
        if (act != ActivationFn.IDENTITY) Activations.addForward(ctx, act, z, ctx.output());
    }

    @Override
    public void backward(KernelContext ctx) {
        INDArray dz = image(Activations.preActivationGradient(ctx, act, z));
        // the _bp ops always compute the input gradient; the first layer gets a scratch array nobody reads
        INDArray dx = image(ctx.inputGradient() != null ? ctx.inputGradient() : ctx.scratch(ctx.input().shape()));
        INDArray x = image(ctx.input());
        INDArray w = weights(ctx.param("W"));
        INDArray dw = weights(ctx.paramGradient("W"));
        boolean bias = DenseLayer.useBias(ctx.node().params());
        INDArray[] in = bias ? new INDArray[]{x, w, ctx.param("b"), dz} : new INDArray[]{x, w, dz};
        INDArray[] out = bias ? new INDArray[]{dx, dw, ctx.paramGradient("b")} : new INDArray[]{dx, dw};
        ctx.backwardOp(NativeOp.of(op + "_bp").in(in).out(out).iargs(args).helpers(oneDnn).build());
    }
}
