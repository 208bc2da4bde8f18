package org.strata.engine.train.fast;

import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * LSTM, one step after another from libnd4j's matmul and elementwise ops on preallocated time-major buffers. The
 * catalogue's gate blocks are in Deeplearning4j's order: block input g (tanh), forget f, output o, input gate i (σ).
 * Per step: z = x_t·W + b + h_{t−1}·U, c_t = f⊙c_{t−1} + i⊙g, h_t = o⊙tanh(c_t).
 */
public final class LstmKernel extends RecurrentKernel {
    private static final int G = 0;
    private static final int F = 1;
    private static final int O = 2;
    private static final int I = 3;
    /** Gate activations [T, batch, 4·units]: tanh on block g, σ on the others. */
    private INDArray a;
    /** Cell states c_t and tanh(c_t) [T, batch, units]. */
    private INDArray c;
    private INDArray tanhC;
    private INDArray product;
    /** dLoss/dc_t, carried from the step taken after t to step t. */
    private INDArray dc;
    private INDArray dcHere;
    /** dLoss/d(gate activations) of one step [batch, 4·units]. */
    private INDArray da;
    /** The steps computed in Java ({@link HostSteps}), or null when they run as libnd4j ops. */
    private LstmCellOnHost host;

    @Override
    protected int gateCount() {
        return 4;
    }

    @Override
    protected void stepForward(KernelContext ctx, int t, boolean first) {
        if (first && HostSteps.enabled()) host = new LstmCellOnHost(steps, batch, units);
        if (host != null) {
            stepForwardOnHost(ctx, t, first);
            return;
        }
        if (first) {
            a = ctx.scratch(steps, batch, 4L * units);
            c = ctx.scratch(steps, batch, units);
            tanhC = ctx.scratch(steps, batch, units);
            product = ctx.scratch(batch, units);
        }
        INDArray z = at(zx, t);
        INDArray at = at(a, t);
        if (!first) ctx.forwardOp(product(at(h, prev(t)), false, param(ctx, "U"), false, z, true));
        ctx.forwardOp(NativeOp.of("sigmoid").in(z).out(at).build());
        ctx.forwardOp(NativeOp.of("tanh").in(block(z, G)).out(block(at, G)).build());
        INDArray ct = at(c, t);
        INDArray cPrev = first ? zeroState : at(c, prev(t));
        ctx.forwardOp(NativeOp.of("multiply").in(block(at, F), cPrev).out(ct).build());
        ctx.forwardOp(NativeOp.of("multiply").in(block(at, I), block(at, G)).out(product).build());
        ctx.forwardOp(NativeOp.of("add").in(ct, product).out(ct).build());
        INDArray m = stepMask(t);
        if (m != null) ctx.forwardOp(NativeOp.of("multiply").in(ct, m).out(ct).build());
        ctx.forwardOp(NativeOp.of("tanh").in(ct).out(at(tanhC, t)).build());
        ctx.forwardOp(NativeOp.of("multiply").in(block(at, O), at(tanhC, t)).out(at(h, t)).build());
    }

    private void stepForwardOnHost(KernelContext ctx, int t, boolean first) {
        INDArray z = at(zx, t);
        if (!first) ctx.forwardOp(product(at(h, prev(t)), false, param(ctx, "U"), false, z, true));
        LstmCellOnHost cell = host;
        HostView zt = HostView.of(z);
        HostView ht = HostView.of(at(h, t));
        HostView mt = stepMask(t) == null ? null : HostView.of(stepMask(t));
        int before = first ? -1 : prev(t);
        ctx.forwardOp(NativeOp.onHost("lstm_cell", () -> cell.forward(zt, mt, t, before, ht)));
    }

    private void stepBackwardOnHost(KernelContext ctx, int t, boolean first, boolean last) {
        LstmCellOnHost cell = host;
        HostView dht = HostView.of(at(dh, t));
        INDArray dz = at(dzx, t);
        HostView dzt = HostView.of(dz);
        HostView mt = stepMask(t) == null ? null : HostView.of(stepMask(t));
        int before = first ? -1 : prev(t);
        int after = last ? -1 : next(t);
        ctx.backwardOp(NativeOp.onHost("lstm_cell_bp", () -> cell.backward(dht, mt, t, before, after, dzt)));
        if (!first) ctx.backwardOp(product(dz, false, param(ctx, "U"), true, at(dh, prev(t)), true));
    }

    @Override
    protected void stepBackward(KernelContext ctx, int t, boolean first, boolean last) {
        if (host != null) {
            stepBackwardOnHost(ctx, t, first, last);
            return;
        }
        if (last) {
            dc = ctx.scratch(batch, units);
            dcHere = ctx.scratch(batch, units);
            da = ctx.scratch(batch, 4L * units);
        }
        INDArray at = at(a, t);
        INDArray dht = at(dh, t);
        // through h_t = o⊙tanh(c_t): do = dh⊙tanh(c_t); dc_t gets dh⊙o⊙(1 − tanh²c_t) and the next step's dc⊙f
        ctx.backwardOp(NativeOp.of("multiply").in(dht, at(tanhC, t)).out(block(da, O)).build());
        ctx.backwardOp(NativeOp.of("multiply").in(dht, block(at, O)).out(product).build());
        ctx.backwardOp(NativeOp.of("tanh_bp").in(at(c, t), product).out(last ? dc : dcHere).build());
        if (!last) {
            ctx.backwardOp(NativeOp.of("multiply").in(dc, block(at(a, next(t)), F)).out(dc).build());
            ctx.backwardOp(NativeOp.of("add").in(dc, dcHere).out(dc).build());
        }
        INDArray m = stepMask(t); // c_t = m⊙(f⊙c + i⊙g): its gradient, through the mask
        if (m != null) ctx.backwardOp(NativeOp.of("multiply").in(dc, m).out(dc).build());
        // through c_t = f⊙c_{t−1} + i⊙g
        ctx.backwardOp(NativeOp.of("multiply").in(dc, block(at, G)).out(block(da, I)).build());
        ctx.backwardOp(NativeOp.of("multiply").in(dc, block(at, I)).out(block(da, G)).build());
        INDArray cPrev = first ? zeroState : at(c, prev(t));
        ctx.backwardOp(NativeOp.of("multiply").in(dc, cPrev).out(block(da, F)).build());
        // through the activations to z, then into h_{t−1}
        INDArray z = at(zx, t);
        INDArray dz = at(dzx, t);
        ctx.backwardOp(NativeOp.of("sigmoid_bp").in(z, da).out(dz).build());
        ctx.backwardOp(NativeOp.of("tanh_bp").in(block(z, G), block(da, G)).out(block(dz, G)).build());
        if (!first) ctx.backwardOp(product(dz, false, param(ctx, "U"), true, at(dh, prev(t)), true));
    }
}
