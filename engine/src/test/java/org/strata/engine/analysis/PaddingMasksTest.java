package org.strata.engine.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.strata.engine.Graphs;
import org.strata.engine.graph.Graph;

class PaddingMasksTest {
    @Test
    void padding_passes_through_layers_that_keep_the_steps_and_stops_where_they_change() {
        Graph g = new Graphs().then("input", "Input", "size", 8)
                .then("e", "Embedding", "vocabulary", 10, "dimension", 4, "maskPadding", true)
                .then("d", "Dense", "units", 5).then("r", "GRU", "units", 3, "returnSequences", true)
                .then("c", "Conv1D", "filters", 2).then("l", "LSTM", "units", 2).then("out", "Output").build();
        PaddingMasks m = PaddingMasks.of(g, GraphAnalyzer.analyze(g));
        assertEquals(Optional.of("e"), m.carriedBy("e"));
        assertEquals(Optional.of("e"), m.carriedBy("d"), "a Dense on a sequence keeps its steps");
        assertEquals(Optional.of("e"), m.ofInput("r"));
        assertEquals(Optional.of("e"), m.ofInput("c"));
        assertEquals(Optional.empty(), m.carriedBy("c"), "Conv1D reads padding as steps and passes none on");
        assertEquals(Optional.empty(), m.ofInput("l"));
    }

    @Test
    void a_layer_that_reads_padding_as_steps_is_warned_about_naming_the_embedding() {
        Graph g = new Graphs().then("input", "Input", "size", 8)
                .then("e", "Embedding", "vocabulary", 10, "dimension", 4, "maskPadding", true)
                .then("d", "Dense", "units", 5).then("r", "GRU", "units", 3, "returnSequences", true)
                .then("c", "Conv1D", "filters", 2).then("f", "Flatten").then("out", "Output").build();
        var warned = GraphAnalyzer.analyze(g).problems().stream().filter(p -> p.code().equals("padding.asSteps"))
                .toList();
        assertEquals(1, warned.size(), warned.toString());
        assertEquals("c", warned.get(0).nodeId(), "the Flatten after the Conv1D gets no padding");
        assertEquals(Problem.Severity.WARNING, warned.get(0).severity());
        assertEquals(java.util.List.of("c", "e"), warned.get(0).args());
        // the same network without padding: nothing to say
        g.require("e").params().set("maskPadding", false);
        assertFalse(GraphAnalyzer.analyze(g).problems().stream().anyMatch(p -> p.code().equals("padding.asSteps")));
    }

    @Test
    void an_embedding_without_token_0_pads_marks_nothing() {
        Graph g = new Graphs().then("input", "Input", "size", 8).then("e", "Embedding", "vocabulary", 10)
                .then("l", "LSTM", "units", 2).then("out", "Output").build();
        assertFalse(PaddingMasks.of(g, GraphAnalyzer.analyze(g)).any());
    }
}
