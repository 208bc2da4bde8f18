package org.strata.engine.cli;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.strata.engine.project.Project;
import org.strata.engine.runs.Checkpoint;
import org.strata.engine.runs.RunFolder;
import org.strata.engine.runs.RunKeeper;
import org.strata.engine.runs.RunRecorder;
import org.strata.engine.runs.RunStore;
import org.strata.engine.text.TerminalText;
import org.strata.engine.train.Evaluation;
import org.strata.engine.train.Backends;
import org.strata.engine.train.TrainingException;
import org.strata.engine.train.TrainingResult;
import org.strata.engine.train.TrainingSession;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code strata train FILE}: trains and keeps the run as the window does, in the project's runs folder
 * ({@code <project>.runs/run-…/}: run.json, metrics.csv, model.zip), or in {@code --out DIR}.
 */
@Command(name = "train", description = "Train a project; keep the run (run.json, metrics.csv, model.zip) in "
        + "<project>.runs/run-<time>/ beside it, as the window does, or in --out DIR. A checkpoint is kept beside "
        + "the run as it trains: --resume DIR goes on with a run that was interrupted.")
final class TrainCommand implements Callable<Integer> {
    @Parameters(paramLabel = "FILE", description = "a .strata project")
    Path file;

    @Option(names = "--epochs", paramLabel = "N", description = "epochs to train (default: the project's setting)")
    Integer epochs;

    @Option(names = "--out", paramLabel = "DIR", description = "the run's folder (default: a new run-<time> folder in "
            + "the project's runs folder, <project>.runs/)")
    Path out;

    @Option(names = "--replace", description = "with --out DIR: replace the earlier run of this project kept in DIR "
            + "(a folder holding anything else is never replaced)")
    boolean replace;

    @Option(names = "--threads", paramLabel = "N", description = "native threads (default: measured per network)")
    Integer threads;

    /** Engines a user can ask for. */
    enum Engine {
        auto, strata, dl4j;

        Backends.Preference preference() {
            return Backends.Preference.parse(name());
        }
    }

    @Option(names = "--engine", paramLabel = "ENGINE", description = "auto (default), strata or dl4j")
    Engine engine;

    @Option(names = "--device", paramLabel = "DEVICE", description = "auto (default: an NVIDIA GPU when this build "
            + "has CUDA and one is usable, else the CPU), cpu or cuda")
    Devices.Device device;

    @Option(names = "--resume", paramLabel = "DIR", description = "go on with a run that was interrupted (killed, "
            + "or the machine went down) from its last checkpoint; DIR is the run's folder, printed when it started")
    Path resume;

    @Option(names = "--checkpoint-every", paramLabel = "SECONDS", description = "keep a checkpoint after an epoch "
            + "when this many seconds have passed since the last (default 30; 0: after every epoch)")
    Double checkpointEvery;

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    /** The entry point's {@code -Dstrata.engine}, read there (see {@link StrataCli#ENGINE_PROPERTY}). */
    @picocli.CommandLine.ParentCommand
    StrataCli cli;

    @Override
    public Integer call() throws Exception {
        PrintWriter w = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        String wrong = wrongArguments();
        if (wrong != null) {
            err.println("error: " + wrong);
            return 2;
        }
        Project project = ProjectArgs.load(file);
        Checkpoint checkpoint = null;
        if (resume != null) {
            checkpoint = Checkpoint.read(resume);
            String refused = resumeRefusal(project, checkpoint);
            if (refused != null) {
                err.println("error: " + refused);
                return 1;
            }
        }
        Backends.Preference chosen; // a resumed run goes on where it began (TrainingSession.resume)
        try {
            chosen = chosenEngine();
        } catch (IllegalArgumentException e) {
            err.println("error: " + e.getMessage());
            return 1;
        }
        String refused = Devices.refusal(device);
        if (refused != null) {
            err.println("error: " + refused);
            return 1;
        }
        Path runs = RunStore.folderFor(file);
        String runsProblem = out == null && resume == null
                ? OutputFolder.problem(runs, "the runs folder beside " + file, null, false) : null;
        if (runsProblem != null) {
            // Checked before training: a bundled sample in a read-only install would lose the whole run.
            err.println("error: " + runsProblem + "; name another with --out DIR");
            return 1;
        }
        RunStore store = new RunStore(runs);
        TrainingSession session;
        try {
            session = checkpoint == null ? TrainingSession.create(project, chosen)
                    : RunKeeper.resumeSession(project, checkpoint);
        } catch (TrainingException e) {
            err.println("error: " + e.getMessage());
            return 1;
        }
        if (epochs != null) session.setEpochs(epochs);
        if (threads != null) session.setThreads(threads);
        int n = session.progress().epochs();
        double every = checkpointEvery == null ? RunKeeper.CHECKPOINT_SECONDS : checkpointEvery;
        java.util.function.Consumer<String> warn = problem -> err.println("warning: " + problem);
        // kept as the window keeps its runs; a new run's folder is reserved now (see RunKeeper.inStore)
        RunKeeper keeper = checkpoint != null ? RunKeeper.resumed(resume, session, checkpoint, every, warn)
                : out != null ? RunKeeper.in(out, session, every, warn)
                : RunKeeper.inStore(store, session, 0, 0, "", every, warn);
        Path dir = keeper.dir();
        session.addListener(new ProgressPrinter(w, System.console() != null, n));
        String samples = TerminalText.escape(session.dataset().name()) + ": " + session.dataset().train().size() + " training, "
                + session.dataset().validation().size() + " validation, " + session.dataset().test().size()
                + " test samples, on " + org.strata.engine.runtime.NativeSetup.activeDevice();
        w.println(checkpoint == null ? "Training " + TerminalText.escape(project.name()) + " on " + samples
                : "Resuming " + TerminalText.escape(project.name()) + " after epoch " + checkpoint.progress().epochsDone() + " of " + n
                + ", on " + samples);
        w.println("If it is interrupted, go on with: strata train " + file + " --resume " + dir);
        TrainingResult r;
        try {
            r = session.run();
        } catch (TrainingException e) {
            keeper.failed();
            err.println("error: " + e.getMessage());
            return 1;
        }
        if (!keeper.hasRun()) {
            w.println(r.message());
            keeper.keptNothing();
            w.println("no whole epoch was trained: nothing kept");
            return 0;
        }
        RunRecorder.Kept kept = keeper.keep();
        if (kept.problem() != null) {
            String saved = kept.where() == null ? "" : "; the trained model is saved in " + kept.where()
                    + (kept.best() == null ? "" : " (its best epoch, " + session.bestEpoch() + ", in "
                    + kept.best().getFileName() + " beside it)");
            err.println("error: the run could not be kept in " + dir + ": " + kept.problem() + saved);
            return 1;
        }
        w.println(r.message());
        printEval(w, "train", r.train());
        printEval(w, "validation", r.validation());
        printEval(w, "test", r.test());
        w.println(String.format(Locale.ROOT, "%,.0f samples/s, %.1f s; kept in %s (run.json, metrics.csv, model.zip)",
                r.samplesPerSecond(), r.wallSeconds(), dir));
        return 0;
    }

