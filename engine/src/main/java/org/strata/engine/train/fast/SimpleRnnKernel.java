package org.strata.engine.train.fast;

import org.nd4j.linalg.api.ndarray.INDArray;

/** SimpleRNN: h_t = tanh(x_t·W + b + h_{t−1}·U), the recurrent product added into the input's part in place. */
public final class SimpleRnnKernel extends RecurrentKernel {
    @Override
    protected int gateCount() {
        return 1;
    }

    @Override
    protected void stepForward(KernelContext ctx, int t, boolean first) {
        if (!first) ctx.forwardOp(product(at(h, prev(t)), false, param(ctx, "U"), false, at(zx, t), true));
        ctx.forwardOp(NativeOp.of("tanh").in(at(zx, t)).out(at(h, t)).build());
        INDArray m = stepMask(t);
        if (m != null) ctx.forwardOp(NativeOp.of("multiply").in(at(h, t), m).out(at(h, t)).build());
    }

    @Override
    protected void stepBackward(KernelContext ctx, int t, boolean first, boolean last) {
        INDArray m = stepMask(t);
        if (m != null) ctx.backwardOp(NativeOp.of("multiply").in(at(dh, t), m).out(at(dh, t)).build());
        ctx.backwardOp(NativeOp.of("tanh_bp").in(at(zx, t), at(dh, t)).out(at(dzx, t)).build());
        if (!first) ctx.backwardOp(product(at(dzx, t), false, param(ctx, "U"), true, at(dh, prev(t)), true));
    }
}
