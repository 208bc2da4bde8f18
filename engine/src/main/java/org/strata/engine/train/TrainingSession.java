package org.strata.engine.train;

import java.io.IOException;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.CopyOnWriteArrayList;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.DataSet;
import org.strata.engine.analysis.Analysis;
import org.strata.engine.backend.Engine;
import org.strata.engine.backend.NetworkBackend;
import org.strata.engine.backend.NetworkTracing;
import org.strata.engine.data.Dataset;
import org.strata.engine.data.DatasetLoader;
import org.strata.engine.data.Split;
import org.strata.engine.graph.Graph;
import org.strata.engine.graph.Node;
import org.strata.engine.layers.TensorShape;
import org.strata.engine.params.Params;
import org.strata.engine.project.Project;
import org.strata.engine.text.Message;

/**
 * Trains a project's network on its dataset, on the thread that calls {@link #run()} (or a background thread
 * from {@link #start()}), publishing events to listeners. Pause, resume, step and stop act between iterations.
 * All network work happens on the training thread; other threads only set flags.
 */
public final class TrainingSession {
    private static final int TRAIN_METRIC_SAMPLES = 2000;
    private static final int PROBE_SAMPLES = 32;

    private final Project project;
    private final Graph graph;
    private final Analysis analysis;
    private final Dataset data;
    private final NetworkBackend backend;
    private final Params settings;
    private final Task task;
    private final String inputNode;
    private final String outputNode;
    private final List<TrainingEvent.Handler> listeners = new CopyOnWriteArrayList<>();

    private final Object lock = new Object();
    /** Held by whoever uses the network outside the training thread (probes and evaluations after a run). */
    private final Object idleNetwork = new Object();
    private TrainingState state = TrainingState.LOADING;
    private boolean pauseRequested;
    private boolean stopRequested;
    private int stepsAllowed;
    private volatile int snapshotEvery;
    private volatile boolean snapshotRequested;
    /** Someone has asked for snapshots: the run's very last batch then gets one too, so views end up to date. */
    private volatile boolean snapshotsWanted;
    /** Jobs that need the network, run on the training thread between iterations (see {@link #probe}). */
    private final java.util.concurrent.ConcurrentLinkedQueue<Runnable> probes =
            new java.util.concurrent.ConcurrentLinkedQueue<>();
    private volatile int epochsOverride;
    /** Set by {@link #traceStep()}: the next batch is recorded and this completes with it. */
    private java.util.concurrent.CompletableFuture<Optional<org.strata.engine.backprop.StepTrace>> traceWanted;
    /** Batches per second to train at, for a class to watch; 0 trains as fast as the machine can. */
    private volatile double pace;
    /** When the last batch began (see {@link #pace}). */
    private long lastBatchNanos;
    private final PausedChanges changes;
    private volatile double firstIterationSeconds = Double.NaN;
    private final ThreadChoice threads = new ThreadChoice();
    /** Says the measured thread count (a field: a lambda made per step would allocate on every step). */
    private final java.util.function.BiConsumer<List<Integer>, Boolean> threadsChanged = (measured, first) ->
            notifyState(state(), RunMessages.threads(startedMessage(), measured, first)); // a step while paused stays so
    /** Why the graph trains on Deeplearning4j, or empty on the fast engine. */
    private final Optional<Message> engineReason;
    private long iteration;
    private int epochsDone;
    private INDArray probe;
    private final Evaluator evaluator;
    private final BestEpoch best;
    private final DivergenceWatch watch;
    /** The network has at most {@link TrainingEvent#FEW_WEIGHTS} weights: each batch publishes them all. */
    private final boolean fewWeights;

