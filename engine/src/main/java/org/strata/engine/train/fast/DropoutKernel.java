package org.strata.engine.train.fast;

import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Dropout: while training y = x·M with M a fresh mask each step (kept values scaled by 1/(1 − rate)), and
 * dx = dy·M; at inference the layer passes its input through unchanged.
 */
public final class DropoutKernel implements Kernel {
    private INDArray mask;

    @Override
    public boolean isView(KernelContext ctx) {
        return !ctx.training();
    }

    @Override
    public void forward(KernelContext ctx) {
        double keep = 1.0 - ctx.node().params().getDouble("rate");
        INDArray ones = ctx.scratch(ctx.output().shape());
        NativeOp.of("ones_as").in(ones).out(ones).build().run();
        mask = ctx.scratch(ctx.output().shape());
        // libnd4j's dropout takes the probability of keeping a value and its seed; it scales kept values by 1/keep.
        NativeOp draw = NativeOp.of("dropout").in(ones).out(mask).iargs(ctx.seed()).targs(keep).build();
        ctx.beforeStep(step -> draw.setIArguments(ctx.seed() + step * 7919));
        ctx.forwardOp(draw);
        ctx.forwardOp(NativeOp.of("multiply").in(ctx.input(), mask).out(ctx.output()).build());
    }

    @Override
    public void backward(KernelContext ctx) {
        if (ctx.inputGradient() == null) return;
        ctx.backwardOp(NativeOp.of("multiply").in(ctx.outputGradient(), mask).out(ctx.inputGradient()).build());
    }
}
