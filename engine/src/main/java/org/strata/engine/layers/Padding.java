package org.strata.engine.layers;

import org.strata.engine.params.Choice;

/** How a sliding window (Conv2D, pooling) treats the image's border. */
public enum Padding implements Choice {
    /** No padding: the window stays inside the image, which shrinks to (H − k)/s + 1. */
    VALID,
    /** Zero padding so the output is ⌈H/s⌉ × ⌈W/s⌉. */
    SAME;

    @Override
    public String key() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
