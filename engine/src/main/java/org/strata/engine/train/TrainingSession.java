package org.strata.engine.train;

import org.strata.engine.backend.NetworkBackend;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.IntStream;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.DataSet;
import org.strata.engine.analysis.Analysis;
import org.strata.engine.analysis.GraphAnalyzer;
import org.strata.engine.data.Dataset;
import org.strata.engine.data.DatasetLoader;
import org.strata.engine.data.Split;
import org.strata.engine.graph.Graph;
import org.strata.engine.graph.Node;
import org.strata.engine.layers.LossFn;
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
    private final List<TrainingListener> listeners = new CopyOnWriteArrayList<>();

    private final Object lock = new Object();
    /** Held by whoever uses the network outside the training thread (probes and evaluations after a run). */
    private final Object idleNetwork = new Object();
    private TrainingState state = TrainingState.READY;
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
    /** Changes asked for while paused, applied on the training thread before the next batch. */
    private volatile Double learningRateChange;
    private volatile java.util.Set<String> frozenChange;
    private volatile double firstIterationSeconds = Double.NaN;
    private volatile int threadsRequested = org.strata.engine.runtime.Threads.requested();
    private volatile int threadsUsed;
    private volatile int threadLimit = Integer.MAX_VALUE;
    /** Why the graph trains on Deeplearning4j, or empty on the fast engine. */
    private Optional<Message> engineReason = Optional.empty();
    private long iteration;
    private int epochsDone;
    private INDArray bestParams;
    private INDArray probe;
    private final Evaluator evaluator;
    private int bestEpoch;
    private volatile String failedNode;

    private TrainingSession(Project project, Analysis analysis, Dataset data, NetworkBackend backend, Task task,
                            String inputNode, String outputNode) {
        this.project = project;
        this.graph = project.graph();
        this.analysis = analysis;
        this.data = data;
        this.backend = backend;
        this.settings = project.training().copy();
        this.task = task;
        this.inputNode = inputNode;
        this.outputNode = outputNode;
        this.evaluator = new Evaluator(backend, task, analysis.shapeOf(inputNode).orElseThrow(),
                settings.getInt("batchSize"));
        // applied before the first batch (also thaws layers a continued network had frozen)
        this.frozenChange = graph.nodes().stream().filter(Node::frozen).map(Node::id)
                .collect(java.util.stream.Collectors.toUnmodifiableSet());
    }

    /**
     * Validates the project, loads its dataset and compiles its network. The session trains a copy of the project
     * taken now: later edits to {@code project} change neither the run nor the trained network (see
     * {@link #project()}).
     */
    public static TrainingSession create(Project project) throws TrainingException, IOException {
        checkGraph(project.graph());
        return create(project, DatasetLoader.load(project));
    }

    /** As {@link #create(Project)} with an already loaded dataset. */
    public static TrainingSession create(Project project, Dataset data) throws TrainingException {
        Plan plan = Plan.of(project.copy(), data);
        NetworkBackend backend = Backends.compile(plan.graph(), plan.analysis, plan.project.training(), plan.choice);
        return plan.session(data, backend);
    }

    /**
     * @return a session continuing from an already trained network, which must have been trained on a graph of the
     *     same structure (its weights are used as they are)
     */
    public static TrainingSession continueFrom(Project project, Dataset data, NetworkBackend trained)
            throws TrainingException {
        return Plan.of(project.copy(), data).session(data, trained);
    }

    /** What a session needs besides its network: the project's copy, checked against the data. */
    private record Plan(Project project, Analysis analysis, Task task, String inputNode, String outputNode,
                        Backends.Choice choice) {
        static Plan of(Project project, Dataset data) throws TrainingException {
            Analysis a = checkGraph(project.graph());
            Graph g = project.graph();
        Node input = g.inputNodes().get(0);
        Node output = g.outputNodes().get(0);
        TensorShape in = a.shapeOf(input.id()).orElseThrow();
        if (in.size() != data.featureShape().size()) {
            throw new TrainingException(Message.of("data.inputSize", "The Input is " + in + " (" + in.size()
                    + " values) but each sample of " + data.name() + " is " + data.featureShape() + " ("
                    + data.featureShape().size() + " values): set the Input to " + data.featureShape(),
                    in.toString(), in.size(), data.name(), data.featureShape().toString(),
                    data.featureShape().size()), input.id(), null);
        }
            TensorShape out = a.shapeOf(output.id()).orElseThrow();
            Task task = Task.of(data, (int) out.size(), LossFn.of(output.params()),
                    output.params().getString("metric"), output.id());
            Backends.Choice choice = Backends.choose(g, a, project.training(), Backends.preference());
            return new Plan(project, a, task, input.id(), output.id(), choice);
        }

        Graph graph() {
            return project.graph();
        }

        TrainingSession session(Dataset data, NetworkBackend backend) {
            TrainingSession s = new TrainingSession(project, analysis, data, backend, task, inputNode, outputNode);
            s.engineReason = choice.reason();
            return s;
        }
    }

    private static Analysis checkGraph(Graph g) throws TrainingException {
        Analysis a = GraphAnalyzer.analyze(g);
        if (!a.isValid()) {
            var first = a.errors().get(0);
            throw new TrainingException("The network has " + a.errors().size() + " problem(s); the first: "
                    + first.message(), first.nodeId(), null);
        }
        long inputs = g.inputNodes().size();
        long outputs = g.outputNodes().size();
        if (inputs != 1 || outputs != 1) {
            throw new TrainingException("Training needs exactly one Input and one Output; this graph has " + inputs
                    + " Input(s) and " + outputs + " Output(s): remove the extra ones");
        }
        return a;
    }

    public void addListener(TrainingListener l) {
        listeners.add(l);
    }

    public void removeListener(TrainingListener l) {
        listeners.remove(l);
    }

    /** @return the compiled network (touch it only when the session is not running) */
    public NetworkBackend backend() {
        return backend;
    }

    public Dataset dataset() {
        return data;
    }

    public Project project() {
        return project;
    }

    /** @return the Input node's id */
    public String inputNode() {
        return inputNode;
    }

    /** @return the engine running this session, e.g. "Strata" or "Deeplearning4j" */
    public String engine() {
        return backend.engineName();
    }

    /**
     * @return e.g. "Strata's fast engine, oneDNN AVX-512 build, 2 threads" (threads once the run started), or
     *         "Strata's fast engine on NVIDIA H200 (CUDA)"
     */
    public Message engineDescription() {
        Message name = backend.engineName().equals("Strata")
                ? Message.of("engine.fast", "Strata's fast engine")
                : engineReason.map(r -> Message.of("engine.dl4j.because", backend.engineName() + " (" + r + ")", r))
                .orElse(Message.of("engine.dl4j", backend.engineName()));
        if (onGpu()) {
            String device = org.strata.engine.runtime.NativeSetup.activeDevice();
            return Message.of("engine.gpu", name + " on " + device, name, device);
        }
        String build = org.strata.engine.runtime.NativeSetup.buildName();
        if (threadsUsed == 0) {
            return Message.of("engine.cpu.measuring", name + ", " + build + " build, measuring the fastest "
                    + "thread count", name, build);
        }
        return Message.of("engine.cpu", name + ", " + build + " build, " + threadsUsed + " thread"
                + (threadsUsed == 1 ? "" : "s"), name, build, threadsUsed);
    }

    /**
     * The run's message once the thread count is measured: which engine trains which project, as at the start, now
     * with the count and what it was measured against ("the fastest of 1, 2 threads on this network").
     */
    private Message threadsMessage(List<Integer> measured, boolean first) {
        Message started = startedMessage();
        if (measured.size() == 1) return started;
        String counts = measured.toString().replaceAll("[\\[\\]]", "");
        return Message.of(first ? "threads.chosen" : "threads.changed", started + " (" + (first ? "" : "now ")
                + "the fastest of " + counts + " threads on this network)", started.args().get(0),
                started.args().get(1), counts);
    }

    /** "Training MNIST MLP with Strata's fast engine, oneDNN AVX-512 build, 1 thread". */
    private Message startedMessage() {
        Message engineText = engineDescription();
        return Message.of("run.started", "Training " + project.name() + " with " + engineText, project.name(),
                engineText);
    }

    private static boolean onGpu() {
        return !org.strata.engine.runtime.HostMemory.isCpu();
    }

    /** Uses {@code n} native threads; 0 measures which count is fastest for this network when the run starts. */
    public void setThreads(int n) {
        threadsRequested = Math.max(0, n);
    }

    /**
     * Caps the thread counts measured when the count is left to measurement: a window training while it draws
     * leaves one core to itself (on two cores, OpenMP's threads wait for the one the window took, and two threads
     * train slower than one).
     */
    public void setThreadLimit(int n) {
        threadLimit = Math.max(1, n);
    }

    /** @return the native threads the run uses (0 before it starts) */
    public int threads() {
        return threadsUsed;
    }

    /** @return the node a failed run blamed (where NaN first appeared, a wrong shape…), if it named one */
    public java.util.Optional<String> failedNode() {
        return java.util.Optional.ofNullable(failedNode);
    }

    /** @return the epoch with the lowest validation loss so far (0 if none) */
    public int bestEpoch() {
        return bestEpoch;
    }

    /** @return a copy of the parameters at {@link #bestEpoch()}, if there was a validation split */
    public java.util.Optional<INDArray> bestParameters() {
        return java.util.Optional.ofNullable(bestParams).map(INDArray::dup);
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
        if (!(lr > 0) || !Double.isFinite(lr)) throw new IllegalArgumentException("learning rate must be > 0: " + lr);
        learningRateChange = lr;
    }

    /** Freezes exactly these layers from the next batch on (their weights stay as they are then). */
    public void setFrozen(java.util.Set<String> nodeIds) {
        frozenChange = java.util.Set.copyOf(nodeIds);
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
        ThreadTuner tuner = null;
        if (onGpu()) {
            // The GPU computes; host threads only feed it, so there is nothing to measure.
        } else if (threadsRequested > 0) {
            org.strata.engine.runtime.Threads.set(threadsRequested);
            threadsUsed = threadsRequested;
        } else {
            tuner = new ThreadTuner(Math.max(1, Math.min(threadLimit, org.strata.engine.runtime.Threads.available())),
                    org.strata.engine.runtime.Threads::set);
            threadsUsed = 0; // until the first measurement ends
        }
        setState(TrainingState.RUNNING, startedMessage());
        int epochs = epochsOverride > 0 ? epochsOverride : settings.getInt("epochs");
        Random shuffle = new Random(settings.getInt("seed"));
        boolean earlyStopping = settings.getBool("earlyStopping");
        int patience = settings.getInt("patience");
        double bestVal = Double.POSITIVE_INFINITY;
        long fitNanos = 0;
        long fitSamples = 0;
        Message endMessage = null;
        TrainingState endState = TrainingState.FINISHED;
        try {
            data.train().fillCache(); // read before the first epoch's clock starts: its samples/s is the training's
            epochLoop:
            for (int epoch = 1; epoch <= epochs; epoch++) {
                long epochStart = System.nanoTime();
                double lr = LearningRateSchedule.at(settings, epoch);
                backend.setLearningRate(lr);
                int[] order = permutation(train.size(), shuffle);
                long epochSamples = 0;
                long paused = 0;
                double lossSum = 0;
                for (int b = 0; b < train.count(); b++) {
                    long waitStart = System.nanoTime();
                    boolean go = awaitPermission();
                    paused += System.nanoTime() - waitStart;
                    if (!go) {
                        endState = TrainingState.STOPPED;
                        endMessage = Message.of("run.stopped", "Stopped by the user at epoch " + epoch
                                + ", batch " + (b + 1), epoch, b + 1);
                        break epochLoop;
                    }
                    lr = applyChanges(epoch, lr);
                    DataSet batch = train.get(b, order);
                    int every = snapshotEvery;
                    boolean lastBatch = epoch == epochs && b == train.count() - 1;
                    boolean snapshotDue = snapshotRequested || (every > 0 && (iteration + 1) % every == 0)
                            || (lastBatch && snapshotsWanted);
                    if (snapshotDue) backend.keepNextGradient(); // the snapshot after this batch shows its gradient
                    long t0 = System.nanoTime();
                    double loss = backend.fit(batch.getFeatures(), batch.getLabels());
                    long dt = System.nanoTime() - t0;
                    iteration++;
                    if (tuner != null) {
                        tuner.record(dt);
                        if (tuner.takeChange()) {
                            boolean first = threadsUsed == 0;
                            threadsUsed = tuner.threads();
                            notifyState(TrainingState.RUNNING, threadsMessage(tuner.candidates(), first));
                        }
                    }
                    if (iteration == 1) firstIterationSeconds = (System.nanoTime() - start) / 1e9;
                    int n = (int) batch.getFeatures().size(0);
                    epochSamples += n;
                    lossSum += loss * n;
                    if (!Double.isFinite(loss)) throw diagnoseNaN(batch, epoch, b + 1, loss, lr);
                    double sps = epochSamples / ((System.nanoTime() - epochStart - paused) / 1e9);
                    for (TrainingListener l : listeners) {
                        l.onIteration(new TrainingEvents.Iteration(epoch, iteration, b + 1, train.count(), loss, sps,
                                lr));
                    }
                    runProbes();
                    if (snapshotDue) {
                        snapshotRequested = false;
                        TrainingEvents.Snapshot s = snapshot();
                        for (TrainingListener l : listeners) l.onSnapshot(s);
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
                for (TrainingListener l : listeners) {
                    l.onEpoch(new TrainingEvents.Epoch(epoch, lossSum / Math.max(1, epochSamples), trainEval.metric(),
                            valLoss, valEval == null ? Double.NaN : valEval.metric(), task.metricName(), lr,
                            (System.nanoTime() - epochStart) / 1e9, epochSamples / (loop / 1e9), valEval));
                }
                if (valEval != null && valLoss < bestVal) {
                    bestVal = valLoss;
                    bestEpoch = epoch;
                    bestParams = backend.parameters();
                } else if (valEval != null && earlyStopping && epoch - bestEpoch >= patience) {
                    endState = TrainingState.STOPPED;
                    endMessage = Message.of("run.stoppedEarly", "Early stopping after epoch " + epoch
                            + ": the validation loss has not improved since epoch " + bestEpoch
                            + "; keeping the weights of epoch " + bestEpoch, epoch, bestEpoch);
                    backend.setParameters(bestParams);
                    break;
                }
            }
        } catch (TrainingException e) {
            failedNode = e.nodeId();
            setState(TrainingState.FAILED, e.text());
            runProbes();
            throw e;
        } catch (RuntimeException e) {
            TrainingException te = new TrainingException(explain(e), null, e);
            setState(TrainingState.FAILED, te.text());
            runProbes();
            throw te;
        }
        Evaluation trainEval = evaluate(data.train(), 0);
        Evaluation valEval = data.validation().size() > 0 ? evaluate(data.validation(), 0) : null;
        Evaluation testEval = data.test().size() > 0 ? evaluate(data.test(), 0) : null;
        if (endMessage == null) {
            endMessage = Message.of("run.finished", "Finished " + epochsDone + " epoch(s)", epochsDone);
        }
        double sps = fitNanos == 0 ? 0 : fitSamples / (fitNanos / 1e9);
        TrainingResult result = new TrainingResult(endState, endMessage.english(), epochsDone, bestEpoch, trainEval, valEval,
                testEval, sps, (System.nanoTime() - start) / 1e9);
        setState(endState, endMessage);
        runProbes(); // any asked for just before the end
        return result;
    }

    /** On the training thread: takes in a learning rate or frozen layers changed since the last batch. */
    private double applyChanges(int epoch, double lr) {
        Double newRate = learningRateChange;
        if (newRate != null) {
            learningRateChange = null;
            settings.set("learningRate", newRate);
            lr = LearningRateSchedule.at(settings, epoch);
            backend.setLearningRate(lr);
        }
        java.util.Set<String> f = frozenChange;
        if (f != null) {
            frozenChange = null;
            backend.freeze(f);
        }
        return lr;
    }

    private TensorShape shapeForInput() {
        return analysis.shapeOf(inputNode).orElseThrow();
    }

    private static Message explain(RuntimeException e) {
        Throwable root = e;
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            // data that turns out unreadable mid-run (an image file that does not decode): its own message
            if (t instanceof org.strata.engine.data.DatasetException d) return d.text();
            root = t;
        }
        if (root instanceof OutOfMemoryError || String.valueOf(root.getMessage()).contains("memory")) {
            return Message.of("run.outOfMemory", "Out of memory while training: lower the batch size or the "
                    + "layer sizes");
        }
        String why = String.valueOf(root.getMessage());
        return Message.of("run.failed", "Training stopped: " + why, why);
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
        synchronized (lock) {
            state = s;
        }
        notifyState(s, message);
    }

    private void notifyState(TrainingState s, Message message) {
        for (TrainingListener l : listeners) l.onStateChanged(s, message);
    }

    private static int[] permutation(int n, Random r) {
        int[] p = IntStream.range(0, n).toArray();
        for (int i = n - 1; i > 0; i--) {
            int j = r.nextInt(i + 1);
            int t = p[i];
            p[i] = p[j];
            p[j] = t;
        }
        return p;
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

    /**
     * Names the first layer whose output or parameters hold NaN/Inf or, when the loss overflowed on finite values,
     * the first layer whose outputs exploded (|x| > 1e6), so the message points at where to look.
     */
    private TrainingException diagnoseNaN(DataSet batch, int epoch, int b, double loss, double lr) {
        String culprit = null;
        String what = "producing NaN or infinite values";
        double explodedTo = 0; // the largest output of the layer named, when it exploded rather than went NaN
        try {
            Map<String, INDArray> acts = backend.activations(batch.getFeatures());
            String exploded = null;
            double explodedMax = 0;
            for (String id : analysis.order()) {
                INDArray a = acts.get(id);
                if ((a != null && !finite(a)) || !backend.paramsFinite(id)) {
                    culprit = id;
                    break;
                }
                double max = a == null ? 0 : a.amaxNumber().doubleValue();
                if (exploded == null && max > 1e6) {
                    exploded = id;
                    explodedMax = max;
                }
            }
            if (culprit == null && exploded != null) {
                culprit = exploded;
                explodedTo = explodedMax;
                what = String.format(java.util.Locale.ROOT, "whose outputs exploded (up to %.3g)", explodedMax);
            }
        } catch (RuntimeException ignored) {
            // Diagnosis is best effort; the message below still names the value and the fix.
        }
        if (culprit == null) culprit = outputNode;
        Node n = graph.require(culprit);
        String english = "The loss became " + loss + " at epoch " + epoch + ", batch " + b + "; the first layer "
                + what + " is '" + n.name() + "' (" + n.type().id() + "). Lower the learning rate (now " + lr
                + "), check the data's normalisation, or add a BatchNorm before it.";
        Message text = explodedTo > 0
                ? Message.of("loss.exploded", english, loss, epoch, b, n.name(), n.type().id(), lr,
                        String.format(java.util.Locale.ROOT, "%.3g", explodedTo))
                : Message.of("loss.nan", english, loss, epoch, b, n.name(), n.type().id(), lr);
        return new TrainingException(text, culprit, null);
    }

    private static boolean finite(INDArray a) {
        return !a.isNaN().any() && !a.isInfinite().any();
    }

    /** Per-layer statistics on a fixed probe batch, copied out of the engine's arrays. */
    private TrainingEvents.Snapshot snapshot() {
        if (probe == null) {
            Split probeSplit = data.validation().size() > 0 ? data.validation() : data.train();
            probe = new Batches(probeSplit, shapeForInput(), task, PROBE_SAMPLES).get(0, null).getFeatures();
        }
        Map<String, float[][]> acts = backend.activationSummary(probe, LayerStatistics.MAX_COUNTED,
                LayerStatistics.SAMPLE_VALUES);
        Map<String, double[]> norms = backend.parameterNorms();
        Map<String, float[]> weights = backend.parameterValues();
        Map<String, float[]> gradients = backend.keptGradients();
        Map<String, Double> gradientNorms = backend.keptGradientNorms();
        List<TrainingEvents.LayerStats> stats = new ArrayList<>();
        for (String id : analysis.order()) {
            float[][] v = acts.get(id);
            if (v == null) continue;
            double[] norm = norms.getOrDefault(id, new double[2]);
            stats.add(LayerStatistics.of(id, v[0], v[1], norm[0], norm[1], weights.get(id), gradients.get(id),
                    gradientNorms.getOrDefault(id, 0.0)));
        }
        return new TrainingEvents.Snapshot(iteration, List.copyOf(stats));
    }
}
