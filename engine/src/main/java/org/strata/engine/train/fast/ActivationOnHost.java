package org.strata.engine.train.fast;

import org.nd4j.linalg.api.ndarray.INDArray;
import org.strata.engine.layers.ActivationFn;

/**
 * tanh, σ and GELU's tanh form computed in Java ({@link HostSteps}): libnd4j's tanh costs 6–9 ns a number and GELU is
 * 5 of its ops forward and 16 backward; these take one pass. Only for contiguous arrays; other activations stay
 * libnd4j's.
 */
final class ActivationOnHost {
    private static final float C = (float) ActivationFn.GELU_TANH_SCALE;
    private static final float K = (float) ActivationFn.GELU_TANH_CUBIC;

    private ActivationOnHost() {
    }

    /** @return true if {@code f} on these arrays can be computed in Java */
    static boolean takes(ActivationFn f, INDArray... arrays) {
        if (!HostSteps.enabled() || f != ActivationFn.GELU_TANH && f != ActivationFn.TANH
                && f != ActivationFn.SIGMOID) {
            return false;
        }
        for (INDArray a : arrays) {
            if (!HostView.fits(a)) return false;
        }
        return true;
    }

    /** @return a step writing y = f(x) */
    static NativeOp forward(ActivationFn f, INDArray x, INDArray y) {
        HostView in = HostView.of(x);
        HostView out = HostView.of(y);
        float[] a = new float[in.length()];
        float[] b = new float[in.length()];
        return NativeOp.onHost(f.name().toLowerCase(java.util.Locale.ROOT), () -> {
            in.read(a, 0);
            int n = a.length;
            switch (f) {
                case TANH -> HostMath.tanh(a, b, n);
                case SIGMOID -> HostMath.sigmoid(a, b, n);
                default -> gelu(a, b, n);
            }
            out.write(b, 0);
        });
    }

    /** y = ½x·(1 + tanh(√(2/π)·(x + 0.044715x³))) */
    private static void gelu(float[] x, float[] y, int n) {
        for (int k = 0; k < n; k++) y[k] = x[k] * (C + C * K * x[k] * x[k]); // u
        HostMath.tanh(y, y, n);
        for (int k = 0; k < n; k++) y[k] = 0.5f * x[k] * (1f + y[k]);
    }

    /** @return a step writing dx = dy·f′(x), from the pre-activation x (GELU) or the output y (tanh, σ) */
    static NativeOp backward(ActivationFn f, INDArray x, INDArray y, INDArray dy, INDArray dx) {
        HostView in = HostView.of(f == ActivationFn.GELU_TANH ? x : y);
        HostView gradient = HostView.of(dy);
        HostView out = HostView.of(dx);
        float[] a = new float[in.length()];
        float[] g = new float[in.length()];
        float[] t = new float[in.length()];
        return NativeOp.onHost(f.name().toLowerCase(java.util.Locale.ROOT) + "_bp", () -> {
            in.read(a, 0);
            gradient.read(g, 0);
            int n = a.length;
            switch (f) {
                case TANH -> {
                    for (int k = 0; k < n; k++) g[k] *= 1f - a[k] * a[k];
                }
                case SIGMOID -> {
                    for (int k = 0; k < n; k++) g[k] *= a[k] * (1f - a[k]);
                }
                default -> {
                    for (int k = 0; k < n; k++) t[k] = a[k] * (C + C * K * a[k] * a[k]);
                    HostMath.tanh(t, t, n);
                    // f′(x) = ½(1 + t) + ½x·√(2/π)·(1 + 3·0.044715x²)·(1 − t²)
                    for (int k = 0; k < n; k++) {
                        g[k] *= 0.5f * (1f + t[k]) + 0.5f * a[k] * (C + 3f * C * K * a[k] * a[k]) * (1f - t[k] * t[k]);
                    }
                }
            }
            out.write(g, 0);
        });
    }
}
