package org.strata.engine.train.fast;

import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.strata.engine.params.Params;

/**
 * Multi-head self-attention from libnd4j's matmul (batched over samples and heads), softmax and softmax_bp. The
 * projections work on the sequence as rows [batch·T, …]; each head's queries, keys and values are copied once into
 * head-major arrays [batch, heads, T, keySize], so that every product is one batched call.
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

    /** @return rows [batch·T, n] as [batch, heads, T, keySize] (a strided view) */
    private INDArray headMajor(INDArray rows) {
        return rows.reshape('c', batch, steps, heads, keySize).permute(0, 2, 1, 3);
    }

    /** Adds {@code out = x·W + b} and copies it head by head into {@code heads}. */
    private void project(KernelContext ctx, String w, String b, INDArray out, INDArray heads) {
        ctx.forwardOp(NativeOp.matmul(x, false, ctx.param(w), false, out, 1.0, false));
        ctx.forwardOp(NativeOp.of("biasadd").in(out, ctx.param(b)).out(out).bargs(false).build());
        ctx.forwardOp(NativeOp.of("identity").in(headMajor(out)).out(heads).build());
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
        INDArray projected = ctx.scratch(n, hk); // each projection in turn, before its copy head by head
        qh = ctx.scratch(batch, heads, steps, keySize);
        kh = ctx.scratch(batch, heads, steps, keySize);
        vh = ctx.scratch(batch, heads, steps, keySize);
        scores = ctx.scratch(batch, heads, steps, steps);
        weights = ctx.scratch(batch, heads, steps, steps);
        INDArray oh = ctx.scratch(batch, heads, steps, keySize);
        joined = ctx.scratch(n, hk);
        project(ctx, "Wq", "bq", projected, qh);
        project(ctx, "Wk", "bk", projected, kh);
        project(ctx, "Wv", "bv", projected, vh);
        ctx.forwardOp(NativeOp.matmul(qh, false, kh, true, scores, scale, false));
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
        ctx.forwardOp(NativeOp.matmul(weights, false, vh, false, oh, 1.0, false));
        ctx.forwardOp(NativeOp.of("identity").in(oh).out(headMajor(joined)).build());
        INDArray y = Views.rows(ctx.output());
        ctx.forwardOp(NativeOp.matmul(joined, false, ctx.param("Wo"), false, y, 1.0, false));
        ctx.forwardOp(NativeOp.of("biasadd").in(y, ctx.param("bo")).out(y).bargs(false).build());
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
        INDArray dOh = ctx.scratch(batch, heads, steps, keySize);
        ctx.backwardOp(NativeOp.of("identity").in(headMajor(dJoined)).out(dOh).build());
        INDArray dWeights = ctx.scratch(batch, heads, steps, steps);
        INDArray dScores = ctx.scratch(batch, heads, steps, steps);
        INDArray dqh = ctx.scratch(batch, heads, steps, keySize);
        INDArray dkh = ctx.scratch(batch, heads, steps, keySize);
        INDArray dvh = ctx.scratch(batch, heads, steps, keySize);
        ctx.backwardOp(NativeOp.matmul(dOh, false, vh, true, dWeights, 1.0, false));
        ctx.backwardOp(NativeOp.matmul(weights, true, dOh, false, dvh, 1.0, false));
        ctx.backwardOp(NativeOp.of("softmax_bp").in(scores, dWeights).out(dScores).build());
        ctx.backwardOp(NativeOp.matmul(dScores, false, kh, false, dqh, scale, false));
        ctx.backwardOp(NativeOp.matmul(dScores, true, qh, false, dkh, scale, false));
        INDArray dx = ctx.inputGradient() == null ? null : Views.rows(ctx.inputGradient());
        INDArray d = ctx.scratch(n, hk); // each projection's gradient in turn
        String[] parts = {"q", "k", "v"};
        INDArray[] dHeads = {dqh, dkh, dvh};
        for (int i = 0; i < parts.length; i++) {
            ctx.backwardOp(NativeOp.of("identity").in(dHeads[i]).out(headMajor(d)).build());
            ctx.backwardOp(NativeOp.matmul(x, true, d, false, ctx.paramGradient("W" + parts[i]), 1.0, false));
            ctx.backwardOp(ColumnSums.of(ctx, d, ctx.paramGradient("b" + parts[i])));
            if (dx != null) ctx.backwardOp(NativeOp.matmul(d, false, ctx.param("W" + parts[i]), true, dx, 1.0, i > 0));
        }
    }
}
