package org.strata.app.training;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import org.strata.engine.train.LossSurface;

/**
 * The loss surface of a network of two weights (y = w·x + b) and the path its optimizer takes on it: the surface is
 * computed by the run's engine around the path, and again, wider, when the path nears its edge. Without views.
 */
public final class SurfaceFeed {
    /** Grid points along each axis. */
    static final int STEPS = 41;
    /** The path keeps this share of the grid's width from its edges before the grid is computed again. */
    private static final double EDGE = 0.1;

    private final TrainingRun run;
    private final RunThreads threads;
    private final ReadOnlyIntegerWrapper version = new ReadOnlyIntegerWrapper(this, "version", 0);
    private LossSurface.Grid grid;
    private boolean computing;
    private boolean again;

    /**
     * One of the two weights.
     *
     * @param name  its export name, {@code node/param}
     * @param index its position in it
     */
    public record Weight(String name, int index) {
    }

    SurfaceFeed(TrainingRun run, RunThreads threads) {
        this.run = run;
        this.threads = threads;
        run.weightPath().versionProperty().addListener((o, a, b) -> update());
    }

    /** Moves on when the path grows or a grid is computed. */
    public ReadOnlyIntegerProperty versionProperty() {
        return version.getReadOnlyProperty();
    }

    /** @return the grid computed last, if any */
    public Optional<LossSurface.Grid> grid() {
        return Optional.ofNullable(grid);
    }

    /** @return the two weights of a network that has exactly two, in export order; empty otherwise */
    public Optional<List<Weight>> weights() {
        Optional<Map<String, float[]>> now = run.weightPath().latest();
        if (now.isEmpty()) return Optional.empty();
        List<Weight> out = new ArrayList<>();
        now.get().forEach((name, v) -> {
            for (int i = 0; i < v.length; i++) out.add(new Weight(name, i));
        });
        return out.size() == 2 ? Optional.of(out) : Optional.empty();
    }

    /** @return the path: {xs, ys}, from the start to now */
    public double[][] path() {
        List<Weight> w = weights().orElseThrow();
        return new double[][]{run.weightPath().of(w.get(0).name(), w.get(0).index()),
                run.weightPath().of(w.get(1).name(), w.get(1).index())};
    }

    private void update() {
        Optional<List<Weight>> w = weights();
        if (w.isEmpty()) {
            grid = null;
            changed();
            return;
        }
        double[][] p = path();
        if (grid != null && inside(p[0], grid.x()) && inside(p[1], grid.y())) {
            changed();
            return;
        }
        if (computing) {
            again = true;
            return;
        }
        LossSurface.Axis x = around(w.get().get(0), p[0]);
        LossSurface.Axis y = around(w.get().get(1), p[1]);
        computing = true;
        threads.background("strata-loss-surface", () -> {
            LossSurface.Grid g = null;
            try {
                g = lossSurface(x, y, STEPS).map(java.util.concurrent.CompletableFuture::join).orElse(null);
            } catch (RuntimeException e) {
                // the network changed under it (a new run): the next point asks again
            }
            LossSurface.Grid got = g;
            threads.ui(() -> {
                computing = false;
                if (got != null) grid = got;
                changed();
                if (again) {
                    again = false;
                    update();
                }
            });
        });
    }

    /** @return whether every value lies inside the axis's range, away from its edges */
    private static boolean inside(double[] values, LossSurface.Axis a) {
        double margin = EDGE * (a.to() - a.from());
        for (double v : values) if (v < a.from() + margin || v > a.to() - margin) return false;
        return true;
    }

    /** @return an axis around the values, half as wide again on each side (at least ±1 around them) */
    private static LossSurface.Axis around(Weight w, double[] values) {
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        for (double v : values) {
            lo = Math.min(lo, v);
            hi = Math.max(hi, v);
        }
        double span = Math.max(hi - lo, 2);
        return new LossSurface.Axis(w.name(), w.index(), lo - 0.5 * span, hi + 0.5 * span);
    }

    private void changed() {
        version.set(version.get() + 1);
    }

    /**
     * The loss over a grid of two weights' values (see {@link org.strata.engine.train.LossSurface}), computed by the
     * run's engine between batches; call it off the JavaFX thread (with no run going it runs on the caller's).
     *
     * @return empty when no network has been built yet
     */
    private java.util.Optional<java.util.concurrent.CompletableFuture<org.strata.engine.train.LossSurface.Grid>> lossSurface(
            org.strata.engine.train.LossSurface.Axis x, org.strata.engine.train.LossSurface.Axis y, int steps) {
        org.strata.engine.train.TrainingSession s = run.session();
        return s == null ? java.util.Optional.empty() : java.util.Optional.of(s.lossSurface(x, y, steps));
    }
}
