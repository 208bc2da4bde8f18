package org.strata.engine.runs;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.strata.engine.model.TrainedModel;
import org.strata.engine.project.AtomicFiles;
import org.strata.engine.runtime.NativeSetup;
import org.strata.engine.train.Evaluation;
import org.strata.engine.train.TrainingEvent;
import org.strata.engine.train.TrainingListener;
import org.strata.engine.train.TrainingResult;
import org.strata.engine.train.TrainingSession;

/**
 * Records one run as it trains and keeps it once it has ended: the one way a finished run is written, by the window
 * and the command line alike ({@code run.json}, {@code metrics.csv}, {@code model.zip}; see {@link RunStore}). It
 * listens on the training thread; {@link #keep} and {@link #writeTo} read what it heard, so call them once the
 * training thread has ended (after {@link TrainingSession#run()} returns, or after joining the thread).
 */
public final class RunRecorder implements TrainingListener {
    private final TrainingSession session;
    private ZonedDateTime started = ZonedDateTime.now().withNano(0);
    private final long startNanos = System.nanoTime();
    /** Seconds the run trained before a checkpoint it resumes from. */
    private double secondsBefore;
    /** What the run continues (set once, or read back from a checkpoint by {@link #resume}). */
    private long iterationsBefore;
    private int epochsBefore;
    private String continuedFrom;
    private final List<double[]> loss = new ArrayList<>();
    private final List<double[]> validation = new ArrayList<>();
    private final List<double[]> metric = new ArrayList<>();
    private final List<TrainingEvent.Epoch> epochs = new ArrayList<>();
    private double ema = Double.NaN;
    private long lastIteration;
    private TrainingEvent.StateChanged end;
    private double seconds;
    /** The folder the run is to be kept in, when it checkpoints (see {@link #checkpointEvery}); else null. */
    private Path checkpointFor;
    private long checkpointNanos;
    private long lastCheckpoint;
    private java.util.function.Consumer<String> checkpointProblems;

    /**
     * @param iterationsBefore iterations of the runs it continues (its curves number on from there)
     * @param epochsBefore     epochs of the runs it continues
     * @param continuedFrom    the kept run it continues, or ""
     */
    private RunRecorder(TrainingSession session, long iterationsBefore, int epochsBefore, String continuedFrom) {
        this.session = session;
        this.iterationsBefore = iterationsBefore;
        this.epochsBefore = epochsBefore;
        this.continuedFrom = continuedFrom;
    }

    /** @return a recorder listening to a session that has not started yet, for a run from fresh weights */
    public static RunRecorder attach(TrainingSession session) {
        return attach(session, 0, 0, "");
    }

    /** @return a recorder listening to a session that continues earlier runs (see the constructor's parameters) */
    public static RunRecorder attach(TrainingSession session, long iterationsBefore, int epochsBefore,
                                     String continuedFrom) {
        RunRecorder r = new RunRecorder(session, iterationsBefore, epochsBefore, continuedFrom);
        session.addListener(r);
        return r;
    }

    @Override
    public void onIteration(TrainingEvent.Iteration e) {
        lastIteration = iterationsBefore + e.iteration();
        if (!Double.isFinite(e.loss())) return;
        ema = Curves.smooth(ema, e.loss());
        loss.add(new double[]{lastIteration, ema});
        if (loss.size() >= 8 * RunRecord.MAX_LOSS_POINTS) Curves.thinOlderHalf(loss); // bounded, however long
    }

    @Override
    public void onEpoch(TrainingEvent.Epoch e) {
        epochs.add(e);
        if (!Double.isNaN(e.validationLoss())) validation.add(new double[]{lastIteration, e.validationLoss()});
        metric.add(new double[]{epochsBefore + e.epoch(), e.trainMetric(), e.validationMetric()});
        if (checkpointFor != null && System.nanoTime() - lastCheckpoint >= checkpointNanos) checkpoint();
    }

