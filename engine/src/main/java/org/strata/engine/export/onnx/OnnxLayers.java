package org.strata.engine.export.onnx;

import static org.strata.engine.export.onnx.OnnxGraph.attr;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.strata.engine.graph.Node;
import org.strata.engine.layers.ActivationFn;
import org.strata.engine.layers.Conv2DLayer;
import org.strata.engine.layers.GlobalPoolLayer;
import org.strata.engine.layers.Padding;
import org.strata.engine.layers.Pool2DLayer;
import org.strata.engine.layers.TensorShape;
import org.strata.engine.params.Params;

/**
 * How each layer type of the catalogue is written as ONNX operators, looked up by the type's id. Tensors keep
 * Strata's layout between nodes (channels last: an image is [batch, height, width, channels]); an operator that
 * wants channels first (Conv, pooling, BatchNormalization on images) is wrapped in two Transposes, which ONNX
 * Runtime folds away. A type neither mapped nor declined with a reason fails {@code OnnxMappingTest}.
 */
final class OnnxLayers {
    private OnnxLayers() {
    }

    /**
     * What a mapping gets: the graph being built, the node, its inputs' tensor names and shapes, its output shape and
     * the trained weights (by {@code <nodeId>/<name>}, in the catalogue's layouts), and the padding its (first) input
     * carries, or null; and for a Dense tied to an Embedding, that Embedding's id, else null.
     */
    record Ctx(OnnxGraph g, Node node, List<String> inputs, List<TensorShape> inShapes, TensorShape outShape,
               Map<String, INDArray> weights, OnnxPadding padding, String tiedEmbedding) {
        INDArray weight(String name) {
            INDArray w = weights.get(node.id() + "/" + name);
            if (w == null) throw new IllegalStateException("no weight " + node.id() + "/" + name + " in the model");
            return w;
        }

        String floats(String name, INDArray w, long... dims) {
            return floats(node.id(), name, w, dims);
        }

        /** Writes an initializer {@code <nodeId>_<name>} of {@code w} in the shape given; @return its name */
        String floats(String nodeId, String name, INDArray w, long... dims) {
            // row-major, in the shape given (a permuted view is copied in its new order)
            float[] values = w.castTo(org.nd4j.linalg.api.buffer.DataType.FLOAT).dup('c').data().asFloat();
            return g.floats(nodeId + "_" + name, values, dims);
        }

        /**
         * @return the initializer of an Embedding's E [vocabulary, dimension], written once for the Embedding and
         *         the Dense tied to it, whichever the order reaches first
         */
        String embeddingMatrix(String embeddingId) {
            return g.weightInitializer(embeddingId + "/E", () -> {
                INDArray e = weights.get(embeddingId + "/E");
                if (e == null) throw new IllegalStateException("no weight " + embeddingId + "/E in the model");
                return floats(embeddingId, "E", e, e.size(0), e.size(1));
            });
        }

        String in() {
            return inputs.get(0);
        }
    }

    /** One layer type written as operators; @return the name of the node's output tensor */
    interface Mapping {
        String add(Ctx c);
    }

