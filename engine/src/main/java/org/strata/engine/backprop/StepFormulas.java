package org.strata.engine.backprop;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.strata.engine.graph.Graph;
import org.strata.engine.graph.Node;
import org.strata.engine.graph.PortRef;
import org.strata.engine.layers.ActivationFn;
import org.strata.engine.layers.DenseLayer;
import org.strata.engine.layers.LossFn;

/**
 * A step's formulas filled in with its numbers: a layer's output for one unit of one sample, the loss of a sample
 * and of the batch, the gradient the loss starts the backward pass with, and the chain rule for one weight. Every
 * input is read from the {@link StepTrace} (the engine's own values); each result carries the engine's value for
 * the same thing, so a view can show, and a test check, that they agree. Worked out for Dense on vectors, the
 * Activation layer and the Output's losses; other layers show their general formula only.
 */
public final class StepFormulas {
    private final StepTrace t;
    private final Graph graph;

    public StepFormulas(StepTrace trace, Graph graph) {
        this.t = trace;
        this.graph = graph;
    }

    /** The layer types whose step is worked out with its numbers, each once; every other type shows its formula. */
    private enum Worker {
        /** Dense on vectors: the output and the chain rule of each weight. */
        DENSE(true),
        /** The Activation layer: its output (it has no weights). */
        ACTIVATION(false),
        /** Conv2D: the output and the chain rule, through {@link ConvFormulas}. */
        CONV2D(true);

        final boolean chains;

        Worker(boolean chains) {
            this.chains = chains;
        }
    }

    /** The registry of worked-out types, by catalogue id. */
    private static final Map<String, Worker> WORKERS = Map.of("Dense", Worker.DENSE, "Activation", Worker.ACTIVATION,
            "Conv2D", Worker.CONV2D);

    /** @return the catalogue ids whose step these formulas work out with numbers */
    public static java.util.Set<String> workedOutTypes() {
        return WORKERS.keySet();
    }

    private Optional<Worker> worker(String id) {
        return Optional.ofNullable(WORKERS.get(graph.require(id).type().id()));
    }

    /** @return whether {@link #forward} works out this node's output */
    public boolean worksForward(String id) {
        return worker(id).map(w -> switch (w) {
            // a Dense tied to the embedding has no W of its own to work with (its W is the Embedding's Eᵀ)
            case DENSE -> t.before().containsKey(id) && !DenseLayer.tied(graph.require(id).params())
                    && t.outputs().get(producer(id)).rowShape().length == 1;
            case ACTIVATION -> true;
            case CONV2D -> t.before().containsKey(id);
        }).orElse(false);
    }

    /**
     * @return whether {@link #sampleLoss}, {@link #batchLoss} and {@link #lossGradient} work out the loss: not for a
     * class at every step, whose loss is averaged over the positions that have a label, not over the batch
     */
    public boolean worksLoss() {
        String out = graph.outputNodes().get(0).id();
        return t.outputs().containsKey(out) && t.outputs().get(out).rowShape().length == 1;
    }

    /** @return whether {@link #chain} works out this node's weight gradients */
    public boolean worksChain(String id) {
        return worker(id).map(w -> w.chains).orElse(false) && worksForward(id) && t.gradients().containsKey(id);
    }

