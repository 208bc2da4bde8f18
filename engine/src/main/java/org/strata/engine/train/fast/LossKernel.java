package org.strata.engine.train.fast;

import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.strata.engine.layers.LossFn;


/**
 * The Output: forward gives the prediction (softmax or sigmoid of the logits, or the values themselves for MSE);
 * backward gives the batch's loss and dLoss/dInput with fused, stable libnd4j loss ops. Losses are scaled to match
 * Deeplearning4j's: softmax CE and BCE summed over outputs, MSE averaged over them, all averaged over the batch.
 * A class at every step ({@code [T, K]}, softmax CE only) is averaged over the positions that have a label instead
 * (a language model's loss per token); the Deeplearning4j mapping is made to match that.
 */
public final class LossKernel implements Kernel {
    private static LossFn loss(ShapeContext ctx) {
        return LossFn.of(ctx.node().params());
    }

    @Override
    public void forward(KernelContext ctx) {
        String op = switch (loss(ctx)) {
            case SOFTMAX_CROSS_ENTROPY -> "softmax";
            case BINARY_CROSS_ENTROPY -> "sigmoid";
            case MSE, MAE, HUBER -> "identity"; // the prediction is the input itself
        };
        ctx.forwardOp(NativeOp.of(op).in(ctx.input()).out(ctx.output()).build());
    }

    @Override
    public void backward(KernelContext ctx) {
        if (org.strata.engine.layers.OutputLayerType.perStep(ctx.inputShape())) {
            perStep(ctx);
            return;
        }
        LossFn loss = loss(ctx);
        long outputs = ctx.outputShape().size();
        // Reduction "weighted sum" with one scalar weight: the weight sets the scale of loss and gradient alike.
        double scale = switch (loss) {
            case SOFTMAX_CROSS_ENTROPY, BINARY_CROSS_ENTROPY -> 1.0 / ctx.batch();
            case MSE, MAE, HUBER -> 1.0 / ((double) ctx.batch() * outputs);
        };
        INDArray weight = Nd4j.scalar((float) scale);
        String op = switch (loss) {
            case SOFTMAX_CROSS_ENTROPY -> "softmax_cross_entropy_loss";
            case BINARY_CROSS_ENTROPY -> "sigm_cross_entropy_loss";
            case MSE -> "mean_sqerr_loss";
            case MAE -> "absolute_difference_loss";
            case HUBER -> "huber_loss";
        };
        NativeOp.Builder value = NativeOp.of(op).in(ctx.input(), weight, ctx.labels()).out(ctx.loss()).iargs(1);
        NativeOp.Builder grad = NativeOp.of(op + "_grad").in(ctx.input(), weight, ctx.labels())
                .out(ctx.inputGradient()).iargs(1);
        if (!loss.isRegression()) { // label smoothing, required by the cross-entropy ops
            value.targs(0.0);
            grad.targs(0.0);
        } else if (loss == LossFn.HUBER) {
            value.targs(LossFn.HUBER_DELTA);
            grad.targs(LossFn.HUBER_DELTA);
        }
        if (loss == LossFn.SOFTMAX_CROSS_ENTROPY) {
            // libnd4j's fused softmax cross-entropy ops, and its log_softmax, take 25–100 µs on [64, 10] (measured; a
            // tenth of the MLP's step); simple ops a few µs. With one-hot labels the loss is −scale·Σ log p_true,
            // p_true clipped at 1e-10 below as Deeplearning4j's LossMCXENT does, and the gradient (p − y)·scale.
            long batch = ctx.batch();
            INDArray p = ctx.output();
            INDArray picked = ctx.scratch(ctx.input().shape());
            INDArray pTrue = ctx.scratch(batch);
            ctx.backwardOp(NativeOp.of("softmax").in(ctx.input()).out(p).build());
            ctx.backwardOp(NativeOp.of("multiply").in(p, ctx.labels()).out(picked).build());
            ctx.backwardOp(NativeOp.of("reduce_sum").in(picked).out(pTrue).iargs(1).bargs(false).build());
            ctx.backwardOp(NativeOp.of("maximum").in(pTrue, Nd4j.scalar(1e-10f)).out(pTrue).build());
            // log is only a legacy op in ND4J, called with its buffers bound once (no per-call overhead). Not
            // log1p(q − 1): in float q − 1 rounds to −1 for any q below ~6e-8, and the loss became Infinity.
            ctx.backwardOp(NativeOp.legacy(new org.nd4j.linalg.api.ops.impl.transforms.strict.Log(), pTrue, pTrue));
            ctx.backwardOp(NativeOp.of("reduce_sum").in(pTrue).out(ctx.loss()).bargs(false).build());
            ctx.backwardOp(NativeOp.of("multiply").in(ctx.loss(), Nd4j.scalar((float) -scale)).out(ctx.loss())
                    .build());
            ctx.backwardOp(NativeOp.of("subtract").in(ctx.output(), ctx.labels()).out(ctx.inputGradient()).build());
            ctx.backwardOp(NativeOp.of("multiply").in(ctx.inputGradient(), weight).out(ctx.inputGradient()).build());
        } else {
            ctx.backwardOp(value.build());
            ctx.backwardOp(grad.build());
        }
    }

