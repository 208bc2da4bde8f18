package org.strata.engine.train.fast;

import java.util.List;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.strata.engine.params.Params;

/**
 * BatchNorm over the last axis (features, or channels of a channels-last image). Training normalises with the
 * batch's statistics and moves the running ones towards them (momentum m: r = m·r + (1 − m)·batch, as Deeplearning4j
 * does); inference uses the running ones. gamma, beta, mean, var are exported as [channels].
 */
public final class BatchNormKernel implements Kernel {
    private INDArray batchMean;
    private INDArray batchVar;
    private long[] axes;

    @Override
    public void forward(KernelContext ctx) {
        Params p = ctx.node().params();
        int rank = ctx.input().rank();
        axes = new long[rank - 1];
        for (int i = 0; i < axes.length; i++) axes[i] = i;
        long[] args = {1, 1, rank - 1}; // apply scale, apply offset, channel axis
        double eps = p.getDouble("epsilon");
        if (!ctx.training()) {
            ctx.forwardOp(NativeOp.of("batchnorm").in(ctx.input(), ctx.param("mean"), ctx.param("var"),
                    ctx.param("gamma"), ctx.param("beta")).out(ctx.output()).iargs(args).targs(eps).build());
            return;
        }
        long c = ctx.inputShape().channels();
        batchMean = ctx.scratch(c);
        batchVar = ctx.scratch(c);
        ctx.forwardOp(NativeOp.of("moments").in(ctx.input()).out(batchMean, batchVar).iargs(axes).build());
        ctx.forwardOp(NativeOp.of("batchnorm").in(ctx.input(), batchMean, batchVar, ctx.param("gamma"),
                ctx.param("beta")).out(ctx.output()).iargs(args).targs(eps).build());
        INDArray keep = Nd4j.scalar((float) p.getDouble("momentum"));
        double blend = 1.0 - p.getDouble("momentum");
        for (String[] pair : new String[][]{{"mean", "m"}, {"var", "v"}}) {
            INDArray running = ctx.param(pair[0]);
            INDArray batch = pair[1].equals("m") ? batchMean : batchVar;
            ctx.forwardOp(NativeOp.of("multiply").in(running, keep).out(running).build());
            ctx.forwardOp(NativeOp.of("axpy").in(running, batch).out(running).targs(blend).build());
        }
    }

    @Override
    public void backward(KernelContext ctx) {
        long c = ctx.inputShape().channels();
        INDArray dx = ctx.inputGradient() != null ? ctx.inputGradient() : ctx.scratch(ctx.input().shape());
        ctx.backwardOp(NativeOp.of("batchnorm_bp").in(ctx.input(), batchMean, batchVar, ctx.param("gamma"),
                ctx.param("beta"), ctx.outputGradient()).out(dx, ctx.scratch(c), ctx.scratch(c),
                ctx.paramGradient("gamma"), ctx.paramGradient("beta"))
                .iargs(1, 1, ctx.input().rank() - 1).targs(ctx.node().params().getDouble("epsilon")).build());
    }
}