    /** @return output {@code unit} of node {@code id} for row {@code n}, worked out; empty for other layer types */
    public Optional<Worked> forward(String id, int n, int unit) {
        if (!worksForward(id)) return Optional.empty();
        Node node = graph.require(id);
        Worker worker = worker(id).orElseThrow();
        if (worker == Worker.CONV2D) return Optional.of(new ConvFormulas(t, node, producer(id)).forward(n, unit));
        double engine = t.outputs().get(id).at(n, unit);
        if (worker == Worker.ACTIVATION) {
            ActivationFn f = node.type().outputActivation(node.params());
            float[] x = t.outputs().get(producer(id)).row(n);
            String general = "y = " + name(f) + "(x)";
            if (f == ActivationFn.SOFTMAX) {
                return Optional.of(new Worked(general, List.of(softmaxLine("y", "x", x, unit)), softmax(x, unit),
                        engine));
            }
            double y = f.apply(x[unit]);
            return Optional.of(new Worked(general, List.of("y" + Numbers.sub(unit) + " = " + name(f) + "(x"
                    + Numbers.sub(unit) + ") = " + name(f) + "(" + Numbers.of(x[unit]) + ") = " + Numbers.of(y)),
                    y, engine));
        }
        ActivationFn f = DenseLayer.activation(node.params());
        boolean bias = DenseLayer.useBias(node.params());
        double[] z = z(id, n);
        float[] x = t.outputs().get(producer(id)).row(n);
        float[] w = t.before().get(id).get("W").data();
        int units = z.length;
        String sumSymbols = Numbers.terms(x.length, i -> "w" + Numbers.sub(i, unit) + "·x" + Numbers.sub(i))
                + (bias ? " + b" + Numbers.sub(unit) : "");
        String sumNumbers = Numbers.terms(x.length, i -> Numbers.factor(w[i * units + unit]) + "·" + Numbers.factor(x[i]))
                + (bias ? " + " + Numbers.factor(t.before().get(id).get("b").data()[unit]) : "");
        String general = f == ActivationFn.IDENTITY ? "y = x·W" + (bias ? " + b" : "")
                : "y = " + name(f) + "(x·W" + (bias ? " + b" : "") + ")";
        List<String> lines = new ArrayList<>();
        double y;
        if (f == ActivationFn.SOFTMAX) {
            lines.add("z" + Numbers.sub(unit) + " = " + sumSymbols);
            lines.add("= " + sumNumbers + " = " + Numbers.of(z[unit]));
            float[] zf = new float[units];
            for (int j = 0; j < units; j++) zf[j] = (float) z[j];
            lines.add(softmaxLine("y", "z", zf, unit));
            y = softmax(z, unit);
        } else if (f == ActivationFn.IDENTITY) {
            lines.add("y" + Numbers.sub(unit) + " = " + sumSymbols);
            lines.add("= " + sumNumbers + " = " + Numbers.of(z[unit]));
            y = z[unit];
        } else {
            y = f.apply(z[unit]);
            lines.add("y" + Numbers.sub(unit) + " = " + name(f) + "(" + sumSymbols + ")");
            lines.add("= " + name(f) + "(" + sumNumbers + ")");
            lines.add("= " + name(f) + "(" + Numbers.of(z[unit]) + ") = " + Numbers.of(y));
        }
        return Optional.of(new Worked(general, lines, y, engine));
    }

    /** @return row {@code n}'s loss, worked out (the engine keeps only the batch's mean: {@code engine} is NaN) */
    public Worked sampleLoss(int n) {
        LossFn loss = lossFn();
        float[] p = t.outputs().get(output()).row(n);
        float[] y = t.labels().row(n);
        String general = loss.formula();
        return switch (loss) {
            case SOFTMAX_CROSS_ENTROPY -> {
                int c = argmax(y);
                double value = -Math.log(Math.max(p[c], 1e-10));
                yield new Worked(general, List.of("L = −log p" + Numbers.sub(c),
                        "= −log(" + Numbers.of(p[c]) + ") = " + Numbers.of(value)), value, Double.NaN);
            }
            case BINARY_CROSS_ENTROPY -> {
                float[] z = logits(n);
                double value = 0;
                for (int i = 0; i < z.length; i++) value += bce(z[i], y[i]);
                String numbers = "= −(" + Numbers.terms(p.length, i -> Numbers.of(y[i]) + "·log(" + Numbers.of(p[i]) + ") + "
                        + Numbers.of(1 - y[i]) + "·log(" + Numbers.of(1 - p[i]) + ")") + ") = " + Numbers.of(value);
                yield new Worked(general, List.of(numbers), value, Double.NaN);
            }
            case MSE, MAE, HUBER -> {
                double value = 0;
                for (int i = 0; i < p.length; i++) value += regression(loss, p[i] - (double) y[i]);
                value /= p.length;
                String scale = p.length > 1 ? "(1/" + p.length + ")·(" : "";
                String terms = Numbers.terms(p.length, i -> switch (loss) {
                    case MSE -> "(" + Numbers.of(p[i]) + " − " + Numbers.factor(y[i]) + ")²";
                    case MAE -> "|" + Numbers.of(p[i]) + " − " + Numbers.factor(y[i]) + "|";
                    default -> "huber(" + Numbers.of(p[i]) + " − " + Numbers.factor(y[i]) + ")";
                });
                yield new Worked(general, List.of("= " + scale + terms + (p.length > 1 ? ")" : "") + " = "
                        + Numbers.of(value)), value, Double.NaN);
            }
        };
    }

