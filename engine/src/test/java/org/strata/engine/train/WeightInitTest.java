package org.strata.engine.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.strata.engine.Graphs;
import org.strata.engine.analysis.GraphAnalyzer;
import org.strata.engine.graph.Graph;
import org.strata.engine.layers.WeightInit;
import org.strata.engine.project.TrainingSettings;
import org.strata.engine.train.dl4j.Dl4jCompiler;

/** A weighted layer's initialiser sets how its weights start, on both engines, and leaves its biases at zero. */
class WeightInitTest {
    private static Graph graph(String init) {
        return new Graphs().then("input", "Input", "size", 300).then("d", "Dense", "units", 200, "init", init)
                .then("out", "Dense", "units", 3, "activation", "softmax").then("o", "Output").build();
    }

    @ParameterizedTest
    @ValueSource(strings = {"xavier", "xavier_uniform", "he", "he_uniform"})
    void the_fast_engine_draws_each_layers_weights_with_its_initialiser(String key) {
        Graph g = graph(key);
        var net = Backends.compile(g, GraphAnalyzer.analyze(g), TrainingSettings.defaults());
        INDArray w = net.exportParameters().get("d/W");
        WeightInit init = WeightInit.valueOf(key.toUpperCase(java.util.Locale.ROOT));
        double scale = init.scale(300, 200);
        double std = w.stdNumber().doubleValue();
        double expected = init.uniform() ? scale / Math.sqrt(3) : scale; // a uniform on ±a has σ = a/√3
        assertEquals(expected, std, 0.03 * expected, key + ": spread");
        assertEquals(0, w.meanNumber().doubleValue(), 0.05 * expected, key + ": centred");
        if (init.uniform()) assertTrue(w.amaxNumber().doubleValue() <= scale, key + ": within ±" + scale);
        assertEquals(0, net.exportParameters().get("d/b").amaxNumber().doubleValue(), 0.0, "biases start at zero");
    }

    @ParameterizedTest
    @ValueSource(strings = {"xavier", "xavier_uniform", "he", "he_uniform"})
    void deeplearning4j_gets_the_same_initialiser(String key) {
        Graph g = graph(key);
        var net = Dl4jCompiler.compile(g, GraphAnalyzer.analyze(g), TrainingSettings.defaults());
        var layer = (org.deeplearning4j.nn.conf.layers.BaseLayer) net.graph().getLayer(net.vertexOf("d")).conf()
                .getLayer();
        WeightInit init = WeightInit.valueOf(key.toUpperCase(java.util.Locale.ROOT));
        String expected = switch (init) {
            case XAVIER -> "WeightInitXavier";
            case XAVIER_UNIFORM -> "WeightInitXavierUniform";
            case HE -> "WeightInitRelu";
            case HE_UNIFORM -> "WeightInitReluUniform";
        };
        assertEquals(expected, layer.getWeightInitFn().getClass().getSimpleName());
    }
}
