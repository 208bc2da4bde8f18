package org.strata.engine.export;

/**
 * One layer type's forward pass in {@link NpzForward}'s plain Java, for one sample. Each catalogue type has one in
 * {@link NpzLayers}, looked up by the type, or a reason there why the {@code .npz} reader does not take it.
 */
@FunctionalInterface
interface NpzLayer {
    /** @return the layer's output for one sample, flattened row-major */
    float[] forward(NpzStep step);
}
