package org.strata.engine.train.fast;

import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.indexing.NDArrayIndex;

/**
 * One reading of a sequence by LSTM, GRU or SimpleRNN, forward in time or, for a bidirectional layer's second reading,
 * backward from the end ({@link RecurrentLayerKernel} runs one or two). What the cells share: the sequence turned
 * time-major once ([T, batch, features], so that each step's rows are contiguous), the input's part of every gate for
 * all steps in one product {@code x·W + b}, the output (every step's h, or the last one reached) and, backward, the
 * weight gradients of all steps in three products. A subclass adds the steps themselves: its cell's ops, one step
 * after another, and their gradients in reverse order. Buffers are indexed by the sequence's time in both readings;
 * a backward reading's previous step is {@code t + 1} ({@link #prev}).
 */
abstract class RecurrentKernel implements Kernel {
    /** True for the backward reading: it starts at the sequence's last step. */
    private boolean reverse;
    /** Whether the layer reads both ways: the output holds two readings side by side. */
    private boolean both;

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
    /** The padding of the input, or null: the state is reset to zero on padded steps, so that it reads nothing. */
    private StepMask padding;

    /**
     * Makes this the backward reading of a bidirectional layer, or the forward one.
     *
     * @param reverse true for the reading from the end, with the arrays named + "_reverse", run after the other
     *                (its input gradient is added to the forward reading's)
     * @param both    whether the layer has two readings side by side
     * @return this kernel
     */
    RecurrentKernel reading(boolean reverse, boolean both) {
        this.reverse = reverse;
        this.both = both;
        return this;
    }

    /** @return the name of this reading's array {@code name}: "U", or "U_reverse" for the backward reading */
    private String arrayName(String name) {
        return reverse ? name + org.strata.engine.layers.RecurrentLayer.REVERSE : name;
    }

    /** @return the time index of the {@code s}-th step this reading takes */
    protected final int time(int s) {
        return reverse ? steps - 1 - s : s;
    }

    /** @return the step this reading took before step {@code t} */
    protected final int prev(int t) {
        return reverse ? t + 1 : t - 1;
    }

    /** @return the step this reading takes after step {@code t} */
    protected final int next(int t) {
        return reverse ? t - 1 : t + 1;
    }

    /** @return this reading's array {@code name} ("U", or "U_reverse" for the backward reading) */
    protected final INDArray param(KernelContext ctx, String name) {
        return ctx.param(arrayName(name));
    }

    /** @return the gradient of this reading's array {@code name} */
    protected final INDArray paramGradient(KernelContext ctx, String name) {
        return ctx.paramGradient(arrayName(name));
    }

    /** @return this reading's columns of a [batch, …, 2·units] array, or the array itself for a one-way layer */
    private INDArray mine(INDArray a) {
        if (!both) return a;
        int column = reverse ? units : 0; // the backward reading's h comes after the forward one's
        return a.rank() == 3
                ? a.get(NDArrayIndex.all(), NDArrayIndex.all(), NDArrayIndex.interval(column, column + units))
                : a.get(NDArrayIndex.all(), NDArrayIndex.interval(column, column + units));
    }

    /**
     * @return step t's padding column [batch, 1] (1 for a real step, 0 for padding) or null without padding: a cell
     * multiplies its state by it after the step (so that a padded step leaves zeros: the backward reading starts
     * fresh at a sample's last real step) and the state's gradient by it before the step's backward ops
     */
    protected final INDArray stepMask(int t) {
        return padding == null ? null : padding.at(t);
    }

    /** @return the number of gate blocks of the cell */
    protected abstract int gateCount();

    /** Adds the forward ops of step {@code t} (after step {@link #prev}(t); {@code first} for the first taken). */
    protected abstract void stepForward(KernelContext ctx, int t, boolean first);

