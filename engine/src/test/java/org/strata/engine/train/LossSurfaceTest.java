package org.strata.engine.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.strata.engine.Samples;
import org.strata.engine.data.Split;
import org.strata.engine.project.ProjectFile;

/** The loss surface is the engine's own loss at each grid point, and leaves the network's weights as they were. */
class LossSurfaceTest {
    @Test
    void each_grid_point_is_the_mean_squared_error_of_that_line_and_the_minimum_is_least_squares() throws Exception {
        TrainingSession s = TrainingSession.create(ProjectFile.load(Samples.file("linear-regression")));
        assertTrue(s.fewWeights());
        Map<String, float[]> before = s.weightValues();
        LossSurface.Axis w = new LossSurface.Axis("linear/W", 0, 0, 4);
        LossSurface.Axis b = new LossSurface.Axis("linear/b", 0, -1, 3);
        LossSurface.Grid grid = s.lossSurface(w, b, 21).get();
        assertArrayEquals(before.get("linear/W"), s.weightValues().get("linear/W"), "weights put back");
        assertArrayEquals(before.get("linear/b"), s.weightValues().get("linear/b"));

        Split train = s.dataset().train();
        int n = Math.min(train.size(), LossSurface.SAMPLES);
        float[] x = new float[1];
        double sxx = 0, sx = 0, sxy = 0, sy = 0;
        for (int k = 0; k < n; k++) {
            train.features(k, x, 0);
            double y = train.target(k)[0];
            sxx += x[0] * x[0];
            sx += x[0];
            sxy += x[0] * y;
            sy += y;
        }
        for (int[] at : new int[][]{{0, 0}, {10, 5}, {20, 20}, {7, 13}}) {
            double wi = w.at(at[0], 21);
            double bj = b.at(at[1], 21);
            double mse = 0;
            for (int k = 0; k < n; k++) {
                train.features(k, x, 0);
                double e = wi * x[0] + bj - train.target(k)[0];
                mse += e * e;
            }
            mse /= n;
            assertEquals(mse, grid.loss()[at[1]][at[0]], 1e-4 * Math.max(1, mse), "at w=" + wi + ", b=" + bj);
        }
        // least squares: the grid's lowest point is the grid point nearest the exact solution
        double slope = (n * sxy - sx * sy) / (n * sxx - sx * sx);
        double intercept = (sy - slope * sx) / n;
        int bestI = 0;
        int bestJ = 0;
        for (int j = 0; j < 21; j++) {
            for (int i = 0; i < 21; i++) if (grid.loss()[j][i] < grid.loss()[bestJ][bestI]) {
                bestI = i;
                bestJ = j;
            }
        }
        assertEquals(slope, w.at(bestI, 21), 0.2 + 1e-9);
        assertEquals(intercept, b.at(bestJ, 21), 0.2 + 1e-9);
        assertEquals(grid.min(), grid.loss()[bestJ][bestI], 0);
    }
}