    private TrainingSession(RunPlan plan, Dataset data, NetworkBackend backend) {
        this.project = plan.project();
        this.graph = project.graph();
        this.analysis = plan.analysis();
        this.data = data;
        this.backend = backend;
        this.settings = project.training().copy();
        this.task = plan.task();
        this.inputNode = plan.inputNode();
        this.outputNode = plan.outputNode();
        this.engineReason = plan.choice().reason();
        this.best = new BestEpoch(settings);
        this.watch = new DivergenceWatch(plan.task().classNames().size());
        this.fewWeights = analysis.order().stream().flatMap(id -> analysis.weightsOf(id).stream())
                .mapToLong(org.strata.engine.layers.Weight::size).sum() <= TrainingEvent.FEW_WEIGHTS;
        this.evaluator = new Evaluator(backend, task, analysis.shapeOf(inputNode).orElseThrow(),
                settings.getInt("batchSize"));
        this.changes = new PausedChanges(graph.nodes().stream().filter(Node::frozen).map(Node::id)
                .collect(java.util.stream.Collectors.toUnmodifiableSet()));
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
        s.epochsDone = progress.epochsDone();
        s.iteration = progress.iterations();
        s.epochsOverride = progress.epochs();
        trained.setIterations(progress.iterations());
        s.best.restore(progress.bestEpoch(), progress.bestLoss(), best);
        return s;
    }

    /**
     * @return where the run stands: call it on the training thread (from an epoch event) or once it has ended
     */
    public RunProgress progress() {
        return new RunProgress(epochsDone, iteration, epochs(), best.epoch(), best.loss());
    }

    private int epochs() {
        return epochsOverride > 0 ? epochsOverride : settings.getInt("epochs");
    }

    /** Publishes every later event to {@code l}, on the training thread (a {@link TrainingListener} picks kinds). */
    public void addListener(TrainingEvent.Handler l) {
        listeners.add(l);
    }

    public void removeListener(TrainingEvent.Handler l) {
        listeners.remove(l);
    }

    private void publish(TrainingEvent e) {
        for (TrainingEvent.Handler l : listeners) e.dispatch(l);
    }

    /** @return the compiled network (touch it only when the session is not running) */
    public NetworkBackend backend() {
        return backend;
    }

    public Dataset dataset() {
        return data;
    }

    /** @return the copy of the project this session trains (edits to the original after its start are not in it) */
    public Project project() {
        return project;
    }

    /** @return the analysis of the graph this session trains: its shapes, weights and order */
    public Analysis analysis() {
        return analysis;
    }

    /** @return the Input node's id */
    public String inputNode() {
        return inputNode;
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
        return RunMessages.engine(backend.engine(), engineReason, onGpu(), threads.used());
    }

    /** "Training MNIST MLP with Strata's fast engine, oneDNN AVX-512 build, 1 thread". */
    private Message startedMessage() {
        return RunMessages.started(project.name(), engineDescription());
    }

    private static boolean onGpu() {
        return !org.strata.engine.runtime.HostMemory.isCpu();
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
        return best.epoch();
    }

    /** @return a copy of the parameters at {@link #bestEpoch()}, if there was a validation split */
    public java.util.Optional<INDArray> bestParameters() {
        return best.params();
    }

    /** @return epochs completed */
    public int epochsDone() {
        return epochsDone;
    }

    /** @return the metric name, "accuracy" or "mae" */
    public String metricName() {
        return task.metricName();
    }

    /** @return seconds from {@link #run()} to the end of the first iteration; NaN before */
    public double firstIterationSeconds() {
        return firstIterationSeconds;
    }

    /** @return the current state */
    public TrainingState state() {
        synchronized (lock) {
            return state;
        }
    }

    /** Publishes per-layer snapshots every {@code n} iterations (0 turns them off). */
    public void setSnapshotEvery(int n) {
        snapshotEvery = Math.max(0, n);
    }

    /** Asks for one snapshot after the next iteration. */
    public void requestSnapshot() {
        snapshotRequested = true;
        snapshotsWanted = true;
    }

    /**
     * Changes the base learning rate from the next batch on (the schedule still applies to it): for a user who
     * paused because the loss stalled or jumped.
     */
    public void setLearningRate(double lr) {
        changes.setLearningRate(lr);
    }

    /** Freezes exactly these layers from the next batch on (their weights stay as they are then). */
    public void setFrozen(java.util.Set<String> nodeIds) {
        changes.setFrozen(nodeIds);
    }

