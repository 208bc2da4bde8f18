package org.strata.engine.backprop;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.strata.engine.Graphs;
import org.strata.engine.graph.Graph;

/**
 * A class at every step is averaged over the positions that have a label, not over the batch: the step-through does
 * not work out that loss with the per-sample numbers it shows for one label per sample.
 */
class PerStepLossFormulasTest {
    private static Values zeros(long... shape) {
        long n = 1;
        for (long d : shape) n *= d;
        return new Values(shape, new float[(int) n]);
    }

    private static StepTrace trace(long... outputRow) {
        long[] out = new long[outputRow.length + 1];
        out[0] = 2;
        System.arraycopy(outputRow, 0, out, 1, outputRow.length);
        Map<String, Values> outputs = Map.of("input", zeros(2, 4), "e", zeros(2, 4, 3), "head", zeros(out),
                "out", zeros(out));
        Map<String, Map<String, Values>> weights = Map.of("e", Map.of("E", zeros(6, 3)));
        return new StepTrace(2, new int[0], 1.0, 0.1, "sgd", zeros(2, 4), zeros(out), outputs, Map.of(),
                Map.of("e", zeros(2, 4, 3), "head", zeros(out)), Set.of(), weights, weights, weights);
    }

    private static Graph graph(boolean pooled) {
        Graphs g = new Graphs().then("input", "Input", "size", 4)
                .then("e", "Embedding", "vocabulary", 6, "dimension", 3);
        if (pooled) g.then("pool", "GlobalAvgPool");
        return g.then("head", "Dense", "units", 6, "activation", "identity").then("out", "Output").build();
    }

    @Test
    void a_class_at_every_step_is_not_worked_out_with_the_numbers_of_one_label_per_sample() {
        assertFalse(new StepFormulas(trace(4, 6), graph(false)).worksLoss());
    }

    @Test
    void one_label_per_sample_is() {
        assertTrue(new StepFormulas(trace(6), graph(true)).worksLoss());
    }
}
