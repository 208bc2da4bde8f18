package org.strata.engine.train.fast;

import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.indexing.NDArrayIndex;

/**
 * What LSTM, GRU and SimpleRNN share: the sequence turned time-major once ([T, batch, features], so that each step's
 * rows are contiguous), the input's part of every gate for all steps in one product {@code x·W + b}, the output
 * (every step's h, or the last one) and, backward, the weight gradients of all steps in three products. A subclass
 * adds the steps themselves: its cell's ops, one step after another, and their gradients in reverse order.
 */
abstract class RecurrentKernel implements Kernel {
    /** Time steps, batch, input features, units, gate blocks (4 for LSTM, 3 for GRU, 1 for a simple RNN). */
    protected int steps;
    protected int batch;
    protected int features;
    protected int units;
    protected int gates;
    /** The input, time-major [T, batch, features]. */
    protected INDArray xt;
    /** Each step's input part of the gates, x_t·W + b [T, batch, gates·units]; a cell may add h·U into it. */
    protected INDArray zx;
    /** Each step's hidden state h_t [T, batch, units]. */
    protected INDArray h;
    /** dLoss/dh_t [T, batch, units]: the output's gradient, then each later step's added by the cell. */
    protected INDArray dh;
    /** dLoss/d(x_t·W + b) [T, batch, gates·units]. */
    protected INDArray dzx;
    /** dLoss/d(h_{t−1}·U) [T, batch, gates·units]: {@link #dzx} itself for LSTM and SimpleRNN; GRU's differs. */
    protected INDArray dzh;
    /** A zero [batch, units]: the state before the first step. */
    protected INDArray zeroState;

    /** @return the number of gate blocks of the cell */
    protected abstract int gateCount();

    /** Adds the forward ops of step {@code t} (after step {@code t − 1}; {@code first} when t is 0). */
    protected abstract void stepForward(KernelContext ctx, int t, boolean first);

    /**
     * Adds the backward ops of step {@code t}: fills {@code dzx[t]} and {@code dzh[t]} from {@code dh[t]} and, unless
     * {@code first}, adds the recurrent part into {@code dh[t − 1]}. Called for t = T − 1 down to 0.
     */
    protected abstract void stepBackward(KernelContext ctx, int t, boolean first, boolean last);

    /** @return the gradient buffer for h·U, {@link #dzx} unless the cell needs its own */
    protected INDArray recurrentGradientBuffer(KernelContext ctx) {
        return dzx;
    }

    /** Adds any recurrent parameter gradient besides U's (GRU's recurrent bias). */
    protected void extraGradients(KernelContext ctx) {
    }

    /** @return step t of a time-major buffer: [batch, …], contiguous */
    protected static INDArray at(INDArray timeMajor, int t) {
        return timeMajor.get(NDArrayIndex.point(t), NDArrayIndex.all(), NDArrayIndex.all());
    }

    /** @return gate block {@code k} of a [batch, gates·units] row block: a strided view [batch, units] */
    protected INDArray block(INDArray rows, int k) {
        return rows.get(NDArrayIndex.all(), NDArrayIndex.interval((long) k * units, (long) (k + 1) * units));
    }

    /** @return steps {@code from} to {@code to − 1} of a time-major buffer as rows [(to − from)·batch, n] */
    protected static INDArray rows(INDArray timeMajor, int from, int to) {
        return Views.rows(timeMajor.get(NDArrayIndex.interval(from, to), NDArrayIndex.all(), NDArrayIndex.all()));
    }

    /** {@code out = a·b}, or {@code out += a·b} when {@code accumulate}, with optional transposes. */
    protected static NativeOp product(INDArray a, boolean ta, INDArray b, boolean tb, INDArray out,
                                      boolean accumulate) {
        return NativeOp.matmul(a, ta, b, tb, out, 1.0, accumulate);
    }

    @Override
    public void forward(KernelContext ctx) {
        long[] in = ctx.input().shape();
        batch = ctx.batch();
        steps = (int) in[1];
        features = (int) in[2];
        units = ctx.node().params().getInt("units");
        gates = gateCount();
        xt = ctx.scratch(steps, batch, features);
        zx = ctx.scratch(steps, batch, (long) gates * units);
        h = ctx.scratch(steps, batch, units);
        zeroState = ctx.scratch(batch, units);
        ctx.forwardOp(NativeOp.of("identity").in(ctx.input().permute(1, 0, 2)).out(xt).build());
        INDArray zxRows = Views.rows(zx);
        ctx.forwardOp(product(Views.rows(xt), false, ctx.param("W"), false, zxRows, false));
        ctx.forwardOp(NativeOp.of("biasadd").in(zxRows, ctx.param("b")).out(zxRows).bargs(false).build());
        for (int t = 0; t < steps; t++) stepForward(ctx, t, t == 0);
        if (ctx.outputShape().kind() == org.strata.engine.layers.TensorShape.Kind.SEQUENCE) {
            ctx.forwardOp(NativeOp.of("identity").in(h.permute(1, 0, 2)).out(ctx.output()).build());
        } else {
            ctx.forwardOp(NativeOp.of("identity").in(at(h, steps - 1)).out(ctx.output()).build());
        }
    }

    @Override
    public void backward(KernelContext ctx) {
        dh = ctx.scratch(steps, batch, units);
        dzx = ctx.scratch(steps, batch, (long) gates * units);
        dzh = recurrentGradientBuffer(ctx);
        if (ctx.outputShape().kind() == org.strata.engine.layers.TensorShape.Kind.SEQUENCE) {
            ctx.backwardOp(NativeOp.of("identity").in(ctx.outputGradient().permute(1, 0, 2)).out(dh).build());
        } else {
            ctx.backwardOp(NativeOp.of("zeros_as").in(dh).out(dh).build());
            ctx.backwardOp(NativeOp.of("identity").in(ctx.outputGradient()).out(at(dh, steps - 1)).build());
        }
        for (int t = steps - 1; t >= 0; t--) stepBackward(ctx, t, t == 0, t == steps - 1);
        ctx.backwardOp(product(Views.rows(xt), true, Views.rows(dzx), false, ctx.paramGradient("W"), false));
        ctx.backwardOp(NativeOp.of("reduce_sum").in(Views.rows(dzx)).out(ctx.paramGradient("b")).iargs(0).bargs(false)
                .build());
        INDArray dU = ctx.paramGradient("U");
        if (steps > 1) {
            // dU = Σ_t h_{t−1}ᵀ · dzh_t, every step at once
            ctx.backwardOp(product(rows(h, 0, steps - 1), true, rows(dzh, 1, steps), false, dU, false));
        } else {
            ctx.backwardOp(NativeOp.of("zeros_as").in(dU).out(dU).build());
        }
        extraGradients(ctx);
        if (ctx.inputGradient() == null) return;
        INDArray dxt = ctx.scratch(steps, batch, features);
        ctx.backwardOp(product(Views.rows(dzx), false, ctx.param("W"), true, Views.rows(dxt), false));
        ctx.backwardOp(NativeOp.of("identity").in(dxt.permute(1, 0, 2)).out(ctx.inputGradient()).build());
    }
}
