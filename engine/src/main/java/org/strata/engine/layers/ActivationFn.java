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
}
