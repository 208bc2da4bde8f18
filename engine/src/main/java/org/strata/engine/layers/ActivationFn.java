package org.strata.engine.layers;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.strata.engine.params.Choice;

/** Activation functions offered by Dense, Conv2D and Activation layers, with their formula. */
public enum ActivationFn implements Choice {
    IDENTITY("f(x) = x"),
    RELU("f(x) = max(0, x)"),
    LEAKY_RELU("f(x) = x if x > 0, else αx (α = 0.01)"),
    ELU("f(x) = x if x > 0, else eˣ − 1"),
    GELU("f(x) = x·Φ(x)"),
    /** GPT-2's GELU, the tanh form (Hendrycks and Gimpel), exactly as written: no engine's approximation of it. */
    GELU_TANH("f(x) = ½x·(1 + tanh(√(2/π)·(x + 0.044715x³)))"),
    SILU("f(x) = x·σ(x) (also called swish)"),
    MISH("f(x) = x·tanh(ln(1 + eˣ))"),
    SOFTPLUS("f(x) = ln(1 + eˣ)"),
    SIGMOID("f(x) = 1 / (1 + e⁻ˣ)"),
    HARD_SIGMOID("f(x) = min(1, max(0, 0.2x + 0.5))"),
    TANH("f(x) = tanh(x)"),
    SOFTMAX("f(x)ᵢ = eˣⁱ / Σⱼ eˣʲ");

    private final String formula;

    ActivationFn(String formula) {
        this.formula = formula;
    }

    /** @return the name used in project files ("leaky_relu") */
    @Override
    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** @return the formula, for docs and tooltips */
    public String formula() {
        return formula;
    }

    /** @return every key, for a CHOICE parameter */
    public static List<String> keys() {
        return Arrays.stream(values()).map(ActivationFn::key).toList();
    }

    /** @return the function named {@code key} */
    public static ActivationFn of(String key) {
        return valueOf(key.toUpperCase(Locale.ROOT));
    }

    /**
     * @return f(x), in double precision (softmax, which needs the whole row, is not defined for one value; GELU is
     *     Deeplearning4j's approximation x·σ(1.702x), which both engines use; GELU_TANH is its formula)
     */
    public double apply(double x) {
        return switch (this) {
            case IDENTITY -> x;
            case RELU -> Math.max(0, x);
            case SIGMOID -> sigmoid(x);
            case TANH -> Math.tanh(x);
            case ELU -> x > 0 ? x : Math.exp(x) - 1;
            case LEAKY_RELU -> x > 0 ? x : 0.01 * x;
            case GELU -> x * sigmoid(1.702 * x);
            case GELU_TANH -> 0.5 * x * (1 + Math.tanh(geluTanhInner(x)));
            case SILU -> x * sigmoid(x);
            case MISH -> x * Math.tanh(softplus(x));
            case SOFTPLUS -> softplus(x);
            case HARD_SIGMOID -> Math.min(1, Math.max(0, 0.2 * x + 0.5));
            case SOFTMAX -> throw new IllegalArgumentException("softmax needs the whole row");
        };
    }

    /**
     * @param x the value before the function
     * @param y f(x)
     * @return f′(x) (not for softmax, whose derivative is a matrix)
     */
    public double derivative(double x, double y) {
        return switch (this) {
            case IDENTITY -> 1;
            case RELU -> x > 0 ? 1 : 0;
            case SIGMOID -> y * (1 - y);
            case TANH -> 1 - y * y;
            case ELU -> x > 0 ? 1 : y + 1;
            case LEAKY_RELU -> x > 0 ? 1 : 0.01;
            case GELU -> sigmoid(1.702 * x) * (1 + 1.702 * x * (1 - sigmoid(1.702 * x)));
            case GELU_TANH -> {
                double t = Math.tanh(geluTanhInner(x));
                yield 0.5 * (1 + t) + 0.5 * x * (1 - t * t) * GELU_TANH_SCALE * (1 + 3 * GELU_TANH_CUBIC * x * x);
            }
            case SILU -> sigmoid(x) * (1 + x * (1 - sigmoid(x)));
            case MISH -> {
                double t = Math.tanh(softplus(x));
                yield t + x * (1 - t * t) * sigmoid(x);
            }
            case SOFTPLUS -> sigmoid(x);
            case HARD_SIGMOID -> x > -2.5 && x < 2.5 ? 0.2 : 0;
            case SOFTMAX -> throw new IllegalArgumentException("softmax's derivative is a matrix");
        };
    }

    /** √(2/π), the scale inside GELU_TANH's tanh. */
    public static final double GELU_TANH_SCALE = Math.sqrt(2 / Math.PI);
    /** The cubic term's coefficient inside GELU_TANH's tanh. */
    public static final double GELU_TANH_CUBIC = 0.044715;

    /** @return √(2/π)·(x + 0.044715x³), what GELU_TANH takes the tanh of */
    public static double geluTanhInner(double x) {
        return GELU_TANH_SCALE * (x + GELU_TANH_CUBIC * x * x * x);
    }

    /** @return 1 / (1 + e⁻ˣ) */
    public static double sigmoid(double x) {
        return 1 / (1 + Math.exp(-x));
    }

    /** @return ln(1 + eˣ), without overflow for large x */
    public static double softplus(double x) {
        return x > 30 ? x : Math.log1p(Math.exp(x));
    }
}
