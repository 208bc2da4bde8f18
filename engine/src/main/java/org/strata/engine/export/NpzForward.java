package org.strata.engine.export;

import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.strata.engine.analysis.Analysis;
import org.strata.engine.analysis.GraphAnalyzer;
import org.strata.engine.graph.Graph;
import org.strata.engine.graph.Node;
import org.strata.engine.graph.PortRef;
import org.strata.engine.layers.ActivationFn;
import org.strata.engine.layers.Conv2DLayer;
import org.strata.engine.layers.GlobalPoolLayer;
import org.strata.engine.layers.LossFn;
import org.strata.engine.layers.Padding;
import org.strata.engine.layers.Pool2DLayer;
import org.strata.engine.layers.RecurrentLayer;
import org.strata.engine.layers.TensorShape;
import org.strata.engine.params.Params;

/**
 * A network's forward pass computed from an {@code .npz} export alone, in plain Java loops over float arrays, one
 * sample at a time: a second implementation that shares no arithmetic with the engines (no libnd4j op), so that
 * an {@code .npz} export is proved against it. Follows the layouts the README documents.
 */
public final class NpzForward {
    private final Graph graph;
    private final Analysis analysis;
    private final Map<String, float[]> arrays;

    /**
     * @param arrays the export's arrays by name ({@code <nodeId>/<param>}, {@code <inputId>/shift}…), flattened
     *               row-major
     */
    public NpzForward(Graph graph, Map<String, float[]> arrays) {
        this.graph = graph;
        this.analysis = GraphAnalyzer.analyze(graph);
        this.arrays = arrays;
        this.padding = org.strata.engine.analysis.PaddingMasks.of(graph, analysis);
    }

    private final org.strata.engine.analysis.PaddingMasks padding;
    /** The sample's real steps, by the id of each Embedding that marks padding (filled as the sample runs). */
    private final Map<String, Integer> realSteps = new HashMap<>();

    /** @return the real steps of the sequence {@code nodeId} reads, or all {@code steps} without padding */
    private int realSteps(String nodeId, int steps) {
        return padding.ofInput(nodeId).map(realSteps::get).orElse(steps);
    }

    /** Each recurrent layer's h at every step of the last sample run, by node id: [steps, units (×2 both ways)]. */
    private final Map<String, float[]> stepStates = new HashMap<>();
    /** Each attention layer's weights for the last sample run, by node id: [heads, steps (queries), steps (keys)]. */
    private final Map<String, float[]> attentionWeights = new HashMap<>();

    /**
     * What a sequence layer does inside, for one sample: how a recurrent layer's memory moves step by step (also
     * when it passes on only its last step) and where each head of an attention layer looks.
     *
     * @param outputs   every layer's output, by node id, as {@link #run} gives them
     * @param steps     each recurrent layer's h at every step, [steps, units] (both readings side by side, the
     *                  forward one's first, when bidirectional); zeros on padding
     * @param attention each attention layer's weights, [heads, query steps, key steps]: row t of a head is how much
     *                  step t takes from each step (summing to 1; 0 where it may not look)
     */
    public record Inside(Map<String, float[]> outputs, Map<String, float[]> steps, Map<String, float[]> attention) {
    }

    /** @return every layer's output for one raw sample, and what its sequence layers do inside */
    public Inside inside(float[] raw) {
        Map<String, float[]> outputs = run(raw);
        return new Inside(outputs, Map.copyOf(stepStates), Map.copyOf(attentionWeights));
    }

    /** @return every layer's output for one raw sample, by node id (the Output's is the prediction) */
    public Map<String, float[]> run(float[] raw) {
        Map<String, float[]> out = new HashMap<>();
        realSteps.clear();
        stepStates.clear();
        attentionWeights.clear();
        for (String id : analysis.order()) {
            Node n = graph.require(id);
            LayerInputs wired = LayerInputs.of(graph, analysis, n);
            out.put(id, layer(n, wired.from().stream().map(out::get).toList(), wired.shapes(), raw));
        }
        return out;
    }

    /** @return the prediction for one raw sample */
    public float[] predict(float[] raw) {
        return run(raw).get(graph.outputNodes().get(0).id());
    }

