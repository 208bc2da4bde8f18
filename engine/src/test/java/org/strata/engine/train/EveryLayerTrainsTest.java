package org.strata.engine.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.factory.Nd4j;
import org.strata.engine.Graphs;
import org.strata.engine.analysis.Analysis;
import org.strata.engine.analysis.GraphAnalyzer;
import org.strata.engine.graph.Graph;
import org.strata.engine.graph.Node;
import org.strata.engine.graph.PortRef;
import org.strata.engine.layers.LayerCatalogue;
import org.strata.engine.layers.TensorShape;
import org.strata.engine.layers.Weight;
import org.strata.engine.project.TrainingSettings;
import org.strata.engine.train.dl4j.Dl4jCompiler;
import org.strata.engine.train.fast.FastNetwork;
import org.strata.engine.train.fast.Kernels;
import org.strata.engine.train.dl4j.Dl4jNetwork;
import org.strata.engine.train.dl4j.ParamAccess;

/**
 * Every layer type compiles to Deeplearning4j, agrees with the analyzer on every node's output shape, parameter
 * count and declared weights (names and shapes, through its mapping's layouts), and trains a few batches to a lower
 * loss.
 */
class EveryLayerTrainsTest {
    private static final Set<String> TRAINED = new HashSet<>();
    private static final Set<String> TRAINED_FAST = new HashSet<>();

