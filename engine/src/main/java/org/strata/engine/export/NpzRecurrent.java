package org.strata.engine.export;

import java.util.Arrays;
import org.strata.engine.layers.ActivationFn;
import org.strata.engine.layers.RecurrentLayer;
import org.strata.engine.layers.TensorShape;
import org.strata.engine.params.Params;

/**
 * The {@code .npz} reader's recurrent layers: one loop over the steps (both ways when bidirectional, the real steps
 * alone when padded), with each type's cell named by its entry in {@link NpzLayers}.
 */
final class NpzRecurrent {
    private NpzRecurrent() {
    }

    /** One type's cell: h at each step it takes over x [steps, f], with the reading's arrays (W or W_reverse…). */
    @FunctionalInterface
    interface Cell {
        float[] run(NpzStep s, String reading, float[] x, int steps, int f, int u);
    }

    /** @return the layer that runs {@code cell} over its input's steps */
    static NpzLayer of(Cell cell) {
        return s -> recurrent(cell, s, s.x(), s.shape());
    }

    /**
     * A recurrent layer: its cell over the steps, and when bidirectional over the steps from the last with the arrays
     * named + "_reverse"; each step's h side by side (forward's first), or the last h each reading reached.
     */
    private static float[] recurrent(Cell cell, NpzStep s, float[] x, TensorShape in) {
        Params p = s.p();
        String id = s.id();
        int f = in.dim(1);
        int real = s.realSteps(in.dim(0));
        if (real < in.dim(0)) { // padded: the real steps alone, then zeros for the padding's outputs
            float[] y = recurrent(cell, s, Arrays.copyOf(x, real * f), TensorShape.sequence(real, f));
            float[] states = s.forward().keptSteps(id);
            s.forward().keepSteps(id, Arrays.copyOf(states, in.dim(0) * (states.length / real)));
            return p.getBool("returnSequences") ? Arrays.copyOf(y, in.dim(0) * (y.length / real)) : y;
        }
        int steps = in.dim(0);
        int u = p.getInt("units");
        float[] forward = cell.run(s, "", x, steps, f, u);
        boolean sequences = p.getBool("returnSequences");
        if (!p.getBool("bidirectional")) {
            s.forward().keepSteps(id, forward);
            return sequences ? forward : Arrays.copyOfRange(forward, (steps - 1) * u, steps * u);
        }
        float[] reversed = new float[x.length]; // x's steps from the last
        for (int t = 0; t < steps; t++) System.arraycopy(x, t * f, reversed, (steps - 1 - t) * f, f);
        float[] backward = cell.run(s, RecurrentLayer.REVERSE, reversed, steps, f, u);
        float[] both = new float[steps * 2 * u];
        for (int t = 0; t < steps; t++) {
            System.arraycopy(forward, t * u, both, t * 2 * u, u);
            System.arraycopy(backward, (steps - 1 - t) * u, both, t * 2 * u + u, u);
        }
        s.forward().keepSteps(id, both);
        if (!sequences) {
            float[] y = new float[2 * u]; // each reading's last step: the backward one's is the sequence's first
            System.arraycopy(forward, (steps - 1) * u, y, 0, u);
            System.arraycopy(backward, (steps - 1) * u, y, u, u);
            return y;
        }
        return both;
    }

    /**
     * The catalogue's LSTM: gate blocks of W [features, 4u], U [units, 4u] and b in Deeplearning4j's order, block
     * input (tanh), forget, output, input gate (σ); c = f·c + i·g, h = o·tanh(c).
     */
    static float[] lstm(NpzStep s, String reading, float[] x, int steps, int f, int u) {
        float[] w = s.a("W" + reading);
        float[] r = s.a("U" + reading);
        float[] b = s.a("b" + reading);
        float[] h = new float[u];
        float[] c = new float[u];
        float[] all = new float[steps * u];
        double[] z = new double[4 * u];
        for (int t = 0; t < steps; t++) {
            double[] zx = inputPart(x, t, f, w, b, 4 * u);
            double[] zh = recurrentPart(h, r, 4 * u);
            for (int j = 0; j < 4 * u; j++) z[j] = zx[j] + zh[j];
            for (int j = 0; j < u; j++) {
                double g = Math.tanh(z[j]);
                double fg = sigmoid(z[u + j]);
                double o = sigmoid(z[2 * u + j]);
                double i = sigmoid(z[3 * u + j]);
                c[j] = (float) (fg * c[j] + i * g);
                h[j] = (float) (o * Math.tanh(c[j]));
            }
            System.arraycopy(h, 0, all, t * u, u);
        }
        return all;
    }

    /** x_t·W + b for one step, blocks side by side [width]. */
    private static double[] inputPart(float[] x, int t, int f, float[] w, float[] b, int width) {
        double[] z = new double[width];
        for (int j = 0; j < width; j++) {
            double s = b[j];
            for (int k = 0; k < f; k++) s += x[t * f + k] * w[k * width + j];
            z[j] = s;
        }
        return z;
    }

    /** h·U for one step, blocks side by side [width]. */
    private static double[] recurrentPart(float[] h, float[] u, int width) {
        double[] z = new double[width];
        for (int j = 0; j < width; j++) {
            double s = 0;
            for (int k = 0; k < h.length; k++) s += h[k] * u[k * width + j];
            z[j] = s;
        }
        return z;
    }

    /**
     * The catalogue's GRU, blocks r, z, n: r, z = σ(x·W + b + h·U), n = tanh(x·W_n + b_n + r·(h·U_n + bh)),
     * h = n + z·(h − n).
     */
    static float[] gru(NpzStep s, String reading, float[] x, int steps, int f, int u) {
        float[] w = s.a("W" + reading);
        float[] r = s.a("U" + reading);
        float[] b = s.a("b" + reading);
        float[] bh = s.a("bh" + reading);
        float[] h = new float[u];
        float[] all = new float[steps * u];
        for (int t = 0; t < steps; t++) {
            double[] zx = inputPart(x, t, f, w, b, 3 * u);
            double[] hu = recurrentPart(h, r, 3 * u);
            float[] next = new float[u];
            for (int j = 0; j < u; j++) {
                double rg = sigmoid(zx[j] + hu[j]);
                double zg = sigmoid(zx[u + j] + hu[u + j]);
                double n = Math.tanh(zx[2 * u + j] + rg * (hu[2 * u + j] + bh[j]));
                next[j] = (float) (n + zg * (h[j] - n));
            }
            h = next;
            System.arraycopy(h, 0, all, t * u, u);
        }
        return all;
    }

    /** The catalogue's SimpleRNN: h = tanh(x·W + b + h·U). */
    static float[] simpleRnn(NpzStep s, String reading, float[] x, int steps, int f, int u) {
        float[] w = s.a("W" + reading);
        float[] r = s.a("U" + reading);
        float[] b = s.a("b" + reading);
        float[] h = new float[u];
        float[] all = new float[steps * u];
        for (int t = 0; t < steps; t++) {
            double[] z = inputPart(x, t, f, w, b, u);
            double[] zh = recurrentPart(h, r, u);
            float[] next = new float[u];
            for (int j = 0; j < u; j++) next[j] = (float) Math.tanh(z[j] + zh[j]);
            h = next;
            System.arraycopy(h, 0, all, t * u, u);
        }
        return all;
    }

    private static double sigmoid(double v) {
        return ActivationFn.sigmoid(v);
    }
}