    /**
     * @return the engine asked for with --engine, else with -Dstrata.engine as the entry point read it, else auto
     * @throws IllegalArgumentException naming a -Dstrata.engine value that is not an engine
     */
    private Backends.Preference chosenEngine() {
        if (engine != null) return engine.preference();
        if (resume != null) return Backends.Preference.AUTO; // unused: the checkpoint's engine goes on
        String property = cli == null ? null : cli.engineProperty;
        if (property == null) return Backends.Preference.AUTO;
        try {
            return Backends.Preference.parse(property);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(StrataCli.ENGINE_PROPERTY + " is '" + property
                    + "'; use auto, strata or dl4j", e);
        }
    }

    private static Backends.Preference resumedOn(Checkpoint c) {
        return Backends.Preference.of(c.network().engine());
    }

    /** @return why the run kept in {@code checkpoint} cannot go on with {@code project} as it is now; null if it can */
    private String resumeRefusal(Project project, Checkpoint checkpoint) {
        var changed = checkpoint.changedIn(project);
        if (changed.isPresent()) {
            return file + " has changed since the run began (" + changed.get() + "): going on would mix two "
                    + "networks; undo the change, or train afresh without --resume";
        }
        if (epochs != null && epochs <= checkpoint.progress().epochsDone()) {
            return "--epochs " + epochs + ": the run has already trained " + checkpoint.progress().epochsDone()
                    + " epochs; ask for more, or leave --epochs out to train the " + checkpoint.progress().epochs()
                    + " it was started with";
        }
        if (engine != null && engine != Engine.auto && !engine.name().equals(resumedOn(checkpoint).key())) {
            return "the run began on " + checkpoint.network().engine().title() + "; it goes on there "
                    + "(leave out --engine)";
        }
        return null;
    }

    /** @return what is wrong with --epochs, --threads or --out, checked before anything trains; null if nothing */
    private String wrongArguments() {
        if (epochs != null) {
            var rule = org.strata.engine.project.TrainingSettings.TABLE.spec("epochs").orElseThrow().check(epochs);
            if (rule.isPresent()) return "--epochs " + rule.get();
        }
        int cores = org.strata.engine.runtime.Threads.available();
        if (threads != null && (threads < 1 || threads > cores)) {
            return "--threads must be between 1 and " + cores + ", the cores this machine has (was " + threads
                    + "); leave it out to measure the fastest count";
        }
        if (checkpointEvery != null && !(checkpointEvery >= 0 && checkpointEvery <= 1e7)) {
            return "--checkpoint-every takes seconds from 0 (after every epoch) up (was " + checkpointEvery + ")";
        }
        if (resume != null) {
            if (out != null) return "--resume DIR keeps the run in DIR, where it was to be kept: leave out --out";
            if (Files.exists(resume.resolve("run.json")) && !Checkpoint.exists(resume)) {
                return resume + " holds a finished run: there is nothing to resume (train it on from the window's "
                        + "Runs, or train afresh)";
            }
            // the run it goes on with was begun there (and, with --replace, allowed to replace what was)
            return OutputFolder.problem(resume, "--resume " + resume, RunFolder.identity(file), true);
        }
        return out == null ? null : OutputFolder.problem(out, "--out " + out, RunFolder.identity(file), replace);
    }

    private static void printEval(PrintWriter w, String name, Evaluation e) {
        if (e == null) return;
        w.println(String.format(Locale.ROOT, "%-10s loss %.4f  %s %.4f", name, e.loss(), e.metricName(), e.metric()));
    }
}