    private static final Map<String, Mapping> BY_TYPE = Map.ofEntries(
            Map.entry("Dense", OnnxLayers::dense),
            Map.entry("Activation", c -> activation(c.g(), c.in(), c.node().type().outputActivation(c.node().params()),
                    c.node().id())),
            Map.entry("Dropout", Ctx::in), // inference: dropout does nothing
            Map.entry("Flatten", c -> c.g().op("Flatten", c.node().id(), List.of(c.in()), attr("axis", 1L))),
            Map.entry("Reshape", c -> c.g().op("Reshape", c.node().id(), List.of(c.in(),
                    c.g().longs(c.node().id() + "_shape", batchShape(c.outShape()))))),
            Map.entry("Add", c -> c.g().op("Sum", c.node().id(), c.inputs())),
            Map.entry("Subtract", c -> c.g().op("Sub", c.node().id(), c.inputs())),
            Map.entry("Multiply", OnnxLayers::multiply),
            Map.entry("Concatenate", c -> c.g().op("Concat", c.node().id(), c.inputs(), attr("axis", -1L))),
            Map.entry("Conv2D", OnnxLayers::conv2d),
            Map.entry("MaxPool2D", OnnxLayers::pool),
            Map.entry("AvgPool2D", OnnxLayers::pool),
            Map.entry("GlobalAvgPool", OnnxLayers::globalPool),
            Map.entry("GlobalMaxPool", OnnxLayers::globalPool),
            Map.entry("BatchNorm", OnnxLayers::batchNorm),
            Map.entry("LayerNorm", OnnxLayers::layerNorm),
            Map.entry("ZeroPadding2D", c -> {
                int[] pad = c.node().params().getTuple("padding");
                // begins, then ends, for batch, height, width, channels (channels last)
                return c.g().op("Pad", c.node().id(), List.of(c.in(), c.g().longs(c.node().id() + "_pads",
                        new long[]{0, pad[0], pad[1], 0, 0, pad[0], pad[1], 0})));
            }),
            Map.entry("UpSampling2D", c -> {
                int[] s = c.node().params().getTuple("size");
                // nearest neighbour, each pixel repeated: the source pixel is floor(i / s)
                return c.g().op("Resize", c.node().id(), List.of(c.in(), "", c.g().floats(c.node().id() + "_scales",
                        new float[]{1, s[0], s[1], 1}, 4)), attr("mode", "nearest"),
                        attr("coordinate_transformation_mode", "asymmetric"), attr("nearest_mode", "floor"));
            }),
            Map.entry("PositionalEncoding", c -> {
                TensorShape x = c.inShapes().get(0);
                return c.g().op("Add", c.node().id(), List.of(c.in(), c.g().floats(c.node().id() + "_table",
                        org.strata.engine.layers.PositionalEncodingLayer.table(x.dim(0), x.dim(1)), 1, x.dim(0),
                        x.dim(1))));
            }),
            Map.entry("Conv1D", OnnxLayers::conv1d),
            Map.entry("DepthwiseConv2D", OnnxLayers::depthwise),
            Map.entry("ConvTranspose2D", OnnxLayers::convTranspose),
            Map.entry("MaxPool1D", OnnxLayers::pool1d),
            Map.entry("AvgPool1D", OnnxLayers::pool1d),
            Map.entry("MultiHeadAttention", OnnxLayers::attention),
            Map.entry("PositionEmbedding", c -> {
                INDArray table = c.weight("P");
                return c.g().op("Add", c.node().id(), List.of(c.in(), c.floats("P", table, 1, table.size(0),
                        table.size(1))));
            }),
            Map.entry("LSTM", OnnxLayers::lstm),
            Map.entry("GRU", OnnxLayers::gru),
            Map.entry("SimpleRNN", c -> recurrent(c, "RNN", new int[]{0}, null)),
            Map.entry("Embedding", OnnxLayers::embedding));

    /** Types written elsewhere (the Input and Output, by the exporter) or not yet, with the reason said to the user. */
    private static final Map<String, String> DECLINED = Map.of(
            "Input", "",
            "Output", "");

    static Optional<Mapping> of(String typeId) {
        return Optional.ofNullable(BY_TYPE.get(typeId));
    }

    /** @return why a type is not written by a mapping here: "" for the Input and Output (the exporter's own) */
    static Optional<String> declined(String typeId) {
        return Optional.ofNullable(DECLINED.get(typeId));
    }

    static java.util.Set<String> typeIds() {
        java.util.Set<String> all = new java.util.TreeSet<>(BY_TYPE.keySet());
        all.addAll(DECLINED.keySet());
        return all;
    }

    /** {@code f(x)} as operators, the way the engines compute it. */
    static String activation(OnnxGraph g, String x, ActivationFn f, String name) {
        return switch (f) {
            case IDENTITY -> x;
            case RELU -> g.op("Relu", name + "_relu", List.of(x));
            case SIGMOID -> g.op("Sigmoid", name + "_sigmoid", List.of(x));
            case TANH -> g.op("Tanh", name + "_tanh", List.of(x));
            case SOFTMAX -> g.op("Softmax", name + "_softmax", List.of(x), attr("axis", -1L));
            case ELU -> g.op("Elu", name + "_elu", List.of(x), attr("alpha", 1f));
            case LEAKY_RELU -> g.op("LeakyRelu", name + "_leaky_relu", List.of(x), attr("alpha", 0.01f));
            // Deeplearning4j's GELU, which both engines use: the sigmoid approximation x·σ(1.702x)
            case GELU -> g.op("Mul", name + "_gelu", List.of(x, g.op("Sigmoid", name + "_gelu_gate",
                    List.of(g.op("Mul", name + "_gelu_scaled", List.of(x, g.floats(name + "_gelu_k",
                            new float[]{1.702f})))))));
            // Gelu(approximate="tanh") is an operator only from opset 20: ½x·(1 + tanh(√(2/π)·x·(1 + 0.044715x²)))
            case GELU_TANH -> geluTanh(g, x, name + "_gelu_tanh");
            case SILU -> g.op("Mul", name + "_silu", List.of(x, g.op("Sigmoid", name + "_silu_gate", List.of(x))));
            case SOFTPLUS -> g.op("Softplus", name + "_softplus", List.of(x));
            // Mish is an operator only from opset 18: x·tanh(softplus(x))
            case MISH -> g.op("Mul", name + "_mish", List.of(x, g.op("Tanh", name + "_mish_gate",
                    List.of(g.op("Softplus", name + "_mish_softplus", List.of(x))))));
            case HARD_SIGMOID -> g.op("HardSigmoid", name + "_hard_sigmoid", List.of(x), attr("alpha", 0.2f),
                    attr("beta", 0.5f));
        };
    }

