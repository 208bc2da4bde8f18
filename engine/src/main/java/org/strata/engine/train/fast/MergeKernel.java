package org.strata.engine.train.fast;

import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.indexing.INDArrayIndex;
import org.nd4j.linalg.indexing.NDArrayIndex;
import org.strata.engine.layers.MergeLayer;

/**
 * Add, Subtract, Multiply (value by value, equal shapes) or Concatenate (along the last axis: features or channels).
 */
public final class MergeKernel implements Kernel {
    /** −1, broadcast over the gradient of Subtract's second input (libnd4j has no negation op by name). */
    private static final INDArray MINUS_ONE = org.nd4j.linalg.factory.Nd4j.scalar(-1f);
    private final MergeLayer.Op op;

    /** @param op how the inputs are joined */
    public MergeKernel(MergeLayer.Op op) {
        this.op = op;
    }

    @Override
    public void forward(KernelContext ctx) {
        int n = ctx.inputCount();
        switch (op) {
            case ADD, MULTIPLY -> {
                String name = op == MergeLayer.Op.ADD ? "add" : "multiply";
                ctx.forwardOp(NativeOp.of(name).in(ctx.input(0), ctx.input(1)).out(ctx.output()).build());
                for (int i = 2; i < n; i++) {
                    ctx.forwardOp(NativeOp.of(name).in(ctx.output(), ctx.input(i)).out(ctx.output()).build());
                }
            }
            case SUBTRACT -> ctx.forwardOp(NativeOp.of("subtract").in(ctx.input(0), ctx.input(1))
                    .out(ctx.output()).build());
            case CONCATENATE -> {
                INDArray[] in = new INDArray[n];
                for (int i = 0; i < n; i++) in[i] = ctx.input(i);
                ctx.forwardOp(NativeOp.of("concat").in(in).out(ctx.output()).iargs(ctx.output().rank() - 1).build());
            }
        }
    }

    @Override
    public void backward(KernelContext ctx) {
        INDArray dy = ctx.outputGradient();
        long from = 0;
        for (int i = 0; i < ctx.inputCount(); i++) {
            long width = ctx.inputShape(i).channels();
            INDArray dx = ctx.inputGradient(i);
            if (dx != null) {
                switch (op) {
                    // Add passes the gradient through to every input; Concatenate hands each input its slice
                    case ADD -> ctx.backwardOp(NativeOp.of("identity").in(dy).out(dx).build());
                    case CONCATENATE -> ctx.backwardOp(NativeOp.of("identity")
                            .in(dy.get(lastAxis(dy.rank(), from, from + width))).out(dx).build());
                    // y = x₁ − x₂: ∂y/∂x₁ = 1, ∂y/∂x₂ = −1
                    case SUBTRACT -> ctx.backwardOp(i == 0 ? NativeOp.of("identity").in(dy).out(dx).build()
                            : NativeOp.of("multiply").in(dy, MINUS_ONE).out(dx).build());
                    // y = x₁ ⊙ x₂ ⊙ …: ∂L/∂xᵢ = dy ⊙ (the product of the other inputs), built up in dx itself
                    case MULTIPLY -> {
                        boolean first = true;
                        for (int j = 0; j < ctx.inputCount(); j++) {
                            if (j == i) continue;
                            ctx.backwardOp(NativeOp.of("multiply").in(first ? dy : dx, ctx.input(j)).out(dx).build());
                            first = false;
                        }
                    }
                }
            }
            from += width;
        }
    }

    private static INDArrayIndex[] lastAxis(int rank, long from, long to) {
        INDArrayIndex[] idx = new INDArrayIndex[rank];
        for (int d = 0; d < rank - 1; d++) idx[d] = NDArrayIndex.all();
        idx[rank - 1] = NDArrayIndex.interval(from, to);
        return idx;
    }
}
