package org.strata.engine.layers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** The activations' values and slopes in double precision, which the .npz reader and the step-through use. */
class ActivationFnTest {
    @Test
    void gelu_tanh_is_gpt2s_formula_at_a_few_points() {
        assertEquals(ActivationFn.GELU_TANH, ActivationFn.of("gelu_tanh"));
        assertEquals("gelu_tanh", ActivationFn.GELU_TANH.key());
        // ½x·(1 + tanh(√(2/π)·(x + 0.044715x³))), evaluated independently (Python's math, double precision)
        double[][] points = {{-3, -0.0036373920817729943}, {-1, -0.15880800939172324}, {0, 0},
                {0.5, 0.34571400982514394}, {1, 0.8411919906082768}, {2, 1.954597694087775}};
        for (double[] p : points) {
            assertEquals(p[1], ActivationFn.GELU_TANH.apply(p[0]), 1e-12, "gelu_tanh(" + p[0] + ")");
        }
    }

    @Test
    void gelu_tanh_differs_from_the_sigmoid_gelu_by_the_approximations_small_gap() {
        // the two approximations of x·Φ(x) part by about 0.0046 at ±1 and 0.019 at 2; never by more than 0.021 (0.0207 near −2.29)
        assertEquals(0.0046038, ActivationFn.GELU.apply(1) - ActivationFn.GELU_TANH.apply(1), 1e-6);
        assertEquals(-0.0189391, ActivationFn.GELU.apply(2) - ActivationFn.GELU_TANH.apply(2), 1e-6);
        for (double x = -6; x <= 6; x += 0.01) {
            double gap = Math.abs(ActivationFn.GELU.apply(x) - ActivationFn.GELU_TANH.apply(x));
            assertTrue(gap < 0.021, "gap " + gap + " at " + x);
        }
    }

    @Test
    void gelu_tanh_derivative_matches_central_differences() {
        for (double x = -5; x <= 5; x += 0.25) {
            double h = 1e-5;
            double numeric = (ActivationFn.GELU_TANH.apply(x + h) - ActivationFn.GELU_TANH.apply(x - h)) / (2 * h);
            assertEquals(numeric, ActivationFn.GELU_TANH.derivative(x, ActivationFn.GELU_TANH.apply(x)), 1e-8,
                    "f′(" + x + ")");
        }
    }
}
