package org.strata.engine.layers;

import java.util.Locale;
import org.strata.engine.params.Choice;
import org.strata.engine.params.Params;

/**
 * How a layer's learned weights start (its biases start at zero): drawn at random with a spread set by the number
 * of inputs (fan in) and outputs (fan out) of each unit, so that signals neither fade nor blow up through the
 * layers. Every type with weight matrices or filters offers the choice.
 */
public enum WeightInit implements Choice {
    /** Normal, σ = √(2 / (fan in + fan out)): Glorot and Bengio's, good for tanh and sigmoid. */
    XAVIER(false, 2, true),
    /** Uniform on ±√(6 / (fan in + fan out)): the same spread as XAVIER. */
    XAVIER_UNIFORM(true, 6, true),
    /** Normal, σ = √(2 / fan in): He et al.'s, good for ReLU. */
    HE(false, 2, false),
    /** Uniform on ±√(6 / fan in): the same spread as HE. */
    HE_UNIFORM(true, 6, false);

    private final boolean uniform;
    private final double numerator;
    private final boolean withFanOut;

    WeightInit(boolean uniform, double numerator, boolean withFanOut) {
        this.uniform = uniform;
        this.numerator = numerator;
        this.withFanOut = withFanOut;
    }

    @Override
    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** @return whether values are drawn uniformly on ±{@link #scale}, else normally with σ = scale */
    public boolean uniform() {
        return uniform;
    }

    /** @return the standard deviation (normal) or the bound (uniform) for an array of these fans */
    public double scale(long fanIn, long fanOut) {
        return Math.sqrt(numerator / (withFanOut ? fanIn + fanOut : fanIn));
    }

    /** @return the initialiser a node's parameters choose; XAVIER for a type without the choice */
    public static WeightInit of(Params p) {
        return p.table().spec("init").isPresent() ? p.getChoice("init", WeightInit.class) : XAVIER;
    }

    /** The parameter that offers the choice, for a layer type's table. */
    public static org.strata.engine.params.ParamSpec param() {
        return org.strata.engine.params.ParamSpec.choice("init", "Initialiser", XAVIER,
                "How the weights start: xavier and xavier_uniform for tanh and sigmoid, he and he_uniform for relu");
    }
}
