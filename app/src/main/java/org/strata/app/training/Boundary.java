package org.strata.app.training;

/**
 * The network's predictions over a grid covering a 2-D dataset, in the normalised coordinates the network sees.
 *
 * @param size    grid cells per side
 * @param classes number of classes
 * @param probs   per cell (row-major, y from the top), the class probabilities
 * @param x0      left edge; {@code x1} right edge; {@code y0} bottom edge; {@code y1} top edge
 */
public record Boundary(int size, int classes, float[] probs, double x0, double x1, double y0, double y1) {
}
