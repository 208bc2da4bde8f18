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
     * the trained weights (by {@code <nodeId>/<name>}, in the catalogue's layouts).
     */
    record Ctx(OnnxGraph g, Node node, List<String> inputs, List<TensorShape> inShapes, TensorShape outShape,
               Map<String, INDArray> weights) {
        INDArray weight(String name) {
            INDArray w = weights.get(node.id() + "/" + name);
            if (w == null) throw new IllegalStateException("no weight " + node.id() + "/" + name + " in the model");
            return w;
        }

        String floats(String name, INDArray w, long... dims) {
            // row-major, in the shape given (a permuted view is copied in its new order)
            float[] values = w.castTo(org.nd4j.linalg.api.buffer.DataType.FLOAT).dup('c').data().asFloat();
            return g.floats(node.id() + "_" + name, values, dims);
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
            Map.entry("LSTM", OnnxLayers::lstm),
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
            case SILU -> g.op("Mul", name + "_silu", List.of(x, g.op("Sigmoid", name + "_silu_gate", List.of(x))));
            case SOFTPLUS -> g.op("Softplus", name + "_softplus", List.of(x));
            // Mish is an operator only from opset 18: x·tanh(softplus(x))
            case MISH -> g.op("Mul", name + "_mish", List.of(x, g.op("Tanh", name + "_mish_gate",
                    List.of(g.op("Softplus", name + "_mish_softplus", List.of(x))))));
            case HARD_SIGMOID -> g.op("HardSigmoid", name + "_hard_sigmoid", List.of(x), attr("alpha", 0.2f),
                    attr("beta", 0.5f));
        };
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
        INDArray w = c.weight("W");
        String x = c.in();
        String y;
        if (org.strata.engine.layers.DenseLayer.useBias(p)) {
            INDArray b = c.weight("b");
            y = c.g().op("Gemm", c.node().id(), List.of(x, c.floats("W", w, w.size(0), w.size(1)),
                    c.floats("b", b, b.length())));
        } else {
            y = c.g().op("MatMul", c.node().id(), List.of(x, c.floats("W", w, w.size(0), w.size(1))));
        }
        return activation(c.g(), y, c.node().type().outputActivation(p), c.node().id());
    }

    /** NHWC → NCHW, {@code op}, → NHWC. */
    private static String channelsFirst(Ctx c, java.util.function.UnaryOperator<String> op) {
        String nchw = c.g().op("Transpose", c.node().id() + "_nchw", List.of(c.in()), attr("perm", 0L, 3L, 1L, 2L));
        return c.g().op("Transpose", c.node().id() + "_nhwc", List.of(op.apply(nchw)), attr("perm", 0L, 2L, 3L, 1L));
    }

    private static String conv2d(Ctx c) {
        Params p = c.node().params();
        int[] k = p.getTuple("kernel");
        int[] s = p.getTuple("stride");
        // the catalogue's [kernelH, kernelW, inChannels, filters] is ONNX's [filters, inChannels, kernelH, kernelW]
        INDArray w = c.weight("W").permute(3, 2, 0, 1);
        String wName = c.floats("W", w, w.shape());
        List<String> in = new java.util.ArrayList<>(List.of(wName));
        if (org.strata.engine.layers.DenseLayer.useBias(p)) {
            INDArray b = c.weight("b");
            in.add(c.floats("b", b, b.length()));
        }
        boolean same = Conv2DLayer.padding(p) == Padding.SAME;
        String y = channelsFirst(c, x -> {
            List<String> all = new java.util.ArrayList<>(List.of(x));
            all.addAll(in);
            return c.g().op("Conv", c.node().id(), all, attr("kernel_shape", k[0], k[1]), attr("strides", s[0], s[1]),
                    attr("auto_pad", same ? "SAME_UPPER" : "VALID"));
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
        int u = c.node().params().getInt("units");
        int[] fromDl4j = {3, 2, 1, 0}; // ONNX's i, o, f, c are Deeplearning4j's blocks 3, 2, 1, 0
        INDArray w = c.weight("W");   // [features, 4u]
        INDArray r = c.weight("U");   // [units, 4u]
        INDArray b = c.weight("b");   // [4u]
        long f = w.size(0);
        float[] wOnnx = new float[(int) (4 * u * f)];
        float[] rOnnx = new float[4 * u * u];
        float[] bOnnx = new float[8 * u]; // input biases, then recurrent biases (zero: one bias per gate here)
        float[] wf = w.castTo(org.nd4j.linalg.api.buffer.DataType.FLOAT).dup('c').data().asFloat();
        float[] rf = r.castTo(org.nd4j.linalg.api.buffer.DataType.FLOAT).dup('c').data().asFloat();
        float[] bf = b.castTo(org.nd4j.linalg.api.buffer.DataType.FLOAT).dup('c').data().asFloat();
        for (int gate = 0; gate < 4; gate++) {
            int from = fromDl4j[gate] * u;
            for (int j = 0; j < u; j++) {
                int row = gate * u + j; // ONNX row of this unit of this gate
                for (int k = 0; k < f; k++) wOnnx[(int) (row * f + k)] = wf[(int) (k * 4L * u + from + j)];
                for (int k = 0; k < u; k++) rOnnx[row * u + k] = rf[k * 4 * u + from + j];
                bOnnx[row] = bf[from + j];
            }
        }
        String id = c.node().id();
        String x = c.g().op("Transpose", id + "_time_first", List.of(c.in()), attr("perm", 1L, 0L, 2L));
        List<String> out = c.g().ops("LSTM", id, List.of(x, c.g().floats(id + "_W", wOnnx, 1, 4L * u, f),
                c.g().floats(id + "_R", rOnnx, 1, 4L * u, u), c.g().floats(id + "_B", bOnnx, 1, 8L * u)), 2,
                attr("hidden_size", (long) u));
        if (c.node().params().getBool("returnSequences")) {
            // Y is [time, directions, batch, units]
            String y = c.g().op("Squeeze", id + "_seq", List.of(out.get(0), c.g().longs(id + "_axis1", 1)));
            return c.g().op("Transpose", id + "_batch_first", List.of(y), attr("perm", 1L, 0L, 2L));
        }
        // Y_h is [directions, batch, units]: the last step's h
        return c.g().op("Squeeze", id + "_last", List.of(out.get(1), c.g().longs(id + "_axis0", 0)));
    }

    /** Token indices (floats, as the data holds them) to their vectors: E[index]. */
    private static String embedding(Ctx c) {
        INDArray e = c.weight("E");
        String id = c.node().id();
        String idx = c.g().op("Cast", id + "_index", List.of(c.in()),
                attr("to", (long) ai.onnx.proto.OnnxMl.TensorProto.DataType.INT64.getNumber()));
        return c.g().op("Gather", id, List.of(c.floats("E", e, e.size(0), e.size(1)), idx), attr("axis", 0L));
    }

    /** [0, dims…]: Reshape's target, 0 keeping the batch size. */
    private static long[] batchShape(TensorShape s) {
        long[] out = new long[s.dims().length + 1];
        for (int i = 0; i < s.dims().length; i++) out[i + 1] = s.dims()[i];
        return out;
    }
}