    /**
     * Trains at most {@code batchesPerSecond} batches a second from the next batch on, so that a small network's
     * learning can be watched (XOR's 300 epochs otherwise end in a second); 0 trains as fast as the machine can.
     * Time spent waiting counts as paused: the samples/s shown stay the machine's.
     */
    public void setPace(double batchesPerSecond) {
        synchronized (lock) {
            pace = Math.max(0, batchesPerSecond);
            lock.notifyAll();
        }
    }

    /** Overrides the settings' epoch count (the CLI's --epochs). */
    public void setEpochs(int epochs) {
        epochsOverride = epochs;
    }

    /** Pauses before the next iteration. */
    public void pause() {
        synchronized (lock) {
            pauseRequested = true;
            lock.notifyAll();
        }
    }

    /** Resumes a paused session. */
    public void resume() {
        synchronized (lock) {
            pauseRequested = false;
            lock.notifyAll();
        }
    }

    /** While paused, runs exactly one more batch, then pauses again. */
    public void step() {
        synchronized (lock) {
            stepsAllowed++;
            lock.notifyAll();
        }
    }

    /**
     * While paused, runs exactly one more batch as {@link #step()} does, with the engine copying out everything it
     * computed: its inputs, every layer's output, the loss, the gradients that flowed back, each weight before and
     * after the update.
     *
     * @return completes after the batch with its record, or empty when the engine cannot record a step
     *     (Deeplearning4j) or the run ended before the batch
     */
    public java.util.concurrent.CompletableFuture<Optional<org.strata.engine.backprop.StepTrace>> traceStep() {
        var f = new java.util.concurrent.CompletableFuture<Optional<org.strata.engine.backprop.StepTrace>>();
        synchronized (lock) {
            boolean live = state == TrainingState.RUNNING || state == TrainingState.PAUSED;
            if (!live || !(backend instanceof NetworkTracing)) {
                f.complete(Optional.empty()); // and no batch trained for nothing
                return f;
            }
            if (traceWanted != null) traceWanted.complete(Optional.empty()); // asked again before it ran: one batch
            else if (pauseRequested) stepsAllowed++; // running, the next batch is traced: no extra step later
            traceWanted = f;
            lock.notifyAll();
        }
        return f;
    }

    /** @return the trace asked for by {@link #traceStep()}, taken, after telling the engine to record; null if none */
    private java.util.concurrent.CompletableFuture<Optional<org.strata.engine.backprop.StepTrace>> takeTraceWanted() {
        synchronized (lock) {
            var f = traceWanted;
            traceWanted = null;
            if (f != null && backend instanceof NetworkTracing t) t.traceNextStep();
            return f;
        }
    }

    private void endTraceWanted() {
        synchronized (lock) {
            if (traceWanted != null) traceWanted.complete(Optional.empty());
            traceWanted = null;
        }
    }

    /** Stops before the next iteration; the run ends with state STOPPED. */
    public void stop() {
        synchronized (lock) {
            stopRequested = true;
            lock.notifyAll();
        }
    }

    /**
     * Runs {@code job} with the network on the training thread between two iterations (also while paused), or at
     * once on the calling thread when no run is in progress, so that looking at the network (a decision boundary,
     * a prediction for a drawn digit) never races a training step. The future completes with the job's result.
     */
    public <T> java.util.concurrent.CompletableFuture<T> probe(java.util.function.Function<NetworkBackend, T> job) {
        java.util.concurrent.CompletableFuture<T> f = new java.util.concurrent.CompletableFuture<>();
        Runnable r = () -> {
            try {
                f.complete(job.apply(backend));
            } catch (RuntimeException | Error e) {
                f.completeExceptionally(e);
            }
        };
        synchronized (lock) {
            if (state == TrainingState.RUNNING || state == TrainingState.PAUSED) {
                probes.add(r);
                lock.notifyAll();
                return f;
            }
        }
        synchronized (idleNetwork) { // after the run, callers on different threads take turns
            r.run();
        }
        return f;
    }

