package org.strata.engine.backprop;

import java.util.ArrayList;
import java.util.List;
import org.strata.engine.graph.Node;
import org.strata.engine.layers.ActivationFn;
import org.strata.engine.layers.Conv2DLayer;
import org.strata.engine.layers.DenseLayer;
import org.strata.engine.layers.Padding;

/**
 * A Conv2D's formulas with a step's numbers: one output value of one filter (at the position where the filter
 * answers most strongly for the sample), and the chain rule for one weight or bias, summed over every position and
 * every sample to the engine's gradient. Weights are [kernelH, kernelW, inChannels, filters], images [H, W, C].
 */
final class ConvFormulas {
    /** A sum over positions is written as this many of its largest terms. */
    private static final int LARGEST = 3;
    private final StepTrace t;
    private final String id;
    private final String producer;
    private final ActivationFn f;
    private final boolean bias;
    private final int kh;
    private final int kw;
    private final int sh;
    private final int sw;
    private final int dh;
    private final int dw;
    private final int h;
    private final int w;
    private final int c;
    private final int oh;
    private final int ow;
    private final int filters;
    private final int pt;
    private final int pl;

    ConvFormulas(StepTrace trace, Node node, String producer) {
        this.t = trace;
        this.id = node.id();
        this.producer = producer;
        this.f = node.type().outputActivation(node.params());
        this.bias = DenseLayer.useBias(node.params());
        int[] k = node.params().getTuple("kernel");
        int[] s = node.params().getTuple("stride");
        int[] d = node.params().getTuple("dilation");
        kh = k[0];
        kw = k[1];
        sh = s[0];
        sw = s[1];
        dh = d[0];
        dw = d[1];
        long[] in = t.outputs().get(producer).rowShape();
        long[] out = t.outputs().get(id).rowShape();
        h = (int) in[0];
        w = (int) in[1];
        c = (int) in[2];
        oh = (int) out[0];
        ow = (int) out[1];
        filters = (int) out[2];
        boolean same = Conv2DLayer.padding(node.params()) == Padding.SAME;
        int[] span = Conv2DLayer.span(k, d);
        pt = same ? Math.max((oh - 1) * sh + span[0] - h, 0) / 2 : 0;
        pl = same ? Math.max((ow - 1) * sw + span[1] - w, 0) / 2 : 0;
    }

    /** @return the input value under tap (u, v) of channel ch for output (i, j) of row n; 0 in the padding */
    private double x(int n, int i, int j, int u, int v, int ch) {
        int r = i * sh + u * dh - pt;
        int q = j * sw + v * dw - pl;
        if (r < 0 || r >= h || q < 0 || q >= w) return 0;
        return t.outputs().get(producer).at(n, (r * w + q) * c + ch);
    }

    private double weight(int u, int v, int ch, int o) {
        return t.before().get(id).get("W").data()[((u * kw + v) * c + ch) * filters + o];
    }

    /** @return the value before the activation at output (i, j, o) of row n, from the weights the step used */
    private double z(int n, int i, int j, int o) {
        double s = bias ? t.before().get(id).get("b").data()[o] : 0;
        for (int u = 0; u < kh; u++) {
            for (int v = 0; v < kw; v++) {
                for (int ch = 0; ch < c; ch++) s += x(n, i, j, u, v, ch) * weight(u, v, ch, o);
            }
        }
        return s;
    }

    private double engineOutput(int n, int i, int j, int o) {
        return t.outputs().get(id).at(n, (i * ow + j) * filters + o);
    }

