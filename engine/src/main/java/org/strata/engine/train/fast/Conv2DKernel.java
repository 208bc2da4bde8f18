package org.strata.engine.train.fast;

import java.util.ArrayList;
import java.util.List;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;
import org.strata.engine.layers.Conv2DLayer;
import org.strata.engine.layers.Padding;
import org.strata.engine.layers.DenseLayer;
import org.strata.engine.layers.ActivationFn;
import org.strata.engine.layers.TensorShape;
import org.strata.engine.params.Params;

/** Conv2D on channels-last images; W [kH, kW, inChannels, filters] as exported (libnd4j weight format 0). */
public final class Conv2DKernel implements Kernel {
    private INDArray z;
    private ActivationFn act;
    private long[] args;
    private boolean oneDnn;

    @Override
    public void forward(KernelContext ctx) {
        Params p = ctx.node().params();
        int[] k = p.getTuple("kernel");
        int[] s = p.getTuple("stride");
        int[] d = p.getTuple("dilation");
        // kH, kW, sH, sW, pH, pW, dH, dW, same, NHWC, weights [kH, kW, iC, oC]
        args = new long[]{k[0], k[1], s[0], s[1], 0, 0, d[0], d[1], Conv2DLayer.padding(p) == Padding.SAME ? 1 : 0, 1,
                0};
        // oneDNN refuses dilated convolutions in libnd4j 1.0.0-M2.1; libnd4j's own im2col path computes them
        oneDnn = d[0] == 1 && d[1] == 1;
        act = ctx.reluMovedPastPool() ? ActivationFn.IDENTITY : DenseLayer.activation(p);
        z = act == ActivationFn.IDENTITY ? ctx.output() : ctx.scratch(ctx.output().shape());
        ctx.forwardOp(NativeOp.of("conv2d").in(withBias(ctx, ctx.input(), ctx.param("W"))).out(z).iargs(args)
                .helpers(oneDnn).build());
        if (act != ActivationFn.IDENTITY) Activations.addForward(ctx, act, z, ctx.output());
    }

    @Override
    public void backward(KernelContext ctx) {
        INDArray dz = Activations.preActivationGradient(ctx, act, z);
        if (ctx.inputGradient() == null && weightGradientByPatches(ctx, dz)) return;
        // conv2d_bp always computes the input gradient; the first layer gets a scratch array nobody reads.
        INDArray dx = ctx.inputGradient() != null ? ctx.inputGradient() : ctx.scratch(ctx.input().shape());
        boolean bias = DenseLayer.useBias(ctx.node().params());
        INDArray[] in = bias ? new INDArray[]{ctx.input(), ctx.param("W"), ctx.param("b"), dz}
                : new INDArray[]{ctx.input(), ctx.param("W"), dz};
        INDArray[] out = bias ? new INDArray[]{dx, ctx.paramGradient("W"), ctx.paramGradient("b")}
                : new INDArray[]{dx, ctx.paramGradient("W")};
        ctx.backwardOp(NativeOp.of("conv2d_bp").in(in).out(out).iargs(args).helpers(oneDnn).build());
    }

    /**
     * The first layer of a grayscale network needs only dW and db, but conv2d_bp also computes dInput (measured: ~40 %
     * of the seed CNN's backward pass). With one input channel and no padding, dW is one matrix product instead:
     * the kH·kW shifted views of the input are copied into the rows of a [kH·kW, batch·oH·oW] matrix once per step,
     * then dW = patches · dZ, already in the [kH, kW, 1, filters] layout.
     *
     * @return false when the shortcut does not apply (several input channels, or 'same' padding)
     */
    private boolean weightGradientByPatches(KernelContext ctx, INDArray dz) {
        Params p = ctx.node().params();
        if (ctx.inputShape().channels() != 1 || Conv2DLayer.padding(p) == Padding.SAME || !oneDnn) return false;
        int[] k = p.getTuple("kernel");
        int[] s = p.getTuple("stride");
        TensorShape out = ctx.outputShape();
        int oh = out.dim(0);
        int ow = out.dim(1);
        long pixels = (long) ctx.batch() * oh * ow;
        long taps = (long) k[0] * k[1];
        long filters = p.getInt("filters");
        // With the bias gradient right after dW in the flat gradient array (the usual case), one more row of ones
        // under the patches makes the same product give db too: dZ, 5 MB for the seed CNN, is then read once.
        INDArray dwdb = DenseLayer.useBias(p) ? stacked(ctx.paramGradient("W"), ctx.paramGradient("b"), taps, filters)
                : null;
        INDArray patches = ctx.scratch(dwdb != null ? taps + 1 : taps, pixels);
        if (dwdb != null) {
            INDArray ones = patches.get(NDArrayIndex.point(taps), NDArrayIndex.all());
            NativeOp.of("ones_as").in(ones).out(ones).build().run(); // never overwritten: the copies fill the others
        }
        for (int i = 0; i < k[0]; i++) {
            for (int j = 0; j < k[1]; j++) {
                INDArray shifted = ctx.input().get(NDArrayIndex.all(),
                        NDArrayIndex.interval(i, s[0], i + (long) s[0] * (oh - 1) + 1),
                        NDArrayIndex.interval(j, s[1], j + (long) s[1] * (ow - 1) + 1), NDArrayIndex.point(0));
                INDArray row = patches.get(NDArrayIndex.point((long) i * k[1] + j), NDArrayIndex.all())
                        .reshape('c', ctx.batch(), oh, ow);
                ctx.backwardOp(NativeOp.of("identity").in(shifted).out(row).build());
            }
        }
        INDArray dz2 = dz.reshape('c', pixels, filters);
        INDArray dw = dwdb != null ? dwdb : ctx.paramGradient("W").reshape('c', taps, filters);
        ctx.backwardOp(NativeOp.of("matmul").in(patches, dz2).out(dw).iargs(0, 0, 0).targs(1.0, 0.0).build());
        if (DenseLayer.useBias(p) && dwdb == null) {
            INDArray db = ctx.paramGradient("b").reshape('c', 1, filters);
            ctx.backwardOp(NativeOp.of("matmul").in(ctx.ones(pixels), dz2).out(db).iargs(0, 0, 0).targs(1.0, 0.0)
                    .build());
        }
        return true;
    }

    /** @return a [taps + 1, filters] view over dW and db when db directly follows dW in memory, else null */
    private static INDArray stacked(INDArray dw, INDArray db, long taps, long filters) {
        org.nd4j.linalg.api.buffer.DataBuffer memory = underlying(dw);
        boolean adjacent = memory == underlying(db) && db.offset() == dw.offset() + dw.length()
                && dw.length() == taps * filters && db.length() == filters;
        return adjacent ? Nd4j.create(memory, new long[]{taps + 1, filters}, new long[]{filters, 1}, dw.offset(), 'c')
                : null;
    }

    /** @return the buffer a view's offset counts in (a view's own buffer object wraps it) */
    private static org.nd4j.linalg.api.buffer.DataBuffer underlying(INDArray a) {
        org.nd4j.linalg.api.buffer.DataBuffer original = a.data().originalDataBuffer();
        return original != null ? original : a.data();
    }

    private static INDArray[] withBias(KernelContext ctx, INDArray x, INDArray w) {
        return DenseLayer.useBias(ctx.node().params()) ? new INDArray[]{x, w, ctx.param("b")} : new INDArray[]{x, w};
    }
}
