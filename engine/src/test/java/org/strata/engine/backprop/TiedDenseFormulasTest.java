package org.strata.engine.backprop;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.strata.engine.Graphs;
import org.strata.engine.graph.Graph;

/** A Dense tied to the embedding has no W of its own: the step-through shows its general formula only. */
class TiedDenseFormulasTest {
    private static Values zeros(long... shape) {
        long n = 1;
        for (long d : shape) n *= d;
        return new Values(shape, new float[(int) n]);
    }

    /** A step of Input 4 → Embedding(6, 4) → GlobalAvgPool → Dense(6, bias) → Output, as a trace holds it. */
    private static StepTrace trace() {
        Map<String, Values> outputs = Map.of("input", zeros(2, 4), "e", zeros(2, 4, 4), "g", zeros(2, 4),
                "head", zeros(2, 6), "out", zeros(2, 6));
        Map<String, Map<String, Values>> weights = Map.of("e", Map.of("E", zeros(6, 4)), "head",
                Map.of("b", zeros(6)));
        return new StepTrace(2, new int[0], 1.0, 0.1, "sgd", zeros(2, 4), zeros(2, 6), outputs, Map.of(),
                Map.of("e", zeros(2, 4, 4), "g", zeros(2, 4), "head", zeros(2, 6)), Set.of(), weights, weights,
                weights);
    }

    private static Graph graph(boolean tied) {
        return new Graphs().then("input", "Input", "size", 4).then("e", "Embedding", "vocabulary", 6, "dimension", 4)
                .then("g", "GlobalAvgPool")
                .then("head", "Dense", "units", 6, "activation", "softmax", "tieEmbedding", tied)
                .then("out", "Output").build();
    }

    @Test
    void a_tied_dense_is_not_worked_out_with_numbers() {
        StepFormulas f = new StepFormulas(trace(), graph(true));
        assertFalse(f.worksForward("head"));
        assertFalse(f.worksChain("head"));
        assertTrue(f.forward("head", 0, 0).isEmpty());
    }

    @Test
    void the_same_dense_untied_is() {
        assertTrue(new StepFormulas(trace(), graph(false)).worksForward("head"));
    }
}
