package org.strata.app.training;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Collectors;
import javafx.animation.Animation;
import javafx.animation.KeyFrame;
import javafx.animation.PauseTransition;
import javafx.animation.Timeline;
import javafx.application.Platform;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyLongProperty;
import javafx.beans.property.ReadOnlyLongWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.util.Duration;
import org.nd4j.linalg.factory.Nd4j;
import org.strata.app.document.EditorDocument;
import org.strata.app.i18n.Messages;
import org.strata.engine.analysis.Analysis;
import org.strata.engine.data.Dataset;
import org.strata.engine.data.DatasetLoader;
import org.strata.engine.data.Split;
import org.strata.engine.graph.Node;
import org.strata.engine.layers.TensorShape;
import org.strata.engine.runs.RunRecord;
import org.strata.engine.runs.RunRecorder;
import org.strata.engine.runtime.NativeSetup;
import org.strata.engine.runtime.Threads;
import org.strata.engine.train.Evaluation;
import org.strata.engine.train.TrainingEvent;
import org.strata.engine.train.TrainingResult;
import org.strata.engine.train.TrainingException;
import org.strata.engine.train.TrainingSession;
import org.strata.engine.train.TrainingState;

/**
 * One training run of the open document, seen from the window. The session trains on its own thread and only
 * offers its events to a queue; a timer on the JavaFX thread takes them a few times a second and updates these
 * properties and the loss history, so a slow chart never slows training. The graph is read-only while a run is
 * active.
 */
public final class TrainingRun {
    /**
     * How often the window takes in new events (and so how often the charts redraw): twice a second looks live,
     * and on a small machine every redraw takes CPU from training.
     */
    private static final Duration MERGE_EVERY = Duration.millis(500);

    private final EditorDocument document;
    private final EventInbox inbox = new EventInbox();
    private final Timeline merger = new Timeline(new KeyFrame(MERGE_EVERY, e -> merge()));
    private final PauseTransition layersLater = new PauseTransition(
            MERGE_EVERY.divide(2));
    private final ReadOnlyObjectWrapper<TrainingState> phase = new ReadOnlyObjectWrapper<>(this, "phase", TrainingState.IDLE);
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper(this, "message", "");
    private final ReadOnlyStringWrapper progressText = new ReadOnlyStringWrapper(this, "progressText", "");
    private final ReadOnlyDoubleWrapper progress = new ReadOnlyDoubleWrapper(this, "progress", 0);
    private final ReadOnlyLongWrapper version = new ReadOnlyLongWrapper(this, "version");
    private final LossHistory history = new LossHistory();
    private final LayerHistory layers = new LayerHistory();
    /** Samples per second of each epoch of the current run (fitting only), as the engine measured it. */
    private final List<Double> epochThroughput = new ArrayList<>();
    private final ReadOnlyLongWrapper layersVersion = new ReadOnlyLongWrapper(this, "layersVersion");
    /** Per-layer snapshots are asked for at most this often (each costs one forward pass of 32 samples). */
    private static final long SNAPSHOT_EVERY_NANOS = 500_000_000L;
    private long snapshotAskedAt;
    private final ReadOnlyObjectWrapper<Evaluation> evaluation =
            new ReadOnlyObjectWrapper<>(this, "evaluation");
    private volatile TrainingSession session;
    private final BoundaryFeed boundaries = new BoundaryFeed();
    private volatile Thread trainingThread;
    private int epochs;
    private long lastIteration;
    /** A continued run numbers its iterations and epochs on from where the previous one stopped. */
    private long iterationOffset;
    private int epochOffset;
    private String trainedStructure = "";
    private volatile Split evaluationSplit;
    private volatile String failedNode;
    private int evaluationEpoch;
    private final RunHistory runs;
    /** For the run's record: what it started from, and its last epoch. */
    private volatile RunRecorder recorder;
    private String lastRunId = "";
    /** The analysis of the graph as it was when the run started. */
    private volatile Analysis runAnalysis;

    /** CPU threads for the next run (Train › CPU Threads); 0 to measure. */
    private volatile int threads;