    private void runProbes() {
        for (Runnable r; (r = probes.poll()) != null; ) r.run();
    }

    /** Runs {@link #run()} on a new daemon thread. */
    public Thread start() {
        Thread t = new Thread(() -> {
            try {
                run();
            } catch (TrainingException e) {
                // Already reported to listeners as a FAILED state change.
            }
        }, "strata-training");
        t.setDaemon(true);
        t.start();
        return t;
    }

    /**
     * Trains for the configured epochs on this thread.
     *
     * @throws TrainingException when the loss becomes NaN or data fails; listeners see FAILED with the message
     */
    public TrainingResult run() throws TrainingException {
        long start = System.nanoTime();
        Batches train = new Batches(data.train(), shapeForInput(), task, settings.getInt("batchSize"));
        train.writeInto(backend::trainingInputs);
        threads.begin(onGpu());
        setState(TrainingState.RUNNING, startedMessage());
        int epochs = epochs();
        int firstEpoch = epochsDone + 1; // after 0 epochs, or a checkpoint's
        Random shuffle = new Random(settings.getInt("seed"));
        for (int e = 1; e < firstEpoch; e++) Batches.permutation(train.size(), shuffle); // the orders drawn before
        long fitNanos = 0;
        long fitSamples = 0;
        Message endMessage = null;
        TrainingState endState = TrainingState.FINISHED;
        // The last epoch's validation, while the weights are still the ones it saw: not evaluated twice.
        Evaluation validationNow = null;
        try {
            data.train().fillCache(); // read before the first epoch's clock starts: its samples/s is the training's
            epochLoop:
            for (int epoch = firstEpoch; epoch <= epochs; epoch++) {
                long epochStart = System.nanoTime();
                double lr = LearningRateSchedule.at(settings, epoch);
                backend.setLearningRate(lr);
                int[] order = Batches.permutation(train.size(), shuffle);
                long epochSamples = 0;
                long paused = 0;
                double lossSum = 0;
                for (int b = 0; b < train.count(); b++) {
                    long waitStart = System.nanoTime();
                    boolean go = awaitTurn();
                    paused += System.nanoTime() - waitStart;
                    if (!go) {
                        if (b > 0) validationNow = null; // it trained on since
                        endState = TrainingState.STOPPED;
                        endMessage = Message.of("run.stopped", "Stopped by the user at epoch " + epoch
                                + ", batch " + (b + 1), epoch, b + 1);
                        break epochLoop;
                    }
                    lr = changes.apply(settings, backend, epoch, lr);
                    DataSet batch = train.get(b, order);
                    int every = snapshotEvery;
                    boolean lastBatch = epoch == epochs && b == train.count() - 1;
                    boolean snapshotDue = snapshotRequested || (every > 0 && (iteration + 1) % every == 0)
                            || (lastBatch && snapshotsWanted);
                    if (snapshotDue) backend.keepNextGradient(); // the snapshot after this batch shows its gradient
                    var traced = takeTraceWanted();
                    long t0 = System.nanoTime();
                    lastBatchNanos = t0;
                    double loss = backend.fit(batch.getFeatures(), batch.getLabels());
                    long dt = System.nanoTime() - t0;
                    iteration++;
                    threads.afterStep(dt, threadsChanged);
                    if (Double.isNaN(firstIterationSeconds)) firstIterationSeconds = (System.nanoTime() - start) / 1e9;
                    int n = (int) batch.getFeatures().size(0);
                    epochSamples += n;
                    lossSum += loss * n;
                    if (!Double.isFinite(loss)) throw NanDiagnosis.diagnose(backend, analysis, graph, outputNode, batch,
                            epoch, b + 1, loss, lr);
                    double sps = epochSamples / ((System.nanoTime() - epochStart - paused) / 1e9);
                    publish(new TrainingEvent.Iteration(epoch, iteration, b + 1, train.count(), loss, sps, lr));
                    if (fewWeights) publish(weights());
                    if (traced != null) {
                        int[] rows = train.indices(b, order);
                        traced.complete(backend instanceof NetworkTracing t
                                ? t.takeTrace().map(s -> s.withSamples(rows)) : Optional.empty());
                    }
                    runProbes();
                    if (snapshotDue) {
                        snapshotRequested = false;
                        TrainingEvent.Snapshot s = snapshot();
                        publish(s);
                    }
                }
                // Throughput counts the whole loop (batches copied in, telemetry, snapshots), as a training loop
                // in another tool is timed; only time spent paused is left out.
                long loop = System.nanoTime() - epochStart - paused;
                fitNanos += loop;
                fitSamples += epochSamples;
                epochsDone = epoch;
                Evaluation trainEval = evaluate(data.train(), TRAIN_METRIC_SAMPLES);
                Evaluation valEval = data.validation().size() > 0 ? evaluate(data.validation(), 0) : null;
                double valLoss = valEval == null ? Double.NaN : valEval.loss();
                validationNow = valEval;
                double trainLoss = lossSum / Math.max(1, epochSamples);
                // The best epoch is taken before the epoch is published: a checkpoint made on it then has it.
                boolean stopEarly = valEval != null && best.record(epoch, valLoss, backend);
                publish(new TrainingEvent.Epoch(epoch, trainLoss, trainEval.metric(),
                        valLoss, valEval == null ? Double.NaN : valEval.metric(), task.metricName(), lr,
                        (System.nanoTime() - epochStart) / 1e9, epochSamples / (loop / 1e9), valEval));
                double accuracy = task.metricName().equals("accuracy") ? trainEval.metric() : Double.NaN;
                watch.epoch(epoch, trainLoss, accuracy, lr).ifPresent(w -> notifyState(state(), w));
                if (stopEarly) {
                    endState = TrainingState.STOPPED;
                    endMessage = Message.of("run.stoppedEarly", "Early stopping after epoch " + epoch
                            + ": the validation loss has not improved since epoch " + best.epoch()
                            + "; keeping the weights of epoch " + best.epoch(), epoch, best.epoch());
                    backend.setParameters(best.params().orElseThrow());
                    validationNow = null;
                    break;
                }
            }
        } catch (TrainingException e) {
            setState(new TrainingEvent.StateChanged(TrainingState.FAILED, e.text(), e.nodeId(), null));
            runProbes();
            throw e;
        } catch (OutOfMemoryError e) {
            // an Error, not an exception: without this the training thread would end and leave the run "running"
            TrainingException te = new TrainingException(Failures.outOfMemory(), null, null);
            setState(new TrainingEvent.StateChanged(TrainingState.FAILED, te.text(), null, null));
            runProbes();
            throw te;
        } catch (RuntimeException e) {
            TrainingException te = new TrainingException(Failures.explain(e), null, e);
            setState(new TrainingEvent.StateChanged(TrainingState.FAILED, te.text(), null, null));
            runProbes();
            throw te;
        }
        Evaluation trainEval = evaluate(data.train(), 0);
        Evaluation valEval = validationNow != null ? validationNow
                : data.validation().size() > 0 ? evaluate(data.validation(), 0) : null;
        Evaluation testEval = data.test().size() > 0 ? evaluate(data.test(), 0) : null;
        if (endMessage == null) {
            endMessage = Message.of("run.finished", "Finished " + epochsDone + " epoch(s)", epochsDone);
        }
        double sps = fitNanos == 0 ? 0 : fitSamples / (fitNanos / 1e9);
        TrainingResult result = new TrainingResult(endState, endMessage.english(), epochsDone, best.epoch(), trainEval, valEval,
                testEval, sps, (System.nanoTime() - start) / 1e9);
        setState(new TrainingEvent.StateChanged(endState, endMessage, null, result));
        runProbes(); // any asked for just before the end
        return result;
    }

