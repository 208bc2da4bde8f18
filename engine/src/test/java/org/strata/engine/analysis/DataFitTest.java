package org.strata.engine.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.strata.engine.Graphs;
import org.strata.engine.graph.Graph;
import org.strata.engine.layers.TensorShape;

class DataFitTest {
    private static final DataShape IRIS = new DataShape("iris.csv", TensorShape.vector(4),
            List.of("setosa", "versicolor", "virginica"), 0);

    private static List<Problem> check(Graph g, DataShape d) {
        return DataFit.problems(g, GraphAnalyzer.analyze(g), d);
    }

    @Test
    void an_input_that_does_not_take_a_sample_is_an_error_on_the_input_with_the_fix_that_sets_its_shape() {
        Graph g = new Graphs().then("input", "Input", "size", 784).then("dense", "Dense", "units", 3)
                .then("output", "Output").build();
        List<Problem> found = check(g, IRIS);
        assertEquals(1, found.size(), found.toString());
        Problem p = found.get(0);
        assertEquals("data.inputSize", p.code());
        assertEquals("input", p.nodeId());
        assertEquals(List.of("784", 784L, "iris.csv", "4", 4L), p.args());
        assertEquals(Fix.Target.NODE, p.fix().target());
        assertEquals("input", p.fix().nodeId());
        assertEquals(Map.of("kind", "vector", "size", 4), p.fix().values());
        assertEquals("Set shape to 4", p.fix().english());
    }

    @Test
    void an_image_dataset_fixes_the_input_to_an_image_of_its_size() {
        Graph g = Graphs.mlp();
        g.require("input").params().set("size", 100);
        var d = new DataShape("MNIST", TensorShape.image(28, 28, 1), List.of("0", "1"), 0);
        Problem p = check(g, d).get(0);
        assertEquals(Map.of("kind", "image", "height", 28, "width", 28, "channels", 1), p.fix().values());
    }

    /** A corpus of 30 tokens read 8 at a time, with the next token at every position. */
    private static final DataShape CORPUS = new DataShape("poems.txt", TensorShape.vector(8),
            java.util.stream.IntStream.range(0, 30).mapToObj(i -> "t" + i).toList(), 0, 30, 8);

    private static Graph languageModel(int units, boolean pooled) {
        Graphs g = new Graphs().then("input", "Input", "size", 8)
                .then("e", "Embedding", "vocabulary", 30, "dimension", 4)
                .then("att", "MultiHeadAttention", "heads", 2, "keySize", 2, "causal", true);
        if (pooled) g.then("pool", "GlobalAvgPool");
        return g.then("head", "Dense", "units", units, "activation", "identity").then("output", "Output").build();
    }

    @Test
    void a_class_at_every_position_fits_an_output_of_a_class_at_every_step_from_as_many_classes() {
        assertEquals(List.of(), check(languageModel(30, false), CORPUS));
        Problem p = check(languageModel(12, false), CORPUS).get(0);
        assertEquals("data.stepClasses", p.code());
        assertEquals(List.of(12, 30), p.args());
        assertEquals("head", p.fix().nodeId(), "the Dense on every step sets the classes");
        assertEquals(Map.of("units", 30), p.fix().values());
    }

    @Test
    void one_label_per_sample_and_a_class_at_every_step_do_not_mix() {
        Problem pooled = check(languageModel(30, true), CORPUS).get(0);
        assertEquals("data.perStepLabels", pooled.code());
        assertEquals(List.of("poems.txt", 8), pooled.args());
        var iris = new DataShape("iris.csv", TensorShape.vector(8), List.of("a", "b", "c"), 0);
        Problem perStep = check(languageModel(3, false), iris).get(0);
        assertEquals("data.perStepOutput", perStep.code());
        assertEquals(List.of(8, "iris.csv"), perStep.args());
    }

    @Test
    void too_few_outputs_for_the_classes_offers_to_set_the_units_of_the_dense_behind_activations_and_dropout() {
        Graph g = new Graphs().then("input", "Input", "size", 4).then("dense1", "Dense", "units", 16)
                .then("head", "Dense", "units", 128).then("drop", "Dropout").then("act", "Activation")
                .then("output", "Output").build();
        Problem p = check(g, IRIS).get(0);
        assertEquals("data.classes", p.code());
        assertEquals("output", p.nodeId());
        assertEquals(List.of(128, 3), p.args());
        assertEquals("head", p.fix().nodeId());
        assertEquals(Map.of("units", 3), p.fix().values());
        assertEquals("Set units of head to 3", p.fix().english());
    }