    /**
     * Keeps a {@link Checkpoint} beside {@code runDir} after an epoch whenever {@code seconds} have passed since the
     * last (0: after every epoch), so that a killed run can be resumed. A checkpoint that cannot be written costs the
     * run nothing: {@code problems} hears why, and training goes on.
     */
    public void checkpointEvery(Path runDir, double seconds, java.util.function.Consumer<String> problems) {
        checkpointFor = runDir;
        checkpointNanos = (long) (Math.max(0, seconds) * 1e9);
        lastCheckpoint = System.nanoTime();
        checkpointProblems = problems;
    }

    private void checkpoint() {
        try {
            Checkpoint.write(checkpointFor, model(), session.progress(), session.bestParameters(), curves());
        } catch (IOException | RuntimeException ex) {
            checkpointProblems.accept("the checkpoint in " + Checkpoint.folderFor(checkpointFor)
                    + " could not be written (" + ex.getMessage() + "); training goes on without one");
        }
        lastCheckpoint = System.nanoTime();
    }

    /** What the recorder heard so far, for a checkpoint; {@link #resume} reads it back. */
    private ObjectNode curves() {
        ObjectNode o = com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.objectNode();
        o.put("started", started.toString());
        o.put("seconds", secondsBefore + (System.nanoTime() - startNanos) / 1e9);
        o.set("ema", RunStore.number(ema));
        o.put("lastIteration", lastIteration);
        // a run continued from a kept one numbers its epochs on from it, resumed too
        o.put("iterationsBefore", iterationsBefore);
        o.put("epochsBefore", epochsBefore);
        o.put("continuedFrom", continuedFrom);
        RunStore.points(o.putArray("loss"), loss.toArray(double[][]::new));
        RunStore.points(o.putArray("validation"), validation.toArray(double[][]::new));
        RunStore.points(o.putArray("metric"), metric.toArray(double[][]::new));
        var rows = o.putArray("epochs");
        for (TrainingEvent.Epoch e : epochs) {
            rows.addArray().add(e.epoch()).add(e.metricName()).add(RunStore.number(e.trainLoss()))
                    .add(RunStore.number(e.trainMetric())).add(RunStore.number(e.validationLoss()))
                    .add(RunStore.number(e.validationMetric())).add(e.learningRate())
                    .add(e.seconds()).add(e.samplesPerSecond());
        }
        return o;
    }

    /**
     * @return a recorder for a session resumed from {@code checkpoint} (see
     *     {@link TrainingSession#resume}): the curves and epochs recorded before it are its own, and the run keeps
     *     its start time and counts the time trained before
     */
    public static RunRecorder resume(TrainingSession session, Checkpoint checkpoint) {
        RunRecorder r = attach(session);
        var c = checkpoint.curves();
        try {
            r.started = ZonedDateTime.parse(c.path("started").asText());
        } catch (java.time.format.DateTimeParseException e) {
            // a checkpoint without its start time: the run counts from now
        }
        r.secondsBefore = Math.max(0, c.path("seconds").asDouble());
        r.ema = RunStore.number(c.path("ema"));
        r.lastIteration = c.path("lastIteration").asLong();
        r.iterationsBefore = Math.max(0, c.path("iterationsBefore").asLong());
        r.epochsBefore = Math.max(0, c.path("epochsBefore").asInt());
        r.continuedFrom = c.path("continuedFrom").asText("");
        r.loss.addAll(List.of(RunStore.points(c.path("loss"))));
        r.validation.addAll(List.of(RunStore.points(c.path("validation"))));
        r.metric.addAll(List.of(RunStore.points(c.path("metric"))));
        for (var row : c.path("epochs")) {
            r.epochs.add(new TrainingEvent.Epoch(row.path(0).asInt(), RunStore.number(row.path(2)),
                    RunStore.number(row.path(3)), RunStore.number(row.path(4)), RunStore.number(row.path(5)),
                    row.path(1).asText(), RunStore.number(row.path(6)), RunStore.number(row.path(7)),
                    RunStore.number(row.path(8)), null));
        }
        return r;
    }

    @Override
    public void onStateChanged(TrainingEvent.StateChanged s) {
        if (s.state().isOver()) {
            end = s;
            seconds = secondsBefore + (System.nanoTime() - startNanos) / 1e9;
        }
    }

