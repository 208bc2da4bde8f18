package org.strata.engine.train.fast;

import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.indexing.NDArrayIndex;

/**
 * GRU with the reset gate on the recurrent product (PyTorch's and ONNX's linear_before_reset), gate blocks r, z, n:
 * hu = h_{t−1}·U (+ bh on block n), r, z = σ(zx + hu), n = tanh(zx_n + r⊙hu_n), h_t = n + z⊙(h_{t−1} − n).
 */
public final class GruKernel extends RecurrentKernel {
    private static final int R = 0;
    private static final int Z = 1;
    private static final int N = 2;
    /** h_{t−1}·U with bh added to block n [T, batch, 3·units]. */
    private INDArray hu;
    /** Pre-activations of r and z [T, batch, 2·units], and of n [T, batch, units]. */
    private INDArray preRz;
    private INDArray preN;
    /** Activations r, z, n [T, batch, 3·units]. */
    private INDArray a;
    private INDArray tmp;
    /** dLoss/d(activations) of one step, and dh·z (the part of dh_{t−1} that skips the gates). */
    private INDArray da;
    private INDArray dhz;
    private INDArray dn;
    /** The steps computed in Java ({@link HostSteps}), or null when they run as libnd4j ops. */
    private GruCellOnHost host;
    /** h_{t−1}·U of the step being computed in Java [batch, 3·units]. */
    private INDArray huStep;

    @Override
    protected int gateCount() {
        return 3;
    }

    /** @return gates r and z of a [batch, 3·units] row block: [batch, 2·units] */
    private INDArray rz(INDArray rows) {
        return rows.get(NDArrayIndex.all(), NDArrayIndex.interval(0, 2L * units));
    }

    @Override
    protected void stepForward(KernelContext ctx, int t, boolean first) {
        if (first && HostSteps.enabled()) {
            host = new GruCellOnHost(steps, batch, units);
            huStep = ctx.scratch(batch, 3L * units);
        }
        if (host != null) {
            stepForwardOnHost(ctx, t, first);
            return;
        }
        if (first) {
            hu = ctx.scratch(steps, batch, 3L * units);
            preRz = ctx.scratch(steps, batch, 2L * units);
            preN = ctx.scratch(steps, batch, units);
            a = ctx.scratch(steps, batch, 3L * units);
            tmp = ctx.scratch(batch, units);
        }
        INDArray hut = at(hu, t);
        INDArray at = at(a, t);
        INDArray hPrev = first ? zeroState : at(h, prev(t));
        if (first) {
            // h_{−1} = 0: only the bias remains
            ctx.forwardOp(NativeOp.of("biasadd").in(zeroState, param(ctx, "bh")).out(block(hut, N)).bargs(false)
                    .build());
        } else {
            ctx.forwardOp(product(hPrev, false, param(ctx, "U"), false, hut, false));
            ctx.forwardOp(NativeOp.of("biasadd").in(block(hut, N), param(ctx, "bh")).out(block(hut, N))
                    .bargs(false).build());
        }
        ctx.forwardOp(NativeOp.of("add").in(rz(at(zx, t)), rz(hut)).out(at(preRz, t)).build());
        ctx.forwardOp(NativeOp.of("sigmoid").in(at(preRz, t)).out(rz(at)).build());
        ctx.forwardOp(NativeOp.of("multiply").in(block(at, R), block(hut, N)).out(tmp).build());
        ctx.forwardOp(NativeOp.of("add").in(block(at(zx, t), N), tmp).out(at(preN, t)).build());
        ctx.forwardOp(NativeOp.of("tanh").in(at(preN, t)).out(block(at, N)).build());
        // h_t = n + z⊙(h_{t−1} − n)
        ctx.forwardOp(NativeOp.of("subtract").in(hPrev, block(at, N)).out(tmp).build());
        ctx.forwardOp(NativeOp.of("multiply").in(block(at, Z), tmp).out(tmp).build());
        ctx.forwardOp(NativeOp.of("add").in(block(at, N), tmp).out(at(h, t)).build());
        INDArray m = stepMask(t);
        if (m != null) ctx.forwardOp(NativeOp.of("multiply").in(at(h, t), m).out(at(h, t)).build());
    }

