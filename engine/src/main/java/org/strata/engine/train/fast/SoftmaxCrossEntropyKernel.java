package org.strata.engine.train.fast;

import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Output with softmax cross-entropy, taking the logits of the layer before it: forward gives probabilities;
 * backward gives the batch's mean loss and dLoss/dLogits = (softmax − labels) / batch, fused and stable.
 */
public final class SoftmaxCrossEntropyKernel implements Kernel {
    @Override
    public void forward(KernelContext ctx) {
        ctx.forwardOp(NativeOp.of("softmax").in(ctx.input()).out(ctx.output()).build());
    }

    @Override
    public void backward(KernelContext ctx) {
        INDArray weight = Nd4j.scalar(1f);
        // Reduction mode 2: weighted mean over the batch; label smoothing 0.
        ctx.backwardOp(NativeOp.of("softmax_cross_entropy_loss").in(ctx.input(), weight, ctx.labels())
                .out(ctx.loss()).iargs(2).targs(0.0).build());
        ctx.backwardOp(NativeOp.of("softmax_cross_entropy_loss_grad").in(ctx.input(), weight, ctx.labels())
                .out(ctx.inputGradient()).iargs(2).targs(0.0).build());
    }
}