    /** @return when the run started (a kept run's id is made from it) */
    public ZonedDateTime started() {
        return started;
    }

    /** @return whether there is a run to keep: it finished or was stopped after at least one whole epoch */
    public boolean hasRun() {
        return end != null && end.result() != null && !epochs.isEmpty();
    }

    /**
     * Keeps the run in the project's runs folder under a new id (its folder reserved at once, see
     * {@link RunStore#newId}). A run that cannot be written there gives its reserved folder back and has its model
     * saved in the rescue place first, as {@link #keepSomewhere} does; the exception then says where.
     *
     * @throws IOException           why the run could not be kept, and where its model was saved instead
     * @throws IllegalStateException if there is no run to keep ({@link #hasRun()})
     */
    public RunRecord keep(RunStore store) throws IOException {
        if (!hasRun()) throw new IllegalStateException("no finished run to keep");
        Path dir = null;
        try {
            dir = store.folder().resolve(store.newId(started));
            return writeTo(dir);
        } catch (IOException | RuntimeException e) {
            if (dir != null) RunStore.release(dir);
            String why = e.getMessage() == null ? "it could not be written" : e.getMessage();
            Kept rescued = rescue(why, null);
            throw new IOException(rescued.where() == null ? rescued.problem()
                    : why + "; the trained model is saved in " + rescued.where(), e);
        }
    }

    /** Writes the run into {@code dir} (its id is the folder's name), as {@link #keep} does. */
    public RunRecord writeTo(Path dir) throws IOException {
        return writeTo(dir, List.of());
    }

    /** As {@link #writeTo(Path)}, with files made for this run elsewhere moved in (see {@link RunStore#write}). */
    public RunRecord writeTo(Path dir, List<Path> extra) throws IOException {
        if (!hasRun()) throw new IllegalStateException("no finished run to keep");
        TrainedModel model = model();
        RunRecord record = record(dir.getFileName().toString(), model);
        RunStore.write(dir, record, model, metricsCsv(), extra);
        return record;
    }

    /**
     * Keeps the run in {@code dir}, with its best epoch's model ({@code best-model.zip}) when that is not the last;
     * or, when that fails after all (a disk that filled, a folder taken away while it trained), its models at least,
     * in a new folder in the system's temporary folder: hours of training are not lost for a folder. The models are
     * written there before the failure is reported, and nothing half-made is left beside {@code dir}.
     *
     * @return where the run, or its model, was kept, and why not where asked
     */
    public Kept keepSomewhere(Path dir) {
        var best = session.bestParameters();
        boolean separateBest = best.isPresent() && session.bestEpoch() != session.epochsDone();
        Path scratch = null;
        try {
            List<Path> extra = new ArrayList<>();
            if (separateBest) {
                // written beside the run and moved in with it
                Path parent = Files.createDirectories(dir.toAbsolutePath().normalize().getParent());
                scratch = AtomicFiles.newFolder(parent, ".best");
                extra.add(saveBest(scratch.resolve("best-model.zip"), best.get()));
            }
            return new Kept(dir, null, null, writeTo(dir, extra));
        } catch (IOException | RuntimeException e) {
            String why = e.getMessage() == null ? "it could not be written" : e.getMessage();
            return rescue(why, separateBest ? best.get() : null);
        } finally {
            if (scratch != null) {
                try {
                    RunStore.deleteTree(scratch);
                } catch (IOException e) {
                    // a hidden scratch folder that cannot be removed costs nothing more
                }
            }
        }
    }

    /** Saves the models where they can be, a new folder in the system's temporary folder, once keeping failed. */
    private Kept rescue(String why, INDArray best) {
        Path folder = null;
        try {
            String name = session.project().name().replaceAll("[^\\p{L}\\p{N}._-]", "_");
            folder = AtomicFiles.newFolder(Path.of(System.getProperty("java.io.tmpdir")), "strata-" + name + "-");
            Path model = folder.resolve("model.zip");
            model().save(model);
            Path bestFile = best == null ? null : saveBest(folder.resolve("best-model.zip"), best);
            return new Kept(model, why, bestFile, null);
        } catch (IOException | RuntimeException again) {
            if (folder != null && !Files.exists(folder.resolve("model.zip"))) RunStore.release(folder);
            return new Kept(null, why + "; saving the model elsewhere failed too: " + again.getMessage(), null, null);
        }
    }

