package org.strata.app.canvas;

/**
 * What a node shows of the running network: a sparkline of a value over time (the spread of its activations) and
 * a coloured dot for its learning health, with a sentence for the tooltip.
 *
 * @param trend  the sparkline's values, oldest first (may be empty)
 * @param health "healthy", "vanishing", "exploding", "dead", or "" for no dot
 * @param text   the tooltip's line about it
 */
public record LiveIndicator(double[] trend, String health, String text) {
}
