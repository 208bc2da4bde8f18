package org.strata.app.training;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Collectors;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import org.strata.app.document.EditorDocument;
import org.strata.app.i18n.Messages;
import org.strata.engine.data.Dataset;
import org.strata.engine.data.Split;
import org.strata.engine.graph.Node;
import org.strata.engine.layers.TensorShape;
import org.strata.engine.runs.RunRecord;
import org.strata.engine.runs.RunRecorder;
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
    private static final Duration MERGE_EVERY = Duration.ofMillis(500);

    private final EditorDocument document;
    private final EventInbox inbox = new EventInbox();
    private final RunThreads.Clock merger;
    /** The layer views redraw half a merge after the curves: two short pauses rather than one long one. */
    private final RunThreads.Clock layersLater;
    private final ReadOnlyObjectWrapper<TrainingState> phase = new ReadOnlyObjectWrapper<>(this, "phase", TrainingState.IDLE);
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper(this, "message", "");
    /** How the current message is said (see {@link #languageChanged()}). */
    private java.util.function.Supplier<String> said = () -> "";
    private final RunCurves curves = new RunCurves();
    /** Per-layer snapshots are asked for at most this often (each costs one forward pass of 32 samples). */
    private static final long SNAPSHOT_EVERY_NANOS = 500_000_000L;
    private long snapshotAskedAt;
    private final ShownEvaluation evaluation = new ShownEvaluation();
    private volatile TrainingSession session;
    private final BoundaryFeed boundaries;
    private volatile Thread trainingThread;
    private int epochs;
    private String trainedStructure = "";
    private volatile String failedNode;
    private final RunHistory runs;
    /** For the run's record: what it started from, and its last epoch. */
    private volatile RunRecorder recorder;
    private String lastRunId = "";

    /** Batches per second the run trains at (the Training tab's pace); 0 as fast as it can. */
    private final javafx.beans.property.DoubleProperty pace = new javafx.beans.property.SimpleDoubleProperty(
            this, "pace", 0);
    /** A run is being loaded to train (not a kept run being opened): Pause and Stop may be asked for already. */
    private boolean starting;
    /** Pause or Stop asked for while the run was still loading: it starts paused, or not at all. */
    private boolean pauseWhenStarted;
    private boolean stopWhenStarted;

    /** CPU threads for the next run (Train › CPU Threads); 0 to measure. */
    private volatile int cpuThreads;
    /** Where the window-side work runs: the UI thread, background threads, the merge clock. */
    private final RunThreads threads;
    /** Builds a run's session off the JavaFX thread; a test hands in one that fails as a large network would. */
    Loader loader = Sessions::forRun;

    /** {@link Sessions#forRun}, as a value. */
    interface Loader {
        TrainingSession load(org.strata.engine.project.Project project, TrainingSession previous, int cpuThreads)
                throws Exception;
    }
    private final StepThrough stepThrough;
    private final WeightPath weightPath = new WeightPath();
    private final SurfaceFeed surface;

    /** @param templates the bundled samples' folder: runs of a sample stay out of it (may be null) */
    public TrainingRun(EditorDocument document, Path templates) {
        this(document, templates, new FxRunThreads());
    }

    /**
     * @param templates the bundled samples' folder: runs of a sample stay out of it (may be null)
     * @param threads   where its work runs: the window's ({@link FxRunThreads}), or a test's
     */
    public TrainingRun(EditorDocument document, Path templates, RunThreads threads) {
        this.document = document;
        this.threads = threads;
        this.runs = new RunHistory(document, templates, threads);
        this.boundaries = new BoundaryFeed(threads::ui);
        this.merger = threads.every(MERGE_EVERY, this::merge);
        this.layersLater = threads.after(MERGE_EVERY.dividedBy(2), curves::layersChanged);
        // Paused: the learning rate and frozen layers may change, and the run takes them in when it goes on.
        phase.addListener((o, a, b) -> document.setPausedEditsAllowed(b == TrainingState.PAUSED));
        document.revisionProperty().addListener((o, a, b) -> passEditsToSession());
        this.stepThrough = new StepThrough(this, threads);
        this.surface = new SurfaceFeed(this, threads);
    }

    /** @return a small network's weights after each batch: the path its optimizer takes */
    public WeightPath weightPath() {
        return weightPath;
    }

    /** @return the loss surface over a two-weight network's weights, with the path on it */
    public SurfaceFeed surface() {
        return surface;
    }

    /**
     * The loss over a grid of two weights' values (see {@link org.strata.engine.train.LossSurface}), computed by the
     * run's engine between batches; call it off the JavaFX thread (with no run going it runs on the caller's).
     *
     * @return empty when no network has been built yet
     */
    java.util.Optional<java.util.concurrent.CompletableFuture<org.strata.engine.train.LossSurface.Grid>> lossSurface(
            org.strata.engine.train.LossSurface.Axis x, org.strata.engine.train.LossSurface.Axis y, int steps) {
        TrainingSession s = session;
        return s == null ? java.util.Optional.empty() : java.util.Optional.of(s.lossSurface(x, y, steps));
    }

    /** @return Step Through for this document's runs (kept across language and theme switches) */
    public StepThrough stepThrough() {
        return stepThrough;
    }

    /**
     * While paused, trains one batch with the engine copying out everything it computed.
     *
     * @return completes (on the training thread) with the step, or empty when there is no paused run or its engine
     *     cannot trace
     */
    public java.util.concurrent.CompletableFuture<java.util.Optional<org.strata.engine.backprop.StepTrace>>
            traceStep() {
        TrainingSession s = session;
        if (s == null || phase.get() != TrainingState.PAUSED) {
            return java.util.concurrent.CompletableFuture.completedFuture(java.util.Optional.empty());
        }
        s.requestSnapshot(); // the other views show the same batch
        return s.traceStep();
    }

    /** @return the graph of the network the current (or last) run trains: its own copy, unchanged by later edits */
    public java.util.Optional<org.strata.engine.graph.Graph> trainedGraph() {
        TrainingSession s = session;
        return s == null ? java.util.Optional.empty() : java.util.Optional.of(s.project().graph());
    }

    /**
     * Uses {@code n} CPU threads from the next run; 0 measures the fastest count per network among those that leave
     * the window a core.
     */
    public void setThreads(int n) {
        cpuThreads = Math.max(0, n);
    }

    /**
     * Trains at most {@code batchesPerSecond} batches a second, from the next batch on (0: as fast as it can), so
     * that a class can watch a small network learn.
     */
    public void setPace(double batchesPerSecond) {
        pace.set(Math.max(0, batchesPerSecond));
        TrainingSession s = session;
        if (s != null && isActive()) s.setPace(pace.get());
    }

    /** @return the pace runs train at, in batches per second; 0 for as fast as they can */
    public double pace() {
        return pace.get();
    }

    /** The pace, for the control that shows it (set it with {@link #setPace}). */
    public javafx.beans.value.ObservableDoubleValue paceProperty() {
        return pace;
    }

    /** @return whether {@link #pause()} does something now: a run is training, or loading to train */
    public boolean canPause() {
        return phase.get() == TrainingState.RUNNING || phase.get() == TrainingState.LOADING && starting;
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

    /** What this network's runs have drawn: curves, per-layer statistics, progress. */
    public RunCurves curves() {
        return curves;
    }

    /** The runs kept with the project. */
    public RunHistory runs() {
        return runs;
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

    /** @return the network the last run trained (or is training), or empty before a run */
    public Optional<TrainedNetwork> network() {
        TrainingSession s = session;
        return s == null ? Optional.empty() : Optional.of(new TrainedNetwork(s));
    }

    /** @return the Input node of the network last trained, or null before a run */
    public String inputNodeId() {
        return network().map(TrainedNetwork::inputNodeId).orElse(null);
    }

    /** @return the dataset of the last run, or null before one */
    public Dataset dataset() {
        return network().map(TrainedNetwork::dataset).orElse(null);
    }

    /**
     * @param names class names of the run's data (its dataset's, or an evaluation's)
     * @return them as the window shows them: the names of Strata's generated data ("same sign") in the window's
     * language, the user's own data's as they are
     */
    public java.util.List<String> shown(java.util.List<String> names) {
        boolean generated = document.project().dataset()
                .map(d -> d.kind() == org.strata.engine.project.DatasetKind.GENERATED).orElse(false);
        // a name from the data is shown, never obeyed: its control and bidi characters in their visible form
        return generated ? names.stream().map(org.strata.app.i18n.Catalogue::generatedClass).toList()
                : names.stream().map(org.strata.engine.text.TerminalText::escape).toList();
    }

    /** @return the project's training settings as they are now (what a kept run is compared with) */
    public org.strata.engine.params.Params trainingSettings() {
        return document.project().training();
    }

    /** @see TrainedNetwork#predict */
    public CompletableFuture<float[]> predict(float[] raw) {
        return network().map(n -> n.predict(raw)).orElseGet(TrainingRun::noRun);
    }

    /** @see TrainedNetwork#predictEach */
    public CompletableFuture<float[][]> predictEach(float[][] raws) {
        return network().map(n -> n.predictEach(raws)).orElseGet(TrainingRun::noRun);
    }

    /** @see TrainedNetwork#insideOf */
    public CompletableFuture<org.strata.engine.export.NpzForward.Inside> insideOf(Split split, int i) {
        return network().map(n -> n.insideOf(split, i)).orElseGet(TrainingRun::noRun);
    }

    /** @see TrainedNetwork#insideOf(float[]) */
    public CompletableFuture<org.strata.engine.export.NpzForward.Inside> insideOf(float[] raw) {
        return network().map(n -> n.insideOf(raw)).orElseGet(TrainingRun::noRun);
    }

    /** @see TrainedNetwork#activationsOf(float[]) */
    public CompletableFuture<Map<String, float[]>> activationsOf(float[] raw) {
        return network().map(n -> n.activationsOf(raw)).orElseGet(TrainingRun::noRun);
    }

    /**
     * A text typed into Try it, as the network reads it: the Layers tab can show what the network does with it.
     *
     * @param text the text as typed
     * @param raw  its token numbers
     */
    public record TypedSample(String text, float[] raw) {
    }

    private final javafx.beans.property.ObjectProperty<TypedSample> typed =
            new javafx.beans.property.SimpleObjectProperty<>();

    /** @return the text last typed into Try it (null when none, or it was cleared) */
    public javafx.beans.property.ObjectProperty<TypedSample> typedProperty() {
        return typed;
    }

    /** @see TrainedNetwork#nodeOf */
    public java.util.Optional<org.strata.engine.graph.Node> nodeOf(String nodeId) {
        return network().flatMap(n -> n.nodeOf(nodeId));
    }

    /** @see TrainedNetwork#activationsOf */
    public CompletableFuture<Map<String, float[]>> activationsOf(Split split, int i) {
        return network().map(n -> n.activationsOf(split, i)).orElseGet(TrainingRun::noRun);
    }

    /** @return the held-out samples to look at ({@link TrainedNetwork#sampleSplit}), or null before a run */
    public Split sampleSplit() {
        return network().map(TrainedNetwork::sampleSplit).orElse(null);
    }

    /** @return a node's output shape in the network last trained (edits after a run change nothing), if in it */
    public Optional<TensorShape> shapeOf(String nodeId) {
        return network().flatMap(n -> n.shapeOf(nodeId));
    }

    private static <T> CompletableFuture<T> noRun() {
        return CompletableFuture.failedFuture(new IllegalStateException("no run"));
    }

    /**
     * @return the split the current evaluation (and so the confusion matrix) was made on: the validation data after
     *     each epoch while training, the test data (else the validation data) once the run has ended
     */
    public Split evaluatedSplit() {
        return evaluation.split();
    }

    /** @return the epoch after which the current evaluation was made on the validation data; 0 for after the run */
    public int evaluationEpoch() {
        return evaluation.epoch();
    }

    /** The evaluation on the test split (else the validation split) once a run has ended; null before. */
    public ReadOnlyObjectProperty<Evaluation> evaluationProperty() {
        return evaluation.property();
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
        typed.set(null); // a new run may number tokens anew: a text typed for the last one is typed again
        if (!document.analysis().isValid()) {
            // the first error says what to do (the data's, such as a missing file, included); the rest are listed
            var errors = document.analysis().errors();
            var first = errors.get(0);
            failedNode = first.nodeId();
            fail(() -> {
                String what = org.strata.app.i18n.Catalogue.problem(first, first.nodeId() == null ? null
                        : document.graph().node(first.nodeId()).orElse(null));
                return errors.size() == 1 ? Messages.get("train.invalid", what)
                        : Messages.get("train.invalidMore", what, errors.size() - 1);
            });
            return;
        }
        TrainingSession previous = canContinue() ? session : null;
        failedNode = null;
        if (previous == null) boundaries.setPoints(null);
        curves.startRun(previous == null ? -1 : previous.epochsDone());
        if (previous == null) weightPath.clear(); // a continued run goes on along the same path
        long iterationsBefore = curves.iterationsBefore();
        int epochsBefore = curves.epochsBefore();
        String continuedFrom = previous == null ? "" : lastRunId;
        evaluation.clear();
        boundaries.clear();
        inbox.clear();
        epochs = document.project().training().getInt("epochs");
        starting = true;
        pauseWhenStarted = false;
        stopWhenStarted = false;
        setPhase(TrainingState.LOADING, () -> Messages.get("train.loading"));
        document.setReadOnly(true);
        merger.start();
        String structure = structure();
        threads.background("strata-training-loader", () -> {
            try {
                TrainingSession s = loader.load(document.project(), previous, cpuThreads);
                s.addListener(inbox.listener());
                recorder = RunRecorder.attach(s, iterationsBefore, epochsBefore, continuedFrom);
                boundaries.setPoints(DataPoints.of(s.dataset()));
                if (s.fewWeights() && previous == null) {
                    var start = s.weightValues(); // before its thread starts: the path's first point
                    threads.ui(() -> {
                        weightPath.add(start);
                        weightPath.publish();
                    });
                }
                session = s;
                trainedStructure = structure;
                if (previous != null) {
                    threads.ui(() -> say(() -> Messages.get("train.continuing", epochsBefore)));
                }
                s.setPace(pace.get());
                startWhenAsked(s);
            } catch (Exception | OutOfMemoryError | StackOverflowError e) { // the window stays, the project too
                String why = org.strata.app.i18n.Catalogue.explain(e);
                String node = e instanceof TrainingException te ? te.nodeId() : null;
                threads.ui(() -> {
                    failedNode = node;
                    fail(() -> why);
                });
            }
        });
    }

    /**
     * Starts the loaded session's thread on the JavaFX thread, where Pause and Stop are asked for: one pressed while
     * the data loaded (F6 a second after F5) is not lost, the run starts paused or does not start.
     */
    private void startWhenAsked(TrainingSession s) {
        threads.ui(() -> {
            starting = false;
            if (stopWhenStarted) s.stop();
            else if (pauseWhenStarted) s.pause();
            trainingThread = s.start();
        });
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
        curves.clear();
        boundaries.setPoints(null);
        evaluation.clear();
        boundaries.clear();
        setPhase(TrainingState.IDLE, () -> Messages.get("train.reset"));
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
        evaluation.clear(); // what is shown belongs to the weights being replaced
        boundaries.clear();
        setPhase(TrainingState.LOADING, () -> Messages.get("runs.loading", r.id()));
        curves.loading();
        document.setReadOnly(true);
        threads.background("strata-run-loader", () -> {
            try {
                var model = runs.model(r);
                TrainingSession s = Sessions.forKeptRun(project, r, model, structure);
                DataPoints pts = DataPoints.of(s.dataset());
                threads.ui(() -> {
                    session = s;
                    trainingThread = null;
                    boundaries.setPoints(pts);
                    trainedStructure = structure;
                    curves.restore(r, model.epochs());
                    lastRunId = r.id();
                    document.setReadOnly(false);
                    setPhase(TrainingState.FINISHED, () -> Messages.get("runs.using", r.id(), model.epochs()));
                    evaluateAfterwards(null, null);
                });
            } catch (Exception | OutOfMemoryError | StackOverflowError e) { // the window stays, the project too
                String why = org.strata.app.i18n.Catalogue.explain(e);
                threads.ui(() -> {
                    document.setReadOnly(false);
                    curves.settle();
                    setPhase(session == null ? TrainingState.IDLE : TrainingState.FINISHED, () -> why);
                });
            }
        });
    }

    /** @return what the trained weights depend on in the document's graph now */
    private String structure() {
        return NetworkStructure.of(document.project().graph());
    }

    public void pause() {
        TrainingSession s = session;
        if (phase.get() == TrainingState.LOADING && starting) {
            pauseWhenStarted = true;
            say(() -> Messages.get("train.pauseWhenLoaded"));
        } else if (s != null && phase.get() == TrainingState.RUNNING) {
            s.pause();
        }
    }

    public void resume() {
        TrainingSession s = session;
        if (phase.get() == TrainingState.LOADING && starting) {
            pauseWhenStarted = false;
            say(() -> Messages.get("train.loading"));
        } else if (s != null && phase.get() == TrainingState.PAUSED) {
            s.resume();
        }
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
        if (phase.get() == TrainingState.LOADING && starting) stopWhenStarted = true;
        else if (s != null && isActive()) s.stop();
    }

    /**
     * The project is being closed: stops a run and forgets the runs of a project that was never saved (they were
     * kept in a temporary folder, as the project itself was never written).
     */
    public void close() {
        stop();
        runs.discardTemporary();
    }

    private void fail(java.util.function.Supplier<String> why) {
        starting = false;
        merge();
        setPhase(TrainingState.FAILED, why);
        finishRun();
    }

    private void finishRun() {
        merger.stop();
        document.setReadOnly(false);
        curves.settle();
    }

    private void setPhase(TrainingState p, java.util.function.Supplier<String> text) {
        say(text); // first: whoever watches the phase reads the message
        phase.set(p);
    }

    /** Shows a message, kept as how to say it so that a language switch says it again in the new language. */
    private void say(java.util.function.Supplier<String> text) {
        said = text;
        String t = text.get();
        message.set(t == null ? "" : t);
    }

    /** Says the current message again in the window's language, after a switch. */
    public void languageChanged() {
        say(said);
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
        if (m.points) curves.changed();
        weightPath.publish();
        // The layer views redraw half a merge later than the curves: two short pauses rather than one long one.
        if (m.snapshots && !layersLater.running()) layersLater.start();
        askForSnapshot();
        askForBoundary();
    }

    /** Takes one batch of events into the properties and histories; a handler for every kind of event. */
    private final class Merge implements TrainingEvent.Handler {
        boolean points;
        boolean snapshots;

        @Override
        public void onIteration(TrainingEvent.Iteration it) {
            boolean paused = phase.get() == TrainingState.PAUSED;
            curves.iteration(it, epochs, document.project().training().getInt("batchSize"), paused);
            if (paused) {
                // a step: the run is paused at the next iteration now
                long at = it.iteration();
                say(() -> org.strata.app.i18n.Catalogue.message(org.strata.engine.text.Message.of("run.paused",
                        "Paused at iteration " + at, at)));
            }
            points = true;
        }

        @Override
        public void onEpoch(TrainingEvent.Epoch ep) {
            curves.epoch(ep);
            TrainingSession s = session;
            if (ep.validation() != null && ep.validation().samples() > 0 && s != null) {
                // the confusion matrix of the validation data, after each epoch, while it learns
                evaluation.show(ep.validation(), s.dataset().validation(), curves.epochsBefore() + ep.epoch());
            }
            points = true;
        }

        @Override
        public void onSnapshot(TrainingEvent.Snapshot snap) {
            curves.snapshot(snap);
            snapshots = true;
        }

        @Override
        public void onWeights(TrainingEvent.Weights w) {
            weightPath.add(w.values());
        }

        @Override
        public void onStateChanged(TrainingEvent.StateChanged sc) {
            if (sc.state() == TrainingState.FAILED) failedNode = sc.failedNode();
            setPhase(sc.state(), () -> org.strata.app.i18n.Catalogue.message(sc.message()));
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
        threads.background("strata-evaluation", () -> {
            try {
                // The network is free once the training thread has ended; from then on one thread at a time uses it.
                if (training != null) training.join();
                var ev = result != null ? (onTest ? result.test() : result.validation())
                        : split.size() == 0 ? null : s.evaluate(split, 0);
                Boundary last = boundaries.computeNow(s);
                RunRecord kept = keep == null || !keep.hasRun() ? null : keepRun(keep);
                threads.ui(() -> {
                    if (kept != null) {
                        runs.added(kept);
                        lastRunId = kept.id();
                    }
                    if (session != s) return;
                    if (ev != null) {
                        evaluation.show(ev, split, 0);
                    }
                    if (last != null) boundaries.show(last);
                });
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (RuntimeException e) {
                threads.ui(() -> say(() -> org.strata.app.i18n.Catalogue.explain(e)));
            }
        });
    }

    /** Keeps the run with the project; a failure to write it is said in the message, never fatal. */
    private RunRecord keepRun(RunRecorder r) {
        try {
            return r.keep(runs.store());
        } catch (IOException | RuntimeException e) {
            threads.ui(() -> say(() -> Messages.get("runs.saveFailed", e.getMessage())));
            return null;
        }
    }
}
