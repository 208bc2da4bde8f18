package org.strata.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import javafx.scene.control.Label;
import org.junit.jupiter.api.Test;
import org.strata.app.training.SurfaceFeed;
import org.strata.engine.backprop.Numbers;
import org.strata.engine.train.LossSurface;
import org.strata.engine.train.TrainingState;

/**
 * The Loss surface tab on the linear-regression sample: the optimizer's path, read from the engine after every batch,
 * runs from the first weights to the learned w and b, and ends at the lowest point of the surface the engine computed.
 */
class LossSurfaceTest extends AppTest {
    @Test
    void the_path_of_w_and_b_converges_to_the_learned_line_at_the_bottom_of_the_surface() throws Exception {
        fxRun(() -> window.open(sample("linear-regression")));
        clickOn("#tab-surface .tab-label");
        fxRun(() -> run().start());
        waitFor(120, () -> run().phase() == TrainingState.FINISHED);
        SurfaceFeed feed = fx(() -> run().surface());
        // the grid is computed again while the path nears its edge: wait for the one around the whole path
        waitFor(60, () -> feed.grid().map(g -> {
            double[][] p = feed.path();
            int last = p[0].length - 1;
            return p[0][last] > g.x().from() && p[0][last] < g.x().to() && p[1][last] > g.y().from()
                    && p[1][last] < g.y().to();
        }).orElse(false));
        double[][] path = fx(feed::path);
        List<SurfaceFeed.Weight> names = fx(() -> feed.weights().orElseThrow());
        assertEquals("linear/W", names.get(0).name());
        assertEquals("linear/b", names.get(1).name());
        int last = path[0].length - 1;
        long steps = fx(() -> run().curves().history().train().size());
        assertEquals(steps, last, "a point after every batch, and the start");
        // the path ends at the weights the run learned
        float[] learned = fx(() -> run().network().orElseThrow()).predict(new float[]{0f}).get();
        assertEquals(learned[0], path[1][last], 1e-5, "b: the line's value at x = 0");
        float[] atOne = fx(() -> run().network().orElseThrow()).predict(new float[]{1f}).get();
        assertEquals(atOne[0] - learned[0], path[0][last], 1e-5, "w: its slope");
        assertEquals(2.0, path[0][last], 0.15, "the data's slope");
        assertEquals(1.0, path[1][last], 0.15, "the data's intercept");
        // and at the bottom of the surface: no grid point is much lower than where the path ends
        LossSurface.Grid grid = fx(() -> feed.grid().orElseThrow());
        int i = (int) Math.round((path[0][last] - grid.x().from()) / (grid.x().to() - grid.x().from())
                * (grid.steps() - 1));
        int j = (int) Math.round((path[1][last] - grid.y().from()) / (grid.y().to() - grid.y().from())
                * (grid.steps() - 1));
        double startLoss = grid.loss()[(int) Math.round((path[1][0] - grid.y().from()) / (grid.y().to()
                - grid.y().from()) * (grid.steps() - 1))][(int) Math.round((path[0][0] - grid.x().from())
                / (grid.x().to() - grid.x().from()) * (grid.steps() - 1))];
        assertTrue(grid.loss()[j][i] - grid.min() < 0.05 * (startLoss - grid.min()),
                "ends near the lowest point: " + grid.loss()[j][i] + " against " + grid.min() + ", from " + startLoss);
        String status = fx(() -> lookup("#loss-surface-status").queryAs(Label.class).getText());
        assertTrue(status.contains("w = " + Numbers.of(path[0][last])), status);
        assertTrue(status.contains("b = " + Numbers.of(path[1][last])), status);
    }
}
