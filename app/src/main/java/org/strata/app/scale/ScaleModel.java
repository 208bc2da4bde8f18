package org.strata.app.scale;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.ReadOnlyLongProperty;
import javafx.beans.property.ReadOnlyLongWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.SimpleDoubleProperty;
import org.strata.engine.analysis.Analysis;
import org.strata.engine.analysis.GraphAnalyzer;
import org.strata.engine.analysis.MemoryEstimate;
import org.strata.engine.analysis.ScaleEstimate;
import org.strata.engine.analysis.TransformerSize;
import org.strata.engine.graph.Graph;

/**
 * The scale view's logic, without a window: five sliders' values (layers, width, heads, context, vocabulary) over a
 * GPT-style transformer ({@link TransformerSize}), and what that network is: its {@link ScaleEstimate} (parameters,
 * memory, FLOPs), whether running and training it fit in this machine's memory, and for the slider moved last, the
 * memory training takes across that slider's range (where this machine's memory ends). Every change moves
 * {@link #versionProperty()} on; the texts are in {@link ScaleTexts}.
 */
public final class ScaleModel {
    /** A slider: its range and step. */
    public enum Dimension {
        LAYERS(1, 48, 1), WIDTH(64, 2048, 64), HEADS(1, 32, 1), CONTEXT(16, 4096, 16), VOCABULARY(256, 100_000, 1);

        public final int min;
        public final int max;
        public final int step;

        Dimension(int min, int max, int step) {
            this.min = min;
            this.max = max;
            this.step = step;
        }

        /** @return {@code v} within the range, on a step */
        int snap(int v) {
            int inRange = Math.max(min, Math.min(max, v));
            return min + Math.round((inRange - min) / (float) step) * step;
        }
    }

    /** Points of the memory curve across a slider's range. */
    static final int CURVE_POINTS = 16;

    /**
     * One point of the memory curve.
     *
     * @param value  the slider's value
     * @param bytes  memory to train a batch at that value, the other sliders as they are
     * @param fits   whether it fits in this machine's memory
     */
    public record Point(int value, long bytes, boolean fits) {
    }

    private final long machineBytes;
    private int batch;
    private String optimizer;
    private final Map<Dimension, ReadOnlyIntegerWrapper> values = new EnumMap<>(Dimension.class);
    private int askedHeads;
    private final ReadOnlyObjectWrapper<Dimension> moved = new ReadOnlyObjectWrapper<>(Dimension.LAYERS);
    private final DoubleProperty machineFlops = new SimpleDoubleProperty(Double.NaN);
    private boolean speedFailed;
    private final ReadOnlyLongWrapper version = new ReadOnlyLongWrapper();
    private ScaleEstimate estimate;
    private List<Point> curve; // made when asked for: 16 more analyses, which a dragged slider need not wait for

    /**
     * @param machineBytes this machine's memory, in bytes ({@link MachineMemory#physicalBytes()} in the window)
     * @param batch        the batch the training memory is for (the open project's)
     * @param optimizer    the optimizer it is for (the open project's)
     * @param start        the sizes the sliders start at
     */
    public ScaleModel(long machineBytes, int batch, String optimizer, TransformerSize start) {
        this.machineBytes = machineBytes;
        this.batch = batch;
        this.optimizer = optimizer;
        for (Dimension d : Dimension.values()) values.put(d, new ReadOnlyIntegerWrapper());
        machineFlops.addListener((o, a, b) -> version.set(version.get() + 1));
        preset(start);
    }

    /**
     * Takes the open project's batch and optimizer in (after an edit of its training settings): the training memory
     * is for them.
     */
    public void setTraining(int batch, String optimizer) {
        if (batch == this.batch && optimizer.equals(this.optimizer)) return;
        this.batch = batch;
        this.optimizer = optimizer;
        update();
    }

    /** Sets every slider to a network's sizes (a preset), as they are, off the sliders' steps where they are. */
    public void preset(TransformerSize s) {
        values.get(Dimension.LAYERS).set(s.layers());
        values.get(Dimension.WIDTH).set(s.width());
        values.get(Dimension.CONTEXT).set(s.context());
        values.get(Dimension.VOCABULARY).set(s.vocabulary());
        askedHeads = s.heads();
        values.get(Dimension.HEADS).set(s.heads());
        update();
    }

    /**
     * Moves a slider: the value is kept within its range and on its step; heads become the most heads up to the value
     * asked that divide the width (each head as wide as the others), and follow the width when it moves.
     */
    public void set(Dimension d, int value) {
        int v = d.snap(value);
        if (d == Dimension.HEADS) askedHeads = v;
        else values.get(d).set(v);
        values.get(Dimension.HEADS).set(heads(values.get(Dimension.WIDTH).get(), askedHeads));
        moved.set(d);
        update();
    }

    /** @return the most heads, up to {@code asked}, that divide {@code width} */
    static int heads(int width, int asked) {
        for (int h = Math.min(asked, width); h > 1; h--) {
            if (width % h == 0) return h;
        }
        return 1;
    }