    private float[] layer(Node n, List<float[]> in, List<TensorShape> shapes, float[] raw) {
        Params p = n.params();
        String id = n.id();
        return switch (n.type().id()) {
            case "Input" -> {
                float[] shift = a(id + "/shift");
                float[] scale = a(id + "/scale");
                float[] x = new float[raw.length];
                for (int i = 0; i < x.length; i++) x[i] = (raw[i] - shift[i]) * scale[i];
                yield x;
            }
            case "Output" -> {
                LossFn loss = LossFn.of(p);
                Node producer = graph.require(graph.incoming(new PortRef(id, "in")).orElseThrow().from().node());
                ActivationFn before = producer.type().outputActivation(producer.params());
                yield loss.alreadySquashed(before) ? in.get(0)
                        : activate(loss.squash(), in.get(0), last(shapes.get(0)));
            }
            case "Dense" -> activate(n.type().outputActivation(p), shapes.get(0).kind() == TensorShape.Kind.SEQUENCE
                    ? rowsTimes(in.get(0), shapes.get(0).dim(0), shapes.get(0).dim(1), a(id + "/W"),
                            p.getBool("useBias") ? a(id + "/b") : new float[p.getInt("units")], p.getInt("units"))
                    : dense(id, in.get(0), p.getInt("units"), p.getBool("useBias")), p.getInt("units"));
            case "Activation" -> activate(n.type().outputActivation(p), in.get(0), last(shapes.get(0)));
            case "Dropout", "Flatten", "Reshape" -> in.get(0);
            case "Conv2D" -> {
                TensorShape out = analysis.shapeOf(id).orElseThrow();
                yield activate(n.type().outputActivation(p), conv(id, in.get(0), shapes.get(0), out, p,
                        p.getTuple("kernel"), p.getTuple("stride"), p.getTuple("dilation")), out.dim(2));
            }
            case "DepthwiseConv2D" -> {
                TensorShape out = analysis.shapeOf(id).orElseThrow();
                yield activate(n.type().outputActivation(p), depthwise(id, in.get(0), shapes.get(0), out, p),
                        out.dim(2));
            }
            case "ConvTranspose2D" -> {
                TensorShape out = analysis.shapeOf(id).orElseThrow();
                yield activate(n.type().outputActivation(p), convTranspose(id, in.get(0), shapes.get(0), out, p),
                        out.dim(2));
            }
            case "Conv1D" -> { // a 1 × k convolution over the sequence seen as an image of one row
                TensorShape out = asRow(analysis.shapeOf(id).orElseThrow());
                yield activate(n.type().outputActivation(p), conv(id, in.get(0), asRow(shapes.get(0)), out, p,
                        new int[]{1, p.getInt("kernel")}, new int[]{1, p.getInt("stride")},
                        new int[]{1, p.getInt("dilation")}), out.dim(2));
            }
            case "MaxPool1D", "AvgPool1D" -> pool(in.get(0), asRow(shapes.get(0)),
                    asRow(analysis.shapeOf(id).orElseThrow()), p, new int[]{1, p.getInt("pool")},
                    new int[]{1, p.getInt("stride")}, ((org.strata.engine.layers.Pool1DLayer) n.type()).isMax());
            case "MaxPool2D", "AvgPool2D" -> pool(in.get(0), shapes.get(0), analysis.shapeOf(id).orElseThrow(), p,
                    p.getTuple("pool"), p.getTuple("stride"), ((Pool2DLayer) n.type()).isMax());
            case "GlobalAvgPool", "GlobalMaxPool" -> {
                TensorShape x = shapes.get(0);
                int real = x.kind() == TensorShape.Kind.SEQUENCE ? realSteps(id, x.dim(0)) : 0;
                yield real > 0 ? globalPool(Arrays.copyOf(in.get(0), real * x.dim(1)), TensorShape.sequence(real,
                        x.dim(1)), ((GlobalPoolLayer) n.type()).isMax())
                        : globalPool(in.get(0), x, ((GlobalPoolLayer) n.type()).isMax());
            }
            case "BatchNorm" -> batchNorm(id, in.get(0), (float) p.getDouble("epsilon"));
            case "LayerNorm" -> layerNorm(id, in.get(0), p.getDouble("epsilon"));
            case "Add" -> {
                float[] y = in.get(0).clone();
                for (int k = 1; k < in.size(); k++) for (int i = 0; i < y.length; i++) y[i] += in.get(k)[i];
                yield y;
            }
            case "ZeroPadding2D" -> zeroPad(in.get(0), shapes.get(0), p.getTuple("padding"));
            case "PositionalEncoding" -> {
                float[] table = org.strata.engine.layers.PositionalEncodingLayer.table(shapes.get(0).dim(0),
                        shapes.get(0).dim(1));
                float[] y = in.get(0).clone();
                for (int i = 0; i < y.length; i++) y[i] += table[i];
                yield y;
            }
            case "UpSampling2D" -> upSample(in.get(0), shapes.get(0), p.getTuple("size"));
            case "Subtract" -> {
                float[] y = in.get(0).clone();
                for (int i = 0; i < y.length; i++) y[i] -= in.get(1)[i];
                yield y;
            }
            case "Multiply" -> {
                float[] y = in.get(0).clone();
                for (int k = 1; k < in.size(); k++) for (int i = 0; i < y.length; i++) y[i] *= in.get(k)[i];
                yield y;
            }
            case "Concatenate" -> concat(in, shapes);
            case "PositionEmbedding" -> {
                float[] y = in.get(0).clone();
                float[] table = a(id + "/P");
                for (int i = 0; i < y.length; i++) y[i] += table[i];
                yield y;
            }
            case "MultiHeadAttention" -> attention(id, in.get(0), shapes.get(0), p.getInt("heads"),
                    p.getInt("keySize"), p.getBool("causal"), realSteps(id, shapes.get(0).dim(0)));
            case "LSTM", "GRU", "SimpleRNN" -> recurrent(n.type().id(), id, in.get(0), shapes.get(0), p);
            case "Embedding" -> {
                float[] e = a(id + "/E");
                int d = p.getInt("dimension");
                float[] y = new float[in.get(0).length * d];
                for (int t = 0; t < in.get(0).length; t++) System.arraycopy(e, (int) in.get(0)[t] * d, y, t * d, d);
                if (p.getBool("maskPadding")) {
                    realSteps.put(id, org.strata.engine.analysis.PaddingMasks.realSteps(in.get(0), 0,
                            in.get(0).length));
                }
                yield y;
            }
            default -> throw new UnsupportedOperationException(n.name() + " (" + n.type().id() + ")");
        };
    }

