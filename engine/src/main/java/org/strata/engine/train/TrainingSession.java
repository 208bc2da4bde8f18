package org.strata.engine.train;

import java.io.IOException;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.strata.engine.analysis.Analysis;
import org.strata.engine.backend.Engine;
import org.strata.engine.backend.NetworkBackend;
import org.strata.engine.backend.NetworkTracing;
import org.strata.engine.backprop.StepTrace;
import org.strata.engine.data.Dataset;
import org.strata.engine.data.DatasetLoader;
import org.strata.engine.data.Split;
import org.strata.engine.graph.Node;
import org.strata.engine.params.Params;
import org.strata.engine.project.Project;
import org.strata.engine.text.Message;

/**
 * Trains a project's network on its dataset, on the thread that calls {@link #run()} (or a background thread
 * from {@link #start()}), publishing events to listeners. Pause, resume, step and stop act between iterations.
 * All network work happens on the training thread; other threads only set flags.
 *
 * <p>The session puts together the parts of a run and is what callers hold: {@link RunControl} (pause, step, stop,
 * pace, changes while paused, jobs that need the network), {@link RunTelemetry} (events to listeners, snapshots at
 * the rate asked for), {@link RunEvaluation} (what the network gives on each split) and {@link TrainingLoop} (the
 * epochs of batches, and where the run stands).
 */
public final class TrainingSession {
    /** The project's copy, its analysis and task, the engine chosen and why. */
    private final RunPlan plan;
    private final Dataset data;
    private final NetworkBackend backend;
    private final ThreadChoice threads = new ThreadChoice();
    private final RunTelemetry telemetry;
    private final RunControl control;
    private final RunEvaluation evaluation;
    private final TrainingLoop loop;

    private TrainingSession(RunPlan plan, Dataset data, NetworkBackend backend) {
        this.plan = plan;
        this.data = data;
        this.backend = backend;
        Params settings = plan.project().training().copy();
        this.telemetry = new RunTelemetry(backend, plan.analysis(), data, plan.task(), plan.inputShape());
        this.control = new RunControl(backend, telemetry::publish, plan.graph().nodes().stream()
                .filter(Node::frozen).map(Node::id).collect(Collectors.toUnmodifiableSet()));
        this.evaluation = new RunEvaluation(new Evaluator(backend, plan.task(), plan.inputShape(),
                settings.getInt("batchSize")), data, control);
        this.loop = new TrainingLoop(plan, settings, data, backend, control, telemetry, evaluation, threads,
                this::startedMessage);
    }

    /**
     * Validates the project, loads its dataset and compiles its network on the engine that suits it (the fast
     * engine where it supports the graph, else Deeplearning4j). The session trains a copy of the project taken now:
     * later edits to {@code project} change neither the run nor the trained network (see {@link #project()}).
     */
    public static TrainingSession create(Project project) throws TrainingException, IOException {
        return create(project, Backends.Preference.AUTO);
    }

    /**
     * As {@link #create(Project)} on the engine asked for.
     *
     * @param engine auto, or the engine the user chose (e.g. {@code strata train --engine dl4j})
     * @throws IllegalArgumentException when the fast engine is asked for and cannot run the graph
     */
    public static TrainingSession create(Project project, Backends.Preference engine)
            throws TrainingException, IOException {
        RunPlan.checkGraph(project.graph());
        return create(project, DatasetLoader.load(project), engine);
    }

    /** As {@link #create(Project)} with an already loaded dataset. */
    public static TrainingSession create(Project project, Dataset data) throws TrainingException {
        return create(project, data, Backends.Preference.AUTO);
    }

    /** As {@link #create(Project, Backends.Preference)} with an already loaded dataset. */
    public static TrainingSession create(Project project, Dataset data, Backends.Preference engine)
            throws TrainingException {
        RunPlan plan = RunPlan.of(project.copy(), data, engine);
        NetworkBackend backend = Backends.compile(plan.graph(), plan.analysis(), plan.project().training(),
                plan.choice());
        return new TrainingSession(plan, data, backend);
    }

    /**
     * @return a session continuing from an already trained network, which must have been trained on a graph of the
     *     same structure (its weights are used as they are)
     */
    public static TrainingSession continueFrom(Project project, Dataset data, NetworkBackend trained)
            throws TrainingException {
        return continueFrom(project, data, trained, Backends.Preference.AUTO);
    }

