package org.strata.engine.export;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.factory.Nd4j;
import org.strata.engine.Samples;
import org.strata.engine.train.TrainingSession;

/** What sequence layers do inside, computed from a trained network's weights: the views of the Layers tab. */
class NpzForwardInsideTest {
    private static NpzForward forward(TrainingSession s) {
        Map<String, float[]> arrays = new HashMap<>();
        s.backend().exportParameters().forEach((k, v) -> arrays.put(k, v.castTo(DataType.FLOAT).dup('c').data()
                .asFloat()));
        String input = s.project().graph().inputNodes().get(0).id();
        arrays.put(input + "/shift", s.dataset().normalizer().shift());
        arrays.put(input + "/scale", s.dataset().normalizer().scale());
        return new NpzForward(s.project().graph(), arrays);
    }

    @Test
    void trained_attention_reverses_digits_by_each_step_looking_at_its_mirror_step() throws Exception {
        TrainingSession s = Samples.trained("attention-reverse", 10);
        NpzForward f = forward(s);
        var test = s.dataset().test();
        int steps = 8;
        double mirror = 0;
        int rows = 0;
        for (int i = 0; i < 20; i++) {
            float[] raw = new float[steps];
            test.rawFeatures(i, raw, 0);
            var inside = f.inside(raw);
            float[] looks = inside.attention().get("attention");
            int heads = looks.length / (steps * steps);
            assertEquals(2, heads);
            for (int h = 0; h < heads; h++) {
                for (int t = 0; t < steps; t++) {
                    double sum = 0;
                    for (int u = 0; u < steps; u++) sum += looks[(h * steps + t) * steps + u];
                    assertEquals(1, sum, 1e-5, "a step's weights sum to 1");
                    mirror += looks[(h * steps + t) * steps + (steps - 1 - t)];
                    rows++;
                }
            }
            // the same prediction as the engine's
            float[] engine = s.backend().predictValues(Nd4j.create(raw, new long[]{1, steps}));
            assertArrayEquals(engine, inside.outputs().get("output"), 1e-4f);
        }
        assertTrue(mirror / rows > 0.7, "mean weight on the mirror step " + mirror / rows);
    }

    @Test
    void a_recurrent_layer_s_steps_end_in_the_h_it_passes_on_and_are_zero_on_padding() throws Exception {
        TrainingSession s = Samples.trained("which-language", 1);
        NpzForward f = forward(s);
        float[] raw = s.dataset().text().orElseThrow().encode("haus");
        var inside = f.inside(raw);
        float[] states = inside.steps().get("gru");
        int units = 64;
        assertEquals(12 * units, states.length);
        float[] last = inside.outputs().get("gru");
        for (int u = 0; u < units; u++) assertEquals(last[u], states[3 * units + u], 1e-6, "h after the 4th letter");
        for (int i = 4 * units; i < states.length; i++) assertEquals(0f, states[i], "padding has no h");
        assertTrue(inside.attention().isEmpty());
    }
}
