package org.strata.engine.cli;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.strata.engine.project.Project;
import org.strata.engine.runs.RunRecorder;
import org.strata.engine.runs.RunStore;
import org.strata.engine.train.Evaluation;
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
        + "<project>.runs/run-<time>/ beside it, as the window does, or in --out DIR.")
final class TrainCommand implements Callable<Integer> {
    @Parameters(paramLabel = "FILE", description = "a .strata project")
    Path file;

    @Option(names = "--epochs", paramLabel = "N", description = "epochs to train (default: the project's setting)")
    Integer epochs;

    @Option(names = "--out", paramLabel = "DIR", description = "the run's folder (default: a new run-<time> folder in "
            + "the project's runs folder, <project>.runs/)")
    Path out;

    @Option(names = "--threads", paramLabel = "N", description = "native threads (default: measured per network)")
    Integer threads;

    /** Engines a user can ask for. */
    enum Engine { auto, strata, dl4j }

    @Option(names = "--engine", paramLabel = "ENGINE", description = "auto (default), strata or dl4j")
    Engine engine;

    @Option(names = "--device", paramLabel = "DEVICE", description = "auto (default: an NVIDIA GPU when this build "
            + "has CUDA and one is usable, else the CPU), cpu or cuda")
    Devices.Device device;

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        PrintWriter w = spec.commandLine().getOut();
        String wrong = wrongArguments();
        if (wrong != null) {
            spec.commandLine().getErr().println("error: " + wrong);
            return 2;
        }
        Project project = ProjectArgs.load(file);
        if (engine != null) System.setProperty("strata.engine", engine.name());
        String refused = Devices.refusal(device);
        if (refused != null) {
            spec.commandLine().getErr().println("error: " + refused);
            return 1;
        }
        Path runs = RunStore.folderFor(file);
        String runsProblem = out == null ? OutputFolder.problem(runs, "the runs folder beside " + file, false) : null;
        if (runsProblem != null) {
            // Checked before training: a bundled sample in a read-only install would lose the whole run.
            spec.commandLine().getErr().println("error: " + runsProblem + "; name another with --out DIR");
            return 1;
        }
        TrainingSession session;
        try {
            session = TrainingSession.create(project);
        } catch (TrainingException e) {
            spec.commandLine().getErr().println("error: " + e.getMessage());
            return 1;
        }
        if (epochs != null) session.setEpochs(epochs);
        if (threads != null) session.setThreads(threads);
        int n = epochs != null ? epochs : project.training().getInt("epochs");
        RunRecorder recorder = RunRecorder.attach(session);
        session.addListener(new ProgressPrinter(w, System.console() != null, n));
        w.println("Training " + project.name() + " on " + session.dataset().name() + ": "
                + session.dataset().train().size() + " training, " + session.dataset().validation().size()
                + " validation, " + session.dataset().test().size() + " test samples, on "
                + org.strata.engine.runtime.NativeSetup.activeDevice());
        TrainingResult r;
        try {
            r = session.run();
        } catch (TrainingException e) {
            spec.commandLine().getErr().println("error: " + e.getMessage());
            return 1;
        }
        if (!recorder.hasRun()) {
            w.println(r.message());
            w.println("no whole epoch was trained: nothing kept");
            return 0;
        }
        RunStore store = new RunStore(runs);
        Path dir = out != null ? out : store.folder().resolve(store.newId(recorder.started()));
        List<Path> extra = new ArrayList<>();
        var best = session.bestParameters();
        if (best.isPresent() && session.bestEpoch() != session.epochsDone()) {
            // the epoch with the lowest validation loss, written beside the run and moved in with it
            Path parent = Files.createDirectories(dir.toAbsolutePath().getParent());
            Path bestZip = Files.createTempDirectory(parent, ".best").resolve("best-model.zip");
            INDArray now = session.backend().parameters();
            session.backend().setParameters(best.get());
            recorder.model().save(bestZip);
            session.backend().setParameters(now);
            extra.add(bestZip);
        }
        RunRecorder.Kept kept;
        try {
            kept = recorder.keepSomewhere(dir, extra);
        } finally {
            for (Path p : extra) {
                Files.deleteIfExists(p);
                Files.deleteIfExists(p.getParent());
            }
        }
        if (kept.problem() != null) {
            spec.commandLine().getErr().println("error: the run could not be kept in " + dir + ": " + kept.problem()
                    + (kept.where() == null ? "" : "; the trained model is saved in " + kept.where()));
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
        return out == null ? null : OutputFolder.problem(out, "--out " + out, true);
    }

    private static void printEval(PrintWriter w, String name, Evaluation e) {
        if (e == null) return;
        w.println(String.format(Locale.ROOT, "%-10s loss %.4f  %s %.4f", name, e.loss(), e.metricName(), e.metric()));
    }
}