    private static TrainingSession continueFrom(Project project, Dataset data, NetworkBackend trained,
                                                Backends.Preference engine) throws TrainingException {
        return new TrainingSession(RunPlan.of(project.copy(), data, engine), data, trained);
    }

    /**
     * @return a session that goes on with a run a checkpoint kept, on the engine it began on (the optimizer's state
     *     means nothing to the other): {@code trained} holds its weights and optimizer state, {@code progress} where
     *     it stood; epochs and steps number on from there, and the batches come in the order the uninterrupted run
     *     would have drawn
     * @param best the weights of the best epoch so far, or null if none
     */
    public static TrainingSession resume(Project project, Dataset data, NetworkBackend trained, RunProgress progress,
                                         INDArray best) throws TrainingException {
        TrainingSession s = continueFrom(project, data, trained, Backends.Preference.of(trained.engine()));
        s.loop.restore(progress, best);
        return s;
    }

    /**
     * @return where the run stands: call it on the training thread (from an epoch event) or once it has ended
     */
    public RunProgress progress() {
        return loop.progress();
    }

    /** Publishes every later event to {@code l}, on the training thread (a {@link TrainingListener} picks kinds). */
    public void addListener(TrainingEvent.Handler l) {
        telemetry.addListener(l);
    }

    /** Publishes no more events to {@code l}. */
    public void removeListener(TrainingEvent.Handler l) {
        telemetry.removeListener(l);
    }

    /**
     * Work with the network, done on one thread.
     *
     * @param <T> what it gives
     * @param <E> what it may throw
     */
    @FunctionalInterface
    public interface NetworkJob<T, E extends Exception> {
        /** @return the result */
        T run() throws E;
    }

    /**
     * Runs {@code job} on the calling thread when no run is going, taking turns with whoever else uses the network
     * outside a run ({@link #probe}s, evaluations): keeping a run reads its weights, and writes the best epoch's
     * into the network for a moment.
     *
     * @throws IllegalStateException when the session is training on another thread
     */
    public <T, E extends Exception> T whileIdle(NetworkJob<T, E> job) throws E {
        return control.whileIdle(job);
    }

    /** @return the compiled network (touch it only when the session is not running: see {@link #whileIdle}) */
    public NetworkBackend backend() {
        return backend;
    }

    /** @return the dataset the session trains on, split */
    public Dataset dataset() {
        return data;
    }

    /** @return the copy of the project this session trains (edits to the original after its start are not in it) */
    public Project project() {
        return plan.project();
    }

    /** @return the analysis of the graph this session trains: its shapes, weights and order */
    public Analysis analysis() {
        return plan.analysis();
    }

    /** @return the Input node's id */
    public String inputNode() {
        return plan.inputNode();
    }

    /** @return the engine running this session */
    public Engine engine() {
        return backend.engine();
    }

    /**
     * @return e.g. "Strata's fast engine, oneDNN AVX-512 build, 2 threads" (threads once the run started), or
     *         "Strata's fast engine on NVIDIA H200 (CUDA)"
     */
    public Message engineDescription() {
        return RunMessages.engine(backend.engine(), plan.choice().reason(), TrainingLoop.onGpu(), threads.used());
    }

    /** "Training MNIST MLP with Strata's fast engine, oneDNN AVX-512 build, 1 thread". */
    private Message startedMessage() {
        return RunMessages.started(plan.project().name(), engineDescription());
    }

    /** Uses {@code n} native threads; 0 measures which count is fastest for this network when the run starts. */
    public void setThreads(int n) {
        threads.request(n);
    }

    /**
     * Caps the thread counts measured when the count is left to measurement: a window training while it draws
     * leaves one core to itself (on two cores, OpenMP's threads wait for the one the window took, and two threads
     * train slower than one).
     */
    public void setThreadLimit(int n) {
        threads.limit(n);
    }

    /** @return the native threads the run uses (0 before it starts) */
    public int threads() {
        return threads.used();
    }

    /** @return the epoch with the lowest validation loss so far (0 if none) */
    public int bestEpoch() {
        return loop.best().epoch();
    }

    /** @return a copy of the parameters at {@link #bestEpoch()}, if there was a validation split */
    public Optional<INDArray> bestParameters() {
        return loop.best().params();
    }

