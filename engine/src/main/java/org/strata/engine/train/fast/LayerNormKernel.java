package org.strata.engine.train.fast;

import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * LayerNorm over the last axis. The input is seen as rows [samples·positions, features]; each row's mean and
 * variance come from libnd4j's moments, and libnd4j's batchnorm, told that the rows are its "channels", normalises
 * each row by its own statistics. Its gradient, batchnorm_bp with the same axis, is LayerNorm's, the dependence of
 * mean and variance on the row included; γ and β are applied (and their gradients summed) over the rows. On the CPU
 * the normalisation and its gradient are computed in Java ({@link LayerNormOnHost}) instead.
 */
public final class LayerNormKernel implements Kernel {
    private INDArray rows;
    private INDArray mean;
    private INDArray var;
    private INDArray normalised;
    /** The normalisation computed in Java ({@link HostSteps}), or null when it runs as libnd4j ops. */
    private LayerNormOnHost host;

    @Override
    public void forward(KernelContext ctx) {
        double eps = ctx.node().params().getDouble("epsilon");
        rows = Views.rows(ctx.input());
        long n = rows.size(0);
        normalised = ctx.scratch(rows.shape());
        INDArray y = Views.rows(ctx.output());
        if (HostSteps.enabled()) {
            LayerNormOnHost cell = new LayerNormOnHost(Math.toIntExact(n), Math.toIntExact(rows.size(1)), eps);
            host = cell;
            HostView in = HostView.of(rows);
            HostView g = HostView.of(ctx.param("gamma"));
            HostView b = HostView.of(ctx.param("beta"));
            HostView xhat = HostView.of(normalised);
            HostView out = HostView.of(y);
            ctx.forwardOp(NativeOp.onHost("layer_norm", () -> cell.forward(in, g, b, xhat, out)));
            return;
        }
        mean = ctx.scratch(n); // the row statistics libnd4j's ops pass from forward to backward
        var = ctx.scratch(n);
        ctx.forwardOp(NativeOp.of("moments").in(rows).out(mean, var).iargs(1).build());
        // no scale, no offset, "channels" on axis 0: every row by its own mean and variance
        ctx.forwardOp(NativeOp.of("batchnorm").in(rows, mean, var).out(normalised).iargs(0, 0, 0).targs(eps)
                .build());
        ctx.forwardOp(NativeOp.of("multiply").in(normalised, ctx.param("gamma")).out(y).build());
        ctx.forwardOp(NativeOp.of("add").in(y, ctx.param("beta")).out(y).build());
    }

    @Override
    public void backward(KernelContext ctx) {
        INDArray dy = Views.rows(ctx.outputGradient());
        INDArray product = ctx.scratch(dy.shape());
        // dγ = Σ_rows dy·x̂, dβ = Σ_rows dy
        ctx.backwardOp(NativeOp.of("multiply").in(dy, normalised).out(product).build());
        ctx.backwardOp(ColumnSums.of(ctx, product, ctx.paramGradient("gamma")));
        ctx.backwardOp(ColumnSums.of(ctx, dy, ctx.paramGradient("beta")));
        if (ctx.inputGradient() == null) return;
        if (host != null) {
            LayerNormOnHost cell = host;
            HostView d = HostView.of(dy);
            HostView dx = HostView.of(Views.rows(ctx.inputGradient()));
            ctx.backwardOp(NativeOp.onHost("layer_norm_bp", () -> cell.backward(d, dx)));
            return;
        }
        // dx̂ = dy·γ, then through the normalisation
        ctx.backwardOp(NativeOp.of("multiply").in(dy, ctx.param("gamma")).out(product).build());
        long n = rows.size(0);
        ctx.backwardOp(NativeOp.of("batchnorm_bp").in(rows, mean, var, product)
                .out(Views.rows(ctx.inputGradient()), ctx.scratch(n), ctx.scratch(n)).iargs(0, 0, 0)
                .targs(ctx.node().params().getDouble("epsilon")).build());
    }
}