    /**
     * Softmax cross-entropy at every step of {@code [B, T, K]}: a position's label row is one-hot, or zeros where it
     * has none (padding, the end of a text). With m = 1 where a position has a label and n = max(Σm, 1):
     * L = −Σ m·log p_true / n, dL/dx = (p − y)·m / n. n is counted from each batch's labels, by an op.
     */
    private static void perStep(KernelContext ctx) {
        long batch = ctx.batch();
        long steps = ctx.inputShape().dim(0);
        INDArray p = ctx.output();
        INDArray picked = ctx.scratch(ctx.input().shape());
        INDArray pTrue = ctx.scratch(batch, steps);
        INDArray labelled = ctx.scratch(batch, steps);
        INDArray count = ctx.scratch(); // a scalar
        ctx.backwardOp(NativeOp.of("softmax").in(ctx.input()).out(p).build());
        ctx.backwardOp(NativeOp.of("reduce_sum").in(ctx.labels()).out(labelled).iargs(2).bargs(false).build());
        ctx.backwardOp(NativeOp.of("reduce_sum").in(labelled).out(count).bargs(false).build());
        ctx.backwardOp(NativeOp.of("maximum").in(count, Nd4j.scalar(1f)).out(count).build());
        ctx.backwardOp(NativeOp.of("multiply").in(p, ctx.labels()).out(picked).build());
        ctx.backwardOp(NativeOp.of("reduce_sum").in(picked).out(pTrue).iargs(2).bargs(false).build());
        ctx.backwardOp(NativeOp.of("maximum").in(pTrue, Nd4j.scalar(1e-10f)).out(pTrue).build());
        ctx.backwardOp(NativeOp.legacy(new org.nd4j.linalg.api.ops.impl.transforms.strict.Log(), pTrue, pTrue));
        ctx.backwardOp(NativeOp.of("multiply").in(pTrue, labelled).out(pTrue).build()); // positions without a label: 0
        ctx.backwardOp(NativeOp.of("reduce_sum").in(pTrue).out(ctx.loss()).bargs(false).build());
        ctx.backwardOp(NativeOp.of("divide").in(ctx.loss(), count).out(ctx.loss()).build());
        ctx.backwardOp(NativeOp.of("multiply").in(ctx.loss(), Nd4j.scalar(-1f)).out(ctx.loss()).build());
        ctx.backwardOp(NativeOp.of("subtract").in(p, ctx.labels()).out(ctx.inputGradient()).build());
        ctx.backwardOp(NativeOp.of("multiply").in(ctx.inputGradient(), labelled.reshape(batch, steps, 1))
                .out(ctx.inputGradient()).build());
        ctx.backwardOp(NativeOp.of("divide").in(ctx.inputGradient(), count).out(ctx.inputGradient())
                .build());
    }
}
