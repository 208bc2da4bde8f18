package org.strata.engine.train.fast;

import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;

/** ZeroPadding2D on channels-last images: libnd4j's pad with zeros; the gradient is the inner part of dy. */
public final class PaddingKernel implements Kernel {
    @Override
    public void forward(KernelContext ctx) {
        int[] pad = ctx.node().params().getTuple("padding");
        // [before, after] for batch, height, width, channels
        INDArray paddings = Nd4j.createFromArray(new int[][]{{0, 0}, {pad[0], pad[0]}, {pad[1], pad[1]}, {0, 0}})
                .castTo(DataType.INT32);
        ctx.forwardOp(NativeOp.of("pad").in(ctx.input(), paddings).out(ctx.output()).iargs(0).targs(0.0).build());
    }

    @Override
    public void backward(KernelContext ctx) {
        INDArray dx = ctx.inputGradient();
        if (dx == null) return;
        int[] pad = ctx.node().params().getTuple("padding");
        INDArray dy = ctx.outputGradient();
        INDArray inner = dy.get(NDArrayIndex.all(), NDArrayIndex.interval(pad[0], dy.size(1) - pad[0]),
                NDArrayIndex.interval(pad[1], dy.size(2) - pad[1]), NDArrayIndex.all());
        ctx.backwardOp(NativeOp.of("identity").in(inner).out(dx).build());
    }
}