    private void stepForwardOnHost(KernelContext ctx, int t, boolean first) {
        if (!first) ctx.forwardOp(product(at(h, prev(t)), false, param(ctx, "U"), false, huStep, false));
        GruCellOnHost cell = host;
        HostView zxt = HostView.of(at(zx, t));
        HostView hut = first ? null : HostView.of(huStep);
        HostView bias = HostView.of(param(ctx, "bh"));
        HostView mt = stepMask(t) == null ? null : HostView.of(stepMask(t));
        HostView ht = HostView.of(at(h, t));
        int before = first ? -1 : prev(t);
        ctx.forwardOp(NativeOp.onHost("gru_cell", () -> cell.forward(zxt, hut, bias, mt, t, before, ht)));
    }

    private void stepBackwardOnHost(KernelContext ctx, int t, boolean first) {
        GruCellOnHost cell = host;
        HostView dht = HostView.of(at(dh, t));
        HostView mt = stepMask(t) == null ? null : HostView.of(stepMask(t));
        HostView dzxt = HostView.of(at(dzx, t));
        INDArray dzht = at(dzh, t);
        HostView dzhv = HostView.of(dzht);
        HostView dPrev = first ? null : HostView.of(at(dh, prev(t)));
        int before = first ? -1 : prev(t);
        ctx.backwardOp(NativeOp.onHost("gru_cell_bp", () -> cell.backward(dht, mt, t, before, dzxt, dzhv, dPrev)));
        if (!first) ctx.backwardOp(product(dzht, false, param(ctx, "U"), true, at(dh, prev(t)), true));
    }

    @Override
    protected INDArray recurrentGradientBuffer(KernelContext ctx) {
        return ctx.scratch(steps, batch, 3L * units);
    }

    @Override
    protected void stepBackward(KernelContext ctx, int t, boolean first, boolean last) {
        if (host != null) {
            stepBackwardOnHost(ctx, t, first);
            return;
        }
        if (last) {
            da = ctx.scratch(batch, 3L * units);
            dhz = ctx.scratch(batch, units);
            dn = ctx.scratch(batch, units);
        }
        INDArray at = at(a, t);
        INDArray dht = at(dh, t);
        INDArray m = stepMask(t);
        if (m != null) ctx.backwardOp(NativeOp.of("multiply").in(dht, m).out(dht).build());
        INDArray hPrev = first ? zeroState : at(h, prev(t));
        INDArray dzxt = at(dzx, t);
        INDArray dzht = at(dzh, t);
        // dz = dh⊙(h_{t−1} − n); dn = dh − dh⊙z; dh⊙z goes straight to h_{t−1}
        ctx.backwardOp(NativeOp.of("subtract").in(hPrev, block(at, N)).out(tmp).build());
        ctx.backwardOp(NativeOp.of("multiply").in(dht, tmp).out(block(da, Z)).build());
        ctx.backwardOp(NativeOp.of("multiply").in(dht, block(at, Z)).out(dhz).build());
        ctx.backwardOp(NativeOp.of("subtract").in(dht, dhz).out(dn).build());
        // through n = tanh(zx_n + r⊙hu_n): zx_n's gradient, hu_n's (times r) and r's (times hu_n)
        ctx.backwardOp(NativeOp.of("tanh_bp").in(at(preN, t), dn).out(block(dzxt, N)).build());
        ctx.backwardOp(NativeOp.of("multiply").in(block(dzxt, N), block(at, R)).out(block(dzht, N)).build());
        ctx.backwardOp(NativeOp.of("multiply").in(block(dzxt, N), block(at(hu, t), N)).out(block(da, R)).build());
        // r and z: the same gradient for the input's and the recurrent part
        ctx.backwardOp(NativeOp.of("sigmoid_bp").in(at(preRz, t), rz(da)).out(rz(dzxt)).build());
        ctx.backwardOp(NativeOp.of("identity").in(rz(dzxt)).out(rz(dzht)).build());
        if (!first) {
            INDArray dPrev = at(dh, prev(t));
            ctx.backwardOp(product(dzht, false, param(ctx, "U"), true, dPrev, true));
            ctx.backwardOp(NativeOp.of("add").in(dPrev, dhz).out(dPrev).build());
        }
    }

    @Override
    protected void extraGradients(KernelContext ctx) {
        // bh sits inside every step's hu_n, the first step's included
        INDArray dzhN = Views.rows(dzh).get(NDArrayIndex.all(), NDArrayIndex.interval(2L * units, 3L * units));
        ctx.backwardOp(ColumnSums.of(ctx, dzhN, paramGradient(ctx, "bh")));
    }
}
