package org.strata.engine.train;

import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.function.BiConsumer;
import java.util.function.Supplier;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.DataSet;
import org.strata.engine.analysis.Analysis;
import org.strata.engine.backend.NetworkBackend;
import org.strata.engine.backend.NetworkTracing;
import org.strata.engine.backprop.StepTrace;
import org.strata.engine.data.Dataset;
import org.strata.engine.graph.Graph;
import org.strata.engine.layers.TensorShape;
import org.strata.engine.params.Params;
import org.strata.engine.text.Message;

/**
 * The epochs of batches a run trains, on the thread that calls {@link #run()}: before each batch it asks
 * {@link RunControl} for its turn, after it tells {@link RunTelemetry}; after each epoch it measures
 * ({@link RunEvaluation}), keeps the best epoch and watches for divergence; at the end it says how the run ended.
 * It also keeps where the run stands (epochs, iterations), which a checkpoint saves and a resumed run starts from.
 */
final class TrainingLoop {
    private final Dataset data;
    private final NetworkBackend backend;
    private final Params settings;
    private final Task task;
    private final Analysis analysis;
    private final Graph graph;
    private final String outputNode;
    private final TensorShape inputShape;
    private final RunControl control;
    private final RunTelemetry telemetry;
    private final RunEvaluation evaluation;
    private final ThreadChoice threads;
    private final BestEpoch best;
    private final DivergenceWatch watch;
    /** "Training MNIST MLP with Strata's fast engine, …" as it reads when asked (threads change as it runs). */
    private final Supplier<Message> started;
    /** Says the measured thread count (a field: a lambda made per step would allocate on every step). */
    private final BiConsumer<List<Integer>, Boolean> threadsChanged;

    private volatile int epochsOverride;
    private volatile double firstIterationSeconds = Double.NaN;
    private long iteration;
    private int epochsDone;

    /**
     * @param settings the run's own copy of the training settings (a new learning rate is written into it)
     * @param started  the message a run starts with
     */
    TrainingLoop(RunPlan plan, Params settings, Dataset data, NetworkBackend backend, RunControl control,
                 RunTelemetry telemetry, RunEvaluation evaluation, ThreadChoice threads, Supplier<Message> started) {
        this.data = data;
        this.backend = backend;
        this.settings = settings;
        this.task = plan.task();
        this.analysis = plan.analysis();
        this.graph = plan.graph();
        this.outputNode = plan.outputNode();
        this.inputShape = plan.inputShape();
        this.control = control;
        this.telemetry = telemetry;
        this.evaluation = evaluation;
        this.threads = threads;
        this.best = new BestEpoch(settings);
        this.watch = new DivergenceWatch(plan.task().classNames().size());
        this.started = started;
        // a step while paused stays so: the state is announced as it is
        this.threadsChanged = (measured, first) -> control.announce(RunMessages.threads(started.get(), measured,
                first));
    }

    /** Takes up where a checkpoint left: epochs and steps number on from there. */
    void restore(RunProgress progress, INDArray bestWeights) {
        epochsDone = progress.epochsDone();
        iteration = progress.iterations();
        epochsOverride = progress.epochs();
        backend.setIterations(progress.iterations());
        best.restore(progress.bestEpoch(), progress.bestLoss(), bestWeights);
    }

    RunProgress progress() {
        return new RunProgress(epochsDone, iteration, epochs(), best.epoch(), best.loss());
    }

    private int epochs() {
        return epochsOverride > 0 ? epochsOverride : settings.getInt("epochs");
    }

    void setEpochs(int epochs) {
        epochsOverride = epochs;
    }

    int epochsDone() {
        return epochsDone;
    }

    long iteration() {
        return iteration;
    }

    double firstIterationSeconds() {
        return firstIterationSeconds;
    }

    BestEpoch best() {
        return best;
    }

    /** @return whether the run computes on a GPU (then there are no host threads to choose) */
    static boolean onGpu() {
        return !org.strata.engine.runtime.HostMemory.isCpu();
    }

    /** What a run has added up so far and how it ends. */
    private static final class Tally {
        long fitNanos;
        long fitSamples;
        Message endMessage;
        TrainingState endState = TrainingState.FINISHED;
        /** The last epoch's validation, while the weights are still the ones it saw: not evaluated twice. */
        Evaluation validationNow;
    }