    static Stream<Arguments> graphs() {
        Graph concat = new Graphs().then("input", "Input", "kind", "image", "height", 8, "width", 8, "channels", 2)
                .then("a", "Conv2D", "filters", 4, "padding", "same").add("b", "Conv2D", "filters", 6, "padding", "same",
                        "activation", "tanh").add("cat", "Concatenate").then("bn", "BatchNorm")
                .then("gap", "GlobalAvgPool").then("d", "Dense", "units", 3, "activation", "softmax")
                .then("out", "Output").build();
        concat.connect("input", "b");
        concat.connect(new PortRef("a", "out"), new PortRef("cat", "in1"));
        concat.connect(new PortRef("b", "out"), new PortRef("cat", "in2"));
        Graph add = new Graphs().then("input", "Input", "size", 6).then("a", "Dense", "units", 5)
                .then("act", "Activation", "function", "elu").add("b", "Dense", "units", 5, "activation", "gelu")
                .add("add", "Add").then("drop", "Dropout", "rate", 0.2).then("bn", "BatchNorm")
                .then("d", "Dense", "units", 3, "activation", "identity").then("out", "Output").build();
        add.connect("input", "b");
        add.connect(new PortRef("act", "out"), new PortRef("add", "in1"));
        add.connect(new PortRef("b", "out"), new PortRef("add", "in2"));
        Graph gate = new Graphs().then("input", "Input", "size", 6).then("a", "Dense", "units", 5, "activation", "tanh")
                .add("b", "Dense", "units", 5, "activation", "sigmoid").add("mul", "Multiply").add("sub", "Subtract")
                .then("d", "Dense", "units", 3, "activation", "softmax").then("out", "Output").build();
        gate.connect("input", "b");
        gate.connect(new PortRef("a", "out"), new PortRef("mul", "in1"));
        gate.connect(new PortRef("b", "out"), new PortRef("mul", "in2"));
        gate.connect(new PortRef("mul", "out"), new PortRef("sub", "in1"));
        gate.connect(new PortRef("b", "out"), new PortRef("sub", "in2"));
        return Stream.of(
                Arguments.of("cnn with pools and flatten", Graphs.cnn(), 10),
                Arguments.of("multiply gate, subtract", gate, 3),
                Arguments.of("tokens with positions", new Graphs().then("input", "Input", "size", 7)
                        .then("e", "Embedding", "vocabulary", 20, "dimension", 4).then("pos", "PositionalEncoding")
                        .then("g", "GlobalAvgPool").then("d", "Dense", "units", 3, "activation", "softmax")
                        .then("out", "Output").build(), 3),
                Arguments.of("layer norm", new Graphs().then("input", "Input", "size", 6)
                        .then("a", "Dense", "units", 5, "activation", "identity").then("ln", "LayerNorm")
                        .then("d", "Dense", "units", 3, "activation", "softmax").then("out", "Output").build(), 3),
                Arguments.of("zero padding, up-sampling", new Graphs()
                        .then("input", "Input", "kind", "image", "height", 6, "width", 6, "channels", 1)
                        .then("z", "ZeroPadding2D").then("c", "Conv2D", "filters", 2)
                        .then("u", "UpSampling2D").then("p", "MaxPool2D").then("f", "Flatten")
                        .then("d", "Dense", "units", 3, "activation", "softmax").then("out", "Output").build(), 3),
                Arguments.of("avg pool, leaky relu, strided same conv", new Graphs()
                        .then("input", "Input", "kind", "image", "height", 9, "width", 9, "channels", 3)
                        .then("c", "Conv2D", "filters", 4, "stride", new int[]{2, 2}, "padding", "same",
                                "activation", "leaky_relu")
                        .then("p", "AvgPool2D").then("f", "Flatten").then("d", "Dense", "units", 3)
                        .then("s", "Activation", "function", "softmax").then("out", "Output").build(), 3),
                Arguments.of("concatenated images, batchnorm, global pool", concat, 3),
                Arguments.of("add, dropout, vector batchnorm", add, 3),
                Arguments.of("reshape to an image", new Graphs().then("input", "Input", "size", 64)
                        .then("r", "Reshape", "kind", "image", "height", 8, "width", 8, "channels", 1)
                        .then("c", "Conv2D", "filters", 2).then("f", "Flatten")
                        .then("d", "Dense", "units", 3, "activation", "sigmoid")
                        .then("out", "Output", "loss", "binary_cross_entropy").build(), 3),
                Arguments.of("lstm over a sequence", new Graphs()
                        .then("input", "Input", "kind", "sequence", "timesteps", 5, "features", 3)
                        .then("l1", "LSTM", "units", 6, "returnSequences", true).then("l2", "LSTM", "units", 4)
                        .then("d", "Dense", "units", 2, "activation", "softmax").then("out", "Output").build(), 2),
                Arguments.of("gru and simple rnn over a sequence", new Graphs()
                        .then("input", "Input", "kind", "sequence", "timesteps", 5, "features", 3)
                        .then("g1", "GRU", "units", 6, "returnSequences", true).then("r2", "SimpleRNN", "units", 4)
                        .then("d", "Dense", "units", 2, "activation", "softmax").then("out", "Output").build(), 2),
                Arguments.of("bidirectional lstm and gru over a sequence", new Graphs()
                        .then("input", "Input", "kind", "sequence", "timesteps", 5, "features", 3)
                        .then("l1", "LSTM", "units", 4, "returnSequences", true, "bidirectional", true)
                        .then("g2", "GRU", "units", 3, "bidirectional", true)
                        .then("d", "Dense", "units", 2, "activation", "softmax").then("out", "Output").build(), 2),
                Arguments.of("conv1d with 1-d pooling", new Graphs()
                        .then("input", "Input", "kind", "sequence", "timesteps", 12, "features", 3)
                        .then("c", "Conv1D", "filters", 4, "kernel", 3, "padding", "same").then("m", "MaxPool1D")
                        .then("c2", "Conv1D", "filters", 4, "kernel", 2, "activation", "tanh")
                        .then("a", "AvgPool1D", "padding", "same").then("f", "Flatten")
                        .then("d", "Dense", "units", 2, "activation", "softmax").then("out", "Output").build(), 2),
                Arguments.of("tokens through causal attention", new Graphs().then("input", "Input", "size", 6)
                        .then("e", "Embedding", "vocabulary", 20, "dimension", 8).then("pos", "PositionEmbedding")
                        .then("att", "MultiHeadAttention", "heads", 2, "keySize", 4, "causal", true)
                        .then("ln", "LayerNorm").then("g", "GlobalAvgPool")
                        .then("d", "Dense", "units", 3, "activation", "softmax").then("out", "Output").build(), 3),
                Arguments.of("tokens to the vocabulary through a Dense tied to the embedding", new Graphs()
                        .then("input", "Input", "size", 6).then("e", "Embedding", "vocabulary", 20, "dimension", 4)
                        .then("head", "Dense", "units", 20, "activation", "identity", "useBias", false,
                                "tieEmbedding", true)
                        .then("g", "GlobalAvgPool").then("d", "Dense", "units", 3, "activation", "softmax")
                        .then("out", "Output").build(), 3),
                Arguments.of("tokens padded, read both ways, attention over the real steps", new Graphs()
                        .then("input", "Input", "size", 6)
                        .then("e", "Embedding", "vocabulary", 20, "dimension", 6, "maskPadding", true)
                        .then("r", "GRU", "units", 4, "returnSequences", true, "bidirectional", true)
                        .then("att", "MultiHeadAttention", "heads", 2, "keySize", 4).then("g", "GlobalMaxPool")
                        .then("d", "Dense", "units", 3, "activation", "softmax").then("out", "Output").build(), 3),
                Arguments.of("depthwise, then transposed convolution", new Graphs()
                        .then("input", "Input", "kind", "image", "height", 8, "width", 8, "channels", 3)
                        .then("dw", "DepthwiseConv2D", "stride", new int[]{2, 2}, "multiplier", 2)
                        .then("up", "ConvTranspose2D", "filters", 4).then("g", "GlobalAvgPool")
                        .then("d", "Dense", "units", 3, "activation", "softmax").then("out", "Output").build(), 3),
                Arguments.of("embedding, sequence pooling and flatten", new Graphs()
                        .then("input", "Input", "size", 7).then("e", "Embedding", "vocabulary", 20, "dimension", 4)
                        .then("l", "LSTM", "units", 5, "returnSequences", true).add("g", "GlobalMaxPool")
                        .add("f", "Flatten").add("cat", "Concatenate")
                        .then("d", "Dense", "units", 2, "activation", "tanh")
                        .then("out", "Output", "loss", "mse", "metric", "mae").build(), 2));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("graphs")
    void compiles_agrees_on_shapes_and_learns(String name, Graph g, int classes) {
        if (name.startsWith("embedding")) {
            g.connect("l", "g");
            g.connect("l", "f");
            g.connect(new PortRef("g", "out"), new PortRef("cat", "in1"));
            g.connect(new PortRef("f", "out"), new PortRef("cat", "in2"));
        }
        Analysis a = GraphAnalyzer.analyze(g);
        assertTrue(a.isValid(), a.problems().toString());
        Dl4jNetwork net = Dl4jCompiler.compile(g, a, TrainingSettings.defaults().set("learningRate", 0.01));
        ComputationGraph cg = net.graph();
        // a tied Dense keeps a copy of the Embedding's matrix in DL4J, which the analysis counts once
        assertEquals(a.totalParams() + org.strata.engine.train.dl4j.TiedWeightsDl4j.copiedParams(net), cg.numParams(),
                "parameter count");
        Map<String, INDArray> params = ParamAccess.read(g, net);
        int declared = 0;
        for (Node n : g.nodes()) {
            for (Weight w : a.weightsOf(n.id())) {
                INDArray p = params.get(n.id() + "/" + w.name());
                assertTrue(p != null, n.id() + "/" + w.name() + " is declared but Deeplearning4j has no such array");
                assertArrayEquals(w.shape(), p.shape(), n.id() + "/" + w.name() + " " + w.layout());
                declared++;
            }
        }
        assertEquals(declared, params.size(), "arrays Deeplearning4j holds beyond the declared weights: " + params.keySet());

        Node input = g.require("input");
        TensorShape in = a.shapeOf("input").orElseThrow();
        long[] shape = new long[in.dims().length + 1];
        shape[0] = 16;
        for (int i = 0; i < in.dims().length; i++) shape[i + 1] = in.dim(i);
        INDArray x = name.startsWith("embedding") || name.startsWith("tokens")
                ? Nd4j.rand(DataType.FLOAT, shape).muli(19).castTo(DataType.INT32).castTo(DataType.FLOAT)
                : Nd4j.rand(DataType.FLOAT, shape);
        if (net.padded()) { // sample i: 1 + i mod T real tokens, then padding
            for (int i = 0; i < 16; i++) for (long t = 1 + i % shape[1]; t < shape[1]; t++) x.putScalar(i, t, 0);
        }
        INDArray y = Nd4j.zeros(DataType.FLOAT, 16, classes);
        for (int i = 0; i < 16; i++) y.putScalar(i, i % classes, 1);

        if (net.padded()) cg.setLayerMaskArrays(net.masks(x), null);
        Map<String, INDArray> acts = cg.feedForward(x, false);
        cg.clearLayerMaskArrays();
        for (Node n : g.nodes()) {
            if (n == input) continue;
            INDArray act = acts.get(net.vertexOf(n.id()));
            TensorShape expected = a.shapeOf(n.id()).orElseThrow();
            long[] perSample = java.util.Arrays.copyOfRange(act.shape(), 1, act.rank());
            assertArrayEquals(java.util.Arrays.stream(expected.dims()).asLongStream().toArray(), perSample,
                    n.id() + " (" + n.type().id() + ") output shape");
            TRAINED.add(n.type().id());
        }
        TRAINED.add("Input");

        DataSet ds = net.padded() ? new DataSet(x, y, net.masks(x)[0], null) : new DataSet(x, y);
        double first = cg.score(ds);
        for (int i = 0; i < 60; i++) cg.fit(ds);
        double last = cg.score(ds);
        assertTrue(Double.isFinite(last) && last < first, name + ": loss " + first + " → " + last);

        // and the same graph trains on Strata's fast engine, where every type it runs must be able to learn
        var settings = TrainingSettings.defaults().set("learningRate", 0.01);
        if (FastNetwork.unsupported(g, a, settings).isEmpty()) {
            FastNetwork fast = new FastNetwork(g, a, settings);
            double fastFirst = fast.computeGradient(x, y);
            for (int i = 0; i < 60; i++) fast.fit(x, y);
            double fastLast = fast.computeGradient(x, y);
            assertTrue(Double.isFinite(fastLast) && fastLast < fastFirst,
                    name + " on the fast engine: loss " + fastFirst + " → " + fastLast);
            for (Node n : g.nodes()) TRAINED_FAST.add(n.type().id());
        }
    }

    @AfterAll
    static void every_layer_type_was_trained() {
        Set<String> missing = new HashSet<>();
        LayerCatalogue.all().forEach(t -> missing.add(t.id()));
        missing.removeAll(TRAINED);
        assertEquals(Set.of(), missing);
        Set<String> notFast = new HashSet<>();
        LayerCatalogue.all().stream().filter(t -> Kernels.runs(t.id())).forEach(t -> notFast.add(t.id()));
        notFast.removeAll(TRAINED_FAST);
        assertEquals(Set.of(), notFast, "types the fast engine runs but no graph here trained on it");
    }
}
