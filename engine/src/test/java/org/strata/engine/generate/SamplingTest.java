package org.strata.engine.generate;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.junit.jupiter.api.Test;

/** Temperature, top-k, top-p and the draw, on distributions made by hand. */
class SamplingTest {
    private static final float[] P = {0.1f, 0.5f, 0.25f, 0.15f};
    private static final double EPS = 1e-6;

    @Test
    void temperature_zero_is_the_most_probable_token_and_a_tie_goes_to_the_lower_number() {
        assertArrayEquals(new double[]{0, 1, 0, 0}, Sampling.GREEDY.adjust(P), EPS);
        assertArrayEquals(new double[]{0, 0, 1, 0}, Sampling.GREEDY.adjust(new float[]{0.1f, 0.2f, 0.35f, 0.35f}),
                EPS);
    }

    @Test
    void temperature_one_leaves_the_probabilities_as_they_are() {
        assertArrayEquals(new double[]{0.1, 0.5, 0.25, 0.15}, new Sampling(1, 0, 1, 0).adjust(P), EPS);
    }

    @Test
    void a_temperature_below_one_sharpens_the_distribution_and_above_one_flattens_it() {
        float[] p = {0.5f, 0.3f, 0.2f};
        // 1/T = 2: the squares, renormalised
        assertArrayEquals(new double[]{0.25 / 0.38, 0.09 / 0.38, 0.04 / 0.38}, new Sampling(0.5, 0, 1, 0).adjust(p),
                EPS);
        double[] flat = new Sampling(2, 0, 1, 0).adjust(p);
        double s = Math.sqrt(0.5) + Math.sqrt(0.3) + Math.sqrt(0.2);
        assertArrayEquals(new double[]{Math.sqrt(0.5) / s, Math.sqrt(0.3) / s, Math.sqrt(0.2) / s}, flat, EPS);
        // the most probable token's share grows as the temperature falls, and no distribution loses its order
        double last = 0;
        for (double t : new double[]{4, 2, 1, 0.5, 0.25, 0.1}) {
            double[] q = new Sampling(t, 0, 1, 0).adjust(p);
            assertTrue(q[0] > last && q[0] > q[1] && q[1] > q[2], t + ": " + java.util.Arrays.toString(q));
            last = q[0];
        }
    }

    @Test
    void a_tiny_temperature_is_computed_in_log_space_and_stays_a_distribution() {
        // 0.3^(1/0.001) underflows to 0 directly; in log space the largest stays 1
        double[] q = new Sampling(0.001, 0, 1, 0).adjust(new float[]{0.3f, 0.29f, 0.41f});
        assertArrayEquals(new double[]{0, 0, 1}, q, EPS);
        double[] r = new Sampling(0.01, 0, 1, 0).adjust(new float[]{1e-30f, 2e-30f, 0f});
        assertArrayEquals(new double[]{0, 1, 0}, r, 1e-9);
    }

    @Test
    void top_k_keeps_the_k_most_probable_tokens() {
        assertArrayEquals(new double[]{0, 0.5 / 0.9, 0.25 / 0.9, 0.15 / 0.9}, new Sampling(1, 3, 1, 0).adjust(P), EPS);
        assertArrayEquals(new double[]{0, 1, 0, 0}, new Sampling(1, 1, 1, 0).adjust(P), EPS);
        assertArrayEquals(new double[]{0.1, 0.5, 0.25, 0.15}, new Sampling(1, 10, 1, 0).adjust(P), EPS);
    }

    @Test
    void top_p_keeps_the_smallest_set_of_most_probable_tokens_that_reaches_p() {
        // 0.5 falls short of 0.7; 0.5 + 0.25 reaches it
        assertArrayEquals(new double[]{0, 0.5 / 0.75, 0.25 / 0.75, 0}, new Sampling(1, 0, 0.7, 0).adjust(P), EPS);
        assertArrayEquals(new double[]{0, 1, 0, 0}, new Sampling(1, 0, 0.5, 0).adjust(P), EPS);
        assertArrayEquals(new double[]{0, 1, 0, 0}, new Sampling(1, 0, 1e-9, 0).adjust(P), EPS);
        // after the temperature: T = 0.5 gives 0.25, 0.0625, 0.0225 of 0.335: the first alone (0.746) reaches 0.7
        assertArrayEquals(new double[]{1, 0, 0}, new Sampling(0.5, 0, 0.7, 0).adjust(new float[]{0.5f, 0.25f, 0.15f}),
                EPS);
    }

    @Test
    void draws_follow_the_distribution_and_a_seed_repeats_them() {
        double[] d = {0.2, 0, 0.8};
        Random r = new Random(1);
        int[] seen = new int[3];
        for (int i = 0; i < 10_000; i++) seen[Sampling.draw(d, r)]++;
        assertEquals(0, seen[1], "a token of probability 0 is never drawn");
        assertEquals(0.2, seen[0] / 10_000.0, 0.02);
        int[] a = new int[50];
        int[] b = new int[50];
        Random ra = new Random(42);
        Random rb = new Random(42);
        for (int i = 0; i < 50; i++) {
            a[i] = Sampling.draw(d, ra);
            b[i] = Sampling.draw(d, rb);
        }
        assertArrayEquals(a, b);
    }

    @Test
    void nearby_seeds_draw_different_first_tokens() {
        double[] even = new double[10];
        java.util.Arrays.fill(even, 0.1);
        java.util.Set<Integer> first = new java.util.HashSet<>();
        for (long seed = 1; seed <= 20; seed++) first.add(Sampling.draw(even, new Sampling(1, 0, 1, seed).random()));
        assertTrue(first.size() >= 6, "seeds 1 to 20 drew only " + first + " first among 10 equally likely tokens");
        assertEquals(Sampling.draw(even, new Sampling(1, 0, 1, 7).random()),
                Sampling.draw(even, new Sampling(1, 0, 1, 7).random()), "a seed repeats its draws");
    }

    @Test
    void settings_out_of_range_are_refused_naming_the_value_and_the_range() {
        GenerationException t = assertThrows(GenerationException.class, () -> new Sampling(-0.5, 0, 1, 0));
        assertEquals("generate.temperature", t.text().code());
        assertEquals("the temperature is -0.5 but must be a number of at least 0 (0 chooses the most probable token; "
                + "1 samples the model's probabilities as they are)", t.getMessage());
        assertEquals("generate.temperature", assertThrows(GenerationException.class,
                () -> new Sampling(Double.NaN, 0, 1, 0)).text().code());
        GenerationException k = assertThrows(GenerationException.class, () -> new Sampling(1, -3, 1, 0));
        assertEquals("generate.topK", k.text().code());
        assertEquals("top-k is -3 but must be at least 0 (0 keeps every token)", k.getMessage());
        for (double p : new double[]{0, -0.1, 1.5, Double.NaN}) {
            GenerationException e = assertThrows(GenerationException.class, () -> new Sampling(1, 0, p, 0));
            assertEquals("generate.topP", e.text().code());
            assertTrue(e.getMessage().startsWith("top-p is " + p + " but must be more than 0 and at most 1"),
                    e.getMessage());
        }
    }
}
