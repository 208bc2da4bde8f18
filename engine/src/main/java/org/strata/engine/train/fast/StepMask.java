package org.strata.engine.train.fast;

import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * The padding an Embedding with "token 0 pads" marks for one batch, in the forms its readers want, refilled by ops
 * each forward pass: a sample's real steps are those up to its last non-zero token (at least the first step).
 */
final class StepMask {
    /** What a padded step adds to a score or a value before a softmax or a max: far below any real one. */
    static final double FAR_BELOW = -1e9;
    /** 1 for a real step, 0 for padding [batch, T]. */
    final INDArray mask;
    /** The real steps per sample [batch, 1]. */
    final INDArray count;
    /** {@link #mask} time-major [T, batch, 1]: step t's column is contiguous. */
    final INDArray maskByTime;
    /** 1 at each sample's last real step, else 0, time-major [T, batch, 1]. */
    final INDArray lastByTime;
    /** 0 for a real step, {@link #FAR_BELOW} for padding [batch, T]. */
    final INDArray penalty;
    private final int steps;
    private final int batch;

    StepMask(int batch, int steps) {
        this.batch = batch;
        this.steps = steps;
        mask = Aligned.zeros(batch, steps);
        count = Aligned.zeros(batch, 1);
        maskByTime = Aligned.zeros(steps, batch, 1);
        lastByTime = Aligned.zeros(steps, batch, 1);
        penalty = Aligned.zeros(batch, steps);
    }

    /** @return step t's mask column [batch, 1] */
    INDArray at(int t) {
        return RecurrentKernel.at(maskByTime, t);
    }

    /** Adds the forward ops that fill the arrays from the token indices [batch, T] (whole numbers ≥ 0). */
    void fill(KernelContext ctx, INDArray tokens) {
        // positions 0…T−1 and 1…T as rows, made once with the plan
        INDArray from0 = Nd4j.arange(0, steps).castTo(org.nd4j.linalg.api.buffer.DataType.FLOAT).reshape(1, steps);
        INDArray from1 = from0.add(1);
        INDArray work = ctx.scratch(batch, steps);
        // a sample's length: the largest (t + 1) over its non-zero tokens, at least 1
        ctx.forwardOp(NativeOp.of("clipbyvalue").in(tokens).out(work).targs(0.0, 1.0).build());
        ctx.forwardOp(NativeOp.of("multiply").in(work, from1).out(work).build());
        ctx.forwardOp(NativeOp.of("reduce_max").in(work).out(count).iargs(1).bargs(true).build());
        ctx.forwardOp(NativeOp.of("clipbyvalue").in(count).out(count).targs(1.0, steps + 1.0).build());
        // real where t < length: clip(length − t, 0, 1); the last real step where also t + 1 ≥ length
        ctx.forwardOp(NativeOp.of("subtract").in(count, from0).out(mask).build());
        ctx.forwardOp(NativeOp.of("clipbyvalue").in(mask).out(mask).targs(0.0, 1.0).build());
        ctx.forwardOp(NativeOp.of("subtract").in(count, from1).out(work).build());
        ctx.forwardOp(NativeOp.of("clipbyvalue").in(work).out(work).targs(0.0, 1.0).build());
        ctx.forwardOp(NativeOp.of("subtract").in(mask, work).out(work).build());
        ctx.forwardOp(NativeOp.of("identity").in(work.permute(1, 0)).out(lastByTime.reshape(steps, batch)).build());
        ctx.forwardOp(NativeOp.of("identity").in(mask.permute(1, 0)).out(maskByTime.reshape(steps, batch)).build());
        // penalty = (mask − 1)·1e9
        ctx.forwardOp(NativeOp.of("subtract").in(mask, Nd4j.scalar(1f)).out(penalty).build());
        ctx.forwardOp(NativeOp.of("multiply").in(penalty, Nd4j.scalar((float) -FAR_BELOW)).out(penalty).build());
    }
}
