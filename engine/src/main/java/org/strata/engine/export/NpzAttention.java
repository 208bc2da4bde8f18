package org.strata.engine.export;

import org.strata.engine.layers.TensorShape;

/** The {@code .npz} reader's MultiHeadAttention, keeping where each head looks. */
final class NpzAttention {
    private NpzAttention() {
    }

    static float[] of(NpzStep s) {
        return attention(s, s.x(), s.shape(), s.p().getInt("heads"), s.p().getInt("keySize"),
                s.p().getBool("causal"), s.realSteps(s.shape().dim(0)));
    }

    /**
     * The catalogue's MultiHeadAttention, head by head: softmax(Q·Kᵀ/√keySize)·V over the keys a step may see (its
     * own and earlier ones when causal, never the padding after the {@code real} steps), then W_o and b_o.
     */
    private static float[] attention(NpzStep st, float[] x, TensorShape in, int heads, int keySize, boolean causal,
                                     int real) {
        int steps = in.dim(0);
        int d = in.dim(1);
        int hk = heads * keySize;
        float[] q = NpzMath.rowsTimes(x, steps, d, st.a("Wq"), st.a("bq"), hk);
        float[] k = NpzMath.rowsTimes(x, steps, d, st.a("Wk"), st.a("bk"), hk);
        float[] v = NpzMath.rowsTimes(x, steps, d, st.a("Wv"), st.a("bv"), hk);
        float[] joined = new float[steps * hk];
        float[] looks = new float[heads * steps * steps];
        double scale = 1 / Math.sqrt(keySize);
        for (int h = 0; h < heads; h++) {
            for (int t = 0; t < steps; t++) {
                int seen = Math.min(causal ? t + 1 : steps, real); // no step looks at padding
                double[] w = new double[seen];
                double top = Double.NEGATIVE_INFINITY;
                for (int u = 0; u < seen; u++) {
                    double s = 0;
                    for (int j = 0; j < keySize; j++) s += q[t * hk + h * keySize + j] * k[u * hk + h * keySize + j];
                    w[u] = s * scale;
                    top = Math.max(top, w[u]);
                }
                double sum = 0;
                for (int u = 0; u < seen; u++) sum += w[u] = Math.exp(w[u] - top);
                for (int u = 0; u < seen; u++) looks[(h * steps + t) * steps + u] = (float) (w[u] / sum);
                for (int j = 0; j < keySize; j++) {
                    double mix = 0;
                    for (int u = 0; u < seen; u++) mix += w[u] / sum * v[u * hk + h * keySize + j];
                    joined[t * hk + h * keySize + j] = (float) mix;
                }
            }
        }
        st.forward().keepAttention(st.id(), looks);
        return NpzMath.rowsTimes(joined, steps, hk, st.a("Wo"), st.a("bo"), d);
    }
}