    private float[] a(String name) {
        float[] v = arrays.get(name);
        if (v == null) throw new IllegalArgumentException("the export has no array " + name);
        return v;
    }

    private static int last(TensorShape s) {
        return s.dims()[s.dims().length - 1];
    }

    private float[] dense(String id, float[] x, int units, boolean bias) {
        float[] w = a(id + "/W");
        float[] b = bias ? a(id + "/b") : new float[units];
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
    private static float[] zeroPad(float[] x, TensorShape in, int[] pad) {
        int h = in.dim(0);
        int w = in.dim(1);
        int c = in.dim(2);
        int ow = w + 2 * pad[1];
        float[] y = new float[(h + 2 * pad[0]) * ow * c];
        for (int i = 0; i < h; i++) System.arraycopy(x, i * w * c, y, ((i + pad[0]) * ow + pad[1]) * c, w * c);
        return y;
    }

    /** An image [h, w, c] with each pixel repeated s[0] times down and s[1] times across. */
    private static float[] upSample(float[] x, TensorShape in, int[] s) {
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

    private static double sigmoid(double v) {
        return ActivationFn.sigmoid(v);
    }

    /** Zero padding before the first row (or column) for 'same': half the total, the odd one after. */
    private static int padBefore(int in, int out, int k, int s, boolean same) {
        return same ? Math.max((out - 1) * s + k - in, 0) / 2 : 0;
    }

    /**
     * Where a sliding window goes over an image [h, w, c]: its size, step, the output's size and the zero padding
     * before the first row and column.
     */
    private record Window(int[] k, int[] s, int h, int w, int c, int oh, int ow, int pt, int pl) {
        static Window of(int[] k, int[] s, Params p, TensorShape in, TensorShape out) {
            return of(k, s, new int[]{1, 1}, p, in, out);
        }

        /** @param d the dilation: the padding is that of the span the dilated filter covers */
        static Window of(int[] k, int[] s, int[] d, Params p, TensorShape in, TensorShape out) {
            boolean same = Conv2DLayer.padding(p) == Padding.SAME;
            int[] span = Conv2DLayer.span(k, d);
            return new Window(k, s, in.dim(0), in.dim(1), in.dim(2), out.dim(0), out.dim(1),
                    padBefore(in.dim(0), out.dim(0), span[0], s[0], same),
                    padBefore(in.dim(1), out.dim(1), span[1], s[1], same));
        }
    }

    /** Each channel c filtered on its own by W[·, ·, c, k] into output channel c·m + k. */
    private float[] depthwise(String id, float[] x, TensorShape in, TensorShape out, Params p) {
        Window win = Window.of(p.getTuple("kernel"), p.getTuple("stride"), p, in, out);
        int[] k = win.k();
        int c = win.c();
        int m = p.getInt("multiplier");
        float[] wt = a(id + "/W"); // [kh, kw, c, m]
        float[] b = p.getBool("useBias") ? a(id + "/b") : new float[c * m];
        float[] y = new float[win.oh() * win.ow() * c * m];
        for (int oy = 0; oy < win.oh(); oy++) {
            for (int ox = 0; ox < win.ow(); ox++) {
                for (int ci = 0; ci < c; ci++) {
                    for (int j = 0; j < m; j++) {
                        double sum = b[ci * m + j];
                        for (int ky = 0; ky < k[0]; ky++) {
                            int iy = oy * win.s()[0] + ky - win.pt();
                            if (iy < 0 || iy >= win.h()) continue;
                            for (int kx = 0; kx < k[1]; kx++) {
                                int ix = ox * win.s()[1] + kx - win.pl();
                                if (ix < 0 || ix >= win.w()) continue;
                                sum += x[(iy * win.w() + ix) * c + ci] * wt[((ky * k[1] + kx) * c + ci) * m + j];
                            }
                        }
                        y[((oy * win.ow() + ox) * c + ci) * m + j] = (float) sum;
                    }
                }
            }
        }
        return y;
    }

    /** Each input pixel stamps W[u, v, o, c]·x into the output at (i·s + u − crop, j·s + v − crop). */
    private float[] convTranspose(String id, float[] x, TensorShape in, TensorShape out, Params p) {
        int[] k = p.getTuple("kernel");
        int[] s = p.getTuple("stride");
        int h = in.dim(0);
        int w = in.dim(1);
        int c = in.dim(2);
        int oh = out.dim(0);
        int ow = out.dim(1);
        int f = out.dim(2);
        int top = org.strata.engine.layers.ConvTranspose2DLayer.cropBefore(p, 0);
        int left = org.strata.engine.layers.ConvTranspose2DLayer.cropBefore(p, 1);
        float[] wt = a(id + "/W"); // [kh, kw, f, c]
        float[] b = p.getBool("useBias") ? a(id + "/b") : new float[f];
        double[] acc = new double[oh * ow * f];
        for (int i = 0; i < h; i++) {
            for (int j = 0; j < w; j++) {
                for (int u = 0; u < k[0]; u++) {
                    int oy = i * s[0] + u - top;
                    if (oy < 0 || oy >= oh) continue;
                    for (int v = 0; v < k[1]; v++) {
                        int ox = j * s[1] + v - left;
                        if (ox < 0 || ox >= ow) continue;
                        for (int o = 0; o < f; o++) {
                            double sum = 0;
                            for (int ci = 0; ci < c; ci++) {
                                sum += x[(i * w + j) * c + ci] * wt[((u * k[1] + v) * f + o) * c + ci];
                            }
                            acc[(oy * ow + ox) * f + o] += sum;
                        }
                    }
                }
            }
        }
        float[] y = new float[acc.length];
        for (int i = 0; i < y.length; i++) y[i] = (float) (acc[i] + b[i % f]);
        return y;
    }

    /** @return a sequence [T, C] as an image of one row [1, T, C] (the same values in the same order) */
    private static TensorShape asRow(TensorShape sequence) {
        return TensorShape.image(1, sequence.dim(0), sequence.dim(1));
    }

    private float[] conv(String id, float[] x, TensorShape in, TensorShape out, Params p, int[] kernel,
                         int[] stride, int[] dilation) {
        Window win = Window.of(kernel, stride, dilation, p, in, out);
        int[] k = win.k();
        int[] s = win.s();
        int h = win.h();
        int w = win.w();
        int c = win.c();
        int oh = win.oh();
        int ow = win.ow();
        int f = out.dim(2);
        int pt = win.pt();
        int pl = win.pl();
        float[] wt = a(id + "/W"); // [kh, kw, c, f]
        float[] b = p.getBool("useBias") ? a(id + "/b") : new float[f];
        float[] y = new float[oh * ow * f];
        for (int oy = 0; oy < oh; oy++) {
            for (int ox = 0; ox < ow; ox++) {
                for (int o = 0; o < f; o++) {
                    double sum = b[o];
                    for (int ky = 0; ky < k[0]; ky++) {
                        int iy = oy * s[0] + ky * dilation[0] - pt;
                        if (iy < 0 || iy >= h) continue;
                        for (int kx = 0; kx < k[1]; kx++) {
                            int ix = ox * s[1] + kx * dilation[1] - pl;
                            if (ix < 0 || ix >= w) continue;
                            for (int ci = 0; ci < c; ci++) {
                                sum += x[(iy * w + ix) * c + ci] * wt[((ky * k[1] + kx) * c + ci) * f + o];
                            }
                        }
                    }
                    y[(oy * ow + ox) * f + o] = (float) sum;
                }
            }
        }
        return y;
    }

    private static float[] pool(float[] x, TensorShape in, TensorShape out, Params p, int[] window, int[] stride,
                                boolean max) {
        Window win = Window.of(window, stride, p, in, out);
        int[] k = win.k();
        int[] s = win.s();
        int h = win.h();
        int w = win.w();
        int c = win.c();
        int oh = win.oh();
        int ow = win.ow();
        int pt = win.pt();
        int pl = win.pl();
        float[] y = new float[oh * ow * c];
        for (int oy = 0; oy < oh; oy++) {
            for (int ox = 0; ox < ow; ox++) {
                for (int ci = 0; ci < c; ci++) {
                    double acc = max ? Double.NEGATIVE_INFINITY : 0;
                    int counted = 0;
                    for (int ky = 0; ky < k[0]; ky++) {
                        int iy = oy * s[0] + ky - pt;
                        for (int kx = 0; kx < k[1]; kx++) {
                            int ix = ox * s[1] + kx - pl;
                            boolean inside = iy >= 0 && iy < h && ix >= 0 && ix < w;
                            float v = inside ? x[(iy * w + ix) * c + ci] : 0f;
                            if (max) {
                                if (inside) acc = Math.max(acc, v);
                            } else if (inside) {
                                acc += v; // the padding is not counted in the divisor, as in Strata's engines
                                counted++;
                            }
                        }
                    }
                    y[(oy * ow + ox) * c + ci] = (float) (max ? acc : acc / Math.max(1, counted));
                }
            }
        }
        return y;
    }

    /** Over the spatial positions of an image, or the time steps of a sequence, per channel (the last axis). */
    private static float[] globalPool(float[] x, TensorShape in, boolean max) {
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

    private float[] batchNorm(String id, float[] x, float eps) {
        float[] g = a(id + "/gamma");
        float[] b = a(id + "/beta");
        float[] m = a(id + "/mean");
        float[] v = a(id + "/var");
        int c = g.length;
        float[] y = new float[x.length];
        for (int i = 0; i < x.length; i++) {
            int ci = i % c;
            y[i] = (float) (g[ci] * (x[i] - m[ci]) / Math.sqrt(v[ci] + eps) + b[ci]);
        }
        return y;
    }

    /** Each run of the last axis normalised by its own mean and variance, then scaled by γ and shifted by β. */
    private float[] layerNorm(String id, float[] x, double eps) {
        float[] g = a(id + "/gamma");
        float[] b = a(id + "/beta");
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
    private static float[] concat(List<float[]> in, List<TensorShape> shapes) {
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

    /**
     * A recurrent layer: its cell over the steps, and when bidirectional over the steps from the last with the arrays
     * named + "_reverse"; each step's h side by side (forward's first), or the last h each reading reached.
     */
    private float[] recurrent(String type, String id, float[] x, TensorShape in, Params p) {
        int f = in.dim(1);
        int real = realSteps(id, in.dim(0));
        if (real < in.dim(0)) { // padded: the real steps alone, then zeros for the padding's outputs
            float[] y = recurrent(type, id, Arrays.copyOf(x, real * f), TensorShape.sequence(real, f), p);
            float[] states = stepStates.get(id);
            stepStates.put(id, Arrays.copyOf(states, in.dim(0) * (states.length / real)));
            return p.getBool("returnSequences") ? Arrays.copyOf(y, in.dim(0) * (y.length / real)) : y;
        }
        int steps = in.dim(0);
        int u = p.getInt("units");
        float[] forward = cell(type, id, "", x, steps, f, u);
        boolean sequences = p.getBool("returnSequences");
        if (!p.getBool("bidirectional")) {
            stepStates.put(id, forward);
            return sequences ? forward : Arrays.copyOfRange(forward, (steps - 1) * u, steps * u);
        }
        float[] reversed = new float[x.length]; // x's steps from the last
        for (int t = 0; t < steps; t++) System.arraycopy(x, t * f, reversed, (steps - 1 - t) * f, f);
        float[] backward = cell(type, id, RecurrentLayer.REVERSE, reversed, steps, f, u);
        float[] both = new float[steps * 2 * u];
        for (int t = 0; t < steps; t++) {
            System.arraycopy(forward, t * u, both, t * 2 * u, u);
            System.arraycopy(backward, (steps - 1 - t) * u, both, t * 2 * u + u, u);
        }
        stepStates.put(id, both);
        if (!sequences) {
            float[] y = new float[2 * u]; // each reading's last step: the backward one's is the sequence's first
            System.arraycopy(forward, (steps - 1) * u, y, 0, u);
            System.arraycopy(backward, (steps - 1) * u, y, u, u);
            return y;
        }
        return both;
    }

    /** @return h at each step the cell takes over x [steps, f], with the reading's arrays (W or W_reverse…) */
    private float[] cell(String type, String id, String reading, float[] x, int steps, int f, int u) {
        return switch (type) {
            case "LSTM" -> lstm(id, reading, x, steps, f, u);
            case "GRU" -> gru(id, reading, x, steps, f, u);
            default -> simpleRnn(id, reading, x, steps, f, u);
        };
    }

    /**
     * The catalogue's LSTM: gate blocks of W [features, 4u], U [units, 4u] and b in Deeplearning4j's order, block
     * input (tanh), forget, output, input gate (σ); c = f·c + i·g, h = o·tanh(c).
     */
    private float[] lstm(String id, String reading, float[] x, int steps, int f, int u) {
        float[] w = a(id + "/W" + reading);
        float[] r = a(id + "/U" + reading);
        float[] b = a(id + "/b" + reading);
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
    private float[] gru(String id, String reading, float[] x, int steps, int f, int u) {
        float[] w = a(id + "/W" + reading);
        float[] r = a(id + "/U" + reading);
        float[] b = a(id + "/b" + reading);
        float[] bh = a(id + "/bh" + reading);
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
    private float[] simpleRnn(String id, String reading, float[] x, int steps, int f, int u) {
        float[] w = a(id + "/W" + reading);
        float[] r = a(id + "/U" + reading);
        float[] b = a(id + "/b" + reading);
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

    /** Each of {@code steps} rows of x [steps, in] times W [in, out] plus b. */
    private static float[] rowsTimes(float[] x, int steps, int in, float[] w, float[] b, int out) {
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
     * The catalogue's MultiHeadAttention, head by head: softmax(Q·Kᵀ/√keySize)·V over the keys a step may see (its
     * own and earlier ones when causal, never the padding after the {@code real} steps), then W_o and b_o.
     */
    private float[] attention(String id, float[] x, TensorShape in, int heads, int keySize, boolean causal,
                              int real) {
        int steps = in.dim(0);
        int d = in.dim(1);
        int hk = heads * keySize;
        float[] q = rowsTimes(x, steps, d, a(id + "/Wq"), a(id + "/bq"), hk);
        float[] k = rowsTimes(x, steps, d, a(id + "/Wk"), a(id + "/bk"), hk);
        float[] v = rowsTimes(x, steps, d, a(id + "/Wv"), a(id + "/bv"), hk);
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
        attentionWeights.put(id, looks);
        return rowsTimes(joined, steps, hk, a(id + "/Wo"), a(id + "/bo"), d);
    }
}
