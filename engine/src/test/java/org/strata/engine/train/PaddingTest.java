package org.strata.engine.train;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.function.IntFunction;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.strata.engine.Graphs;
import org.strata.engine.analysis.Analysis;
import org.strata.engine.analysis.GraphAnalyzer;
import org.strata.engine.graph.Graph;
import org.strata.engine.graph.PortRef;
import org.strata.engine.project.TrainingSettings;
import org.strata.engine.train.dl4j.Dl4jCompiler;
import org.strata.engine.train.dl4j.Dl4jNetwork;
import org.strata.engine.train.dl4j.ParamAccess;
import org.strata.engine.train.fast.FastNetwork;

/**
 * Padding is read as absent: with "token 0 pads", a sequence padded to 7 steps gets the prediction the same network
 * gives the unpadded tokens over their own length, on both engines.
 */
class PaddingTest {
    static Stream<Arguments> networks() {
        IntFunction<Graph> lstm = steps -> new Graphs().then("input", "Input", "size", steps)
                .then("e", "Embedding", "vocabulary", 9, "dimension", 4, "maskPadding", true)
                .then("l", "LSTM", "units", 3, "bidirectional", true)
                .then("d", "Dense", "units", 3, "activation", "softmax").then("out", "Output").build();
        IntFunction<Graph> sequences = steps -> new Graphs().then("input", "Input", "size", steps)
                .then("e", "Embedding", "vocabulary", 9, "dimension", 4, "maskPadding", true)
                .then("r1", "GRU", "units", 3, "returnSequences", true, "bidirectional", true)
                .then("r2", "SimpleRNN", "units", 4, "returnSequences", true)
                .then("n", "LayerNorm").then("att", "MultiHeadAttention", "heads", 2, "keySize", 2)
                .then("d0", "Dense", "units", 5, "activation", "tanh")
                .then("r3", "LSTM", "units", 4, "returnSequences", true).then("avg", "GlobalAvgPool")
                .add("max", "GlobalMaxPool").add("cat", "Concatenate")
                .then("d", "Dense", "units", 3, "activation", "softmax").then("out", "Output").build();
        return Stream.of(Arguments.of("a bidirectional lstm's last steps", lstm),
                Arguments.of("recurrent sequences, attention, pooling", (IntFunction<Graph>) steps -> {
                    Graph g = sequences.apply(steps);
                    g.connect("r3", "max");
                    g.connect(new PortRef("avg", "out"), new PortRef("cat", "in1"));
                    g.connect(new PortRef("max", "out"), new PortRef("cat", "in2"));
                    return g;
                }));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("networks")
    void a_padded_sequence_predicts_as_its_tokens_alone(String name, IntFunction<Graph> network) {
        float[][] padded = {{3, 1, 4, 0, 0, 0, 0}, {1, 5, 0, 0, 0, 0, 0}, {2, 6, 5, 3, 5, 8, 0}, {7, 0, 0, 0, 0, 0, 0}};
        Graph full = network.apply(7);
        Analysis fullAnalysis = GraphAnalyzer.analyze(full);
        FastNetwork fast = new FastNetwork(full, fullAnalysis, TrainingSettings.defaults());
        Dl4jNetwork dl4j = Dl4jCompiler.compile(full, fullAnalysis, TrainingSettings.defaults());
        ParamAccess.write(full, dl4j, fast.exportParameters());
        INDArray x = Nd4j.createFromArray(padded);
        INDArray fastPadded = fast.predict(x);
        INDArray dl4jPadded = dl4j.output(x);
        for (int i = 0; i < padded.length; i++) {
            int length = 0;
            for (int t = 0; t < padded[i].length; t++) if (padded[i][t] != 0) length = t + 1;
            float[] tokens = java.util.Arrays.copyOf(padded[i], length);
            Graph shorter = network.apply(length);
            Analysis a = GraphAnalyzer.analyze(shorter);
            FastNetwork alone = new FastNetwork(shorter, a, TrainingSettings.defaults());
            alone.importParameters(fast.exportParameters());
            INDArray expected = alone.predict(Nd4j.createFromArray(new float[][]{tokens}));
            assertTrue(expected.equalsWithEps(fastPadded.getRow(i, true), 1e-5),
                    name + ", sample " + i + ": fast engine " + fastPadded.getRow(i, true) + ", alone " + expected);
            assertTrue(expected.equalsWithEps(dl4jPadded.getRow(i, true), 1e-5),
                    name + ", sample " + i + ": Deeplearning4j " + dl4jPadded.getRow(i, true) + ", alone "
                            + expected);
        }
    }
}
