package org.strata.app.canvas;

/**
 * What crossed a wire in a step a student is stepping through, for one sample: the values the forward pass sent
 * along it and, once the backward pass has come back to it, the gradient it carried the other way.
 *
 * @param forward  the values, row-major (null before the forward pass reached the wire)
 * @param shape    their shape without the batch, e.g. {8} or {28, 28, 1}
 * @param gradient dLoss/d(these values), or null before the backward pass reached the wire
 */
public record WireValues(float[] forward, long[] shape, float[] gradient) {
}