    private void update() {
        TransformerSize s = size();
        estimate = estimate(s.graph());
        curve = null;
        version.set(version.get() + 1);
    }

    private ScaleEstimate estimate(Graph g) {
        Analysis a = GraphAnalyzer.analyze(g);
        return ScaleEstimate.of(g, a, batch, optimizer);
    }

    /**
     * Memory to train across {@code d}'s range (and at its value now), the other sizes as in {@code s}; heads: the
     * divisors of the width.
     */
    private List<Point> curve(Dimension d, TransformerSize s) {
        List<Integer> at = new ArrayList<>();
        if (d == Dimension.HEADS) {
            for (int h = 1; h <= Dimension.HEADS.max; h++) if (s.width() % h == 0) at.add(h);
        } else {
            java.util.TreeSet<Integer> values = new java.util.TreeSet<>();
            for (int i = 0; i < CURVE_POINTS; i++) {
                values.add(d.snap(d.min + (int) Math.round((d.max - d.min) * i / (double) (CURVE_POINTS - 1))));
            }
            values.add(value(d).get()); // the sliders' own network is one of the bars
            at.addAll(values);
        }
        List<Point> points = new ArrayList<>();
        for (int v : at) {
            TransformerSize t = with(s, d, v);
            Graph g = t.graph();
            long bytes = MemoryEstimate.of(g, GraphAnalyzer.analyze(g), batch, optimizer).total();
            points.add(new Point(v, bytes, bytes <= machineBytes));
        }
        return List.copyOf(points);
    }

    private static TransformerSize with(TransformerSize s, Dimension d, int v) {
        return switch (d) {
            case LAYERS -> new TransformerSize(v, s.width(), s.heads(), s.context(), s.vocabulary());
            case WIDTH -> new TransformerSize(s.layers(), v, heads(v, s.heads()), s.context(), s.vocabulary());
            case HEADS -> new TransformerSize(s.layers(), s.width(), v, s.context(), s.vocabulary());
            case CONTEXT -> new TransformerSize(s.layers(), s.width(), s.heads(), v, s.vocabulary());
            case VOCABULARY -> new TransformerSize(s.layers(), s.width(), s.heads(), s.context(), v);
        };
    }

    /** @return the network the sliders give */
    public TransformerSize size() {
        return new TransformerSize(value(Dimension.LAYERS).get(), value(Dimension.WIDTH).get(),
                value(Dimension.HEADS).get(), value(Dimension.CONTEXT).get(), value(Dimension.VOCABULARY).get());
    }

    /** @return a slider's value */
    public ReadOnlyIntegerProperty value(Dimension d) {
        return values.get(d).getReadOnlyProperty();
    }

    /** @return the slider moved last: the curve is across its range */
    public ReadOnlyObjectProperty<Dimension> movedProperty() {
        return moved.getReadOnlyProperty();
    }

    /** @return moves on whenever anything shown changes */
    public ReadOnlyLongProperty versionProperty() {
        return version.getReadOnlyProperty();
    }

    /** @return this machine's forward FLOP/s, measured ({@link MachineSpeed}); NaN until it is */
    public DoubleProperty machineFlopsProperty() {
        return machineFlops;
    }

    /** Takes this machine's measured speed in: FLOP/s, or empty where it could not be measured. */
    public void speedMeasured(java.util.OptionalDouble flops) {
        speedFailed = flops.isEmpty();
        if (flops.isPresent()) machineFlops.set(flops.getAsDouble());
        else version.set(version.get() + 1);
    }

    /** @return whether this machine's speed could not be measured (no time here is shown) */
    public boolean speedFailed() {
        return speedFailed;
    }

    /** @return the estimate of the network the sliders give */
    public ScaleEstimate estimate() {
        return estimate;
    }

    /** @return memory to train a batch across the slider moved last (made on the first call after a change) */
    public List<Point> curve() {
        if (curve == null) curve = curve(moved.get(), size());
        return curve;
    }

    /** @return whether training a batch fits in this machine's memory */
    public boolean trainFits() {
        return estimate.toTrain().total() <= machineBytes;
    }

    /** @return whether running one sample fits in this machine's memory */
    public boolean runFits() {
        return estimate.toRun().total() <= machineBytes;
    }

    /** @return tokens to train on: 20 per parameter (Hoffmann et al., 2022) */
    public long tokens() {
        return 20 * estimate.parameters();
    }

    /** @return seconds to train on {@link #tokens()} at this machine's measured speed; NaN until it is measured */
    public double secondsHere() {
        double f = machineFlops.get();
        return Double.isNaN(f) ? Double.NaN : estimate.secondsToTrain(tokens(), f);
    }

    public long machineBytes() {
        return machineBytes;
    }

    public int batch() {
        return batch;
    }

    public String optimizer() {
        return optimizer;
    }
}
