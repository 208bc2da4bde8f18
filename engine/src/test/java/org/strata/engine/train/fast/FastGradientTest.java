package org.strata.engine.train.fast;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import java.util.stream.Stream;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.strata.engine.Graphs;
import org.strata.engine.analysis.Analysis;
import org.strata.engine.analysis.GraphAnalyzer;
import org.strata.engine.graph.Graph;
import org.strata.engine.graph.PortRef;
import org.strata.engine.layers.Weight;
import org.strata.engine.train.dl4j.Dl4jLayers;
import org.strata.engine.layers.TensorShape;
import org.strata.engine.params.Params;
import org.strata.engine.project.TrainingSettings;
import org.strata.engine.train.dl4j.Dl4jCompiler;
import org.strata.engine.train.dl4j.Dl4jNetwork;
import org.strata.engine.train.dl4j.ParamAccess;

/**
 * The fast engine's gradients are right: they match central finite differences of its own loss, and Deeplearning4j's
 * predictions and gradients for the same weights, for every layer type and activation it supports.
 */
class FastGradientTest {
    static Stream<Arguments> graphs() {
        Graph skip = new Graphs().then("input", "Input", "size", 6).then("d1", "Dense", "units", 5, "activation", "tanh")
                .then("d2", "Dense", "units", 5, "activation", "elu").add("add", "Add", "inputs", 3)
                .then("d3", "Dense", "units", 3, "activation", "softmax").then("out", "Output").build();
        skip.connect(new PortRef("d1", "out"), new PortRef("add", "in1"));
        skip.connect(new PortRef("d2", "out"), new PortRef("add", "in2"));
        skip.connect(new PortRef("input", "out"), new PortRef("add", "in3")); // no gradient wanted there
        skip.require("input").params().set("size", 5);
        Graph inception = new Graphs().then("input", "Input", "kind", "image", "height", 7, "width", 7, "channels", 1)
                .then("c0", "Conv2D", "filters", 2, "activation", "tanh", "padding", "same")
                .then("a", "Conv2D", "filters", 3, "padding", "same", "activation", "tanh")
                .add("b", "Conv2D", "filters", 2, "kernel", new int[]{1, 1}, "activation", "sigmoid")
                .add("cat", "Concatenate").then("f", "Flatten")
                .then("d", "Dense", "units", 3, "activation", "softmax").then("out", "Output").build();
        inception.connect("c0", "b");
        inception.connect(new PortRef("a", "out"), new PortRef("cat", "in1"));
        inception.connect(new PortRef("b", "out"), new PortRef("cat", "in2"));
        Graph gate = new Graphs().then("input", "Input", "size", 6).then("d1", "Dense", "units", 5, "activation", "tanh")
                .add("d2", "Dense", "units", 5, "activation", "sigmoid").add("d3", "Dense", "units", 5, "activation", "tanh")
                .add("mul", "Multiply", "inputs", 3).add("sub", "Subtract")
                .then("d4", "Dense", "units", 3, "activation", "softmax").then("out", "Output").build();
        gate.connect("input", "d2");
        gate.connect("input", "d3");
        gate.connect(new PortRef("d1", "out"), new PortRef("mul", "in1"));
        gate.connect(new PortRef("d2", "out"), new PortRef("mul", "in2"));
        gate.connect(new PortRef("d3", "out"), new PortRef("mul", "in3"));
        gate.connect(new PortRef("mul", "out"), new PortRef("sub", "in1"));
        gate.connect(new PortRef("d1", "out"), new PortRef("sub", "in2"));
        Graph block = new Graphs().then("input", "Input", "kind", "sequence", "timesteps", 5, "features", 6)
                .then("att", "MultiHeadAttention", "heads", 2, "keySize", 3).add("res", "Add").then("ln", "LayerNorm")
                .then("ff", "Dense", "units", 7, "activation", "tanh").then("back", "Dense", "units", 6,
                        "activation", "identity", "useBias", false)
                .then("g", "GlobalAvgPool").then("d", "Dense", "units", 3, "activation", "softmax")
                .then("out", "Output").build();
        block.connect(new PortRef("input", "out"), new PortRef("res", "in2"));
        block.connect(new PortRef("att", "out"), new PortRef("res", "in1"));
        return Stream.of(
                Arguments.of("skip connection: fan-out and a three-way Add", skip),
                Arguments.of("a transformer block: attention, residual, layer norm", block),
                Arguments.of("causal attention over embedded positions", new Graphs()
                        .then("input", "Input", "size", 6).then("e", "Embedding", "vocabulary", 9, "dimension", 4)
                        .then("pos", "PositionalEncoding").then("learned", "PositionEmbedding")
                        .then("att", "MultiHeadAttention", "heads", 3, "keySize", 2, "causal", true)
                        .then("f", "Flatten").then("d", "Dense", "units", 3, "activation", "softmax")
                        .then("out", "Output").build()),
                Arguments.of("a class at every step: causal attention to the next token", new Graphs()
                        .then("input", "Input", "size", 6).then("e", "Embedding", "vocabulary", 9, "dimension", 4)
                        .then("learned", "PositionEmbedding")
                        .then("att", "MultiHeadAttention", "heads", 2, "keySize", 2, "causal", true)
                        .then("d", "Dense", "units", 9, "activation", "identity").then("out", "Output").build()),
                Arguments.of("a GPT in small: a class at every step from the head tied to the embedding", new Graphs()
                        .then("input", "Input", "size", 5).then("e", "Embedding", "vocabulary", 7, "dimension", 4)
                        .then("learned", "PositionEmbedding").then("ln", "LayerNorm")
                        .then("att", "MultiHeadAttention", "heads", 2, "keySize", 2, "causal", true)
                        .then("head", "Dense", "units", 7, "activation", "identity", "useBias", false,
                                "tieEmbedding", true).then("out", "Output").build()),
                Arguments.of("a class at every real step of padded tokens, softmax in the Dense", new Graphs()
                        .then("input", "Input", "size", 5)
                        .then("e", "Embedding", "vocabulary", 7, "dimension", 4, "maskPadding", true)
                        .then("r", "GRU", "units", 3, "returnSequences", true)
                        .then("d", "Dense", "units", 7, "activation", "softmax").then("out", "Output").build()),
                Arguments.of("a three-way Multiply gate, then Subtract", gate),
                Arguments.of("layer norm on vectors", new Graphs().then("input", "Input", "size", 5)
                        .then("d1", "Dense", "units", 6, "activation", "identity").then("ln", "LayerNorm")
                        .then("d2", "Dense", "units", 3, "activation", "softmax").then("out", "Output").build()),
                Arguments.of("layer norm on vectors and on each pixel's channels", new Graphs()
                        .then("input", "Input", "kind", "image", "height", 4, "width", 3, "channels", 2)
                        // eight channels: a norm over very few is too curved for finite differences of 1e-2
                        .then("c", "Conv2D", "filters", 8, "activation", "identity", "padding", "same")
                        .then("ln1", "LayerNorm").then("f", "Flatten")
                        .then("d1", "Dense", "units", 5, "activation", "tanh").then("ln2", "LayerNorm")
                        .then("d2", "Dense", "units", 3, "activation", "softmax").then("out", "Output").build()),
                Arguments.of("zero padding, up-sampling", new Graphs()
                        .then("input", "Input", "kind", "image", "height", 5, "width", 4, "channels", 2)
                        .then("z", "ZeroPadding2D", "padding", new int[]{1, 2})
                        .then("c", "Conv2D", "filters", 3, "activation", "tanh")
                        .then("u", "UpSampling2D", "size", new int[]{2, 1}).then("f", "Flatten")
                        .then("d", "Dense", "units", 3, "activation", "softmax").then("out", "Output").build()),
                Arguments.of("mean absolute error on values", new Graphs().then("input", "Input", "size", 4)
                        .then("d1", "Dense", "units", 6, "activation", "tanh")
                        .then("d2", "Dense", "units", 2, "activation", "identity")
                        .then("out", "Output", "loss", "mae", "metric", "mae").build()),
                Arguments.of("huber loss on values", new Graphs().then("input", "Input", "size", 4)
                        .then("d1", "Dense", "units", 6, "activation", "sigmoid")
                        .then("d2", "Dense", "units", 3, "activation", "identity")
                        .then("out", "Output", "loss", "huber", "metric", "mae").build()),
                Arguments.of("silu, mish, softplus and hard sigmoid", new Graphs().then("input", "Input", "size", 5)
                        .then("d1", "Dense", "units", 6, "activation", "silu")
                        .then("d2", "Dense", "units", 6, "activation", "mish")
                        .then("a1", "Activation", "function", "softplus")
                        .then("d3", "Dense", "units", 5, "activation", "hard_sigmoid")
                        .then("d4", "Dense", "units", 3, "activation", "softmax").then("out", "Output").build()),
                Arguments.of("two conv branches concatenated on channels", inception),
                Arguments.of("dense relu, softmax output", new Graphs().then("input", "Input", "size", 5)
                        .then("d1", "Dense", "units", 7, "activation", "relu")
                        .then("d2", "Dense", "units", 3, "activation", "softmax").then("out", "Output").build()),
                Arguments.of("dense tanh, sigmoid, no bias, identity logits", new Graphs().then("input", "Input", "size", 4)
                        .then("d1", "Dense", "units", 6, "activation", "tanh")
                        .then("d2", "Dense", "units", 5, "activation", "sigmoid", "useBias", false)
                        .then("d3", "Dense", "units", 3, "activation", "identity").then("out", "Output").build()),
                Arguments.of("elu and leaky relu activation layers", new Graphs().then("input", "Input", "size", 4)
                        .then("d1", "Dense", "units", 6, "activation", "identity")
                        .then("a1", "Activation", "function", "elu")
                        .then("d2", "Dense", "units", 5, "activation", "leaky_relu")
                        .then("d3", "Dense", "units", 3, "activation", "identity")
                        .then("a2", "Activation", "function", "softmax").then("out", "Output").build()),
                Arguments.of("conv valid, max pool, flatten", new Graphs()
                        .then("input", "Input", "kind", "image", "height", 8, "width", 7, "channels", 2)
                        .then("c1", "Conv2D", "filters", 3, "kernel", new int[]{3, 2})
                        .then("p1", "MaxPool2D").then("f", "Flatten")
                        .then("d", "Dense", "units", 3, "activation", "softmax").then("out", "Output").build()),
                Arguments.of("conv same stride 2 tanh, avg pool same", new Graphs()
                        .then("input", "Input", "kind", "image", "height", 9, "width", 9, "channels", 1)
                        .then("c1", "Conv2D", "filters", 2, "stride", new int[]{2, 2}, "padding", "same")
                        .then("c2", "Conv2D", "filters", 3, "activation", "tanh", "useBias", false)
                        .then("p", "AvgPool2D", "padding", "same").then("f", "Flatten")
                        .then("d", "Dense", "units", 4, "activation", "identity").then("out", "Output").build()),
                Arguments.of("grayscale first conv, stride 2: weight gradient from patches", new Graphs()
                        .then("input", "Input", "kind", "image", "height", 9, "width", 8, "channels", 1)
                        .then("c1", "Conv2D", "filters", 3, "kernel", new int[]{3, 2}, "stride", new int[]{2, 3},
                                "activation", "tanh")
                        .then("f", "Flatten").then("d", "Dense", "units", 3, "activation", "softmax")
                        .then("out", "Output").build()),
                // 2·2·1·4 = 16 weights, so the bias lies right after them: dW and db come from one product
                // (no pooling here: finite differences of 1e-2 can move a maximum and miss; other cases cover pools)
                Arguments.of("grayscale first conv whose bias lies next to its weights", new Graphs()
                        .then("input", "Input", "kind", "image", "height", 6, "width", 6, "channels", 1)
                        .then("c1", "Conv2D", "filters", 4, "kernel", new int[]{2, 2}, "activation", "tanh")
                        .then("f", "Flatten")
                        .then("d", "Dense", "units", 3, "activation", "softmax").then("out", "Output").build()),
                Arguments.of("binary cross-entropy after a sigmoid", new Graphs().then("input", "Input", "size", 4)
                        .then("d1", "Dense", "units", 5, "activation", "tanh")
                        .then("d2", "Dense", "units", 2, "activation", "sigmoid")
                        .then("out", "Output", "loss", "binary_cross_entropy").build()),
                Arguments.of("binary cross-entropy on logits, one output", new Graphs().then("input", "Input", "size", 3)
                        .then("d1", "Dense", "units", 4, "activation", "elu")
                        .then("d2", "Dense", "units", 1, "activation", "identity")
                        .then("out", "Output", "loss", "binary_cross_entropy").build()),
                Arguments.of("mean squared error with tanh outputs", new Graphs().then("input", "Input", "size", 3)
                        .then("d1", "Dense", "units", 6, "activation", "sigmoid")
                        .then("d2", "Dense", "units", 3, "activation", "tanh")
                        .then("out", "Output", "loss", "mse", "metric", "mae").build()),
                Arguments.of("global average pooling", new Graphs()
                        .then("input", "Input", "kind", "image", "height", 6, "width", 5, "channels", 2)
                        .then("c", "Conv2D", "filters", 4, "activation", "tanh").then("g", "GlobalAvgPool")
                        .then("d", "Dense", "units", 3, "activation", "softmax").then("out", "Output").build()),
                // a 2×2 map per channel, as MaxPool2D's windows: over more positions two near-equal maxima are
                // likely, and a finite difference of 1e-2 then steps over the kink
                Arguments.of("global max pooling", new Graphs()
                        .then("input", "Input", "kind", "image", "height", 4, "width", 4, "channels", 2)
                        .then("c", "Conv2D", "filters", 4, "activation", "tanh").then("g", "GlobalMaxPool")
                        .then("d", "Dense", "units", 3, "activation", "softmax").then("out", "Output").build()),
                Arguments.of("batch norm on vectors", new Graphs().then("input", "Input", "size", 5)
                        .then("d1", "Dense", "units", 6, "activation", "identity").then("bn", "BatchNorm")
                        .then("a", "Activation", "function", "tanh")
                        .then("d2", "Dense", "units", 3, "activation", "softmax").then("out", "Output").build()),
                Arguments.of("batch norm on images", new Graphs()
                        .then("input", "Input", "kind", "image", "height", 6, "width", 6, "channels", 2)
                        .then("c", "Conv2D", "filters", 3, "activation", "identity").then("bn", "BatchNorm")
                        .then("a", "Activation", "function", "elu").then("p", "AvgPool2D").then("f", "Flatten")
                        .then("d", "Dense", "units", 3, "activation", "softmax").then("out", "Output").build()),
                Arguments.of("reshape a vector into an image", new Graphs().then("input", "Input", "size", 48)
                        .then("d0", "Dense", "units", 48, "activation", "tanh")
                        .then("r", "Reshape", "kind", "image", "height", 4, "width", 6, "channels", 2)
                        .then("c", "Conv2D", "filters", 3, "activation", "tanh").then("f", "Flatten")
                        .then("d", "Dense", "units", 3, "activation", "softmax").then("out", "Output").build()),
                Arguments.of("gelu in dense, conv and activation layers", new Graphs()
                        .then("input", "Input", "kind", "image", "height", 5, "width", 5, "channels", 1)
                        .then("c", "Conv2D", "filters", 2, "activation", "gelu").then("f", "Flatten")
                        .then("d1", "Dense", "units", 6, "activation", "gelu")
                        .then("d2", "Dense", "units", 5, "activation", "identity")
                        .then("a", "Activation", "function", "gelu")
                        .then("d3", "Dense", "units", 3, "activation", "softmax").then("out", "Output").build()),
                Arguments.of("gelu's tanh form (GPT-2's) in conv1d, dense and activation layers", new Graphs()
                        .then("input", "Input", "kind", "sequence", "timesteps", 5, "features", 3)
                        .then("c", "Conv1D", "filters", 3, "kernel", 2, "activation", "gelu_tanh")
                        .then("f", "Flatten").then("d1", "Dense", "units", 6, "activation", "gelu_tanh")
                        .then("d2", "Dense", "units", 5, "activation", "identity")
                        .then("a", "Activation", "function", "gelu_tanh")
                        .then("d3", "Dense", "units", 3, "activation", "softmax").then("out", "Output").build()),
                Arguments.of("embedding, layer norm over time, pooled both ways", tokens()),
                Arguments.of("embedding with positions, pooled over time", new Graphs().then("input", "Input", "size", 6)
                        .then("e", "Embedding", "vocabulary", 9, "dimension", 5).then("pos", "PositionalEncoding")
                        .then("ln", "LayerNorm").then("g", "GlobalMaxPool")
                        .then("d", "Dense", "units", 3, "activation", "softmax").then("out", "Output").build()),
                Arguments.of("lstm, its last step", new Graphs()
                        .then("input", "Input", "kind", "sequence", "timesteps", 4, "features", 3)
                        .then("l", "LSTM", "units", 5).then("d", "Dense", "units", 3, "activation", "softmax")
                        .then("out", "Output").build()),
                Arguments.of("embedding, stacked lstms returning sequences, pooled", new Graphs()
                        .then("input", "Input", "size", 5).then("e", "Embedding", "vocabulary", 8, "dimension", 4)
                        .then("l1", "LSTM", "units", 4, "returnSequences", true)
                        .then("l2", "LSTM", "units", 3, "returnSequences", true).then("g", "GlobalAvgPool")
                        .then("d", "Dense", "units", 3, "activation", "softmax").then("out", "Output").build()),
                Arguments.of("lstm over one step", new Graphs()
                        .then("input", "Input", "kind", "sequence", "timesteps", 1, "features", 3)
                        .then("l", "LSTM", "units", 4).then("d", "Dense", "units", 3, "activation", "softmax")
                        .then("out", "Output").build()),
                Arguments.of("gru, its last step", new Graphs()
                        .then("input", "Input", "kind", "sequence", "timesteps", 4, "features", 3)
                        .then("r", "GRU", "units", 5).then("d", "Dense", "units", 3, "activation", "softmax")
                        .then("out", "Output").build()),
                Arguments.of("embedding, gru and simple rnn returning sequences, pooled", new Graphs()
                        .then("input", "Input", "size", 5).then("e", "Embedding", "vocabulary", 8, "dimension", 4)
                        .then("r1", "GRU", "units", 4, "returnSequences", true)
                        .then("r2", "SimpleRNN", "units", 3, "returnSequences", true).then("g", "GlobalAvgPool")
                        .then("d", "Dense", "units", 3, "activation", "softmax").then("out", "Output").build()),
                Arguments.of("simple rnn, its last step", new Graphs()
                        .then("input", "Input", "kind", "sequence", "timesteps", 4, "features", 3)
                        .then("r", "SimpleRNN", "units", 5).then("d", "Dense", "units", 3, "activation", "softmax")
                        .then("out", "Output").build()),
                Arguments.of("bidirectional lstm, the last h of each reading", new Graphs()
                        .then("input", "Input", "kind", "sequence", "timesteps", 4, "features", 3)
                        .then("l", "LSTM", "units", 3, "bidirectional", true)
                        .then("d", "Dense", "units", 3, "activation", "softmax").then("out", "Output").build()),
                Arguments.of("per-step dense into a bidirectional lstm returning sequences, pooled", new Graphs()
                        .then("input", "Input", "kind", "sequence", "timesteps", 4, "features", 3)
                        .then("pre", "Dense", "units", 4, "activation", "tanh")
                        .then("l", "LSTM", "units", 3, "returnSequences", true, "bidirectional", true)
                        .then("g", "GlobalAvgPool")
                        .then("d", "Dense", "units", 3, "activation", "softmax").then("out", "Output").build()),
                Arguments.of("embedding, bidirectional gru returning sequences, bidirectional simple rnn", new Graphs()
                        .then("input", "Input", "size", 5).then("e", "Embedding", "vocabulary", 8, "dimension", 4)
                        .then("r1", "GRU", "units", 3, "returnSequences", true, "bidirectional", true)
                        .then("r2", "SimpleRNN", "units", 3, "bidirectional", true)
                        .then("d", "Dense", "units", 3, "activation", "softmax").then("out", "Output").build()),
                Arguments.of("padded tokens, a bidirectional lstm's last real steps", new Graphs()
                        .then("input", "Input", "size", 6)
                        .then("e", "Embedding", "vocabulary", 9, "dimension", 4, "maskPadding", true)
                        .then("l", "LSTM", "units", 3, "bidirectional", true)
                        .then("d", "Dense", "units", 3, "activation", "softmax").then("out", "Output").build()),
                Arguments.of("padded tokens through recurrent layers and attention, pooled both ways", padded()),
                Arguments.of("conv1d valid and strided same, max and average pooling over time", new Graphs()
                        .then("input", "Input", "kind", "sequence", "timesteps", 9, "features", 3)
                        .then("c1", "Conv1D", "filters", 4, "kernel", 3, "activation", "tanh")
                        .then("p1", "MaxPool1D")
                        .then("c2", "Conv1D", "filters", 3, "kernel", 2, "stride", 2, "padding", "same",
                                "activation", "identity", "useBias", false)
                        .then("p2", "AvgPool1D", "pool", 3, "stride", 1, "padding", "same").then("f", "Flatten")
                        .then("d", "Dense", "units", 3, "activation", "softmax").then("out", "Output").build()),
                Arguments.of("embedding, conv1d, pooled over time", new Graphs()
                        .then("input", "Input", "size", 6).then("e", "Embedding", "vocabulary", 9, "dimension", 4)
                        .then("c", "Conv1D", "filters", 5, "kernel", 3, "padding", "same", "activation", "elu")
                        .then("g", "GlobalMaxPool")
                        .then("d", "Dense", "units", 3, "activation", "softmax").then("out", "Output").build()),
                Arguments.of("depthwise and transposed convolutions", new Graphs()
                        .then("input", "Input", "kind", "image", "height", 6, "width", 5, "channels", 2)
                        .then("dw", "DepthwiseConv2D", "multiplier", 2, "stride", new int[]{2, 2}, "padding", "same",
                                "activation", "tanh")
                        .then("up", "ConvTranspose2D", "filters", 3, "kernel", new int[]{4, 3}, "activation", "tanh")
                        .then("up2", "ConvTranspose2D", "filters", 2, "kernel", new int[]{2, 3},
                                "stride", new int[]{1, 2}, "padding", "valid", "activation", "identity",
                                "useBias", false)
                        .then("f", "Flatten").then("d", "Dense", "units", 3, "activation", "softmax")
                        .then("out", "Output").build()),
                Arguments.of("dilated convolutions, 2-D and 1-D", new Graphs()
                        .then("input", "Input", "kind", "image", "height", 7, "width", 6, "channels", 2)
                        .then("c1", "Conv2D", "filters", 3, "dilation", new int[]{2, 1}, "padding", "same",
                                "activation", "tanh")
                        .then("c2", "Conv2D", "filters", 2, "kernel", new int[]{2, 2}, "dilation", new int[]{2, 3},
                                "activation", "tanh")
                        .then("r", "Reshape", "kind", "sequence", "timesteps", 15, "features", 2)
                        .then("c3", "Conv1D", "filters", 3, "kernel", 2, "dilation", 2, "activation", "tanh")
                        .then("f", "Flatten").then("d", "Dense", "units", 3, "activation", "softmax")
                        .then("out", "Output").build()),
                Arguments.of("a GPT head in small: a per-step Dense to the vocabulary, tied to the embedding", new Graphs()
                        .then("input", "Input", "size", 5).then("e", "Embedding", "vocabulary", 7, "dimension", 4)
                        .then("ff", "Dense", "units", 4, "activation", "tanh")
                        .then("head", "Dense", "units", 7, "activation", "identity", "useBias", false,
                                "tieEmbedding", true)
                        .then("f", "Flatten").then("d", "Dense", "units", 3, "activation", "softmax")
                        .then("out", "Output").build()),
                Arguments.of("pooled tokens into a Dense tied to the embedding, with a bias", new Graphs()
                        .then("input", "Input", "size", 5).then("e", "Embedding", "vocabulary", 6, "dimension", 4)
                        .then("g", "GlobalAvgPool")
                        .then("tied", "Dense", "units", 6, "activation", "tanh", "tieEmbedding", true)
                        .then("d", "Dense", "units", 3, "activation", "softmax").then("out", "Output").build()),
                Arguments.of("a Dense tied to an Embedding that comes after it in the order", tiedBeforeEmbedding()),
                Arguments.of("seed cnn", Graphs.cnn()));
    }