    private TensorShape shapeForInput() {
        return analysis.shapeOf(inputNode).orElseThrow();
    }

    /** Blocks while paused and until the {@link #setPace pace} allows the next batch; @return false to stop */
    private boolean awaitTurn() {
        while (true) {
            if (!awaitPermission()) return false;
            if (awaitPace()) return true;
            // asked to pause while waiting: awaitPermission pauses
        }
    }

    /** @return true when the next batch may run; false when a pause or stop came while waiting for it */
    private boolean awaitPace() {
        synchronized (lock) {
            if (pauseRequested) return true; // a single step while paused: no waiting for it
            while (!stopRequested && !pauseRequested) {
                double p = pace;
                if (p <= 0) return true;
                long left = lastBatchNanos + (long) (1e9 / p) - System.nanoTime();
                if (left <= 0) return true;
                runProbes();
                try {
                    lock.wait(Math.max(1, left / 1_000_000));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return false;
                }
                runProbes();
            }
            return false;
        }
    }

    /** Blocks while paused; @return false if the run should stop */
    private boolean awaitPermission() {
        synchronized (lock) {
            if (pauseRequested && state == TrainingState.RUNNING && stepsAllowed == 0) {
                state = TrainingState.PAUSED;
                notifyState(TrainingState.PAUSED, Message.of("run.paused", "Paused at iteration " + iteration,
                        iteration));
            }
            while (!stopRequested && pauseRequested && stepsAllowed == 0) {
                runProbes();
                try {
                    lock.wait();
                    runProbes();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return false;
                }
            }
            if (stopRequested) return false;
            if (pauseRequested) {
                stepsAllowed--; // a single step; stay PAUSED
            } else if (state == TrainingState.PAUSED) {
                state = TrainingState.RUNNING;
                notifyState(TrainingState.RUNNING, Message.of("run.resumed", "Resumed"));
            }
            return true;
        }
    }