    /** @return the batch's loss as the mean of its samples' losses, against the engine's */
    public Worked batchLoss() {
        double[] each = new double[t.batch()];
        double total = 0;
        for (int n = 0; n < each.length; n++) {
            each[n] = sampleLoss(n).value();
            total += each[n];
        }
        double mean = total / each.length;
        return new Worked("L = (1/B)·Σₙ Lₙ", List.of("= (1/" + each.length + ")·(" + Numbers.terms(each.length,
                n -> Numbers.of(each[n])) + ") = " + Numbers.of(mean)), mean, t.loss());
    }

    /**
     * @return the gradient the loss sends back for output {@code unit} of row {@code n}: with respect to the values
     *     before the loss's softmax or sigmoid for classes, to the prediction for values; against the engine's
     */
    public Worked lossGradient(int n, int unit) {
        LossFn loss = lossFn();
        String feeder = producer(output());
        double engine = t.gradients().containsKey(feeder) ? t.gradients().get(feeder).at(n, unit) : Double.NaN;
        float[] p = t.outputs().get(output()).row(n);
        double y = t.labels().at(n, unit);
        int b = t.batch();
        String u = Numbers.sub(unit);
        if (!loss.isRegression()) {
            double value = (p[unit] - y) / b;
            return new Worked("∂L/∂z = (p − y) / B", List.of("∂L/∂z" + u + " = (p" + u + " − y" + u + ") / " + b,
                    "= (" + Numbers.of(p[unit]) + " − " + Numbers.factor(y) + ") / " + b + " = " + Numbers.of(value)),
                    value, engine);
        }
        int k = p.length;
        double d = p[unit] - y;
        String scale = "B·" + k;
        return switch (loss) {
            case MSE -> new Worked("∂L/∂ŷ = 2·(ŷ − y) / (" + scale + ")", List.of("∂L/∂ŷ" + u + " = 2·("
                    + Numbers.of(p[unit]) + " − " + Numbers.factor(y) + ") / (" + b + "·" + k + ") = "
                    + Numbers.of(2 * d / (b * k))), 2 * d / (b * k), engine);
            case MAE -> new Worked("∂L/∂ŷ = sign(ŷ − y) / (" + scale + ")", List.of("∂L/∂ŷ" + u + " = sign("
                    + Numbers.of(p[unit]) + " − " + Numbers.factor(y) + ") / (" + b + "·" + k + ") = "
                    + Numbers.of(Math.signum(d) / (b * k))), Math.signum(d) / (b * k), engine);
            default -> {
                double c = Math.max(-LossFn.HUBER_DELTA, Math.min(LossFn.HUBER_DELTA, d));
                yield new Worked("∂L/∂ŷ = clip(ŷ − y, −1, 1) / (" + scale + ")", List.of("∂L/∂ŷ" + u + " = clip("
                        + Numbers.of(p[unit]) + " − " + Numbers.factor(y) + ", −1, 1) / (" + b + "·" + k + ") = "
                        + Numbers.of(c / (b * k))), c / (b * k), engine);
            }
        };
    }

