package org.strata.app.training;

import org.strata.app.i18n.Messages;
import org.strata.engine.train.TrainingEvent;

/**
 * A layer's learning health from its latest snapshot, as the canvas colours it: its update:parameter ratio well
 * below the 1e-3 rule of thumb means it barely learns (vanishing gradients), well above means the steps are too
 * large (exploding); outputs that no longer vary between samples mean dead or saturated units.
 */
public enum LayerHealth {
    /** No parameters and outputs that vary: nothing to say. */
    NEUTRAL,
    /** Update ratio within a factor of 100 below to 30 above the guide. */
    HEALTHY,
    /** Update ratio below 1e-5: the layer barely changes. */
    VANISHING,
    /** Update ratio above 3e-2, or non-finite values: steps too large. */
    EXPLODING,
    /** Every output the same on the probe samples. */
    DEAD,
    /** Frozen by the user: no updates, on purpose. */
    FROZEN;

    /** Below this the layer barely learns. */
    static final double LOW = 1e-5;
    /** Above this the steps are too large. */
    static final double HIGH = 3e-2;

    /** @return the health of one layer's statistics; a frozen layer is {@link #FROZEN} */
    public static LayerHealth of(TrainingEvent.LayerStats s, boolean frozen) {
        if (frozen) return FROZEN;
        if (s == null) return NEUTRAL;
        double r = s.updateRatio();
        if (!Double.isFinite(r) || !Double.isFinite(s.activationStd())) return EXPLODING;
        if (s.activationStd() == 0 && s.activations().total() > 1) return DEAD;
        if (s.paramNorm() == 0) return NEUTRAL;
        if (r < LOW) return VANISHING;
        if (r > HIGH) return EXPLODING;
        return HEALTHY;
    }

    /** @return what it means, for a tooltip or a title */
    public String text() {
        return Messages.get("health." + name().toLowerCase(java.util.Locale.ROOT));
    }
}
