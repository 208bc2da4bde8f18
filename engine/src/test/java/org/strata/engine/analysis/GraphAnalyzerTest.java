package org.strata.engine.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.strata.engine.Graphs;
import org.strata.engine.graph.Graph;
import org.strata.engine.graph.PortRef;
import org.strata.engine.layers.TensorShape;

class GraphAnalyzerTest {
    private static Problem only(Analysis a, Problem.Severity s) {
        List<Problem> ps = a.problems().stream().filter(p -> p.severity() == s).toList();
        assertEquals(1, ps.size(), ps.toString());
        return ps.get(0);
    }

    @Test
    void seed_mlp_is_valid_with_keras_parameter_count() {
        Analysis a = GraphAnalyzer.analyze(Graphs.mlp());
        assertTrue(a.isValid(), a.problems().toString());
        assertEquals(101_770, a.totalParams());
        assertEquals(List.of("input", "dense1", "dense2", "output"), a.order());
    }

    @Test
    void a_second_output_is_an_error_on_that_node_as_training_would_refuse_it() {
        Graph g = Graphs.mlp();
        g.add(org.strata.engine.graph.Node.of("out2", org.strata.engine.layers.LayerCatalogue.get("Output")));
        g.connect("dense2", "out2");
        Analysis a = GraphAnalyzer.analyze(g);
        assertFalse(a.isValid());
        var p = a.errors().stream().filter(e -> "graph.extraOutput".equals(e.code())).findFirst().orElseThrow();
        assertEquals("out2", p.nodeId());
        assertTrue(p.message().startsWith("A network trains with one Output but this one has 2"), p.message());
    }

    @Test
    void seed_cnn_edges_carry_their_shapes() {
        Graph g = Graphs.cnn();
        Analysis a = GraphAnalyzer.analyze(g);
        assertTrue(a.isValid(), a.problems().toString());
        assertEquals(225_034, a.totalParams());
        var flattenIn = g.incoming(new PortRef("flatten", "in")).orElseThrow();
        assertEquals(TensorShape.image(5, 5, 64), a.edgeShapes().get(flattenIn));
        assertEquals("1600", a.edgeShapes().get(g.incoming(new PortRef("dense1", "in")).orElseThrow()).toString());
    }

    @Test
    void dense_fed_an_image_says_to_add_a_flatten() {
        Graph g = new Graphs().then("input", "Input", "kind", "image").then("dense", "Dense").then("out", "Output")
                .build();
        Problem p = only(GraphAnalyzer.analyze(g), Problem.Severity.ERROR);
        assertEquals("dense", p.nodeId());
        assertTrue(p.message().contains("Dense expects a vector but gets an image of shape 28×28×1: add a Flatten"),
                p.message());
    }

    @Test
    void cycle_is_reported_with_its_path() {
        Graph g = new Graphs().then("input", "Input", "size", 4).add("a", "Dense", "units", 4)
                .add("add", "Add").add("b", "Dense", "units", 4).then("out", "Output").build();
        g.connect(new PortRef("input", "out"), new PortRef("add", "in1"));
        g.connect(new PortRef("b", "out"), new PortRef("add", "in2"));
        g.connect("add", "a");
        g.connect("a", "b");
        // b also feeds the output
        Analysis a = GraphAnalyzer.analyze(g);
        assertFalse(a.isValid());
        assertTrue(a.errors().stream().anyMatch(p -> p.message().contains("cycle") && p.message().contains("→")),
                a.problems().toString());
    }

    @Test
    void dangling_input_port_names_the_port() {
        Graph g = new Graphs().then("input", "Input", "size", 4).then("d", "Dense", "units", 4).add("add", "Add")
                .then("out", "Output", "loss", "mse").build();
        g.connect(new PortRef("d", "out"), new PortRef("add", "in1"));
        Analysis a = GraphAnalyzer.analyze(g);
        Problem p = only(a, Problem.Severity.ERROR);
        assertEquals("add", p.nodeId());
        assertTrue(p.message().contains("'in2'") && p.message().contains("not connected"), p.message());
    }

