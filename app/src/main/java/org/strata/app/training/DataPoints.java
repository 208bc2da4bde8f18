package org.strata.app.training;

import org.strata.engine.data.Dataset;
import org.strata.engine.data.Split;

/**
 * The training points of a two-feature classification dataset (normalised, as the network sees them), and the
 * extent a decision-boundary grid should cover.
 *
 * @param x      first feature per point
 * @param y      second feature per point
 * @param label  class per point
 */
public record DataPoints(float[] x, float[] y, int[] label, int classes, double x0, double x1, double y0, double y1) {
    private static final int MAX_POINTS = 2_000;

    /** @return the points, or null when the dataset is not 2-D classification of one class per sample */
    static DataPoints of(Dataset d) {
        if (!d.isClassification() || d.featureShape().size() != 2 || d.labelSteps() > 0) return null;
        Split s = d.train();
        int n = Math.min(s.size(), MAX_POINTS);
        float[] x = new float[n];
        float[] y = new float[n];
        int[] label = new int[n];
        float[] row = new float[2];
        double minX = Double.MAX_VALUE;
        double maxX = -Double.MAX_VALUE;
        double minY = Double.MAX_VALUE;
        double maxY = -Double.MAX_VALUE;
        for (int i = 0; i < n; i++) {
            s.features(i, row, 0);
            x[i] = row[0];
            y[i] = row[1];
            label[i] = s.label(i);
            minX = Math.min(minX, row[0]);
            maxX = Math.max(maxX, row[0]);
            minY = Math.min(minY, row[1]);
            maxY = Math.max(maxY, row[1]);
        }
        double mx = 0.1 * (maxX - minX) + 1e-3;
        double my = 0.1 * (maxY - minY) + 1e-3;
        return new DataPoints(x, y, label, d.classNames().size(), minX - mx, maxX + mx, minY - my, maxY + my);
    }

    /** The centres of a g × g grid of cells over the points, row by row from the top, as a batch of samples. */
    org.nd4j.linalg.api.ndarray.INDArray grid(int g) {
        float[] grid = new float[g * g * 2];
        for (int r = 0; r < g; r++) {
            for (int c = 0; c < g; c++) {
                int i = (r * g + c) * 2;
                grid[i] = (float) (x0 + (c + 0.5) / g * (x1 - x0));
                grid[i + 1] = (float) (y1 - (r + 0.5) / g * (y1 - y0));
            }
        }
        return org.nd4j.linalg.factory.Nd4j.create(grid, new long[]{(long) g * g, 2});
    }
}