    private void setState(TrainingState s, Message message) {
        setState(new TrainingEvent.StateChanged(s, message, null, null));
    }

    private void setState(TrainingEvent.StateChanged change) {
        synchronized (lock) {
            state = change.state();
        }
        if (change.state().isOver()) endTraceWanted();
        publish(change);
    }

    private void notifyState(TrainingState s, Message message) {
        publish(new TrainingEvent.StateChanged(s, message, null, null));
    }

    /**
     * Evaluates the network on a split.
     *
     * @param limit evaluate only the first {@code limit} samples (0 = all)
     */
    public Evaluation evaluate(Split split, int limit) {
        synchronized (idleNetwork) {
            return evaluator.evaluate(split, limit);
        }
    }

    private TrainingEvent.Weights weights() {
        java.util.Map<String, float[]> values = new java.util.LinkedHashMap<>();
        backend.exportParameters().forEach((name, a) -> values.put(name, a.data().asFloat()));
        return new TrainingEvent.Weights(iteration, values);
    }

    /**
     * The loss over a grid of values of two weights, the others as they are, on up to 512 training samples: run
     * between two batches (see {@link #probe}), or at once on the calling thread when no run is going.
     */
    public java.util.concurrent.CompletableFuture<LossSurface.Grid> lossSurface(LossSurface.Axis x, LossSurface.Axis y,
                                                                                int steps) {
        return probe(net -> LossSurface.compute(net, evaluator, data.train(), x, y, steps));
    }

    /** @return whether the network is small enough to publish its weights after every batch */
    public boolean fewWeights() {
        return fewWeights;
    }

    /** @return every weight by export name, as plain values (for a network of a few weights: see {@link TrainingEvent.Weights}) */
    public java.util.Map<String, float[]> weightValues() {
        return weights().values();
    }

    /** Per-layer statistics on a fixed probe batch, copied out of the engine's arrays. */
    private TrainingEvent.Snapshot snapshot() {
        if (probe == null) {
            Split probeSplit = data.validation().size() > 0 ? data.validation() : data.train();
            probe = new Batches(probeSplit, shapeForInput(), task, PROBE_SAMPLES).get(0, null).getFeatures();
        }
        return LayerStatistics.snapshot(backend, probe, analysis.order(), iteration);
    }
}