    @Test
    void mismatched_add_names_both_shapes() {
        Graph g = new Graphs().then("input", "Input", "size", 4).then("a", "Dense", "units", 8)
                .add("b", "Dense", "units", 6).add("add", "Add").then("out", "Output").build();
        g.connect("input", "b");
        g.connect(new PortRef("a", "out"), new PortRef("add", "in1"));
        g.connect(new PortRef("b", "out"), new PortRef("add", "in2"));
        Problem p = only(GraphAnalyzer.analyze(g), Problem.Severity.ERROR);
        assertTrue(p.message().contains("in1 is 8 and in2 is 6"), p.message());
    }

    @Test
    void kernel_larger_than_input_suggests_same_padding() {
        Graph g = new Graphs().then("input", "Input", "kind", "image", "height", 4, "width", 4)
                .then("conv", "Conv2D", "kernel", new int[]{5, 5}).then("f", "Flatten").then("d", "Dense", "units", 2)
                .then("out", "Output").build();
        Problem p = only(GraphAnalyzer.analyze(g), Problem.Severity.ERROR);
        assertEquals("conv", p.nodeId());
        assertTrue(p.message().contains("padding 'same'"), p.message());
    }

    @Test
    void missing_output_and_missing_input_are_errors() {
        Graph noOut = new Graphs().then("input", "Input").then("d", "Dense").build();
        assertTrue(only(GraphAnalyzer.analyze(noOut), Problem.Severity.ERROR).message().startsWith("No Output node"));
        Graph noIn = new Graphs().then("d", "Dense").then("out", "Output").build();
        Analysis a = GraphAnalyzer.analyze(noIn);
        assertTrue(a.errors().stream().anyMatch(p -> p.message().startsWith("No Input node")), a.problems().toString());
    }

    @Test
    void node_not_reachable_from_an_input_is_an_error() {
        Graph g = Graphs.mlp();
        g.add(org.strata.engine.graph.Node.of("lonely", org.strata.engine.layers.LayerCatalogue.get("Dropout")));
        Analysis a = GraphAnalyzer.analyze(g);
        assertTrue(a.errors().stream().anyMatch(p -> "lonely".equals(p.nodeId())
                && p.message().contains("not reachable from any Input")), a.problems().toString());
    }

    @Test
    void branch_leading_nowhere_is_a_warning_not_an_error() {
        Graph g = Graphs.mlp();
        g.add(org.strata.engine.graph.Node.of("side", org.strata.engine.layers.LayerCatalogue.get("Dense")));
        g.connect("dense1", "side");
        Analysis a = GraphAnalyzer.analyze(g);
        assertTrue(a.isValid());
        assertEquals("side", only(a, Problem.Severity.WARNING).nodeId());
    }

    @Test
    void relu_before_a_softmax_loss_is_a_warning() {
        Graph g = new Graphs().then("input", "Input", "size", 4).then("d", "Dense", "units", 3)
                .then("out", "Output").build();
        Analysis a = GraphAnalyzer.analyze(g);
        assertTrue(a.isValid());
        assertTrue(only(a, Problem.Severity.WARNING).message().contains("set its activation to softmax"));
    }

    @Test
    void empty_graph_says_what_to_do() {
        Analysis a = GraphAnalyzer.analyze(new Graph());
        assertTrue(only(a, Problem.Severity.ERROR).message().contains("empty"));
    }

    @Test
    void shapes_are_still_inferred_before_and_after_an_error_where_possible() {
        Graph g = new Graphs().then("input", "Input", "kind", "image").then("dense", "Dense").then("out", "Output")
                .build();
        Analysis a = GraphAnalyzer.analyze(g);
        assertEquals(TensorShape.image(28, 28, 1), a.shapeOf("input").orElseThrow());
        assertTrue(a.shapeOf("dense").isEmpty());
    }

    @Test
    void summary_table_lists_every_layer_and_the_total() {
        Graph g = Graphs.mlp();
        String table = SummaryTable.render(g, GraphAnalyzer.analyze(g));
        assertTrue(table.contains("dense1 (Dense)"), table);
        assertTrue(table.contains("100,480"), table);
        assertTrue(table.contains("Total params: 101,770"), table);
    }
}
