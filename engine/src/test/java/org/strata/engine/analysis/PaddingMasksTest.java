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
    void an_embedding_without_token_0_pads_marks_nothing() {
        Graph g = new Graphs().then("input", "Input", "size", 8).then("e", "Embedding", "vocabulary", 10)
                .then("l", "LSTM", "units", 2).then("out", "Output").build();
        assertFalse(PaddingMasks.of(g, GraphAnalyzer.analyze(g)).any());
    }
}
