package org.strata.app.training;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.strata.engine.train.TrainingEvent;

/**
 * What the run's snapshots said about each layer over time: activation mean and spread, update:parameter ratio and
 * gradient norm per snapshot (bounded: past {@link #MAX_POINTS} the older half is thinned), and the latest snapshot
 * itself for the histograms. Used on the JavaFX thread only.
 */
public final class LayerHistory {
    /** The most points kept per layer. */
    public static final int MAX_POINTS = 600;

    /** One layer at one snapshot. */
    public record Point(long iteration, double mean, double std, double updateRatio, double gradientNorm) {
    }

    private final Map<String, List<Point>> series = new LinkedHashMap<>();
    private final Map<String, TrainingEvent.LayerStats> latest = new LinkedHashMap<>();
    private long latestIteration;

    void clear() {
        series.clear();
        latest.clear();
        latestIteration = 0;
    }

    /** @param iterationOffset added to the snapshot's iteration (a continued run numbers on) */
    void add(TrainingEvent.Snapshot s, long iterationOffset) {
        latestIteration = iterationOffset + s.iteration();
        for (TrainingEvent.LayerStats l : s.layers()) {
            latest.put(l.nodeId(), l);
            List<Point> points = series.computeIfAbsent(l.nodeId(), k -> new ArrayList<>());
            points.add(new Point(latestIteration, l.activationMean(), l.activationStd(), l.updateRatio(),
                    l.gradientNorm()));
            if (points.size() > MAX_POINTS) thin(points);
        }
    }

    /** Keeps every other point of the older half. */
    private static void thin(List<Point> points) {
        int half = points.size() / 2;
        List<Point> out = new ArrayList<>(points.size());
        for (int i = 0; i < half; i += 2) out.add(points.get(i));
        out.addAll(points.subList(half, points.size()));
        points.clear();
        points.addAll(out);
    }

    /** @return a layer's points, oldest first (empty if none yet) */
    public List<Point> of(String nodeId) {
        return series.getOrDefault(nodeId, List.of());
    }

    /** @return the layers seen, in the network's order */
    public List<String> layers() {
        return List.copyOf(series.keySet());
    }

    /** @return the latest statistics of a layer, or null before the first snapshot */
    public TrainingEvent.LayerStats latest(String nodeId) {
        return latest.get(nodeId);
    }

    /** @return the iteration of the latest snapshot (0 before one) */
    public long latestIteration() {
        return latestIteration;
    }

    /** @return whether no snapshot has arrived */
    public boolean isEmpty() {
        return series.isEmpty();
    }
}