    /** @param templates the bundled samples' folder: runs of a sample stay out of it (may be null) */
    public TrainingRun(EditorDocument document, Path templates) {
        this.document = document;
        this.runs = new RunHistory(document, templates);
        merger.setCycleCount(Timeline.INDEFINITE);
        layersLater.setOnFinished(e -> layersVersion.set(layersVersion.get() + 1));
        // Paused: the learning rate and frozen layers may change, and the run takes them in when it goes on.
        phase.addListener((o, a, b) -> document.setPausedEditsAllowed(b == TrainingState.PAUSED));
        document.revisionProperty().addListener((o, a, b) -> passEditsToSession());
    }

    /**
     * Uses {@code n} CPU threads from the next run; 0 measures the fastest count per network among those that leave
     * the window a core.
     */
    public void setThreads(int n) {
        threads = Math.max(0, n);
    }

    public ReadOnlyObjectProperty<TrainingState> phaseProperty() {
        return phase.getReadOnlyProperty();
    }

    public TrainingState phase() {
        return phase.get();
    }

    /** The last state message: what is running on which engine, or why it stopped or failed. */
    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }

    /** "Epoch 3/10 · batch 40/125 · 12,345 samples/s · 0:42 left". */
    public ReadOnlyStringProperty progressTextProperty() {
        return progressText.getReadOnlyProperty();
    }

    /** Fraction of all batches done, 0 to 1. */
    public ReadOnlyDoubleProperty progressProperty() {
        return progress.getReadOnlyProperty();
    }

    /** Moves on whenever new loss points have arrived (the chart redraws then). */
    public ReadOnlyLongProperty versionProperty() {
        return version.getReadOnlyProperty();
    }

    public LossHistory history() {
        return history;
    }

    /** The runs kept with the project. */
    public RunHistory runs() {
        return runs;
    }

    /** @return the training throughput (samples/s) of each epoch of the current run, oldest first */
    public List<Double> epochSamplesPerSecond() {
        return List.copyOf(epochThroughput);
    }

    /** Per-layer statistics over time (activations, update ratios, latest histograms). */
    public LayerHistory layers() {
        return layers;
    }

    /** Moves on whenever a new per-layer snapshot has arrived. */
    public ReadOnlyLongProperty layersVersionProperty() {
        return layersVersion.getReadOnlyProperty();
    }

    /** The latest decision boundary (two-feature classification datasets only); null before the first. */
    public ReadOnlyObjectProperty<Boundary> boundaryProperty() {
        return boundaries.property();
    }

    /** @return the training points of a two-feature classification dataset, or null for other data */
    public DataPoints dataPoints() {
        return boundaries.points();
    }

    /** @return whether a trained (or training) network is there to ask for predictions */
    public boolean canPredict() {
        return session != null && phase.get() != TrainingState.LOADING && phase.get() != TrainingState.FAILED;
    }

    /** @return the layer a failed run blamed (the first to produce NaN, a wrong size…), if it named one */
    public Optional<String> failedNode() {
        return Optional.ofNullable(failedNode);
    }

    /** @return the Input node of the network last trained, or null before a run */
    public String inputNodeId() {
        TrainingSession s = session;
        return s == null ? null : s.inputNode();
    }

    /** @return the dataset of the last run, or null before one */
    public Dataset dataset() {
        TrainingSession s = session;
        return s == null ? null : s.dataset();
    }

    /**
     * Predicts for one raw sample (pixel values or table values as in the data files, in the Input's order): the
     * sample is normalised as the training data was, then run on the training thread between batches (or at once
     * after the run).
     *
     * @return class probabilities (or predicted values)
     */
    public CompletableFuture<float[]> predict(float[] raw) {
        TrainingSession s = session;
        if (s == null) return CompletableFuture.failedFuture(new IllegalStateException("no run"));
        float[] row = raw.clone();
        s.dataset().normalizer().apply(row, 0);
        long[] shape = inputShape(s);
        return s.probe(net -> net.predictValues(Nd4j.create(row, shape)));
    }

    /**
     * @return the held-out samples to look at (validation, else test, else training data) of the last run, or null
     *     before one
     */
    public Split sampleSplit() {
        TrainingSession s = session;
        if (s == null) return null;
        var d = s.dataset();
        return d.validation().size() > 0 ? d.validation() : d.test().size() > 0 ? d.test() : d.train();
    }

    /**
     * @return the split the current evaluation (and so the confusion matrix) was made on: the validation data after
     *     each epoch while training, the test data (else the validation data) once the run has ended
     */
    public Split evaluatedSplit() {
        return evaluationSplit;
    }

    /** @return the epoch after which the current evaluation was made on the validation data; 0 for after the run */
    public int evaluationEpoch() {
        return evaluationEpoch;
    }

    /** @return sample {@code i} of a split, normalised as the network sees it, in the dataset's shape */
    public static float[] features(Split split, Dataset data, int i) {
        float[] v = new float[(int) data.featureShape().size()];
        split.features(i, v, 0);
        return v;
    }

    /**
     * Every layer's output for one sample of a split, computed on the training thread between batches (or at once
     * after the run): by node id, row-major and channels last.
     */
    public CompletableFuture<Map<String, float[]>> activationsOf(
            Split split, int i) {
        TrainingSession s = session;
        if (s == null) return CompletableFuture.failedFuture(new IllegalStateException("no run"));
        float[] row = features(split, s.dataset(), i);
        long[] shape = inputShape(s);
        return s.probe(net -> net.activationValues(Nd4j.create(row, shape)));
    }

    /**
     * @return a node's output shape in the network being trained (edits after a run do not change the trained
     *     network), if the node was in it
     */
    public Optional<TensorShape> shapeOf(String nodeId) {
        var a = runAnalysis;
        return a == null ? Optional.empty() : a.shapeOf(nodeId);
    }

    /** The batch-of-one shape the network's Input takes (an MLP reads MNIST's 28×28×1 images as vectors of 784). */
    private long[] inputShape(TrainingSession s) {
        int[] dims = shapeOf(s.inputNode()).orElse(s.dataset().featureShape()).dims();
        long[] shape = new long[dims.length + 1];
        shape[0] = 1;
        for (int i = 0; i < dims.length; i++) shape[i + 1] = dims[i];
        return shape;
    }

    /** The evaluation on the test split (else the validation split) once a run has ended; null before. */
    public ReadOnlyObjectProperty<Evaluation> evaluationProperty() {
        return evaluation.getReadOnlyProperty();
    }

    /** @return whether a run is loading, running or paused (the graph is read-only then) */
    public boolean isActive() {
        TrainingState p = phase.get();
        return p == TrainingState.LOADING || p == TrainingState.RUNNING || p == TrainingState.PAUSED;
    }

    /**
     * Starts a run: loads the data off the JavaFX thread, then trains on the session's own thread. After a run
     * that ended (finished or stopped) on the same network, the new run continues from its weights and its curves
     * go on where they stopped; {@link #resetWeights()} makes the next run start from new random weights.
     */
    public void start() {
        if (isActive()) return;
        if (!document.analysis().isValid()) {
            fail(Messages.get("train.invalid"));
            return;
        }
        TrainingSession previous = canContinue() ? session : null;
        runAnalysis = document.analysis();
        failedNode = null;
        if (previous == null) {
            history.clear();
            layers.clear();
            boundaries.setPoints(null);
            lastIteration = 0;
            iterationOffset = 0;
            epochOffset = 0;
        } else {
            iterationOffset = lastIteration;
            epochOffset += previous.epochsDone();
        }
        long iterationsBefore = iterationOffset;
        int epochsBefore = epochOffset;
        String continuedFrom = previous == null ? "" : lastRunId;
        layersVersion.set(layersVersion.get() + 1);
        epochThroughput.clear();
        evaluation.set(null);
        boundaries.clear();
        version.set(version.get() + 1);
        inbox.clear();
        epochs = document.project().training().getInt("epochs");
        setPhase(TrainingState.LOADING, Messages.get("train.loading"));
        progress.set(-1);
        progressText.set(Messages.get("train.loading"));
        document.setReadOnly(true);
        merger.play();
        String structure = structure();
        Thread loader = new Thread(() -> {
            try {
                NativeSetup.configure(); // the right native build, before ND4J loads
                TrainingSession s = previous == null ? TrainingSession.create(document.project())
                        : TrainingSession.continueFrom(document.project(),
                        DatasetLoader.load(document.project()), previous.backend());
                s.addListener(inbox.listener());
                recorder = RunRecorder.attach(s, iterationsBefore, epochsBefore, continuedFrom);
                int fixed = threads;
                if (fixed > 0) {
                    s.setThreads(fixed); // the user's choice (Train › CPU Threads)
                } else {
                    // the window draws while it trains: leave it a core (measured: on 2 cores, one native thread
                    // trains as fast with the live views as two, and the window stays smooth)
                    s.setThreadLimit(Threads.available() - 1);
                }
                s.requestSnapshot(); // the layers' first picture comes with the first batch
                boundaries.setPoints(DataPoints.of(s.dataset()));
                session = s;
                trainedStructure = structure;
                if (previous != null) {
                    Platform.runLater(() -> message.set(Messages.get("train.continuing", epochOffset)));
                }
                trainingThread = s.start();
            } catch (Exception e) {
                String why = org.strata.app.i18n.Catalogue.explain(e);
                String node = e instanceof TrainingException te ? te.nodeId() : null;
                Platform.runLater(() -> {
                    failedNode = node;
                    fail(why);
                });
            }
        }, "strata-training-loader");
        loader.setDaemon(true);
        loader.start();
    }

    /**
     * @return whether the next {@link #start()} continues from the trained weights: a run has ended without
     *     failing and the network (layers, their settings, wires) is the one it trained
     */
    public boolean canContinue() {
        TrainingState p = phase.get();
        return session != null && (p == TrainingState.FINISHED || p == TrainingState.STOPPED) && structure().equals(trainedStructure);
    }

    /** @return whether there are trained weights that {@link #resetWeights()} would discard */
    public boolean hasWeights() {
        return session != null && !isActive();
    }

    /**
     * Forgets the trained network and its curves: the next run starts from new random weights. Not while a run is
     * active.
     */
    public void resetWeights() {
        if (isActive() || session == null) return;
        session = null;
        trainedStructure = "";
        history.clear();
        layers.clear();
        boundaries.setPoints(null);
        iterationOffset = 0;
        epochOffset = 0;
        lastIteration = 0;
        evaluation.set(null);
        boundaries.clear();
        version.set(version.get() + 1);
        layersVersion.set(layersVersion.get() + 1);
        progress.set(0);
        progressText.set("");
        setPhase(TrainingState.IDLE, Messages.get("train.reset"));
    }

    /**
     * Makes a kept run's weights the trained network (for Try it, the Layers tab, continuing, a new evaluation), if
     * the run trained the network the project has now; otherwise says why in the message. Loads off the JavaFX
     * thread. Not while a run is active.
     */
    public void useRun(RunRecord r) {
        if (isActive()) return;
        String structure = structure();
        var project = document.project();
        runAnalysis = document.analysis();
        evaluation.set(null); // what is shown belongs to the weights being replaced
        boundaries.clear();
        setPhase(TrainingState.LOADING, Messages.get("runs.loading", r.id()));
        progress.set(-1);
        document.setReadOnly(true);
        Thread t = new Thread(() -> {
            try {
                var model = runs.model(r);
                if (!NetworkStructure.of(model.project().graph()).equals(structure)) {
                    throw new IllegalStateException(Messages.get("runs.otherNetwork", r.id()));
                }
                TrainingSession s = TrainingSession.continueFrom(project,
                        DatasetLoader.load(project), model.network());
                DataPoints pts = DataPoints.of(s.dataset());
                Platform.runLater(() -> {
                    session = s;
                    trainingThread = null;
                    boundaries.setPoints(pts);
                    trainedStructure = structure;
                    history.clear();
                    layers.clear();
                    for (double[] p : r.loss()) history.addTrain((long) p[0], p[1]);
                    for (double[] p : r.validation()) history.addValidation((long) p[0], p[1]);
                    for (double[] p : r.metric()) history.addMetric((int) p[0], p[1], p[2], r.metricName(), Double.NaN);
                    lastIteration = r.loss().length == 0 ? 0 : (long) r.loss()[r.loss().length - 1][0];
                    iterationOffset = lastIteration;
                    epochOffset = model.epochs();
                    lastRunId = r.id();
                    version.set(version.get() + 1);
                    layersVersion.set(layersVersion.get() + 1);
                    document.setReadOnly(false);
                    progress.set(0);
                    setPhase(TrainingState.FINISHED, Messages.get("runs.using", r.id(), model.epochs()));
                    evaluateAfterwards(null, null);
                });
            } catch (Exception e) {
                String why = org.strata.app.i18n.Catalogue.explain(e);
                Platform.runLater(() -> {
                    document.setReadOnly(false);
                    progress.set(0);
                    setPhase(session == null ? TrainingState.IDLE : TrainingState.FINISHED, why);
                });
            }
        }, "strata-run-loader");
        t.setDaemon(true);
        t.start();
    }

    /** @return what the trained weights depend on in the document's graph now */
    private String structure() {
        return NetworkStructure.of(document.project().graph());
    }

    public void pause() {
        TrainingSession s = session;
        if (s != null && phase.get() == TrainingState.RUNNING) s.pause();
    }

    public void resume() {
        TrainingSession s = session;
        if (s != null && phase.get() == TrainingState.PAUSED) s.resume();
    }

    /** One batch, while paused. */
    public void step() {
        TrainingSession s = session;
        if (s != null && phase.get() == TrainingState.PAUSED) {
            s.requestSnapshot(); // one batch is worth looking at closely
            s.step();
        }
    }

    public void stop() {
        TrainingSession s = session;
        if (s != null && isActive()) s.stop();
    }

    /**
     * The project is being closed: stops a run and forgets the runs of a project that was never saved (they were
     * kept in a temporary folder, as the project itself was never written).
     */
    public void close() {
        stop();
        runs.discardTemporary();
    }

    private void fail(String why) {
        merge();
        setPhase(TrainingState.FAILED, why);
        finishRun();
    }

    private void finishRun() {
        merger.stop();
        document.setReadOnly(false);
        if (progress.get() < 0) progress.set(0);
    }

    private void setPhase(TrainingState p, String text) {
        message.set(text == null ? "" : text); // first: whoever watches the phase reads the message
        phase.set(p);
    }

    /** Hands the learning rate and the frozen layers, as the document has them now, to an active session. */
    private void passEditsToSession() {
        TrainingSession s = session;
        if (s == null || phase.get() != TrainingState.PAUSED) return;
        s.setLearningRate(document.project().training().getDouble("learningRate"));
        s.setFrozen(document.graph().nodes().stream().filter(Node::frozen)
                .map(Node::id).collect(Collectors.toSet()));
    }

    /** On the JavaFX thread: takes in what the training thread has offered since the last time. */
    private void merge() {
        Merge m = new Merge();
        TrainingEvent e;
        while ((e = inbox.poll()) != null) e.dispatch(m);
        if (m.points) version.set(version.get() + 1);
        // The layer views redraw half a merge later than the curves: two short pauses rather than one long one.
        if (m.snapshots && layersLater.getStatus() != Animation.Status.RUNNING) layersLater.playFromStart();
        askForSnapshot();
        askForBoundary();
    }

    /** Takes one batch of events into the properties and histories; a handler for every kind of event. */
    private final class Merge implements TrainingEvent.Handler {
        boolean points;
        boolean snapshots;

        @Override
        public void onIteration(TrainingEvent.Iteration it) {
            history.addTrain(iterationOffset + it.iteration(), it.loss());
            lastIteration = iterationOffset + it.iteration();
            points = true;
            long total = (long) it.batchesPerEpoch() * epochs;
            long done = (long) (it.epoch() - 1) * it.batchesPerEpoch() + it.batch();
            progress.set(total == 0 ? 0 : (double) done / total);
            double left = it.samplesPerSecond() <= 0 ? 0 : (total - done) * (double) document.project()
                    .training().getInt("batchSize") / it.samplesPerSecond();
            progressText.set(Messages.get("train.progress", it.epoch(), epochs, it.batch(),
                    it.batchesPerEpoch(), Math.round(it.samplesPerSecond()), clock(left)));
        }

        @Override
        public void onEpoch(TrainingEvent.Epoch ep) {
            if (!Double.isNaN(ep.validationLoss())) history.addValidation(lastIteration, ep.validationLoss());
            epochThroughput.add(ep.samplesPerSecond());
            TrainingSession s = session;
            if (ep.validation() != null && ep.validation().samples() > 0 && s != null) {
                // the confusion matrix of the validation data, after each epoch, while it learns
                evaluationSplit = s.dataset().validation();
                evaluationEpoch = epochOffset + ep.epoch();
                evaluation.set(ep.validation());
            }
            history.addMetric(epochOffset + ep.epoch(), ep.trainMetric(), ep.validationMetric(), ep.metricName(),
                    ep.learningRate());
            points = true;
        }

        @Override
        public void onSnapshot(TrainingEvent.Snapshot snap) {
            layers.add(snap, iterationOffset);
            snapshots = true;
        }

        @Override
        public void onStateChanged(TrainingEvent.StateChanged sc) {
            if (sc.state() == TrainingState.FAILED) failedNode = sc.failedNode();
            setPhase(sc.state(), org.strata.app.i18n.Catalogue.message(sc.message()));
            if (sc.state().isOver()) {
                finishRun();
                if (sc.result() != null) {
                    evaluateAfterwards(sc.result(), recorder);
                }
            }
        }
    }

    /** Asks the session for per-layer statistics after its next batch, at most every 500 ms while running. */
    private void askForSnapshot() {
        TrainingSession s = session;
        if (s == null || phase.get() != TrainingState.RUNNING || System.nanoTime() - snapshotAskedAt < SNAPSHOT_EVERY_NANOS) {
            return;
        }
        snapshotAskedAt = System.nanoTime();
        s.requestSnapshot();
    }

    /** Asks the training thread for the decision boundary while the run trains (see {@link BoundaryFeed}). */
    private void askForBoundary() {
        TrainingSession s = session;
        if (s != null && phase.get() == TrainingState.RUNNING) boundaries.askIfDue(s, () -> session == s);
    }

    /**
     * Off the JavaFX thread (training has ended, so the network is free): shows the evaluation on held-out data (the
     * test split, else the validation split), draws the last decision boundary and keeps the run.
     *
     * @param result the run's end, whose evaluations the session made; null for weights loaded from a kept run,
     *               which are evaluated here
     * @param keep   what to keep of the run, or null
     */
    private void evaluateAfterwards(TrainingResult result, RunRecorder keep) {
        TrainingSession s = session;
        if (s == null) return;
        boolean onTest = s.dataset().test().size() > 0;
        var split = onTest ? s.dataset().test() : s.dataset().validation();
        Thread training = trainingThread;
        Thread t = new Thread(() -> {
            try {
                // The network is free once the training thread has ended; from then on one thread at a time uses it.
                if (training != null) training.join();
                var ev = result != null ? (onTest ? result.test() : result.validation())
                        : split.size() == 0 ? null : s.evaluate(split, 0);
                Boundary last = boundaries.computeNow(s);
                RunRecord kept = keep == null || !keep.hasRun() ? null : keepRun(keep);
                Platform.runLater(() -> {
                    if (kept != null) {
                        runs.added(kept);
                        lastRunId = kept.id();
                    }
                    if (session != s) return;
                    if (ev != null) {
                        evaluationSplit = split;
                        evaluationEpoch = 0;
                        evaluation.set(ev);
                    }
                    if (last != null) boundaries.show(last);
                });
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (RuntimeException e) {
                Platform.runLater(() -> message.set(org.strata.app.i18n.Catalogue.explain(e)));
            }
        }, "strata-evaluation");
        t.setDaemon(true);
        t.start();
    }

    /** Keeps the run with the project; a failure to write it is said in the message, never fatal. */
    private RunRecord keepRun(RunRecorder r) {
        try {
            return r.keep(runs.store());
        } catch (IOException | RuntimeException e) {
            Platform.runLater(() -> message.set(Messages.get("runs.saveFailed", e.getMessage())));
            return null;
        }
    }

    private static String clock(double seconds) {
        long s = Math.round(seconds);
        return s >= 3600 ? String.format("%d:%02d:%02d", s / 3600, s / 60 % 60, s % 60)
                : String.format("%d:%02d", s / 60, s % 60);
    }
}