    /** GELU's tanh form as Mul, Add and Tanh, its constants named after {@code name}. */
    private static String geluTanh(OnnxGraph g, String x, String name) {
        String squared = g.op("Mul", name + "_squared", List.of(x, x));
        String cubic = g.op("Add", name + "_cubic", List.of(g.op("Mul", name + "_cubic_term", List.of(squared,
                g.floats(name + "_k", new float[]{(float) ActivationFn.GELU_TANH_CUBIC}))),
                g.floats(name + "_one", new float[]{1f})));
        String inner = g.op("Mul", name + "_inner", List.of(g.op("Mul", name + "_x_cubic", List.of(x, cubic)),
                g.floats(name + "_scale", new float[]{(float) ActivationFn.GELU_TANH_SCALE})));
        String half = g.floats(name + "_half", new float[]{0.5f});
        String gate = g.op("Add", name + "_gate", List.of(g.op("Mul", name + "_half_tanh", List.of(
                g.op("Tanh", name + "_tanh", List.of(inner)), half)), half));
        return g.op("Mul", name, List.of(x, gate));
    }

    /** LayerNormalization is an operator only from opset 17: the mean and variance of the last axis, written out. */
    private static String layerNorm(Ctx c) {
        OnnxGraph g = c.g();
        String id = c.node().id();
        long f = c.inShapes().get(0).channels();
        INDArray gamma = c.weight("gamma");
        INDArray beta = c.weight("beta");
        String mean = g.op("ReduceMean", id + "_mean", List.of(c.in()), attr("axes", new long[]{-1L}), attr("keepdims", 1L));
        String centred = g.op("Sub", id + "_centred", List.of(c.in(), mean));
        String variance = g.op("ReduceMean", id + "_variance", List.of(g.op("Mul", id + "_squared",
                List.of(centred, centred))), attr("axes", new long[]{-1L}), attr("keepdims", 1L));
        String std = g.op("Sqrt", id + "_std", List.of(g.op("Add", id + "_variance_eps", List.of(variance,
                g.floats(id + "_eps", new float[]{(float) c.node().params().getDouble("epsilon")})))));
        String scaled = g.op("Mul", id + "_scaled", List.of(g.op("Div", id + "_normalised", List.of(centred, std)),
                c.floats("gamma", gamma, f)));
        return g.op("Add", id, List.of(scaled, c.floats("beta", beta, f)));
    }

    /** ONNX's Mul takes two inputs: a product of more is a chain, its last link named after the node. */
    private static String multiply(Ctx c) {
        List<String> in = c.inputs();
        String product = in.get(0);
        for (int i = 1; i < in.size(); i++) {
            String name = i == in.size() - 1 ? c.node().id() : c.node().id() + "_product" + i;
            product = c.g().op("Mul", name, List.of(product, in.get(i)));
        }
        return product;
    }

    private static String dense(Ctx c) {
        Params p = c.node().params();
        String x = c.in();
        String w = matrix(c);
        String y;
        if (c.inShapes().get(0).kind() == TensorShape.Kind.SEQUENCE) { // every step: MatMul broadcasts, Gemm not
            y = c.g().op("MatMul", c.node().id() + "_w", List.of(x, w));
            if (org.strata.engine.layers.DenseLayer.useBias(p)) {
                INDArray b = c.weight("b");
                y = c.g().op("Add", c.node().id(), List.of(y, c.floats("b", b, b.length())));
            }
        } else if (org.strata.engine.layers.DenseLayer.useBias(p)) {
            INDArray b = c.weight("b");
            y = c.g().op("Gemm", c.node().id(), List.of(x, w, c.floats("b", b, b.length())));
        } else {
            y = c.g().op("MatMul", c.node().id(), List.of(x, w));
        }
        return activation(c.g(), y, c.node().type().outputActivation(p), c.node().id());
    }

