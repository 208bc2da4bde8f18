package org.strata.engine.train.fast;

import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.strata.engine.params.Params;

/**
 * Multi-head self-attention from libnd4j's matmul, softmax and softmax_bp. The projections work on the sequence as
 * rows [batch·T, …]. On the CPU the products per sample and head are OpenBLAS calls on those rows in place
 * ({@link HeadProducts}); elsewhere each head's queries, keys and values are copied once into head-major arrays
 * [batch, heads, T, keySize], so that every product is one batched libnd4j call.
 */
public final class MultiHeadAttentionKernel implements Kernel {
    private int batch;
    private int steps;
    private int heads;
    private int keySize;
    private double scale;
    private INDArray x;
    private INDArray qh;
    private INDArray kh;
    private INDArray vh;
    /** Scores Q·Kᵀ/√keySize (masked when causal, and on padded keys) and their softmax [batch, heads, T, T]. */
    private INDArray scores;
    private INDArray weights;
    /** The heads' outputs side by side [batch·T, heads·keySize]. */
    private INDArray joined;
    /** With products per head from Java ({@link HostSteps}): the projections as rows [batch·T, heads·keySize]. */
    private boolean perHead;
    private INDArray qRows;
    private INDArray kRows;
    private INDArray vRows;

    /** @return a step computing {@code c = alpha·op(a)·op(b)} for every sample and head (see {@link HeadProducts}) */
    private NativeOp perHead(String name, INDArray a, boolean ta, INDArray b, boolean tb, INDArray c, double alpha) {
        return HeadProducts.step(name, batch, heads, steps, keySize, operand(a), ta, operand(b), tb, operand(c), alpha);
    }

    private HeadProducts.Operand operand(INDArray array) {
        return new HeadProducts.Operand(array, array.rank() == 2); // rows [batch·T, hk], or [batch, heads, T, T]
    }

    /** @return rows [batch·T, n] as [batch, heads, T, keySize] (a strided view) */
    private INDArray headMajor(INDArray rows) {
        return rows.reshape('c', batch, steps, heads, keySize).permute(0, 2, 1, 3);
    }

    /** Adds {@code out = x·W + b} and copies it head by head into {@code heads} unless null. */
    private void project(KernelContext ctx, String w, String b, INDArray out, INDArray heads) {
        ctx.forwardOp(NativeOp.matmul(x, false, ctx.param(w), false, out, 1.0, false));
        ctx.forwardOp(NativeOp.of("biasadd").in(out, ctx.param(b)).out(out).bargs(false).build());
        if (heads != null) ctx.forwardOp(NativeOp.of("identity").in(headMajor(out)).out(heads).build());
    }

    @Override
    public void forward(KernelContext ctx) {
        Params p = ctx.node().params();
        batch = ctx.batch();
        steps = (int) ctx.input().size(1);
        heads = p.getInt("heads");
        keySize = p.getInt("keySize");
        scale = 1.0 / Math.sqrt(keySize);
        long hk = (long) heads * keySize;
        long n = (long) batch * steps;
        x = Views.rows(ctx.input());
        scores = ctx.scratch(batch, heads, steps, steps);
        weights = ctx.scratch(batch, heads, steps, steps);
        joined = ctx.scratch(n, hk);
        perHead = HostSteps.enabled();
        if (perHead) {
            qRows = ctx.scratch(n, hk);
            kRows = ctx.scratch(n, hk);
            vRows = ctx.scratch(n, hk);
            project(ctx, "Wq", "bq", qRows, null);
            project(ctx, "Wk", "bk", kRows, null);
            project(ctx, "Wv", "bv", vRows, null);
            ctx.forwardOp(perHead("attention_scores", qRows, false, kRows, true, scores, scale));
        } else {
            forwardHeadMajor(ctx, n, hk);
        }
        maskAndSoftmax(ctx, p);
        if (perHead) {
            ctx.forwardOp(perHead("attention_values", weights, false, vRows, false, joined, 1.0));
        } else {
            ctx.forwardOp(NativeOp.matmul(weights, false, vh, false, oh, 1.0, false));
            ctx.forwardOp(NativeOp.of("identity").in(oh).out(headMajor(joined)).build());
        }
        INDArray y = Views.rows(ctx.output());
        ctx.forwardOp(NativeOp.matmul(joined, false, ctx.param("Wo"), false, y, 1.0, false));
        ctx.forwardOp(NativeOp.of("biasadd").in(y, ctx.param("bo")).out(y).bargs(false).build());
    }

    /** The heads' outputs in head-major arrays, before the product with the values. */
    private INDArray oh;

