package org.strata.engine.layers;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.strata.engine.params.Choice;
import org.strata.engine.params.Params;

/** The losses an Output node offers. */
public enum LossFn implements Choice {
    /** Softmax over the classes, then cross-entropy against the one-hot label. */
    SOFTMAX_CROSS_ENTROPY("L = −Σᵢ yᵢ · log softmax(x)ᵢ", ActivationFn.SOFTMAX),
    /** Sigmoid per output, then binary cross-entropy. */
    BINARY_CROSS_ENTROPY("L = −Σᵢ yᵢ log σ(xᵢ) + (1 − yᵢ) log(1 − σ(xᵢ))", ActivationFn.SIGMOID),
    /** Mean squared error. */
    MSE("L = (1/n) Σᵢ (xᵢ − yᵢ)²", ActivationFn.IDENTITY),
    /** Mean absolute error: outliers pull less than with MSE. */
    MAE("L = (1/n) Σᵢ |xᵢ − yᵢ|", ActivationFn.IDENTITY),
    /** Huber (δ = 1): squared near the target, absolute far from it. */
    HUBER("L = (1/n) Σᵢ ½(xᵢ − yᵢ)² if |xᵢ − yᵢ| ≤ 1, else |xᵢ − yᵢ| − ½", ActivationFn.IDENTITY);

    /** Huber's δ: where the loss turns from squared to absolute. */
    public static final double HUBER_DELTA = 1.0;

    private final String formula;
    private final ActivationFn squash;

    LossFn(String formula, ActivationFn squash) {
        this.formula = formula;
        this.squash = squash;
    }

    @Override
    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }

    public String formula() {
        return formula;
    }

    public static List<String> keys() {
        return Arrays.stream(values()).map(LossFn::key).toList();
    }

    /** @return the loss of an Output node with these parameters */
    public static LossFn of(Params output) {
        return output.getChoice("loss", LossFn.class);
    }

    public static LossFn of(String key) {
        return valueOf(key.toUpperCase(Locale.ROOT));
    }

    /**
     * The loss applies its own squashing function (softmax, sigmoid) unless the layer before already did: so
     * both "Dense 10 softmax → Output" and "Dense 10 → Output" mean the same network.
     *
     * @param previous the activation of the layer that feeds the Output
     * @return the activation the fused output layer must use
     */
    public ActivationFn activationAfter(ActivationFn previous) {
        return previous == squash || previous == ActivationFn.IDENTITY ? squash : previous;
    }

    /** @return whether a layer with this activation already produces what the loss expects */
    public boolean alreadySquashed(ActivationFn previous) {
        return previous == squash;
    }

    /** @return whether it compares values (MSE, MAE, Huber) rather than classes: no squashing, any number */
    public boolean isRegression() {
        return squash == ActivationFn.IDENTITY;
    }

    /** @return the activation the loss layer itself applies */
    public ActivationFn squash() {
        return squash;
    }
}