    static Params settings() {
        return TrainingSettings.defaults().set("optimizer", "sgd").set("learningRate", 0.1).set("seed", 3);
    }

    /**
     * The token ids, as numbers, into a Dense tied to the Embedding that reads them too: wired first, the Dense comes
     * first in the order, so its part of dE is added onto the Embedding's, the other way round.
     */
    private static Graph tiedBeforeEmbedding() {
        Graph g = new Graphs().then("input", "Input", "size", 4)
                .then("tied", "Dense", "units", 6, "activation", "tanh", "tieEmbedding", true)
                .add("e", "Embedding", "vocabulary", 6, "dimension", 4).then("g", "GlobalAvgPool")
                .add("cat", "Concatenate").then("d", "Dense", "units", 3, "activation", "softmax")
                .then("out", "Output").build();
        g.connect("input", "e");
        g.connect(new PortRef("g", "out"), new PortRef("cat", "in1"));
        g.connect(new PortRef("tied", "out"), new PortRef("cat", "in2"));
        return g;
    }

    @Test
    void the_dense_tied_before_its_embedding_comes_first_in_the_order() {
        assertTrue(GraphAnalyzer.analyze(tiedBeforeEmbedding()).order().indexOf("tied")
                < GraphAnalyzer.analyze(tiedBeforeEmbedding()).order().indexOf("e"));
    }