    /**
     * @return a Dense's W [inputs, units]: its own initializer, or, tied to an Embedding, a Transpose of that
     *         Embedding's initializer (the file holds the matrix once; ONNX Runtime folds the Transpose)
     */
    private static String matrix(Ctx c) {
        if (c.tiedEmbedding() != null) {
            String e = c.embeddingMatrix(c.tiedEmbedding());
            return c.g().op("Transpose", c.node().id() + "_tied_w", List.of(e), attr("perm", 1L, 0L));
        }
        INDArray w = c.weight("W");
        return c.floats("W", w, w.size(0), w.size(1));
    }

    /** @return a convolution's initializers: its weights (the name {@code w}), then its bias if it has one */
    private static List<String> weightAndBias(Ctx c, String w) {
        List<String> in = new java.util.ArrayList<>(List.of(w));
        if (org.strata.engine.layers.DenseLayer.useBias(c.node().params())) {
            INDArray b = c.weight("b");
            in.add(c.floats("b", b, b.length()));
        }
        return in;
    }

    /** @return an operator's inputs: the tensor {@code x}, then {@code rest} */
    private static List<String> withInput(String x, List<String> rest) {
        List<String> all = new java.util.ArrayList<>(List.of(x));
        all.addAll(rest);
        return all;
    }

    /** NHWC → NCHW, {@code op}, → NHWC. */
    private static String channelsFirst(Ctx c, java.util.function.UnaryOperator<String> op) {
        if (c.inShapes().get(0).kind() == TensorShape.Kind.SEQUENCE) { // [batch, T, C] ↔ [batch, C, T]
            String nct = c.g().op("Transpose", c.node().id() + "_nct", List.of(c.in()), attr("perm", 0L, 2L, 1L));
            return c.g().op("Transpose", c.node().id() + "_ntc", List.of(op.apply(nct)), attr("perm", 0L, 2L, 1L));
        }
        String nchw = c.g().op("Transpose", c.node().id() + "_nchw", List.of(c.in()), attr("perm", 0L, 3L, 1L, 2L));
        return c.g().op("Transpose", c.node().id() + "_nhwc", List.of(op.apply(nchw)), attr("perm", 0L, 2L, 3L, 1L));
    }

    /**
     * DepthwiseConv2D: ONNX's Conv with one group per input channel; the catalogue's W [kH, kW, C, m] is
     * [C·m, 1, kH, kW] there (output channel c·m + k belongs to input channel c, as in the engines).
     */
    private static String depthwise(Ctx c) {
        Params p = c.node().params();
        int[] k = p.getTuple("kernel");
        int[] s = p.getTuple("stride");
        INDArray w = c.weight("W");
        long channels = w.size(2);
        long m = w.size(3);
        INDArray grouped = w.permute(2, 3, 0, 1).dup('c').reshape('c', channels * m, 1, k[0], k[1]);
        List<String> in = weightAndBias(c, c.floats("W", grouped, grouped.shape()));
        boolean same = Conv2DLayer.padding(p) == Padding.SAME;
        String y = channelsFirst(c, x -> {
            List<String> all = withInput(x, in);
            return c.g().op("Conv", c.node().id(), all, attr("kernel_shape", k[0], k[1]), attr("strides", s[0], s[1]),
                    attr("auto_pad", same ? "SAME_UPPER" : "VALID"), attr("group", channels));
        });
        return activation(c.g(), y, c.node().type().outputActivation(p), c.node().id());
    }

    /**
     * ConvTranspose2D: ONNX's ConvTranspose with W [in, out, kH, kW] (the catalogue's [kH, kW, out, in]) and, for
     * 'same', explicit pads that crop what the engines crop: k − s in all, half of it before.
     */
    private static String convTranspose(Ctx c) {
        Params p = c.node().params();
        int[] k = p.getTuple("kernel");
        int[] s = p.getTuple("stride");
        INDArray w = c.weight("W").permute(3, 2, 0, 1);
        List<String> in = weightAndBias(c, c.floats("W", w, w.shape()));
        long top = org.strata.engine.layers.ConvTranspose2DLayer.cropBefore(p, 0);
        long left = org.strata.engine.layers.ConvTranspose2DLayer.cropBefore(p, 1);
        boolean same = Conv2DLayer.padding(p) == Padding.SAME;
        long bottom = same ? k[0] - s[0] - top : 0;
        long right = same ? k[1] - s[1] - left : 0;
        String y = channelsFirst(c, x -> {
            List<String> all = withInput(x, in);
            return c.g().op("ConvTranspose", c.node().id(), all, attr("kernel_shape", k[0], k[1]),
                    attr("strides", s[0], s[1]), attr("pads", top, left, bottom, right));
        });
        return activation(c.g(), y, c.node().type().outputActivation(p), c.node().id());
    }

