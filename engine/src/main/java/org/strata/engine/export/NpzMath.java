package org.strata.engine.export;

import static org.strata.engine.export.NpzStep.last;

import java.util.List;
import org.strata.engine.layers.ActivationFn;
import org.strata.engine.layers.TensorShape;

/** The {@code .npz} reader's plain arithmetic shared by several layer types: products, activations, reshapes. */
final class NpzMath {
    private NpzMath() {
    }

    static float[] dense(NpzStep st, float[] x, int units, boolean bias) {
        float[] w = st.a("W");
        float[] b = bias ? st.a("b") : new float[units];
        float[] y = new float[units];
        for (int j = 0; j < units; j++) {
            double s = b[j];
            for (int i = 0; i < x.length; i++) s += x[i] * w[i * units + j];
            y[j] = (float) s;
        }
        return y;
    }

    /** {@code f} applied to every value; softmax over each run of {@code last} values (the last axis). */
    static float[] activate(ActivationFn f, float[] x, int last) {
        float[] y = new float[x.length];
        if (f == ActivationFn.SOFTMAX) {
            for (int start = 0; start < x.length; start += last) {
                double max = Double.NEGATIVE_INFINITY;
                for (int i = start; i < start + last; i++) max = Math.max(max, x[i]);
                double sum = 0;
                for (int i = start; i < start + last; i++) sum += Math.exp(x[i] - max);
                for (int i = start; i < start + last; i++) y[i] = (float) (Math.exp(x[i] - max) / sum);
            }
            return y;
        }
        for (int i = 0; i < x.length; i++) y[i] = (float) f.apply(x[i]);
        return y;
    }

    /** An image [h, w, c] with pad[0] rows of zeros above and below, pad[1] columns left and right. */
    static float[] zeroPad(float[] x, TensorShape in, int[] pad) {
        int h = in.dim(0);
        int w = in.dim(1);
        int c = in.dim(2);
        int ow = w + 2 * pad[1];
        float[] y = new float[(h + 2 * pad[0]) * ow * c];
        for (int i = 0; i < h; i++) System.arraycopy(x, i * w * c, y, ((i + pad[0]) * ow + pad[1]) * c, w * c);
        return y;
    }

    /** An image [h, w, c] with each pixel repeated s[0] times down and s[1] times across. */
    static float[] upSample(float[] x, TensorShape in, int[] s) {
        int h = in.dim(0);
        int w = in.dim(1);
        int c = in.dim(2);
        int ow = w * s[1];
        float[] y = new float[h * s[0] * ow * c];
        for (int i = 0; i < h * s[0]; i++) {
            for (int j = 0; j < ow; j++) System.arraycopy(x, ((i / s[0]) * w + j / s[1]) * c, y, (i * ow + j) * c, c);
        }
        return y;
    }

    /** Over the spatial positions of an image, or the time steps of a sequence, per channel (the last axis). */
    static float[] globalPool(float[] x, TensorShape in, boolean max) {
        int c = last(in);
        int positions = x.length / c;
        float[] y = new float[c];
        for (int ci = 0; ci < c; ci++) {
            double acc = max ? Double.NEGATIVE_INFINITY : 0;
            for (int i = 0; i < positions; i++) {
                float v = x[i * c + ci];
                acc = max ? Math.max(acc, v) : acc + v;
            }
            y[ci] = (float) (max ? acc : acc / positions);
        }
        return y;
    }

    static float[] batchNorm(NpzStep s, float[] x, float eps) {
        float[] g = s.a("gamma");
        float[] b = s.a("beta");
        float[] m = s.a("mean");
        float[] v = s.a("var");
        int c = g.length;
        float[] y = new float[x.length];
        for (int i = 0; i < x.length; i++) {
            int ci = i % c;
            y[i] = (float) (g[ci] * (x[i] - m[ci]) / Math.sqrt(v[ci] + eps) + b[ci]);
        }
        return y;
    }

    /** Each run of the last axis normalised by its own mean and variance, then scaled by γ and shifted by β. */
    static float[] layerNorm(NpzStep s, float[] x, double eps) {
        float[] g = s.a("gamma");
        float[] b = s.a("beta");
        int c = g.length;
        float[] y = new float[x.length];
        for (int start = 0; start < x.length; start += c) {
            double mean = 0;
            for (int j = 0; j < c; j++) mean += x[start + j];
            mean /= c;
            double var = 0;
            for (int j = 0; j < c; j++) var += (x[start + j] - mean) * (x[start + j] - mean);
            var /= c;
            for (int j = 0; j < c; j++) {
                y[start + j] = (float) (g[j] * (x[start + j] - mean) / Math.sqrt(var + eps) + b[j]);
            }
        }
        return y;
    }

    /** Along the last axis: at each position, the first input's channels, then the next's. */
    static float[] concat(List<float[]> in, List<TensorShape> shapes) {
        int positions = in.get(0).length / last(shapes.get(0));
        int total = 0;
        for (TensorShape s : shapes) total += last(s);
        float[] y = new float[positions * total];
        for (int pos = 0; pos < positions; pos++) {
            int at = pos * total;
            for (int k = 0; k < in.size(); k++) {
                int c = last(shapes.get(k));
                System.arraycopy(in.get(k), pos * c, y, at, c);
                at += c;
            }
        }
        return y;
    }

    /** Each of {@code steps} rows of x [steps, in] times W [in, out] plus b. */
    static float[] rowsTimes(float[] x, int steps, int in, float[] w, float[] b, int out) {
        float[] y = new float[steps * out];
        for (int t = 0; t < steps; t++) {
            for (int j = 0; j < out; j++) {
                double s = b[j];
                for (int i = 0; i < in; i++) s += x[t * in + i] * w[i * out + j];
                y[t * out + j] = (float) s;
            }
        }
        return y;
    }

    /**
     * As {@link #rowsTimes} with W = Eᵀ, read from E [out, in] as it is (a Dense tied to an Embedding): each row of
     * x [steps, in] times Eᵀ, plus b.
     */
    static float[] rowsTimesTransposed(float[] x, int steps, int in, float[] e, float[] b, int out) {
        float[] y = new float[steps * out];
        for (int t = 0; t < steps; t++) {
            for (int j = 0; j < out; j++) {
                double s = b[j];
                for (int i = 0; i < in; i++) s += x[t * in + i] * e[j * in + i];
                y[t * out + j] = (float) s;
            }
        }
        return y;
    }
}