    /**
     * @param weight "W" or "b"
     * @param index  the weight's position, row-major (W is [inputs, units])
     * @param n      the row whose factors are shown
     * @return the chain rule for that weight; empty for layer types not worked out
     */
    public Optional<ChainRule> chain(String id, String weight, int index, int n) {
        if (!worksChain(id)) return Optional.empty();
        Node node = graph.require(id);
        if (worker(id).orElseThrow() == Worker.CONV2D) {
            return Optional.of(new ConvFormulas(t, node, producer(id)).chain(weight, index, n));
        }
        ActivationFn f = DenseLayer.activation(node.params());
        int units = (int) t.before().get(id).get("W").shape()[1];
        boolean isW = weight.equals("W");
        int i = isW ? index / units : -1;
        int j = isW ? index % units : index;
        boolean fromZ = t.gradientsBeforeActivation().contains(id) || f == ActivationFn.IDENTITY;
        String xs = isW ? " · x" + Numbers.sub(i) : "";
        String target = isW ? "w" + Numbers.sub(i, j) : "b" + Numbers.sub(j);
        String targetGeneral = isW ? "wᵢⱼ" : "bⱼ";
        String general;
        List<String> lines = new ArrayList<>();
        List<ChainRule.Factor> factors = new ArrayList<>();
        if (fromZ) {
            general = "∂L/∂" + targetGeneral + " = Σₙ ∂L/∂zⱼ" + (isW ? " · xᵢ" : "");
            lines.add("∂L/∂" + target + " = ∂L/∂z" + Numbers.sub(j) + xs);
        } else if (f == ActivationFn.SOFTMAX) {
            general = "∂L/∂" + targetGeneral + " = Σₙ yⱼ·(∂L/∂yⱼ − Σₖ yₖ·∂L/∂yₖ)" + (isW ? " · xᵢ" : "");
            lines.add("∂L/∂" + target + " = ∂L/∂z" + Numbers.sub(j) + xs);
        } else {
            general = "∂L/∂" + targetGeneral + " = Σₙ ∂L/∂yⱼ · f′(zⱼ)" + (isW ? " · xᵢ" : "");
            lines.add("∂L/∂" + target + " = ∂L/∂y" + Numbers.sub(j) + " · " + name(f) + "′(z" + Numbers.sub(j) + ")"
                    + xs);
        }
        double batchSum = 0;
        for (int row = 0; row < t.batch(); row++) {
            List<ChainRule.Factor> mine = factors(id, f, fromZ, i, j, row, row == n ? lines : null);
            double product = 1;
            for (ChainRule.Factor factor : mine) product *= factor.value();
            batchSum += product;
            if (row == n) factors.addAll(mine);
        }
        double product = 1;
        StringBuilder numbers = new StringBuilder("= ");
        for (int k = 0; k < factors.size(); k++) {
            product *= factors.get(k).value();
            numbers.append(k == 0 ? "" : " · ").append(Numbers.factor(factors.get(k).value()));
        }
        lines.add(numbers.append(" = ").append(Numbers.of(product)).toString());
        lines.add("Σₙ = " + Numbers.of(batchSum));
        double engine = t.gradient().get(id).get(weight).data()[index];
        return Optional.of(new ChainRule(general, lines, factors, product, batchSum, engine));
    }

    /** The chain rule's factors for one row; its derivative's working goes to {@code lines} when not null. */
    private List<ChainRule.Factor> factors(String id, ActivationFn f, boolean fromZ, int i, int j, int n,
                                           List<String> lines) {
        List<ChainRule.Factor> out = new ArrayList<>();
        Values g = t.gradients().get(id);
        String sj = Numbers.sub(j);
        if (fromZ) {
            out.add(new ChainRule.Factor("∂L/∂z" + sj, g.at(n, j), true));
        } else if (f == ActivationFn.SOFTMAX) {
            float[] y = t.outputs().get(id).row(n);
            float[] dy = g.row(n);
            double dot = 0;
            for (int k = 0; k < y.length; k++) dot += (double) y[k] * dy[k];
            double dz = y[j] * (dy[j] - dot);
            if (lines != null) {
                lines.add("∂L/∂z" + sj + " = y" + sj + "·(∂L/∂y" + sj + " − Σₖ yₖ·∂L/∂yₖ) = " + Numbers.factor(y[j])
                        + "·(" + Numbers.of(dy[j]) + " − " + Numbers.factor(dot) + ") = " + Numbers.of(dz));
            }
            out.add(new ChainRule.Factor("∂L/∂z" + sj, dz, false));
        } else {
            double z = z(id, n)[j];
            double y = t.outputs().get(id).at(n, j);
            double d = f.derivative(z, y);
            if (lines != null) {
                lines.add(name(f) + "′(z" + sj + ") = " + derivativeWorking(f, z, y, sj) + Numbers.of(d));
            }
            out.add(new ChainRule.Factor("∂L/∂y" + sj, g.at(n, j), true));
            out.add(new ChainRule.Factor(name(f) + "′(z" + sj + ")", d, false));
        }
        if (i >= 0) out.add(new ChainRule.Factor("x" + Numbers.sub(i), t.outputs().get(producer(id)).at(n, i), true));
        return out;
    }