    /**
     * @return ONNX's pads (all befores, then all afters) for 'same': (out − 1)·s + span − in per axis, half before
     *         (the smaller half), as Strata's engines pad
     */
    private static long[] samePads(int[] in, int[] out, int[] span, int[] s) {
        long[] pads = new long[2 * in.length];
        for (int i = 0; i < in.length; i++) {
            long total = Math.max((long) (out[i] - 1) * s[i] + span[i] - in[i], 0);
            pads[i] = total / 2;
            pads[in.length + i] = total - total / 2;
        }
        return pads;
    }

    /** Conv1D: ONNX's Conv over [batch, C, T]; the catalogue's W [kernel, inChannels, filters] is [filters, C, k]. */
    private static String conv1d(Ctx c) {
        Params p = c.node().params();
        INDArray w = c.weight("W").permute(2, 1, 0);
        List<String> in = weightAndBias(c, c.floats("W", w, w.shape()));
        boolean same = Conv2DLayer.padding(p) == Padding.SAME;
        String y = channelsFirst(c, x -> {
            List<String> all = withInput(x, in);
            long[] pads = same ? samePads(new int[]{c.inShapes().get(0).dim(0)}, new int[]{c.outShape().dim(0)},
                    new int[]{org.strata.engine.layers.Conv1DLayer.span(p)}, new int[]{p.getInt("stride")})
                    : new long[2];
            return c.g().op("Conv", c.node().id(), all, attr("kernel_shape", new long[]{p.getInt("kernel")}),
                    attr("strides", new long[]{p.getInt("stride")}), attr("dilations", new long[]{p.getInt("dilation")}),
                    attr("pads", pads));
        });
        return activation(c.g(), y, c.node().type().outputActivation(p), c.node().id());
    }

    private static String pool1d(Ctx c) {
        Params p = c.node().params();
        long k = p.getInt("pool");
        long s = p.getInt("stride");
        String pad = Conv2DLayer.padding(p) == Padding.SAME ? "SAME_UPPER" : "VALID";
        boolean max = ((org.strata.engine.layers.Pool1DLayer) c.node().type()).isMax();
        return channelsFirst(c, x -> max
                ? c.g().op("MaxPool", c.node().id(), List.of(x), attr("kernel_shape", new long[]{k}),
                        attr("strides", new long[]{s}), attr("auto_pad", pad))
                : c.g().op("AveragePool", c.node().id(), List.of(x), attr("kernel_shape", new long[]{k}),
                        attr("strides", new long[]{s}),
                        attr("auto_pad", pad), attr("count_include_pad", 0L)));
    }

    private static String conv2d(Ctx c) {
        Params p = c.node().params();
        int[] k = p.getTuple("kernel");
        int[] s = p.getTuple("stride");
        // the catalogue's [kernelH, kernelW, inChannels, filters] is ONNX's [filters, inChannels, kernelH, kernelW]
        INDArray w = c.weight("W").permute(3, 2, 0, 1);
        String wName = c.floats("W", w, w.shape());
        List<String> in = weightAndBias(c, wName);
        boolean same = Conv2DLayer.padding(p) == Padding.SAME;
        String y = channelsFirst(c, x -> {
            List<String> all = withInput(x, in);
            int[] d = p.getTuple("dilation");
            int[] span = Conv2DLayer.span(k, d);
            TensorShape x0 = c.inShapes().get(0);
            // explicit pads: ONNX Runtime refuses auto_pad SAME with dilation
            long[] pads = same ? samePads(new int[]{x0.dim(0), x0.dim(1)}, new int[]{c.outShape().dim(0),
                    c.outShape().dim(1)}, span, s) : new long[4];
            return c.g().op("Conv", c.node().id(), all, attr("kernel_shape", k[0], k[1]), attr("strides", s[0], s[1]),
                    attr("dilations", d[0], d[1]), attr("pads", pads));
        });
        return activation(c.g(), y, c.node().type().outputActivation(p), c.node().id());
    }

