package org.strata.app.training;

import java.util.ArrayList;
import java.util.List;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyLongProperty;
import javafx.beans.property.ReadOnlyLongWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import org.strata.app.i18n.Messages;
import org.strata.engine.runs.RunRecord;
import org.strata.engine.train.TrainingEvent;

/**
 * What the runs of one network have drawn so far: loss and metric curves, per-layer statistics, each epoch's
 * throughput and the current run's progress. A run that continues the last one numbers its iterations and epochs on
 * from where that one stopped. UI thread only.
 */
public final class RunCurves {
    private final ReadOnlyStringWrapper progressText = new ReadOnlyStringWrapper(this, "progressText", "");
    private final ReadOnlyDoubleWrapper progress = new ReadOnlyDoubleWrapper(this, "progress", 0);
    private final ReadOnlyLongWrapper version = new ReadOnlyLongWrapper(this, "version");
    private final ReadOnlyLongWrapper layersVersion = new ReadOnlyLongWrapper(this, "layersVersion");
    private final LossHistory history = new LossHistory();
    private final LayerHistory layers = new LayerHistory();
    /** Samples per second of each epoch of the current run (fitting only), as the engine measured it. */
    private final List<Double> epochThroughput = new ArrayList<>();
    private long lastIteration;
    private long iterationsBefore;
    private int epochsBefore;

    /** "Epoch 3/10 · batch 40/125 · 12,345 samples/s · 0:42 left". */
    public ReadOnlyStringProperty progressTextProperty() {
        return progressText.getReadOnlyProperty();
    }

    /** Fraction of all batches done, 0 to 1; −1 while loading. */
    public ReadOnlyDoubleProperty progressProperty() {
        return progress.getReadOnlyProperty();
    }

    /** Moves on whenever new loss points have arrived (the chart redraws then). */
    public ReadOnlyLongProperty versionProperty() {
        return version.getReadOnlyProperty();
    }

    /** Moves on whenever new per-layer statistics have arrived. */
    public ReadOnlyLongProperty layersVersionProperty() {
        return layersVersion.getReadOnlyProperty();
    }

    public LossHistory history() {
        return history;
    }

    /** Per-layer statistics over time (activations, update ratios, latest histograms). */
    public LayerHistory layers() {
        return layers;
    }

    /** @return the training throughput (samples/s) of each epoch of the current run, oldest first */
    public List<Double> epochSamplesPerSecond() {
        return List.copyOf(epochThroughput);
    }

    /** @return iterations of the runs the current one continues */
    long iterationsBefore() {
        return iterationsBefore;
    }

    /** @return epochs of the runs the current one continues */
    int epochsBefore() {
        return epochsBefore;
    }

    /** Forgets every curve: the next run starts from new weights. */
    void clear() {
        history.clear();
        layers.clear();
        lastIteration = 0;
        iterationsBefore = 0;
        epochsBefore = 0;
        progress.set(0);
        progressText.set("");
        changed();
        layersChanged();
    }

    /**
     * A run starts (loading first).
     *
     * @param previousEpochs epochs of the run it continues, or −1 for a run from new weights
     */
    void startRun(int previousEpochs) {
        if (previousEpochs < 0) {
            clear();
        } else {
            iterationsBefore = lastIteration;
            epochsBefore += previousEpochs;
        }
        epochThroughput.clear();
        progress.set(-1);
        progressText.set(Messages.get("train.loading"));
        changed();
        layersChanged();
    }

    /** The curves of a kept run, whose weights are now the network's. */
    void restore(RunRecord r, int epochs) {
        history.clear();
        layers.clear();
        for (double[] p : r.loss()) history.addTrain((long) p[0], p[1]);
        for (double[] p : r.validation()) history.addValidation((long) p[0], p[1]);
        for (double[] p : r.metric()) history.addMetric((int) p[0], p[1], p[2], r.metricName(), Double.NaN);
        lastIteration = r.loss().length == 0 ? 0 : (long) r.loss()[r.loss().length - 1][0];
        iterationsBefore = lastIteration;
        epochsBefore = epochs;
        progress.set(0);
        changed();
        layersChanged();
    }

    /** Weights are loading: the bar shows it has no end yet. */
    void loading() {
        progress.set(-1);
    }

    /** Loading is over (it failed, or a kept run was not taken): no more "loading" bar. */
    void settle() {
        if (progress.get() < 0) progress.set(0);
    }

    /**
     * An iteration: its loss, and the progress over {@code epochs} of batches of {@code batchSize}; a step made
     * while paused says where the run is without a speed or a time left (one batch's speed made "2:23 left").
     */
    void iteration(TrainingEvent.Iteration it, int epochs, int batchSize, boolean paused) {
        history.addTrain(iterationsBefore + it.iteration(), it.loss());
        lastIteration = iterationsBefore + it.iteration();
        long total = (long) it.batchesPerEpoch() * epochs;
        long done = (long) (it.epoch() - 1) * it.batchesPerEpoch() + it.batch();
        progress.set(total == 0 ? 0 : (double) done / total);
        double left = it.samplesPerSecond() <= 0 ? 0 : (total - done) * (double) batchSize / it.samplesPerSecond();
        progressText.set(paused ? Messages.get("train.progressPaused", it.epoch(), epochs, it.batch(),
                it.batchesPerEpoch()) : Messages.get("train.progress", it.epoch(), epochs, it.batch(),
                it.batchesPerEpoch(), Math.round(it.samplesPerSecond()), clock(left)));
    }

    /** An epoch: its validation loss, metrics and throughput. */
    void epoch(TrainingEvent.Epoch ep) {
        if (!Double.isNaN(ep.validationLoss())) history.addValidation(lastIteration, ep.validationLoss());
        epochThroughput.add(ep.samplesPerSecond());
        history.addMetric(epochsBefore + ep.epoch(), ep.trainMetric(), ep.validationMetric(), ep.metricName(),
                ep.learningRate());
    }

    /** Per-layer statistics at an iteration of the current run. */
    void snapshot(TrainingEvent.Snapshot snap) {
        layers.add(snap, iterationsBefore);
    }

    /** Says that the curves changed (charts redraw). */
    void changed() {
        version.set(version.get() + 1);
    }

    /** Says that the per-layer statistics changed (the Layers tab redraws). */
    void layersChanged() {
        layersVersion.set(layersVersion.get() + 1);
    }

    private static String clock(double seconds) {
        long s = Math.round(seconds);
        return s >= 3600 ? String.format("%d:%02d:%02d", s / 3600, s / 60 % 60, s % 60)
                : String.format("%d:%02d", s / 60, s % 60);
    }
}