    /** @return how f′ follows from z and y, up to the "= value": "1 − y² = 1 − 0.34² = " */
    private static String derivativeWorking(ActivationFn f, double z, double y, String sj) {
        return switch (f) {
            case TANH -> "1 − y" + sj + "² = 1 − " + Numbers.factor(y) + "² = ";
            case SIGMOID -> "y" + sj + "·(1 − y" + sj + ") = " + Numbers.of(y) + "·(1 − " + Numbers.of(y) + ") = ";
            case RELU -> "(z" + sj + " = " + Numbers.of(z) + (z > 0 ? " > 0) = " : " ≤ 0) = ");
            case LEAKY_RELU -> "(z" + sj + " = " + Numbers.of(z) + (z > 0 ? " > 0) = " : " ≤ 0: α) = ");
            default -> "f′(" + Numbers.of(z) + ") = ";
        };
    }

    /** The pre-activation z = x·W + b of a Dense for row {@code n}, from the weights the step used. */
    private double[] z(String id, int n) {
        float[] x = t.outputs().get(producer(id)).row(n);
        Values w = t.before().get(id).get("W");
        Values b = t.before().get(id).get("b");
        int units = (int) w.shape()[1];
        double[] z = new double[units];
        for (int j = 0; j < units; j++) {
            double s = b == null ? 0 : b.data()[j];
            for (int i = 0; i < x.length; i++) s += (double) x[i] * w.data()[i * units + j];
            z[j] = s;
        }
        return z;
    }

    /** The values the Output's loss read (logits for a sigmoid loss), for row {@code n}. */
    private float[] logits(int n) {
        String feeder = producer(output());
        Values v = t.preActivations().getOrDefault(feeder, t.outputs().get(feeder));
        return v.row(n);
    }

    private static double bce(double z, double y) {
        return Math.max(z, 0) - z * y + Math.log1p(Math.exp(-Math.abs(z)));
    }

    private static double regression(LossFn loss, double d) {
        return switch (loss) {
            case MSE -> d * d;
            case MAE -> Math.abs(d);
            default -> Math.abs(d) <= LossFn.HUBER_DELTA ? 0.5 * d * d
                    : LossFn.HUBER_DELTA * (Math.abs(d) - 0.5 * LossFn.HUBER_DELTA);
        };
    }

    private static String softmaxLine(String y, String z, float[] v, int unit) {
        String u = Numbers.sub(unit);
        return y + u + " = e^" + z + u + " / Σₖ e^" + z + "ₖ = e^" + Numbers.factor(v[unit]) + " / ("
                + Numbers.terms(v.length, k -> "e^" + Numbers.factor(v[k])) + ") = " + Numbers.of(softmax(v, unit));
    }

    private static double softmax(float[] v, int unit) {
        double[] d = new double[v.length];
        for (int i = 0; i < v.length; i++) d[i] = v[i];
        return softmax(d, unit);
    }

    private static double softmax(double[] v, int unit) {
        double max = Double.NEGATIVE_INFINITY;
        for (double x : v) max = Math.max(max, x);
        double total = 0;
        for (double x : v) total += Math.exp(x - max);
        return Math.exp(v[unit] - max) / total;
    }

    private static int argmax(float[] v) {
        int best = 0;
        for (int i = 1; i < v.length; i++) if (v[i] > v[best]) best = i;
        return best;
    }

    static String name(ActivationFn f) {
        return f.key();
    }

    private LossFn lossFn() {
        return LossFn.of(graph.require(output()).params());
    }

    private String output() {
        return graph.outputNodes().get(0).id();
    }

    /** @return the node feeding {@code id}'s first input port */
    public String producer(String id) {
        Node n = graph.require(id);
        String port = n.type().inputPorts(n.params()).get(0);
        return graph.incoming(new PortRef(id, port)).orElseThrow().from().node();
    }
}