    private static String pool(Ctx c) {
        Params p = c.node().params();
        int[] k = p.getTuple("pool");
        int[] s = p.getTuple("stride");
        boolean same = Conv2DLayer.padding(p) == Padding.SAME;
        boolean max = ((Pool2DLayer) c.node().type()).isMax();
        return channelsFirst(c, x -> max
                ? c.g().op("MaxPool", c.node().id(), List.of(x), attr("kernel_shape", k[0], k[1]),
                        attr("strides", s[0], s[1]), attr("auto_pad", same ? "SAME_UPPER" : "VALID"))
                : c.g().op("AveragePool", c.node().id(), List.of(x), attr("kernel_shape", k[0], k[1]),
                        attr("strides", s[0], s[1]), attr("auto_pad", same ? "SAME_UPPER" : "VALID"),
                        attr("count_include_pad", 0L))); // as Strata's engines: the padding is not counted
    }

    /** Over the spatial axes of an image ([batch, h, w, c] → [batch, c]) or the time axis of a sequence. */
    private static String globalPool(Ctx c) {
        boolean max = ((GlobalPoolLayer) c.node().type()).isMax();
        long[] axes = c.inShapes().get(0).kind() == TensorShape.Kind.IMAGE ? new long[]{1, 2} : new long[]{1};
        OnnxPadding pad = c.padding();
        if (pad != null) { // the real steps only: x·mask summed over their count, or the max of x + penalty
            String id = c.node().id();
            String last = c.g().longs(id + "_axis2", 2);
            if (max) {
                String pushed = c.g().op("Add", id + "_pushed", List.of(c.in(),
                        c.g().op("Unsqueeze", id + "_penalty", List.of(pad.penalty(), last))));
                return c.g().op("ReduceMax", id, List.of(pushed), attr("axes", axes), attr("keepdims", 0L));
            }
            String kept = c.g().op("Mul", id + "_kept", List.of(c.in(),
                    c.g().op("Unsqueeze", id + "_mask", List.of(pad.mask(), last))));
            String sum = c.g().op("ReduceSum", id + "_sum", List.of(kept, c.g().longs(id + "_axes", axes)),
                    attr("keepdims", 0L));
            return c.g().op("Div", id, List.of(sum, pad.count()));
        }
        return c.g().op(max ? "ReduceMax" : "ReduceMean", c.node().id(), List.of(c.in()), attr("axes", axes),
                attr("keepdims", 0L));
    }

    /** Inference form: y = γ·(x − mean)/√(var + ε) + β over the last (channel or feature) axis. */
    private static String batchNorm(Ctx c) {
        float eps = (float) c.node().params().getDouble("epsilon");
        INDArray gamma = c.weight("gamma");
        long n = gamma.length();
        List<String> stats = List.of(c.floats("gamma", gamma, n), c.floats("beta", c.weight("beta"), n),
                c.floats("mean", c.weight("mean"), n), c.floats("var", c.weight("var"), n));
        int rank = c.inShapes().get(0).dims().length + 1;
        if (rank == 2) {
            List<String> all = new java.util.ArrayList<>(List.of(c.in()));
            all.addAll(stats);
            return c.g().op("BatchNormalization", c.node().id(), all, attr("epsilon", eps));
        }
        // channels to axis 1 and back: [batch, …, c] → [batch, c, …]
        long[] toFirst = new long[rank];
        long[] toLast = new long[rank];
        toFirst[1] = rank - 1;
        for (int i = 2; i < rank; i++) toFirst[i] = i - 1;
        toLast[rank - 1] = 1;
        for (int i = 1; i < rank - 1; i++) toLast[i] = i + 1;
        String first = c.g().op("Transpose", c.node().id() + "_cfirst", List.of(c.in()), attr("perm", toFirst));
        List<String> all = new java.util.ArrayList<>(List.of(first));
        all.addAll(stats);
        String y = c.g().op("BatchNormalization", c.node().id(), all, attr("epsilon", eps));
        return c.g().op("Transpose", c.node().id() + "_clast", List.of(y), attr("perm", toLast));
    }

    /**
     * ONNX's LSTM (gates i, o, f, c; sequence first) from the catalogue's arrays, whose four gate blocks are in
     * Deeplearning4j's order: block input (the tanh candidate), forget, output, input gate.
     */
    private static String lstm(Ctx c) {
        return recurrent(c, "LSTM", new int[]{3, 2, 1, 0}, null); // ONNX's i, o, f, c are blocks 3, 2, 1, 0
    }