    /** Saves the model with the best epoch's weights, leaving the network as it was. */
    private Path saveBest(Path file, INDArray best) throws IOException {
        // the window may ask the network a question meanwhile: it must not hear the best epoch's weights
        return session.whileIdle(() -> {
            INDArray now = session.backend().parameters();
            session.backend().setParameters(best);
            try {
                model().save(file);
            } finally {
                session.backend().setParameters(now);
            }
            return file;
        });
    }

    /**
     * Where a run was kept.
     *
     * @param where   the run's folder, or the model file saved instead of it; null if nothing could be saved
     * @param problem why the run is not in the folder asked for; null when it is
     * @param best    the best epoch's model saved beside {@code where} instead of the run; null if none
     * @param record  the run as kept in {@code where}; null when it is not there
     */
    public record Kept(Path where, String problem, Path best, RunRecord record) {
        /** @return the problem, and where the trained model was saved instead when it was (for a message) */
        public String said() {
            return problem == null ? null : where == null ? problem : problem + "; the trained model is saved in "
                    + where + (best == null ? "" : " (its best epoch in " + best.getFileName() + " beside it)");
        }
    }

    /** @return the trained network with what it needs to predict (the project as it trained, normalisation) */
    public TrainedModel model() {
        // not while a probe on another thread has set other weights for a moment
        return session.whileIdle(() -> org.strata.engine.train.TrainedModels.of(session,
                epochsBefore + session.epochsDone()));
    }

    private RunRecord record(String id, TrainedModel model) {
        TrainingResult r = end.result();
        TrainingEvent.Epoch last = epochs.get(epochs.size() - 1);
        Evaluation heldOut = r.test() != null ? r.test() : r.validation();
        Map<String, String> settings = new LinkedHashMap<>();
        session.project().training().applicable().forEach((k, v) -> settings.put(k, String.valueOf(v)));
        RunOutcome outcome = new RunOutcome(session.project().name(), r.message(), r.bestEpoch(), figures(r.train()),
                figures(r.validation()), figures(r.test()), r.samplesPerSecond(), session.firstIterationSeconds(),
                NativeSetup.activeDevice(), NativeSetup.buildName(), session.threads(), RunOutcome.small(model));
        return new RunRecord(id, started.toString(), seconds, session.engine().title(), end.state().name(),
                session.epochsDone(), last.metricName(), last.trainLoss(), last.validationLoss(),
                last.validationMetric(), heldOut == null ? Double.NaN : heldOut.metric(), settings,
                Curves.thinned(loss, RunRecord.MAX_LOSS_POINTS).toArray(double[][]::new),
                validation.toArray(double[][]::new),
                metric.toArray(double[][]::new), continuedFrom, outcome);
    }

    /** @return one row per epoch: its losses, metrics, learning rate, time and speed */
    public String metricsCsv() {
        StringBuilder sb = new StringBuilder("epoch,train_loss,train_metric,val_loss,val_metric,learning_rate,seconds,"
                + "samples_per_second\n");
        for (TrainingEvent.Epoch e : epochs) {
            sb.append(String.format(Locale.ROOT, "%d,%.6f,%.6f,%s,%s,%.6g,%.3f,%.1f%n", epochsBefore + e.epoch(),
                    e.trainLoss(), e.trainMetric(), num(e.validationLoss()), num(e.validationMetric()),
                    e.learningRate(), e.seconds(), e.samplesPerSecond()));
        }
        return sb.toString();
    }

    private static String num(double d) {
        return Double.isNaN(d) ? "" : String.format(Locale.ROOT, "%.6f", d);
    }

    private static RunOutcome.Figures figures(Evaluation e) {
        return e == null ? null : new RunOutcome.Figures(e.loss(), e.metric(), e.samples());
    }
}