    Worked forward(int n, int unit) {
        int o = Math.min(unit, filters - 1);
        int bi = 0;
        int bj = 0;
        for (int i = 0; i < oh; i++) {
            for (int j = 0; j < ow; j++) if (engineOutput(n, i, j, o) > engineOutput(n, bi, bj, o)) {
                bi = i;
                bj = j;
            }
        }
        int i = bi;
        int j = bj;
        String fn = StepFormulas.name(f);
        String b = bias ? "b[o] + " : "";
        String general = "y[i,j,o] = " + fn + "(" + b + "Σ_{u,v,c} x[i·s+u, j·s+v, c] · W[u,v,c,o])";
        List<String> lines = new ArrayList<>();
        String at = "[" + (i + 1) + "," + (j + 1) + "," + (o + 1) + "]";
        lines.add("y" + at + " = " + fn + "(" + (bias ? "b[" + (o + 1) + "] + " : "") + "Σ " + kh + "×" + kw + "×" + c
                + " x·W)");
        int taps = kh * kw * c;
        String terms = Numbers.terms(taps, k -> {
            int u = k / (kw * c);
            int v = k / c % kw;
            int ch = k % c;
            return Numbers.factor(weight(u, v, ch, o)) + "·" + Numbers.factor(x(n, i, j, u, v, ch));
        });
        double bv = bias ? t.before().get(id).get("b").data()[o] : 0;
        lines.add("= " + fn + "(" + (bias ? Numbers.factor(bv) + " + " : "") + terms + ")");
        double z = z(n, i, j, o);
        double y = f == ActivationFn.IDENTITY ? z : f.apply(z);
        lines.add("= " + fn + "(" + Numbers.of(z) + ") = " + Numbers.of(y));
        return new Worked(general, lines, y, engineOutput(n, i, j, o));
    }

    /** dLoss/dz at output (i, j, o) of row n: the engine's, through f′ where its gradient is taken after f. */
    private double dz(int n, int i, int j, int o) {
        double g = t.gradients().get(id).at(n, (i * ow + j) * filters + o);
        if (t.gradientsBeforeActivation().contains(id) || f == ActivationFn.IDENTITY) return g;
        double z = z(n, i, j, o);
        return g * f.derivative(z, engineOutput(n, i, j, o));
    }

    ChainRule chain(String weight, int index, int n) {
        boolean isW = weight.equals("W");
        int o = isW ? index % filters : index;
        int ch = isW ? index / filters % c : 0;
        int v = isW ? index / (filters * c) % kw : 0;
        int u = isW ? index / (filters * c * kw) : 0;
        String target = isW ? "W[" + (u + 1) + "," + (v + 1) + "," + (ch + 1) + "," + (o + 1) + "]" : "b[" + (o + 1) + "]";
        String xs = isW ? " · x[i·s+" + u + ", j·s+" + v + ", " + (ch + 1) + "]" : "";
        String general = isW ? "∂L/∂W[u,v,c,o] = Σₙ Σᵢⱼ ∂L/∂z[i,j,o] · x[i·s+u, j·s+v, c]"
                : "∂L/∂b[o] = Σₙ Σᵢⱼ ∂L/∂z[i,j,o]";
        List<String> lines = new ArrayList<>();
        lines.add("∂L/∂" + target + " = Σᵢⱼ ∂L/∂z[i,j," + (o + 1) + "]" + xs);
        // each position's two factors for a row: its gradient and (for W) the input under the tap
        int positions = oh * ow;
        double batchSum = 0;
        double mine = 0;
        double[] gradN = null;
        double[] inputN = null;
        for (int row = 0; row < t.batch(); row++) {
            double[] grad = new double[positions];
            double[] input = new double[positions];
            double s = 0;
            for (int p = 0; p < positions; p++) {
                grad[p] = dz(row, p / ow, p % ow, o);
                input[p] = isW ? x(row, p / ow, p % ow, u, v, ch) : 1;
                s += grad[p] * input[p];
            }
            batchSum += s;
            if (row == n) {
                mine = s;
                gradN = grad;
                inputN = input;
            }
        }
        // the sum over every position, written as its largest terms (at an image's border most are 0·0)
        double[] g = gradN;
        double[] in = inputN;
        Integer[] order = new Integer[positions];
        for (int p = 0; p < positions; p++) order[p] = p;
        java.util.Arrays.sort(order, (a, b) -> Double.compare(Math.abs(g[b] * in[b]), Math.abs(g[a] * in[a])));
        StringBuilder sum = new StringBuilder("= ");
        for (int k = 0; k < Math.min(LARGEST, positions); k++) {
            int p = order[k];
            sum.append(k == 0 ? "" : " + ").append(Numbers.factor(g[p]));
            if (isW) sum.append("·").append(Numbers.factor(in[p]));
        }
        if (positions > LARGEST) sum.append(" + …");
        lines.add(sum.append(" = ").append(Numbers.of(mine)).append("   (").append(oh).append("×").append(ow)
                .append(")").toString());
        lines.add("Σₙ = " + Numbers.of(batchSum));
        return new ChainRule(general, lines, List.of(), mine, batchSum,
                t.gradient().get(id).get(weight).data()[index]);
    }
}