    /** @return epochs completed */
    public int epochsDone() {
        return loop.epochsDone();
    }

    /** @return the metric name, "accuracy" or "mae" */
    public String metricName() {
        return plan.task().metricName();
    }

    /** @return seconds from {@link #run()} to the end of the first iteration; NaN before */
    public double firstIterationSeconds() {
        return loop.firstIterationSeconds();
    }

    /** @return the current state */
    public TrainingState state() {
        return control.state();
    }

    /** Publishes per-layer snapshots every {@code n} iterations (0 turns them off). */
    public void setSnapshotEvery(int n) {
        telemetry.setSnapshotEvery(n);
    }

    /** Asks for one snapshot after the next iteration. */
    public void requestSnapshot() {
        telemetry.requestSnapshot();
    }

    /**
     * Changes the base learning rate from the next batch on (the schedule still applies to it): for a user who
     * paused because the loss stalled or jumped.
     */
    public void setLearningRate(double lr) {
        control.setLearningRate(lr);
    }

    /** Freezes exactly these layers from the next batch on (their weights stay as they are then). */
    public void setFrozen(Set<String> nodeIds) {
        control.setFrozen(nodeIds);
    }

    /**
     * Trains at most {@code batchesPerSecond} batches a second from the next batch on, so that a small network's
     * learning can be watched (XOR's 300 epochs otherwise end in a second); 0 trains as fast as the machine can.
     * Time spent waiting counts as paused: the samples/s shown stay the machine's.
     */
    public void setPace(double batchesPerSecond) {
        control.setPace(batchesPerSecond);
    }

    /** Overrides the settings' epoch count (the CLI's --epochs). */
    public void setEpochs(int epochs) {
        loop.setEpochs(epochs);
    }

    /** Pauses before the next iteration. */
    public void pause() {
        control.pause();
    }

    /** Resumes a paused session. */
    public void resume() {
        control.resume();
    }

    /** While paused, runs exactly one more batch, then pauses again. */
    public void step() {
        control.step();
    }

    /**
     * While paused, runs exactly one more batch as {@link #step()} does, with the engine copying out everything it
     * computed: its inputs, every layer's output, the loss, the gradients that flowed back, each weight before and
     * after the update.
     *
     * @return completes after the batch with its record, or empty when the engine cannot record a step
     *     (Deeplearning4j) or the run ended before the batch
     */
    public CompletableFuture<Optional<StepTrace>> traceStep() {
        return control.traceStep(backend instanceof NetworkTracing);
    }

    /** Stops before the next iteration; the run ends with state STOPPED. */
    public void stop() {
        control.stop();
    }

    /**
     * Runs {@code job} with the network on the training thread between two iterations (also while paused), or at
     * once on the calling thread when no run is in progress, so that looking at the network (a decision boundary,
     * a prediction for a drawn digit) never races a training step. The future completes with the job's result.
     */
    public <T> CompletableFuture<T> probe(Function<NetworkBackend, T> job) {
        return control.probe(job);
    }

    /** Runs {@link #run()} on a new daemon thread. */
    public Thread start() {
        return loop.start();
    }

    /**
     * Trains for the configured epochs on this thread.
     *
     * @throws TrainingException when the loss becomes NaN or data fails; listeners see FAILED with the message
     */
    public TrainingResult run() throws TrainingException {
        return loop.run();
    }

    /**
     * Evaluates the network on a split.
     *
     * @param limit evaluate only the first {@code limit} samples (0 = all)
     */
    public Evaluation evaluate(Split split, int limit) {
        return evaluation.evaluate(split, limit);
    }

    /**
     * The loss over a grid of values of two weights, the others as they are, on up to 512 training samples: run
     * between two batches (see {@link #probe}), or at once on the calling thread when no run is going.
     */
    public CompletableFuture<LossSurface.Grid> lossSurface(LossSurface.Axis x, LossSurface.Axis y, int steps) {
        return probe(net -> evaluation.lossSurface(net, x, y, steps));
    }

    /** @return whether the network is small enough to publish its weights after every batch */
    public boolean fewWeights() {
        return telemetry.fewWeights();
    }

    /** @return every weight by export name, as plain values (for a network of a few weights: see {@link TrainingEvent.Weights}) */
    public Map<String, float[]> weightValues() {
        return telemetry.weights(loop.iteration()).values();
    }
}
