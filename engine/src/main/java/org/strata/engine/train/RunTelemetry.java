package org.strata.engine.train;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.strata.engine.analysis.Analysis;
import org.strata.engine.backend.NetworkBackend;
import org.strata.engine.data.Dataset;
import org.strata.engine.data.Split;
import org.strata.engine.layers.TensorShape;
import org.strata.engine.layers.Weight;

/**
 * What a run tells its listeners, on the training thread, in the order it happens: every event, per-layer snapshots
 * at the rate asked for (every n batches, or once on request) and, for a network of a few weights, all of them
 * after each batch. Each event holds copies, so a listener may keep it while training goes on; listeners must
 * return quickly (see {@link TrainingListener}), handing the event to their own thread.
 */
final class RunTelemetry {
    private static final int PROBE_SAMPLES = 32;

    private final List<TrainingEvent.Handler> listeners = new CopyOnWriteArrayList<>();
    private final NetworkBackend backend;
    private final Analysis analysis;
    private final Dataset data;
    private final Task task;
    private final TensorShape inputShape;
    /** The network has at most {@link TrainingEvent#FEW_WEIGHTS} weights: each batch publishes them all. */
    private final boolean fewWeights;
    private volatile int snapshotEvery;
    private volatile boolean snapshotRequested;
    /** Someone has asked for snapshots: the run's very last batch then gets one too, so views end up to date. */
    private volatile boolean snapshotsWanted;
    /** The fixed batch snapshots show the layers' outputs for (made at the first snapshot). */
    private INDArray probe;

    RunTelemetry(NetworkBackend backend, Analysis analysis, Dataset data, Task task, TensorShape inputShape) {
        this.backend = backend;
        this.analysis = analysis;
        this.data = data;
        this.task = task;
        this.inputShape = inputShape;
        this.fewWeights = analysis.order().stream().flatMap(id -> analysis.weightsOf(id).stream())
                .mapToLong(Weight::size).sum() <= TrainingEvent.FEW_WEIGHTS;
    }

    void addListener(TrainingEvent.Handler l) {
        listeners.add(l);
    }

    void removeListener(TrainingEvent.Handler l) {
        listeners.remove(l);
    }

    /** Hands {@code e} to every listener, on the calling (training) thread. */
    void publish(TrainingEvent e) {
        for (TrainingEvent.Handler l : listeners) e.dispatch(l);
    }

    /** @param n a snapshot every {@code n} iterations; 0 turns them off */
    void setSnapshotEvery(int n) {
        snapshotEvery = Math.max(0, n);
    }

    void requestSnapshot() {
        snapshotRequested = true;
        snapshotsWanted = true;
    }

    /**
     * @param iteration the iteration the next batch will be (1-based)
     * @param lastBatch whether it is the run's last
     * @return whether a snapshot follows that batch (the engine must then keep its gradient)
     */
    boolean snapshotDue(long iteration, boolean lastBatch) {
        int every = snapshotEvery;
        return snapshotRequested || (every > 0 && iteration % every == 0) || (lastBatch && snapshotsWanted);
    }

    /** After a batch: publishes it, and the weights of a network of a few. */
    void batchDone(TrainingEvent.Iteration e) {
        publish(e);
        if (fewWeights) publish(weights(e.iteration()));
    }

    /** Publishes per-layer statistics on a fixed probe batch, copied out of the engine's arrays. */
    void publishSnapshot(long iteration) {
        snapshotRequested = false;
        if (probe == null) {
            Split probeSplit = data.validation().size() > 0 ? data.validation() : data.train();
            probe = new Batches(probeSplit, inputShape, task, PROBE_SAMPLES).get(0, null).getFeatures();
        }
        publish(LayerStatistics.snapshot(backend, probe, analysis.order(), iteration));
    }

    boolean fewWeights() {
        return fewWeights;
    }

    /** @return every weight by export name, as plain values */
    TrainingEvent.Weights weights(long iteration) {
        Map<String, float[]> values = new LinkedHashMap<>();
        backend.exportParameters().forEach((name, a) -> values.put(name, a.data().asFloat()));
        return new TrainingEvent.Weights(iteration, values);
    }
}
