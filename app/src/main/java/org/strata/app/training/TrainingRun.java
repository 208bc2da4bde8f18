package org.strata.app.training;

import java.nio.file.Path;
import java.util.Optional;
import java.util.stream.Collectors;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import org.strata.app.document.EditorDocument;
import org.strata.app.i18n.Messages;
import org.strata.engine.data.Split;
import org.strata.engine.graph.Node;
import org.strata.engine.runs.RunRecord;
import org.strata.engine.runtime.Threads;
import org.strata.engine.train.Evaluation;
import org.strata.engine.train.TrainingEvent;
import org.strata.engine.train.TrainingSession;
import org.strata.engine.train.TrainingState;

/**
 * One training run of the open document, seen from the window. The session trains on its own thread and only
 * offers its events to a queue; a timer on the JavaFX thread takes them a few times a second and updates these
 * properties and the loss history, so a slow chart never slows training. The graph is read-only while a run is
 * active.
 */
public final class TrainingRun implements TrainedQuestions {
    private final EditorDocument document;
    /** Takes the training thread's events into the window (see {@link TelemetryMerge}). */
    private final TelemetryMerge telemetry;
    /** Pause, Resume, Step, Stop, also while loading. */
    private final RunControl control;
    /** Keeps runs as the command line does: checkpoints, best model, rescue (see {@link RunKeeping}). */
    private final RunKeeping keeping;
    /** Loads runs to train, and kept runs to look at. */
    private final RunLoading loading;
    private final ReadOnlyObjectWrapper<TrainingState> phase = new ReadOnlyObjectWrapper<>(this, "phase", TrainingState.IDLE);
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper(this, "message", "");
    /** How the current message is said (see {@link #languageChanged()}). */
    private java.util.function.Supplier<String> said = () -> "";
    private final RunCurves curves = new RunCurves();
    private final ShownEvaluation evaluation = new ShownEvaluation();
    private volatile TrainingSession session;
    private final BoundaryFeed boundaries;
    private volatile Thread trainingThread;
    private String trainedStructure = "";
    private volatile String failedNode;
    private final RunHistory runs;

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
    private final Writing writing;

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
        this.telemetry = new TelemetryMerge(this, threads);
        this.control = new RunControl(this, threads);
        this.keeping = new RunKeeping(this, runs, threads);
        this.loading = new RunLoading(this, document, threads);
        // Paused: the learning rate and frozen layers may change, and the run takes them in when it goes on.
        phase.addListener((o, a, b) -> document.setPausedEditsAllowed(b == TrainingState.PAUSED));
        document.revisionProperty().addListener((o, a, b) -> passEditsToSession());
        this.stepThrough = new StepThrough(this, threads);
        this.surface = new SurfaceFeed(this, threads);
        this.writing = new Writing(this, threads);
    }

    /** @return a small network's weights after each batch: the path its optimizer takes */
    public WeightPath weightPath() {
        return weightPath;
    }

    /** @return what a language model writes, asked and while it trains */
    public Writing writing() {
        return writing;
    }

    /** @return the loss surface over a two-weight network's weights, with the path on it */
    public SurfaceFeed surface() {
        return surface;
    }

    /** @return Step Through for this document's runs (kept across language and theme switches) */
    public StepThrough stepThrough() {
        return stepThrough;
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
        control.setPace(batchesPerSecond);
    }

    /** @return the pace runs train at, in batches per second; 0 for as fast as they can */
    public double pace() {
        return control.pace().get();
    }

    /** The pace, for the control that shows it (set it with {@link #setPace}). */
    public javafx.beans.value.ObservableDoubleValue paceProperty() {
        return control.pace();
    }

    /** @return whether {@link #pause()} does something now: a run is training, or loading to train */
    public boolean canPause() {
        return control.canPause();
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

    @Override
    public Optional<TrainedNetwork> network() {
        TrainingSession s = session;
        return s == null ? Optional.empty() : Optional.of(new TrainedNetwork(s));
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
        loading.start();
    }

    /**
     * Goes on with a run of this project that was interrupted (see {@link ResumeOffer}) from its checkpoint, as a
     * new run from its weights: it is kept, when it ends, with every epoch's row. Not while a run is active.
     */
    public void resumeInterrupted(org.strata.engine.runs.InterruptedRuns.Run interrupted) {
        loading.resumeInterrupted(interrupted);
    }

    /** The loaded session's thread has started (on the JavaFX thread). */
    void started(Thread training) {
        trainingThread = training;
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
        loading.useRun(r);
    }

    /** @return what the trained weights depend on in the document's graph now */
    String structure() {
        return NetworkStructure.of(document.project().graph());
    }

    /** Pauses the run (or, while it loads, has it start paused). */
    public void pause() {
        control.pause();
    }

    /** Goes on with a paused run. */
    public void resume() {
        control.resume();
    }

    /** One batch, while paused. */
    public void step() {
        control.step();
    }

    /** Stops the run (or, while it loads, has it not start); it is kept when it trained a whole epoch. */
    public void stop() {
        control.stop();
    }

    /**
     * The project is being closed: stops a run and forgets the runs of a project that was never saved (they were
     * kept in a temporary folder, as the project itself was never written).
     */
    public void close() {
        stop();
        runs.discardTemporary();
    }

    void fail(java.util.function.Supplier<String> why) {
        control.ended();
        telemetry.merge();
        setPhase(TrainingState.FAILED, why);
        finishRun();
    }

    private void finishRun() {
        telemetry.stop();
        document.setReadOnly(false);
        curves.settle();
    }

    void setPhase(TrainingState p, java.util.function.Supplier<String> text) {
        say(text); // first: whoever watches the phase reads the message
        phase.set(p);
    }

    /** Shows a message, kept as how to say it so that a language switch says it again in the new language. */
    void say(java.util.function.Supplier<String> text) {
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

    /** On the JavaFX thread: the run's state as the training thread said it; a run that is over is kept. */
    void stateChanged(TrainingEvent.StateChanged sc) {
        if (sc.state() == TrainingState.FAILED) failedNode = sc.failedNode();
        setPhase(sc.state(), () -> org.strata.app.i18n.Catalogue.message(sc.message()));
        if (sc.state().isOver()) {
            finishRun();
            TrainingSession s = session;
            if (s != null) keeping.afterwards(s, sc.result(), sc.state(), trainingThread);
        }
    }

    /** Keeps a checkpoint every {@code seconds} (after an epoch; 0: after every epoch), from the next run on. */
    public void setCheckpointEvery(double seconds) {
        keeping.setCheckpointSeconds(seconds);
    }

    /** @return what offers to resume a run of this project that was interrupted */
    public ResumeOffer resumeOffer() {
        return new ResumeOffer(this, runs, threads);
    }

    /** @return the open project's name */
    String projectName() {
        return document.project().name();
    }

    /** @return the session of the current (or last) run, or null */
    TrainingSession session() {
        return session;
    }

    /** The session of the run loaded now, which trains the network {@code structure} describes. */
    void trains(TrainingSession s, String structure) {
        session = s;
        trainedStructure = structure;
    }

    void setFailedNode(String nodeId) {
        failedNode = nodeId;
    }

    int cpuThreads() {
        return cpuThreads;
    }

    TelemetryMerge telemetry() {
        return telemetry;
    }

    RunControl control() {
        return control;
    }

    RunKeeping keeping() {
        return keeping;
    }

    ShownEvaluation shownEvaluation() {
        return evaluation;
    }

    BoundaryFeed boundaryFeed() {
        return boundaries;
    }
}