    @Test
    void a_bidirectional_layer_twice_its_units_wide_gets_no_units_fix() {
        Graph g = new Graphs().then("input", "Input", "kind", "sequence", "timesteps", 4, "features", 1)
                .then("rnn", "GRU", "units", 4, "bidirectional", true).then("output", "Output").build();
        Problem p = check(g, new DataShape("d", TensorShape.sequence(4, 1), List.of("a", "b", "c"), 0)).get(0);
        assertEquals("data.classes", p.code());
        assertEquals(List.of(8, 3), p.args());
        assertNull(p.fix(), "units 3 would make it 6 wide");
    }

    @Test
    void a_width_no_single_layer_sets_is_reported_without_a_fix() {
        Graph g = new Graphs().add("input", "Input", "size", 4).then("a", "Dense", "units", 2)
                .add("b", "Dense", "units", 3).add("cat", "Concatenate").then("output", "Output").build();
        g.connect("input", "b");
        g.connect(new org.strata.engine.graph.PortRef("a", "out"), new org.strata.engine.graph.PortRef("cat", "in1"));
        g.connect(new org.strata.engine.graph.PortRef("b", "out"), new org.strata.engine.graph.PortRef("cat", "in2"));
        Analysis a = GraphAnalyzer.analyze(g);
        assertTrue(a.isValid(), a.problems().toString());
        Problem p = DataFit.problems(g, a, new DataShape("d", TensorShape.vector(4), List.of("a", "b", "c", "d"), 0))
                .get(0);
        assertEquals("data.classes", p.code());
        assertNull(p.fix());
    }

    @Test
    void two_classes_train_on_one_sigmoid_output_but_not_on_three_outputs() {
        Graph g = new Graphs().then("input", "Input", "size", 2).then("dense", "Dense", "units", 1)
                .then("output", "Output", "loss", "binary_cross_entropy").build();
        var xor = new DataShape("xor", TensorShape.vector(2), List.of("same sign", "opposite sign"), 0);
        assertEquals(List.of(), check(g, xor));
        g.require("dense").params().set("units", 3);
        Problem p = check(g, xor).get(0);
        assertEquals("data.twoClasses", p.code());
        assertEquals(Map.of("units", 2), p.fix().values());
    }

    @Test
    void numbers_to_predict_need_mse_a_numeric_metric_and_one_output_per_target_each_fixed_in_one_click() {
        Graph g = new Graphs().then("input", "Input", "size", 1).then("dense", "Dense", "units", 10)
                .then("output", "Output").build();
        var linear = new DataShape("linear", TensorShape.vector(1), List.of(), 1);
        List<Problem> found = check(g, linear);
        assertEquals(List.of("data.regressionLoss", "data.regressionAccuracy", "data.targets"),
                found.stream().map(Problem::code).toList());
        assertEquals(Map.of("loss", "mse"), found.get(0).fix().values());
        assertEquals(Map.of("metric", "mae"), found.get(1).fix().values());
        assertEquals(Map.of("units", 1), found.get(2).fix().values());
        g.require("output").params().set("loss", "mse").set("metric", "mae");
        g.require("dense").params().set("units", 1);
        assertEquals(List.of(), check(g, linear));
    }

    @Test
    void a_graph_without_one_input_and_one_output_is_left_to_the_graphs_own_problems() {
        Graph g = new Graphs().then("dense", "Dense", "units", 3).then("output", "Output").build();
        assertEquals(List.of(), check(g, IRIS));
    }

    @Test
    void a_data_problem_joins_the_graph_problems_errors_first() {
        Graph g = new Graphs().then("input", "Input", "size", 784).then("dense", "Dense", "units", 3)
                .then("extra", "Dense").then("output", "Output").build();
        g.disconnect(g.incoming(new org.strata.engine.graph.PortRef("output", "in")).orElseThrow());
        g.connect("dense", "output");
        Analysis a = GraphAnalyzer.analyze(g);
        Analysis all = a.with(DataFit.problems(g, a, IRIS));
        assertEquals(Problem.Severity.ERROR, all.problems().get(0).severity());
        assertEquals("data.inputSize", all.problems().get(0).code());
        assertEquals(Problem.Severity.WARNING, all.problems().get(all.problems().size() - 1).severity());
    }
}
