package org.strata.app.training;

import java.util.function.BooleanSupplier;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import org.strata.engine.train.TrainingSession;

/**
 * The decision boundary of a run on two-feature classification data (XOR, circles, spirals), as TensorFlow
 * Playground draws it: the network's predictions over a grid behind the points, asked of the training thread at most
 * every 400 ms while it trains and once more when the run has ended. Other data has no points and no boundary.
 */
final class BoundaryFeed {
    /** Grid cells per side. */
    private static final int GRID = 64;
    /** Asked for at most this often: each costs the training thread one small prediction between batches. */
    private static final long EVERY_NANOS = 400_000_000L;

    private final ReadOnlyObjectWrapper<Boundary> boundary = new ReadOnlyObjectWrapper<>(this, "boundary");
    private volatile DataPoints points;
    private boolean inFlight;
    private long askedAt;
    /** Runs a job on the UI thread, where the property changes. */
    private final java.util.function.Consumer<Runnable> ui;

    BoundaryFeed(java.util.function.Consumer<Runnable> ui) {
        this.ui = ui;
    }

    /** The latest boundary; null before the first (JavaFX thread). */
    ReadOnlyObjectProperty<Boundary> property() {
        return boundary.getReadOnlyProperty();
    }

    /** The run's training points, or null for data that has no boundary. */
    DataPoints points() {
        return points;
    }

    /** Sets the training points of the run's data (any thread), or null. */
    void setPoints(DataPoints p) {
        points = p;
    }

    /** Forgets the boundary shown (JavaFX thread): new weights are coming. */
    void clear() {
        boundary.set(null);
        inFlight = false;
    }

    /**
     * On the JavaFX thread while a run trains: asks its training thread for the grid's predictions, unless one was
     * asked less than 400 ms ago or is still on its way.
     *
     * @param current whether the session is still the run's when the answer comes
     */
    void askIfDue(TrainingSession session, BooleanSupplier current) {
        DataPoints pts = points;
        if (pts == null || inFlight || System.nanoTime() - askedAt < EVERY_NANOS) return;
        inFlight = true;
        askedAt = System.nanoTime();
        session.probe(net -> net.predictValues(pts.grid(GRID))).whenComplete((probs, err) -> ui.accept(() -> {
            inFlight = false;
            if (err == null && current.getAsBoolean()) boundary.set(of(pts, probs));
        }));
    }

    /**
     * Off the JavaFX thread, once the network is free (the run has ended): the final boundary, or null for data
     * without points.
     */
    Boundary computeNow(TrainingSession session) {
        DataPoints pts = points;
        if (pts == null) return null;
        return of(pts, session.probe(net -> net.predictValues(pts.grid(GRID))).join());
    }

    /** Shows a boundary (JavaFX thread). */
    void show(Boundary b) {
        boundary.set(b);
    }

    private static Boundary of(DataPoints pts, float[] probs) {
        return new Boundary(GRID, pts.classes(), probs, pts.x0(), pts.x1(), pts.y0(), pts.y1());
    }
}