    /** Tokens through an Embedding, normalised per step, averaged and maxed over time, concatenated. */
    private static Graph tokens() {
        Graph g = new Graphs().then("input", "Input", "size", 7).then("e", "Embedding", "vocabulary", 12,
                        "dimension", 5).then("ln", "LayerNorm").then("avg", "GlobalAvgPool")
                .add("max", "GlobalMaxPool").add("cat", "Concatenate")
                .then("d", "Dense", "units", 3, "activation", "softmax").then("out", "Output").build();
        g.connect("ln", "max");
        g.connect(new PortRef("avg", "out"), new PortRef("cat", "in1"));
        g.connect(new PortRef("max", "out"), new PortRef("cat", "in2"));
        return g;
    }

    /**
     * Padded tokens: a bidirectional SimpleRNN and a GRU returning sequences, attention, then the real steps'
     * average and maximum side by side.
     */
    private static Graph padded() {
        Graph g = new Graphs().then("input", "Input", "size", 6)
                .then("e", "Embedding", "vocabulary", 9, "dimension", 4, "maskPadding", true)
                .then("r1", "SimpleRNN", "units", 3, "returnSequences", true, "bidirectional", true)
                .then("r2", "GRU", "units", 4, "returnSequences", true)
                .then("att", "MultiHeadAttention", "heads", 2, "keySize", 2).then("avg", "GlobalAvgPool")
                .add("max", "GlobalMaxPool").add("cat", "Concatenate")
                .then("d", "Dense", "units", 3, "activation", "softmax").then("out", "Output").build();
        g.connect("att", "max");
        g.connect(new PortRef("avg", "out"), new PortRef("cat", "in1"));
        g.connect(new PortRef("max", "out"), new PortRef("cat", "in2"));
        return g;
    }