    /** Runs {@link #run()} on a new daemon thread, "strata-training" (a window's thread never trains). */
    Thread start() {
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
    TrainingResult run() throws TrainingException {
        control.claimNetwork();
        try {
            return train();
        } finally {
            control.releaseNetwork(); // and the probes asked for just before the end
        }
    }

    private TrainingResult train() throws TrainingException {
        long start = System.nanoTime();
        Batches train = new Batches(data.train(), inputShape, task, settings.getInt("batchSize"));
        train.writeInto(backend::trainingInputs);
        threads.begin(onGpu());
        control.setState(TrainingState.RUNNING, started.get());
        int epochs = epochs();
        int firstEpoch = epochsDone + 1; // after 0 epochs, or a checkpoint's
        Random shuffle = new Random(settings.getInt("seed"));
        for (int e = 1; e < firstEpoch; e++) Batches.permutation(train.size(), shuffle); // the orders drawn before
        Tally tally = new Tally();
        try {
            data.train().fillCache(); // read before the first epoch's clock starts: its samples/s is the training's
            for (int epoch = firstEpoch; epoch <= epochs; epoch++) {
                if (!trainEpoch(epoch, epochs, train, shuffle, start, tally)) break;
            }
        } catch (TrainingException e) {
            throw fail(e);
        } catch (OutOfMemoryError e) {
            // an Error, not an exception: without this the training thread would end and leave the run "running"
            throw fail(new TrainingException(Failures.outOfMemory(), null, null));
        } catch (RuntimeException e) {
            throw fail(new TrainingException(Failures.explain(e), null, e));
        }
        RunEvaluation.Figures end = evaluation.end(tally.validationNow);
        Message endMessage = tally.endMessage != null ? tally.endMessage
                : Message.of("run.finished", "Finished " + epochsDone + (epochsDone == 1 ? " epoch" : " epochs"),
                        epochsDone);
        double sps = tally.fitNanos == 0 ? 0 : tally.fitSamples / (tally.fitNanos / 1e9);
        TrainingResult result = new TrainingResult(tally.endState, endMessage.english(), epochsDone, best.epoch(),
                end.train(), end.validation(), end.test(), sps, (System.nanoTime() - start) / 1e9);
        control.setState(new TrainingEvent.StateChanged(tally.endState, endMessage, null, result));
        return result;
    }

    /** Tells listeners the run failed; @return {@code e}, to throw */
    private TrainingException fail(TrainingException e) {
        control.setState(new TrainingEvent.StateChanged(TrainingState.FAILED, e.text(), e.nodeId(), null));
        return e;
    }

    /** @return false when the run ends after this epoch (stopped, or stopped early) */
    private boolean trainEpoch(int epoch, int epochs, Batches train, Random shuffle, long start, Tally tally)
            throws TrainingException {
        long epochStart = System.nanoTime();
        double lr = LearningRateSchedule.at(settings, epoch);
        backend.setLearningRate(lr);
        int[] order = Batches.permutation(train.size(), shuffle);
        long epochSamples = 0;
        long paused = 0;
        double lossSum = 0;
        for (int b = 0; b < train.count(); b++) {
            long waitStart = System.nanoTime();
            boolean go = control.awaitTurn(iteration);
            paused += System.nanoTime() - waitStart;
            if (!go) {
                if (b > 0) tally.validationNow = null; // it trained on since
                tally.endState = TrainingState.STOPPED;
                tally.endMessage = Message.of("run.stopped", "Stopped by the user at epoch " + epoch
                        + ", batch " + (b + 1), epoch, b + 1);
                return false;
            }
            lr = control.applyChanges(settings, epoch, lr);
            DataSet batch = train.get(b, order);
            boolean lastBatch = epoch == epochs && b == train.count() - 1;
            boolean snapshotDue = telemetry.snapshotDue(iteration + 1, lastBatch);
            if (snapshotDue) backend.keepNextGradient(); // the snapshot after this batch shows its gradient
            CompletableFuture<Optional<StepTrace>> traced = control.takeTraceWanted();
            if (traced != null && backend instanceof NetworkTracing t) t.traceNextStep();
            long t0 = System.nanoTime();
            control.batchStarts(t0);
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
            telemetry.batchDone(new TrainingEvent.Iteration(epoch, iteration, b + 1, train.count(), loss, sps, lr));
            if (traced != null) {
                int[] rows = train.indices(b, order);
                traced.complete(backend instanceof NetworkTracing t
                        ? t.takeTrace().map(trace -> trace.withSamples(rows)) : Optional.empty());
            }
            control.runProbes();
            if (snapshotDue) telemetry.publishSnapshot(iteration);
        }
        // Throughput counts the whole loop (batches copied in, telemetry, snapshots), as a training loop
        // in another tool is timed; only time spent paused is left out.
        long loop = System.nanoTime() - epochStart - paused;
        tally.fitNanos += loop;
        tally.fitSamples += epochSamples;
        epochsDone = epoch;
        RunEvaluation.Figures figures = evaluation.epoch();
        Evaluation trainEval = figures.train();
        Evaluation valEval = figures.validation();
        double valLoss = valEval == null ? Double.NaN : valEval.loss();
        tally.validationNow = valEval;
        double trainLoss = lossSum / Math.max(1, epochSamples);
        // The best epoch is taken before the epoch is published: a checkpoint made on it then has it.
        boolean stopEarly = valEval != null && best.record(epoch, valLoss, backend);
        telemetry.publish(new TrainingEvent.Epoch(epoch, trainLoss, trainEval.metric(),
                valLoss, valEval == null ? Double.NaN : valEval.metric(), task.metricName(), lr,
                (System.nanoTime() - epochStart) / 1e9, epochSamples / (loop / 1e9), valEval));
        double accuracy = task.metricName().equals("accuracy") ? trainEval.metric() : Double.NaN;
        watch.epoch(epoch, trainLoss, accuracy, lr).ifPresent(control::announce);
        if (stopEarly) {
            tally.endState = TrainingState.STOPPED;
            tally.endMessage = Message.of("run.stoppedEarly", "Early stopping after epoch " + epoch
                    + ": the validation loss has not improved since epoch " + best.epoch()
                    + "; keeping the weights of epoch " + best.epoch(), epoch, best.epoch());
            backend.setParameters(best.params().orElseThrow());
            tally.validationNow = null;
            return false;
        }
        return true;
    }
}
