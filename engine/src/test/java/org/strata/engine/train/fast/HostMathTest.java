package org.strata.engine.train.fast;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** The Java steps' activation functions and sums against double-precision arithmetic. */
class HostMathTest {
    @Test
    void tanh_and_sigmoid_are_within_a_few_float_roundings_of_the_exact_values() {
        double worstTanh = 0;
        double worstSigmoid = 0;
        for (int i = -400_000; i <= 400_000; i++) {
            float x = i / 10_000f; // −40 … 40, where both saturate
            worstTanh = Math.max(worstTanh, Math.abs(HostMath.tanh(x) - Math.tanh(x)));
            worstSigmoid = Math.max(worstSigmoid, Math.abs(HostMath.sigmoid(x) - 1 / (1 + Math.exp(-x))));
        }
        assertTrue(worstTanh < 5e-7, "tanh off by " + worstTanh);
        assertTrue(worstSigmoid < 3e-7, "sigmoid off by " + worstSigmoid);
        assertEquals(1f, HostMath.tanh(1e30f));
        assertEquals(-1f, HostMath.tanh(Float.NEGATIVE_INFINITY));
        assertEquals(0f, HostMath.sigmoid(-1e30f));
    }

    @Test
    void array_forms_apply_the_function_to_every_number() {
        float[] x = {-3f, -0.5f, 0f, 0.25f, 2f, 9f, -9f};
        float[] t = new float[x.length];
        float[] s = new float[x.length];
        HostMath.tanh(x, t, x.length);
        HostMath.sigmoid(x, s, x.length);
        for (int k = 0; k < x.length; k++) {
            assertEquals(Math.tanh(x[k]), t[k], 5e-7);
            assertEquals(1 / (1 + Math.exp(-x[k])), s[k], 3e-7);
        }
    }

    @Test
    void sums_over_a_part_of_an_array_match_double_sums_for_every_length() {
        java.util.Random r = new java.util.Random(5);
        float[] a = new float[100];
        float[] b = new float[100];
        for (int k = 0; k < a.length; k++) {
            a[k] = (float) r.nextGaussian();
            b[k] = (float) r.nextGaussian();
        }
        for (int n = 0; n <= 37; n++) { // lengths below, at and past the eight running sums, and their remainders
            double sum = 0;
            double dot = 0;
            double squares = 0;
            for (int j = 0; j < n; j++) {
                sum += a[3 + j];
                dot += a[3 + j] * (double) b[3 + j];
                squares += (a[3 + j] - 0.5) * (a[3 + j] - 0.5);
            }
            assertEquals(sum, HostMath.sum(a, 3, n), 1e-5, "sum of " + n);
            assertEquals(dot, HostMath.dot(a, b, 3, n), 1e-5, "dot of " + n);
            assertEquals(squares, HostMath.squaredDeviations(a, 3, n, 0.5f), 1e-4, "squares of " + n);
        }
    }
}