    /**
     * Adds the backward ops of step {@code t}: fills {@code dzx[t]} and {@code dzh[t]} from {@code dh[t]} and, unless
     * {@code first}, adds the recurrent part into {@code dh[prev(t)]}. Called from the last step taken to the first.
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
        padding = ctx.padding();
        xt = ctx.scratch(steps, batch, features);
        zx = ctx.scratch(steps, batch, (long) gates * units);
        h = ctx.scratch(steps, batch, units);
        zeroState = ctx.scratch(batch, units);
        ctx.forwardOp(NativeOp.of("identity").in(ctx.input().permute(1, 0, 2)).out(xt).build());
        INDArray zxRows = Views.rows(zx);
        ctx.forwardOp(product(Views.rows(xt), false, param(ctx, "W"), false, zxRows, false));
        ctx.forwardOp(NativeOp.of("biasadd").in(zxRows, param(ctx, "b")).out(zxRows).bargs(false).build());
        for (int s = 0; s < steps; s++) stepForward(ctx, time(s), s == 0);
        INDArray out = mine(ctx.output());
        if (ctx.outputShape().kind() == org.strata.engine.layers.TensorShape.Kind.SEQUENCE) {
            ctx.forwardOp(NativeOp.of("identity").in(h.permute(1, 0, 2)).out(out).build());
        } else if (padding != null && !reverse) {
            // each sample's last real step (later steps' h are zeros): Σ_t last_t⊙h_t
            INDArray picked = ctx.scratch(steps, batch, units);
            ctx.forwardOp(NativeOp.of("multiply").in(h, padding.lastByTime).out(picked).build());
            ctx.forwardOp(NativeOp.of("reduce_sum").in(picked).out(out).iargs(0).bargs(false).build());
        } else {
            // the last step taken: T − 1 forward, and backward the first, real in every sample
            ctx.forwardOp(NativeOp.of("identity").in(at(h, time(steps - 1))).out(out).build());
        }
    }

    @Override
    public void backward(KernelContext ctx) {
        dh = ctx.scratch(steps, batch, units);
        dzx = ctx.scratch(steps, batch, (long) gates * units);
        dzh = recurrentGradientBuffer(ctx);
        INDArray dOut = mine(ctx.outputGradient());
        if (ctx.outputShape().kind() == org.strata.engine.layers.TensorShape.Kind.SEQUENCE) {
            ctx.backwardOp(NativeOp.of("identity").in(dOut.permute(1, 0, 2)).out(dh).build());
        } else if (padding != null && !reverse) {
            ctx.backwardOp(NativeOp.of("multiply").in(padding.lastByTime, dOut).out(dh).build());
        } else {
            ctx.backwardOp(NativeOp.of("zeros_as").in(dh).out(dh).build());
            ctx.backwardOp(NativeOp.of("identity").in(dOut).out(at(dh, time(steps - 1))).build());
        }
        for (int s = steps - 1; s >= 0; s--) stepBackward(ctx, time(s), s == 0, s == steps - 1);
        ctx.backwardOp(product(Views.rows(xt), true, Views.rows(dzx), false, paramGradient(ctx, "W"), false));
        ctx.backwardOp(ColumnSums.of(ctx, Views.rows(dzx), paramGradient(ctx, "b")));
        INDArray dU = paramGradient(ctx, "U");
        if (steps > 1) {
            // dU = Σ_t h_{prev(t)}ᵀ · dzh_t, every step at once: h_0…h_{T−2} against dzh_1…dzh_{T−1} forward in
            // time, h_1…h_{T−1} against dzh_0…dzh_{T−2} backward
            INDArray hPrev = reverse ? rows(h, 1, steps) : rows(h, 0, steps - 1);
            INDArray dzhNext = reverse ? rows(dzh, 0, steps - 1) : rows(dzh, 1, steps);
            ctx.backwardOp(product(hPrev, true, dzhNext, false, dU, false));
        } else {
            ctx.backwardOp(NativeOp.of("zeros_as").in(dU).out(dU).build());
        }
        extraGradients(ctx);
        if (ctx.inputGradient() == null) return;
        INDArray dxt = ctx.scratch(steps, batch, features);
        ctx.backwardOp(product(Views.rows(dzx), false, param(ctx, "W"), true, Views.rows(dxt), false));
        INDArray dx = ctx.inputGradient();
        if (reverse) { // the forward reading wrote its part
            ctx.backwardOp(NativeOp.of("add").in(dx, dxt.permute(1, 0, 2)).out(dx).build());
        } else {
            ctx.backwardOp(NativeOp.of("identity").in(dxt.permute(1, 0, 2)).out(dx).build());
        }
    }
}
