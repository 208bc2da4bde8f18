package org.strata.engine.train.fast;

import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.strata.engine.layers.LossFn;
import org.strata.engine.layers.OutputLayerType;

/**
 * The Output: forward gives the prediction (softmax or sigmoid of the logits, or the values themselves for MSE);
 * backward gives the batch's loss and dLoss/dInput with fused, stable libnd4j loss ops. Losses are scaled to match
 * Deeplearning4j's: softmax CE and BCE summed over outputs, MSE averaged over them, all averaged over the batch.
 */
public final class LossKernel implements Kernel {
    private static LossFn loss(ShapeContext ctx) {
        return OutputLayerType.lossOf(ctx.node());
    }

    @Override
    public void forward(KernelContext ctx) {
        String op = switch (loss(ctx)) {
            case SOFTMAX_CROSS_ENTROPY -> "softmax";
            case BINARY_CROSS_ENTROPY -> "sigmoid";
            case MSE -> "identity"; // the prediction is the input itself
        };
        ctx.forwardOp(NativeOp.of(op).in(ctx.input()).out(ctx.output()).build());
    }

    @Override
    public void backward(KernelContext ctx) {
        LossFn loss = loss(ctx);
        long outputs = ctx.outputShape().size();
        // Reduction "weighted sum" with one scalar weight: the weight sets the scale of loss and gradient alike.
        double scale = switch (loss) {
            case SOFTMAX_CROSS_ENTROPY, BINARY_CROSS_ENTROPY -> 1.0 / ctx.batch();
            case MSE -> 1.0 / ((double) ctx.batch() * outputs);
        };
        INDArray weight = Nd4j.scalar((float) scale);
        String op = switch (loss) {
            case SOFTMAX_CROSS_ENTROPY -> "softmax_cross_entropy_loss";
            case BINARY_CROSS_ENTROPY -> "sigm_cross_entropy_loss";
            case MSE -> "mean_sqerr_loss";
        };
        NativeOp.Builder value = NativeOp.of(op).in(ctx.input(), weight, ctx.labels()).out(ctx.loss()).iargs(1);
        NativeOp.Builder grad = NativeOp.of(op + "_grad").in(ctx.input(), weight, ctx.labels())
                .out(ctx.inputGradient()).iargs(1);
        if (loss != LossFn.MSE) { // label smoothing, required by the cross-entropy ops
            value.targs(0.0);
            grad.targs(0.0);
        }
        ctx.backwardOp(value.build());
        if (loss == LossFn.SOFTMAX_CROSS_ENTROPY) {
            // With one-hot labels the gradient is (softmax(z) − y)·scale: three cheap ops take ~8 µs where
            // softmax_cross_entropy_loss_grad takes ~25 µs on [64, 10] (measured), a twentieth of the MLP's step.
            ctx.backwardOp(NativeOp.of("softmax").in(ctx.input()).out(ctx.output()).build());
            ctx.backwardOp(NativeOp.of("subtract").in(ctx.output(), ctx.labels()).out(ctx.inputGradient()).build());
            ctx.backwardOp(NativeOp.of("multiply").in(ctx.inputGradient(), weight).out(ctx.inputGradient()).build());
        } else {
            ctx.backwardOp(grad.build());
        }
    }
}