    /**
     * ONNX's GRU with linear_before_reset (the reset gate on the recurrent product, as Strata computes it; gates z,
     * r, h) from the catalogue's blocks r, z, n; the candidate's recurrent bias bh is ONNX's Rbh.
     */
    private static String gru(Ctx c) {
        return recurrent(c, "GRU", new int[]{1, 0, 2}, "bh", attr("linear_before_reset", 1L));
    }

    private static float[] floats(INDArray a) {
        return a.castTo(org.nd4j.linalg.api.buffer.DataType.FLOAT).dup('c').data().asFloat();
    }

    /**
     * One of ONNX's recurrent operators (sequence first, weights per gate as rows, one slice per direction) from the
     * catalogue's W [features, gates·units], U [units, gates·units] and b, blocks side by side, and for a
     * bidirectional layer the same arrays named + "_reverse" (ONNX's direction "bidirectional": forward first).
     *
     * @param order         ONNX's gate k is the catalogue's block order[k]
     * @param recurrentBias the catalogue's array that is ONNX's recurrent bias of the last gate (GRU's bh), or null
     *                      for zeros (one bias per gate here)
     */
    private static String recurrent(Ctx c, String op, int[] order, String recurrentBias,
                                    ai.onnx.proto.OnnxMl.AttributeProto... extra) {
        Params p = c.node().params();
        int u = p.getInt("units");
        int dirs = org.strata.engine.layers.RecurrentLayer.directions(p);
        int gates = order.length;
        int width = gates * u;
        long f = c.weight("W").size(0);
        float[] wOnnx = new float[(int) (dirs * width * f)];
        float[] rOnnx = new float[dirs * width * u];
        float[] bOnnx = new float[dirs * 2 * width]; // per direction: input biases, then recurrent biases
        for (int d = 0; d < dirs; d++) {
            String suffix = d == 0 ? "" : org.strata.engine.layers.RecurrentLayer.REVERSE;
            float[] wf = floats(c.weight("W" + suffix));
            float[] rf = floats(c.weight("U" + suffix));
            float[] bf = floats(c.weight("b" + suffix));
            int wAt = (int) (d * width * f);
            int rAt = d * width * u;
            int bAt = d * 2 * width;
            for (int gate = 0; gate < gates; gate++) {
                int from = order[gate] * u;
                for (int j = 0; j < u; j++) {
                    int row = gate * u + j; // ONNX row of this unit of this gate
                    for (int k = 0; k < f; k++) wOnnx[(int) (wAt + row * f + k)] = wf[k * width + from + j];
                    for (int k = 0; k < u; k++) rOnnx[rAt + row * u + k] = rf[k * width + from + j];
                    bOnnx[bAt + row] = bf[from + j];
                }
            }
            if (recurrentBias != null) {
                System.arraycopy(floats(c.weight(recurrentBias + suffix)), 0, bOnnx, bAt + width + (gates - 1) * u, u);
            }
        }
        String id = c.node().id();
        String x = c.g().op("Transpose", id + "_time_first", List.of(c.in()), attr("perm", 1L, 0L, 2L));
        ai.onnx.proto.OnnxMl.AttributeProto[] attrs = new ai.onnx.proto.OnnxMl.AttributeProto[extra.length + 2];
        attrs[0] = attr("hidden_size", (long) u);
        attrs[1] = attr("direction", dirs == 2 ? "bidirectional" : "forward");
        System.arraycopy(extra, 0, attrs, 2, extra.length);
        List<String> inputs = new java.util.ArrayList<>(List.of(x, c.g().floats(id + "_W", wOnnx, dirs, width, f),
                c.g().floats(id + "_R", rOnnx, dirs, width, u), c.g().floats(id + "_B", bOnnx, dirs, 2L * width)));
        // padding: ONNX's sequence lengths, after which Y is zero, Y_h holds the last real step and the backward
        // direction starts at a sample's last real step, as Strata's engines
        if (c.padding() != null) inputs.add(c.padding().lengths());
        List<String> out = c.g().ops(op, id, inputs, 2, attrs);
        if (p.getBool("returnSequences")) {
            // Y is [time, directions, batch, units]: to [batch, time, directions·units], forward's units first
            String y = c.g().op("Transpose", id + "_batch_first", List.of(out.get(0)), attr("perm", 2L, 0L, 1L, 3L));
            return c.g().op("Reshape", id + "_seq", List.of(y, c.g().longs(id + "_seq_shape", 0, 0, -1)));
        }
        // Y_h is [directions, batch, units], the last h each direction reached: to [batch, directions·units]
        String yh = c.g().op("Transpose", id + "_batch_first", List.of(out.get(1)), attr("perm", 1L, 0L, 2L));
        return c.g().op("Reshape", id + "_last", List.of(yh, c.g().longs(id + "_last_shape", 0, -1)));
    }

