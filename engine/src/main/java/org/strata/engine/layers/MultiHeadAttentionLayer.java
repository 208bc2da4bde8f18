package org.strata.engine.layers;

import java.util.List;
import org.strata.engine.params.ParamSpec;
import org.strata.engine.params.ParamTable;
import org.strata.engine.params.Params;

/**
 * Multi-head self-attention over a sequence (Vaswani et al.): every step looks at every step (or, causal, at those
 * before it) through each head's queries and keys, and the heads' mixes are projected back to the input's width, so
 * that a residual Add and a LayerNorm can follow as in a transformer block.
 */
public final class MultiHeadAttentionLayer extends LayerType {
    public MultiHeadAttentionLayer() {
        super("MultiHeadAttention", Category.SEQUENCE, "Lets every step look at the others (self-attention)",
                "Per head h: Q = x·W_q + b_q, K = x·W_k + b_k, V = x·W_v + b_v (each [T, keySize]), "
                        + "A = softmax(Q·Kᵀ/√keySize) over the steps looked at (with causal, only t' ≤ t), "
                        + "O_h = A·V; y = [O_1 … O_heads]·W_o + b_o, as wide as x.",
                ParamTable.of(
                        ParamSpec.integer("heads", "Heads", 4, 1, 1000, "Number of attention heads"),
                        ParamSpec.integer("keySize", "Key size", 16, 1, 100_000,
                                "Length of each head's queries, keys and values"),
                        ParamSpec.bool("causal", "Causal", false,
                                "Each step looks only at itself and the steps before it (for predicting what comes next)"),
                        WeightInit.param()));
    }

    @Override
    public TensorShape outputShape(List<TensorShape> in, Params p) throws ShapeException {
        return single(in, TensorShape.Kind.SEQUENCE,
                "set the Input's kind to sequence, or put an Embedding before it");
    }

    @Override
    public List<Weight> weights(List<TensorShape> in, Params p) {
        long d = in.get(0).channels();
        long hk = (long) p.getInt("heads") * p.getInt("keySize");
        return List.of(
                Weight.xavier("Wq", "[features, heads·keySize] (head by head)", d, hk, d, hk),
                Weight.vector("bq", "[heads·keySize]", Weight.Init.ZERO, hk),
                Weight.xavier("Wk", "[features, heads·keySize]", d, hk, d, hk),
                Weight.vector("bk", "[heads·keySize]", Weight.Init.ZERO, hk),
                Weight.xavier("Wv", "[features, heads·keySize]", d, hk, d, hk),
                Weight.vector("bv", "[heads·keySize]", Weight.Init.ZERO, hk),
                Weight.xavier("Wo", "[heads·keySize, features]", hk, d, hk, d),
                Weight.vector("bo", "[features]", Weight.Init.ZERO, d));
    }

    @Override
    public String outputRule() {
        return "[T, features] (as its input)";
    }

    @Override
    public long flops(List<TensorShape> in, TensorShape out, Params p) {
        long t = in.get(0).dim(0);
        long d = in.get(0).channels();
        long hk = (long) p.getInt("heads") * p.getInt("keySize");
        return 2 * t * (4 * d * hk) + 2 * 2 * t * t * hk;
    }

    /** Q, K and V, each head's attention weights over the steps (T² per head) and the heads' mixes, per sample. */
    @Override
    public long keptValues(List<TensorShape> in, TensorShape out, Params p) {
        long t = in.get(0).dim(0);
        long hk = (long) p.getInt("heads") * p.getInt("keySize");
        return 4 * t * hk + p.getInt("heads") * t * t;
    }

    @Override
    public String keyParams(Params p) {
        return p.getInt("heads") + "×" + p.getInt("keySize") + (p.getBool("causal") ? " · causal" : "");
    }

    /**
     * @return [T·T] row by row: 0 where step t may look at step t' (t' ≤ t), −10⁹ where not, added to the scores so
     *         that softmax gives those exactly 0 (e^−10⁹ underflows) while every row keeps its own step
     */
    public static float[] causalMask(int steps) {
        float[] m = new float[steps * steps];
        for (int t = 0; t < steps; t++) for (int u = t + 1; u < steps; u++) m[t * steps + u] = -1e9f;
        return m;
    }

    @Override
    public boolean keepsSteps(Params p) {
        return true;
    }
}
