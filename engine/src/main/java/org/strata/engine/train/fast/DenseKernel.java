package org.strata.engine.train.fast;

import java.util.ArrayList;
import java.util.List;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.strata.engine.layers.DenseLayer;
import org.strata.engine.layers.ActivationFn;
import org.strata.engine.params.Params;

/**
 * Dense: z = x·W + b, y = f(z); W [inputs, units] as exported. A sequence's steps are rows of one product. Tied to an
 * Embedding, W is Eᵀ: z = x·Eᵀ + b, and dE gets dZᵀ·x beside the Embedding's own part.
 */
public final class DenseKernel implements Kernel {
    /**
     * oneDNN sets a matrix product up anew on each call: up to this many multiply-adds libnd4j's own product is
     * faster (measured on the MLP's output layer, [64, 128]·[128, 10]: 6.3 → 3.7 µs forward, 6.1 → 3.5 µs for the
     * input gradient), above it oneDNN's, by up to 2×.
     */
    static final long SMALL_PRODUCT = 128 * 1024;

    private INDArray z;
    private ActivationFn act;

    private static ActivationFn activation(KernelContext ctx) {
        ActivationFn f = DenseLayer.activation(ctx.node().params());
        return ctx.feedsSquashingLoss() ? ActivationFn.IDENTITY : f;
    }

    @Override
    public void forward(KernelContext ctx) {
        act = activation(ctx);
        INDArray x = Views.rows(ctx.input());
        z = act == ActivationFn.IDENTITY ? ctx.output() : ctx.scratch(ctx.output().shape());
        INDArray zRows = Views.rows(z);
        INDArray e = ctx.tiedWeight();
        INDArray w = e != null ? e : ctx.param("W");
        ctx.forwardOp(NativeOp.of("matmul").in(x, w).out(zRows).iargs(0, e != null ? 1 : 0, 0).targs(1.0, 0.0)
                .helpers(large(x.size(0), w)).build());
        if (DenseLayer.useBias(ctx.node().params())) {
            ctx.forwardOp(NativeOp.of("biasadd").in(zRows, ctx.param("b")).out(zRows).bargs(false).build());
        }
        if (act != ActivationFn.IDENTITY) Activations.addForward(ctx, act, z, ctx.output());
    }

    @Override
    public void backward(KernelContext ctx) {
        INDArray x = Views.rows(ctx.input());
        INDArray dz = Views.rows(Activations.preActivationGradient(ctx, act, z));
        INDArray e = ctx.tiedWeight();
        INDArray w = e != null ? e : ctx.param("W");
        boolean large = large(x.size(0), w);
        if (e != null) { // dE [V, d] = dZᵀ·x, or += when the Embedding's part is there (then libnd4j's product)
            boolean adds = ctx.addsToSharedGradient();
            ctx.backwardOp(NativeOp.of("matmul").in(dz, x).out(ctx.tiedWeightGradient()).iargs(1, 0, 0)
                    .targs(1.0, adds ? 1.0 : 0.0).helpers(large && !adds).build());
        } else {
            ctx.backwardOp(NativeOp.of("matmul").in(x, dz).out(ctx.paramGradient("W")).iargs(1, 0, 0)
                    .targs(1.0, 0.0).helpers(large).build());
        }
        if (DenseLayer.useBias(ctx.node().params())) {
            ctx.backwardOp(ColumnSums.of(ctx, dz, ctx.paramGradient("b"))); // db = column sums of dZ
        }
        if (ctx.inputGradient() != null) {
            ctx.backwardOp(NativeOp.of("matmul").in(dz, w).out(Views.rows(ctx.inputGradient()))
                    .iargs(0, e != null ? 0 : 1, 0).targs(1.0, 0.0).helpers(large).build());
        }
    }

    /** Whether a product of {@code rows} by {@code w} is large enough for oneDNN (see {@link #SMALL_PRODUCT}). */
    private static boolean large(long rows, INDArray w) {
        return rows * w.size(0) * w.size(1) > SMALL_PRODUCT;
    }

}
