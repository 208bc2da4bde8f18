package org.strata.engine.train.fast;

import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * GlobalAvgPool and GlobalMaxPool on channels-last images, or sequences: the mean, or the largest value, over height
 * and width (or time), one value per channel. Max pooling's gradient goes to each maximum's position (libnd4j's
 * reduce_max_bp). Over a sequence with padding, only its real steps count.
 */
public final class GlobalPoolKernel implements Kernel {
    private final String op;
    private StepMask padding;
    /** Masked: the input with padding zeroed (mean) or pushed far below (max) [batch, T, F]. */
    private INDArray kept;

    /** @param max the largest value, else the mean */
    public GlobalPoolKernel(boolean max) {
        this.op = max ? "reduce_max" : "reduce_mean";
    }

    @Override
    public void forward(KernelContext ctx) {
        padding = ctx.padding();
        if (padding == null) {
            ctx.forwardOp(NativeOp.of(op).in(ctx.input()).out(ctx.output()).iargs(axes(ctx)).bargs(false).build());
            return;
        }
        // over a sequence's real steps only: the mean of x⊙mask over their count, the max of x + penalty
        kept = ctx.scratch(ctx.input().shape());
        if (op.equals("reduce_mean")) {
            ctx.forwardOp(NativeOp.of("multiply").in(ctx.input(), column(padding.mask)).out(kept).build());
            ctx.forwardOp(NativeOp.of("reduce_sum").in(kept).out(ctx.output()).iargs(1).bargs(false).build());
            ctx.forwardOp(NativeOp.of("divide").in(ctx.output(), padding.count).out(ctx.output()).build());
        } else {
            ctx.forwardOp(NativeOp.of("add").in(ctx.input(), column(padding.penalty)).out(kept).build());
            ctx.forwardOp(NativeOp.of("reduce_max").in(kept).out(ctx.output()).iargs(1).bargs(false).build());
        }
    }

    @Override
    public void backward(KernelContext ctx) {
        if (ctx.inputGradient() == null) return;
        if (padding == null) {
            ctx.backwardOp(NativeOp.of(op + "_bp").in(ctx.input(), ctx.outputGradient()).out(ctx.inputGradient())
                    .iargs(axes(ctx)).bargs(false).build());
        } else if (op.equals("reduce_mean")) {
            // dx = mask ⊙ dy / count, dy broadcast over the steps
            INDArray perStep = ctx.scratch(ctx.outputGradient().shape());
            ctx.backwardOp(NativeOp.of("divide").in(ctx.outputGradient(), padding.count).out(perStep).build());
            long[] s = perStep.shape();
            ctx.backwardOp(NativeOp.of("multiply").in(column(padding.mask), perStep.reshape(s[0], 1, s[1]))
                    .out(ctx.inputGradient()).build());
        } else {
            ctx.backwardOp(NativeOp.of("reduce_max_bp").in(kept, ctx.outputGradient()).out(ctx.inputGradient())
                    .iargs(1).bargs(false).build());
        }
    }

    /** @return a [batch, T] array as [batch, T, 1], to broadcast over the features */
    private static INDArray column(INDArray byStep) {
        return byStep.reshape(byStep.size(0), byStep.size(1), 1);
    }

    /** Height and width of an image [batch, h, w, c]; time of a sequence [batch, t, f]. */
    private static long[] axes(KernelContext ctx) {
        return ctx.input().rank() == 4 ? new long[]{1, 2} : new long[]{1};
    }
}