    /**
     * MultiHeadAttention in opset-13 operators: the projections as MatMul + Add on [batch, T, F], the heads split by
     * Reshape and Transpose to [batch, heads, T, keySize], batched MatMul for the scores and the mix, Softmax on the
     * last axis, the causal mask added as a constant.
     */
    private static String attention(Ctx c) {
        Params p = c.node().params();
        String id = c.node().id();
        int heads = p.getInt("heads");
        int keySize = p.getInt("keySize");
        int steps = c.inShapes().get(0).dim(0);
        String shape = c.g().longs(id + "_heads_shape", 0, 0, heads, keySize);
        String[] qkv = new String[3];
        String[] names = {"q", "k", "v"};
        for (int i = 0; i < 3; i++) {
            INDArray w = c.weight("W" + names[i]);
            INDArray b = c.weight("b" + names[i]);
            String projected = c.g().op("Add", id + "_" + names[i], List.of(
                    c.g().op("MatMul", id + "_" + names[i] + "_w", List.of(c.in(), c.floats("W" + names[i], w,
                            w.size(0), w.size(1)))), c.floats("b" + names[i], b, b.length())));
            String split = c.g().op("Reshape", id + "_" + names[i] + "_split", List.of(projected, shape));
            // keys transposed for Q·Kᵀ: [batch, heads, keySize, T]
            qkv[i] = c.g().op("Transpose", id + "_" + names[i] + "_heads", List.of(split),
                    i == 1 ? attr("perm", 0L, 2L, 3L, 1L) : attr("perm", 0L, 2L, 1L, 3L));
        }
        String scores = c.g().op("Mul", id + "_scores", List.of(
                c.g().op("MatMul", id + "_qk", List.of(qkv[0], qkv[1])),
                c.g().floats(id + "_scale", new float[]{(float) (1.0 / Math.sqrt(keySize))})));
        if (p.getBool("causal")) {
            scores = c.g().op("Add", id + "_masked", List.of(scores, c.g().floats(id + "_mask",
                    org.strata.engine.layers.MultiHeadAttentionLayer.causalMask(steps), steps, steps)));
        }
        if (c.padding() != null) { // no query looks at a padded key: its penalty on every score, [batch, 1, 1, T]
            scores = c.g().op("Add", id + "_unpadded", List.of(scores, c.g().op("Unsqueeze", id + "_key_penalty",
                    List.of(c.padding().penalty(), c.g().longs(id + "_axes12", 1, 2)))));
        }
        String weights = c.g().op("Softmax", id + "_weights", List.of(scores), attr("axis", -1L));
        String mixed = c.g().op("Transpose", id + "_mixed", List.of(
                c.g().op("MatMul", id + "_av", List.of(weights, qkv[2]))), attr("perm", 0L, 2L, 1L, 3L));
        String joined = c.g().op("Reshape", id + "_joined", List.of(mixed,
                c.g().longs(id + "_joined_shape", 0, 0, (long) heads * keySize)));
        INDArray wo = c.weight("Wo");
        INDArray bo = c.weight("bo");
        return c.g().op("Add", id, List.of(c.g().op("MatMul", id + "_o", List.of(joined, c.floats("Wo", wo,
                wo.size(0), wo.size(1)))), c.floats("bo", bo, bo.length())));
    }

    /** Token indices (floats, as the data holds them) to their vectors: E[index]. */
    private static String embedding(Ctx c) {
        String id = c.node().id();
        String idx = c.g().op("Cast", id + "_index", List.of(c.in()),
                attr("to", (long) ai.onnx.proto.OnnxMl.TensorProto.DataType.INT64.getNumber()));
        return c.g().op("Gather", id, List.of(c.embeddingMatrix(id), idx), attr("axis", 0L));
    }

    /** [0, dims…]: Reshape's target, 0 keeping the batch size. */
    private static long[] batchShape(TensorShape s) {
        long[] out = new long[s.dims().length + 1];
        for (int i = 0; i < s.dims().length; i++) out[i + 1] = s.dims()[i];
        return out;
    }
}