    static INDArray[] batch(Analysis a, Graph g, int n) {
        TensorShape in = a.shapeOf("input").orElseThrow();
        long[] shape = Plan.withBatch(n, in);
        Nd4j.getRandom().setSeed(11);
        INDArray x = Nd4j.rand(DataType.FLOAT, shape).subi(0.5).muli(2);
        var first = g.nodes().stream().filter(node -> node.type().id().equals("Embedding")).findFirst()
                .orElse(g.require(g.outgoing("input").get(0).to().node()));
        if (first.type().id().equals("Embedding")) { // token indices, whole numbers below the vocabulary
            x = Nd4j.rand(DataType.FLOAT, shape).muli(first.params().getInt("vocabulary") - 0.01);
            x = org.nd4j.linalg.ops.transforms.Transforms.floor(x, false);
            if (first.params().getBool("maskPadding")) { // sample i: 1 + i mod T real tokens, then padding
                for (int i = 0; i < n; i++) {
                    for (long t = 0; t < shape[1]; t++) {
                        if (t > i % shape[1]) {
                            x.putScalar(i, t, 0);
                        } else if (x.getDouble(i, t) == 0) {
                            x.putScalar(i, t, 1 + t % 3); // a real token, not padding's 0
                        }
                    }
                }
            }
        }
        TensorShape out = a.shapeOf(g.outputNodes().get(0).id()).orElseThrow();
        if (out.kind() == TensorShape.Kind.SEQUENCE) { // a class at every step, and one step without (a zero row)
            long steps = out.dim(0);
            long k = out.channels();
            INDArray y = Nd4j.zeros(DataType.FLOAT, n, steps, k);
            for (int i = 0; i < n; i++) {
                for (long t = 0; t < steps; t++) if (t != i % steps) y.putScalar(new long[]{i, t, (i * 7 + t * 3) % k}, 1);
            }
            return new INDArray[]{x, y};
        }
        long k = out.size();
        INDArray y = Nd4j.zeros(DataType.FLOAT, n, k);
        for (int i = 0; i < n; i++) y.putScalar(i, (i * 7) % k, 1);
        // Huber's targets far enough (2.5) for its linear part, the zeros near for its squared part
        var loss = org.strata.engine.layers.LossFn.of(g.outputNodes().get(0).params());
        if (loss == org.strata.engine.layers.LossFn.HUBER) y.muli(2.5);
        return new INDArray[]{x, y};
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("graphs")
    void gradient_matches_finite_differences(String name, Graph g) {
        if (name.equals("seed cnn")) return; // too large for finite differences; compared with DL4J below
        checkFiniteDifferences(name, g);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("graphs")
    void activation_summary_is_every_kth_output_and_the_first_sample(String name, Graph g) {
        Analysis a = GraphAnalyzer.analyze(g);
        FastNetwork net = new FastNetwork(g, a, settings());
        INDArray[] b = batch(a, g, 8);
        Map<String, float[]> full = net.activationValues(b[0]);
        Map<String, float[][]> summary = net.activationSummary(b[0], 100, 50);
        assertEquals(full.keySet(), summary.keySet());
        full.forEach((id, v) -> {
            int stride = Math.max(1, (v.length + 99) / 100);
            float[] expected = new float[(v.length + stride - 1) / stride];
            for (int i = 0, j = 0; i < v.length; i += stride) expected[j++] = v[i];
            assertArrayEquals(expected, summary.get(id)[0], 0f, name + " " + id + " strided");
            assertArrayEquals(java.util.Arrays.copyOf(v, Math.min(v.length / 8, 50)), summary.get(id)[1], 0f,
                    name + " " + id + " first sample");
        });
    }

    /** Dropout's masks are random, so it is checked on its own: with the mask of one step held fixed. */
    @Test
    void dropout_gradient_matches_finite_differences_and_inference_ignores_it() {
        Graph g = new Graphs().then("input", "Input", "size", 5).then("d1", "Dense", "units", 40, "activation", "tanh")
                .then("drop", "Dropout", "rate", 0.25).then("d2", "Dense", "units", 3, "activation", "softmax")
                .then("out", "Output").build();
        checkFiniteDifferences("dropout", g);
        Analysis a = GraphAnalyzer.analyze(g);
        FastNetwork net = new FastNetwork(g, a, settings());
        INDArray[] b = batch(a, g, 16);
        net.computeGradient(b[0], b[1]);
        float[] before = net.activationValues(b[0]).get("d1");
        float[] after = net.activationValues(b[0]).get("drop");
        assertArrayEquals(before, after, 0f, "inference passes dropout's input through");
        Dl4jNetwork dl4j = Dl4jCompiler.compile(g, a, settings());
        ParamAccess.write(g, dl4j, net.exportParameters());
        assertTrue(net.predict(b[0]).equalsWithEps(dl4j.graph().outputSingle(false, b[0]), 1e-4));

        // While training it does drop values: the same weights without the Dropout give another loss.
        Graph plain = new Graphs().then("input", "Input", "size", 5).then("d1", "Dense", "units", 40, "activation", "tanh")
                .then("d2", "Dense", "units", 3, "activation", "softmax").then("out", "Output").build();
        FastNetwork without = new FastNetwork(plain, GraphAnalyzer.analyze(plain), settings());
        without.importParameters(net.exportParameters());
        assertTrue(Math.abs(net.computeGradient(b[0], b[1]) - without.computeGradient(b[0], b[1])) > 1e-4);
    }

    @Test
    void batch_norm_running_statistics_match_deeplearning4j_after_steps() {
        Graph g = new Graphs().then("input", "Input", "kind", "image", "height", 5, "width", 5, "channels", 2)
                .then("c", "Conv2D", "filters", 3, "activation", "identity").then("bn", "BatchNorm", "momentum", 0.8)
                .then("f", "Flatten").then("d", "Dense", "units", 3, "activation", "softmax").then("out", "Output")
                .build();
        stepsMatchDeeplearning4j(g, settings(), "batch norm");
    }

    @Test
    void a_dense_tied_to_the_embedding_trains_as_on_deeplearning4j() {
        Graph g = new Graphs().then("input", "Input", "size", 5).then("e", "Embedding", "vocabulary", 7, "dimension", 4)
                .then("head", "Dense", "units", 7, "activation", "tanh", "tieEmbedding", true)
                .then("f", "Flatten").then("d", "Dense", "units", 3, "activation", "softmax").then("out", "Output")
                .build();
        stepsMatchDeeplearning4j(g, settings().set("optimizer", "adamw").set("learningRate", 0.05)
                .set("weightDecay", 0.1), "tied");
    }

    @ParameterizedTest(name = "{0} with weight decay matches Deeplearning4j after a step")
    @org.junit.jupiter.params.provider.ValueSource(strings = {"sgd", "adamw", "adam", "momentum"})
    void weight_decay_step_matches_deeplearning4j(String optimizer) {
        Graph g = new Graphs().then("input", "Input", "size", 4).then("d1", "Dense", "units", 6, "activation", "tanh")
                .then("d2", "Dense", "units", 3, "activation", "softmax").then("out", "Output").build();
        stepsMatchDeeplearning4j(g, settings().set("optimizer", optimizer).set("learningRate", 0.05)
                .set("weightDecay", 0.1), optimizer);
    }

    /**
     * Three training steps from the same weights on the same batch leave both engines with the same parameters
     * (running statistics included) and the same inference output.
     */
    private static void stepsMatchDeeplearning4j(Graph g, Params t, String label) {
        Analysis a = GraphAnalyzer.analyze(g);
        FastNetwork fast = new FastNetwork(g, a, t);
        Dl4jNetwork dl4j = Dl4jCompiler.compile(g, a, t);
        ParamAccess.write(g, dl4j, fast.exportParameters());
        INDArray[] b = batch(a, g, 8);
        for (int step = 0; step < 3; step++) {
            fast.fit(b[0], b[1]);
            dl4j.graph().fit(new org.nd4j.linalg.dataset.DataSet(b[0], b[1]));
        }
        Map<String, INDArray> theirs = ParamAccess.read(g, dl4j);
        for (var e : fast.exportParameters().entrySet()) {
            double diff = e.getValue().sub(theirs.get(e.getKey())).amaxNumber().doubleValue();
            assertTrue(diff < 1e-4, label + " " + e.getKey() + ": max diff " + diff);
        }
        assertTrue(fast.predict(b[0]).equalsWithEps(dl4j.graph().outputSingle(false, b[0]), 1e-4),
                label + ": inference");
    }

    @Test
    void a_confidently_wrong_prediction_has_a_finite_loss_as_in_deeplearning4j() {
        // p(true class) = e^-200 underflows to 0; the loss clips it at 1e-10 as Deeplearning4j does: -ln 1e-10 = 23.03.
        // (Computed as log1p(p − 1), the float sum p − 1 rounded to −1 for any p below ~6e-8: the loss became
        // Infinity, and a spirals run stopped at epoch 197 calling it NaN.)
        Graph g = new Graphs().then("input", "Input", "size", 2)
                .then("d", "Dense", "units", 2, "activation", "softmax").then("out", "Output").build();
        Analysis a = GraphAnalyzer.analyze(g);
        FastNetwork fast = new FastNetwork(g, a, settings());
        Map<String, INDArray> params = fast.exportParameters();
        params.get("d/W").assign(Nd4j.createFromArray(new float[][]{{50, -50}, {50, -50}}));
        params.get("d/b").assign(0);
        fast.importParameters(params);
        INDArray x = Nd4j.createFromArray(new float[][]{{1, 1}, {1, 1}});
        INDArray y = Nd4j.createFromArray(new float[][]{{0, 1}, {1, 0}}); // the first sample confidently wrong
        double loss = fast.computeGradient(x, y);
        assertEquals(-Math.log(1e-10) / 2, loss, 1e-3);
        Dl4jNetwork dl4j = Dl4jCompiler.compile(g, a, settings());
        ParamAccess.write(g, dl4j, fast.exportParameters());
        ComputationGraph cg = dl4j.graph();
        cg.setInputs(x);
        cg.setLabels(y);
        cg.computeGradientAndScore();
        assertEquals(cg.score(), loss, 1e-3);
    }

    private static void checkFiniteDifferences(String name, Graph g) {
        Analysis a = GraphAnalyzer.analyze(g);
        FastNetwork net = new FastNetwork(g, a, settings());
        INDArray[] b = batch(a, g, 6);
        double at = net.computeGradient(b[0], b[1]);
        Map<String, INDArray> analytic = net.exportGradients();
        Map<String, INDArray> params = net.exportParameters();
        double eps = 1e-2;
        int checked = 0;
        for (var e : params.entrySet()) {
            INDArray p = e.getValue();
            INDArray grad = analytic.get(e.getKey());
            for (long i = 0; i < p.length(); i += Math.max(1, p.length() / 12)) {
                double orig = p.getDouble(i);
                p.putScalar(i, orig + eps);
                net.importParameters(params);
                double up = net.computeGradient(b[0], b[1]);
                p.putScalar(i, orig - eps);
                net.importParameters(params);
                double down = net.computeGradient(b[0], b[1]);
                p.putScalar(i, orig);
                double numeric = (up - down) / (2 * eps);
                double g0 = grad.getDouble(i);
                double tol = 2e-3 + 2e-2 * Math.max(Math.abs(numeric), Math.abs(g0));
                double right = (up - at) / eps;
                double left = (at - down) / eps;
                if (Math.abs(numeric - g0) > tol && Math.abs(right - left) > 4 * tol) {
                    // a kink within ±eps (a max pooling's choice changes there): the gradient is one side's slope
                    assertTrue(Math.min(Math.abs(right - g0), Math.abs(left - g0)) <= 3 * tol,
                            name + " " + e.getKey() + "[" + i + "] at a kink: " + g0 + " is neither " + left + " nor "
                                    + right);
                } else {
                    assertEquals(numeric, g0, tol, name + " " + e.getKey() + "[" + i + "]");
                }
                checked++;
            }
        }
        net.importParameters(params);
        assertTrue(checked > 10);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("graphs")
    void predictions_and_gradients_match_deeplearning4j(String name, Graph g) {
        Analysis a = GraphAnalyzer.analyze(g);
        FastNetwork fast = new FastNetwork(g, a, settings());
        Dl4jNetwork dl4j = Dl4jCompiler.compile(g, a, settings());
        ParamAccess.write(g, dl4j, fast.exportParameters());
        INDArray[] b = batch(a, g, 8);

        INDArray mine = fast.predict(b[0]);
        INDArray theirs = dl4j.output(b[0]);
        assertTrue(mine.equalsWithEps(theirs, 1e-4), name + ": predictions differ\n" + mine + "\n" + theirs);

        double loss = fast.computeGradient(b[0], b[1]);
        ComputationGraph cg = dl4j.graph();
        cg.setInputs(b[0]);
        cg.setLabels(b[1]);
        if (dl4j.padded()) cg.setLayerMaskArrays(dl4j.masks(b[0]), null);
        cg.computeGradientAndScore();
        org.strata.engine.train.dl4j.TiedWeightsDl4j.sumGradients(dl4j); // as fit does before its updater
        assertEquals(cg.score(), loss, 1e-4 * Math.max(1, Math.abs(loss)), name + ": loss");
        Map<String, INDArray> theirGrads = cg.gradient().gradientForVariable();
        for (var e : fast.exportGradients().entrySet()) {
            String node = e.getKey().substring(0, e.getKey().indexOf('/'));
            String param = e.getKey().substring(node.length() + 1);
            if (param.equals("mean") || param.equals("var")) continue; // running statistics, not trained: see below
            Weight weight = a.weightsOf(node).stream().filter(w -> w.name().equals(param)).findFirst().orElseThrow();
            Dl4jLayers.Param spec = Dl4jLayers.param(g.require(node), weight);
            INDArray their = spec.toExport().apply(theirGrads.get(dl4j.vertexOf(node) + "_" + spec.key()).dup())
                    .reshape(e.getValue().shape()).divi(b[0].size(0)); // DL4J divides by the batch in its updater
            double scale = Math.max(1e-3, their.amaxNumber().doubleValue());
            double diff = e.getValue().sub(their).amaxNumber().doubleValue();
            assertTrue(diff <= 1e-3 * scale + 1e-6, name + " " + e.getKey() + ": max diff " + diff + " of " + scale);
        }
    }
}