    private void forwardHeadMajor(KernelContext ctx, long n, long hk) {
        INDArray projected = ctx.scratch(n, hk); // each projection in turn, before its copy head by head
        qh = ctx.scratch(batch, heads, steps, keySize);
        kh = ctx.scratch(batch, heads, steps, keySize);
        vh = ctx.scratch(batch, heads, steps, keySize);
        oh = ctx.scratch(batch, heads, steps, keySize);
        project(ctx, "Wq", "bq", projected, qh);
        project(ctx, "Wk", "bk", projected, kh);
        project(ctx, "Wv", "bv", projected, vh);
        ctx.forwardOp(NativeOp.matmul(qh, false, kh, true, scores, scale, false));
    }

    private void maskAndSoftmax(KernelContext ctx, Params p) {
        if (p.getBool("causal")) {
            INDArray mask = Nd4j.create(org.strata.engine.layers.MultiHeadAttentionLayer.causalMask(steps), steps,
                    steps);
            ctx.forwardOp(NativeOp.of("add").in(scores, mask).out(scores).build());
        }
        StepMask padding = ctx.padding();
        if (padding != null) { // no query looks at a padded key
            ctx.forwardOp(NativeOp.of("add").in(scores, padding.penalty.reshape(batch, 1, 1, steps)).out(scores)
                    .build());
        }
        ctx.forwardOp(NativeOp.of("softmax").in(scores).out(weights).build());
    }

    @Override
    public void backward(KernelContext ctx) {
        long hk = (long) heads * keySize;
        long n = (long) batch * steps;
        INDArray dy = Views.rows(ctx.outputGradient());
        INDArray dJoined = ctx.scratch(n, hk);
        ctx.backwardOp(NativeOp.matmul(joined, true, dy, false, ctx.paramGradient("Wo"), 1.0, false));
        ctx.backwardOp(ColumnSums.of(ctx, dy, ctx.paramGradient("bo")));
        ctx.backwardOp(NativeOp.matmul(dy, false, ctx.param("Wo"), true, dJoined, 1.0, false));
        INDArray dWeights = ctx.scratch(batch, heads, steps, steps);
        INDArray dScores = ctx.scratch(batch, heads, steps, steps);
        INDArray dx = ctx.inputGradient() == null ? null : Views.rows(ctx.inputGradient());
        String[] parts = {"q", "k", "v"};
        if (perHead) {
            INDArray[] d = {ctx.scratch(n, hk), ctx.scratch(n, hk), ctx.scratch(n, hk)};
            ctx.backwardOp(perHead("attention_values_bp", dJoined, false, vRows, true, dWeights, 1.0));
            ctx.backwardOp(perHead("attention_values_bp", weights, true, dJoined, false, d[2], 1.0));
            ctx.backwardOp(NativeOp.of("softmax_bp").in(scores, dWeights).out(dScores).build());
            ctx.backwardOp(perHead("attention_scores_bp", dScores, false, kRows, false, d[0], scale));
            ctx.backwardOp(perHead("attention_scores_bp", dScores, true, qRows, false, d[1], scale));
            for (int i = 0; i < parts.length; i++) projectionGradients(ctx, parts[i], d[i], dx, i > 0);
            return;
        }
        INDArray dOh = ctx.scratch(batch, heads, steps, keySize);
        ctx.backwardOp(NativeOp.of("identity").in(headMajor(dJoined)).out(dOh).build());
        INDArray dqh = ctx.scratch(batch, heads, steps, keySize);
        INDArray dkh = ctx.scratch(batch, heads, steps, keySize);
        INDArray dvh = ctx.scratch(batch, heads, steps, keySize);
        ctx.backwardOp(NativeOp.matmul(dOh, false, vh, true, dWeights, 1.0, false));
        ctx.backwardOp(NativeOp.matmul(weights, true, dOh, false, dvh, 1.0, false));
        ctx.backwardOp(NativeOp.of("softmax_bp").in(scores, dWeights).out(dScores).build());
        ctx.backwardOp(NativeOp.matmul(dScores, false, kh, false, dqh, scale, false));
        ctx.backwardOp(NativeOp.matmul(dScores, true, qh, false, dkh, scale, false));
        INDArray d = ctx.scratch(n, hk); // each projection's gradient in turn
        INDArray[] dHeads = {dqh, dkh, dvh};
        for (int i = 0; i < parts.length; i++) {
            ctx.backwardOp(NativeOp.of("identity").in(dHeads[i]).out(headMajor(d)).build());
            projectionGradients(ctx, parts[i], d, dx, i > 0);
        }
    }

    /** dW = xᵀ·d, db = column sums of d, and dx (+)= d·Wᵀ for the projection {@code part} ("q", "k" or "v"). */
    private void projectionGradients(KernelContext ctx, String part, INDArray d, INDArray dx, boolean adds) {
        ctx.backwardOp(NativeOp.matmul(x, true, d, false, ctx.paramGradient("W" + part), 1.0, false));
        ctx.backwardOp(ColumnSums.of(ctx, d, ctx.paramGradient("b" + part)));
        if (dx != null) ctx.backwardOp(NativeOp.matmul(d, false, ctx.param("W" + part), true, dx, 1.0, adds));
    }
}
