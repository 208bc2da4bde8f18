package org.strata.engine.train.fast;

import java.util.ArrayList;
import java.util.List;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.strata.engine.layers.ActivationFn;
import org.strata.engine.params.Params;

/** Conv2D on channels-last images; W [kH, kW, inChannels, filters] as exported (libnd4j weight format 0). */
public final class Conv2DKernel implements Kernel {
    private INDArray z;
    private ActivationFn act;
    private long[] args;

    @Override
    public List<ParamDef> params(KernelContext ctx) {
        Params p = ctx.node().params();
        int[] k = p.getTuple("kernel");
        long in = ctx.inputShape().channels();
        long filters = p.getInt("filters");
        List<ParamDef> defs = new ArrayList<>(List.of(new ParamDef("W", new long[]{k[0], k[1], in, filters},
                k[0] * k[1] * in, k[0] * k[1] * filters, false)));
        if (p.getBool("useBias")) defs.add(new ParamDef("b", new long[]{filters}, in, filters, true));
        return defs;
    }

    @Override
    public void forward(KernelContext ctx) {
        Params p = ctx.node().params();
        int[] k = p.getTuple("kernel");
        int[] s = p.getTuple("stride");
        // kH, kW, sH, sW, pH, pW, dH, dW, same, NHWC, weights [kH, kW, iC, oC]
        args = new long[]{k[0], k[1], s[0], s[1], 0, 0, 1, 1, p.getString("padding").equals("same") ? 1 : 0, 1, 0};
        act = ActivationFn.of(p.getString("activation"));
        z = act == ActivationFn.IDENTITY ? ctx.output() : ctx.scratch(ctx.output().shape());
        ctx.forwardOp(NativeOp.of("conv2d").in(withBias(ctx, ctx.input(), ctx.param("W"))).out(z).iargs(args).build());
        if (act != ActivationFn.IDENTITY) ctx.forwardOp(Activations.forward(act, z, ctx.output()));
    }

    @Override
    public void backward(KernelContext ctx) {
        INDArray dz = ctx.outputGradient();
        if (act != ActivationFn.IDENTITY) {
            INDArray dy = dz;
            dz = ctx.scratch(z.shape());
            ctx.backwardOp(Activations.backward(act, z, dy, dz));
        }
        // conv2d_bp always computes the input gradient; the first layer gets a scratch array nobody reads.
        INDArray dx = ctx.inputGradient() != null ? ctx.inputGradient() : ctx.scratch(ctx.input().shape());
        boolean bias = ctx.node().params().getBool("useBias");
        INDArray[] in = bias ? new INDArray[]{ctx.input(), ctx.param("W"), ctx.param("b"), dz}
                : new INDArray[]{ctx.input(), ctx.param("W"), dz};
        INDArray[] out = bias ? new INDArray[]{dx, ctx.paramGradient("W"), ctx.paramGradient("b")}
                : new INDArray[]{dx, ctx.paramGradient("W")};
        ctx.backwardOp(NativeOp.of("conv2d_bp").in(in).out(out).iargs(args).build());
    }

    private static INDArray[] withBias(KernelContext ctx, INDArray x, INDArray w) {
        return ctx.node().params().getBool("useBias") ? new INDArray[]{x, w, ctx.param("b")} : new INDArray[]{x, w};
    }
}
