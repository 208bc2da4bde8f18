package org.strata.app.training;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;

/**
 * The weights of a small network (see {@link org.strata.engine.train.TrainingEvent.Weights}) from its start and
 * after every batch: the path its optimizer takes, for the loss surface. Kept across a run that continues another.
 */
public final class WeightPath {
    /** Points kept at most; beyond it every other older point goes. */
    static final int MAX_POINTS = 20_000;
    private final List<Map<String, float[]>> points = new ArrayList<>();
    private final ReadOnlyIntegerWrapper version = new ReadOnlyIntegerWrapper(this, "version", 0);

    void clear() {
        points.clear();
        changed();
    }

    /** Adds a point; views hear of it at the next {@link #publish()} (one redraw for a merge's many batches). */
    void add(Map<String, float[]> weights) {
        points.add(java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(weights))); // in export order
        if (points.size() > MAX_POINTS) {
            for (int i = points.size() / 2 - 1; i > 0; i -= 2) points.remove(i); // keep the start and the recent half
        }
        dirty = true;
    }

    private boolean dirty;

    /** Tells the views of the points added since the last time. */
    void publish() {
        if (dirty) changed();
        dirty = false;
    }

    private void changed() {
        version.set(version.get() + 1);
    }

    /** Moves on when a point is added or the path is cleared. */
    public ReadOnlyIntegerProperty versionProperty() {
        return version.getReadOnlyProperty();
    }

    /** @return the weights at the start and after each batch, oldest first */
    public List<Map<String, float[]>> points() {
        return List.copyOf(points);
    }

    /** @return the weights now */
    public Optional<Map<String, float[]>> latest() {
        return points.isEmpty() ? Optional.empty() : Optional.of(points.get(points.size() - 1));
    }

    /** @return each point's value of weight {@code name} at {@code index} */
    public double[] of(String name, int index) {
        double[] out = new double[points.size()];
        for (int i = 0; i < out.length; i++) out[i] = points.get(i).get(name)[index];
        return out;
    }
}
