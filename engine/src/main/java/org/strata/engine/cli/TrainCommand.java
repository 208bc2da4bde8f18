package org.strata.engine.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.strata.engine.project.Project;
import org.strata.engine.train.Evaluation;
import org.strata.engine.train.TrainingEvents;
import org.strata.engine.train.TrainingException;
import org.strata.engine.train.TrainingListener;
import org.strata.engine.train.TrainingResult;
import org.strata.engine.train.TrainingSession;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code strata train FILE}: trains and writes model.zip, metrics.csv and report.json. */
@Command(name = "train", description = "Train a project; write DIR/model.zip, DIR/metrics.csv and DIR/report.json.")
final class TrainCommand implements Callable<Integer> {
    /** Models this small get their weights written into report.json (e.g. w and b of y = wx + b). */
    private static final int REPORT_WEIGHTS_UP_TO = 64;

    @Parameters(paramLabel = "FILE", description = "a .strata project")
    Path file;

    @Option(names = "--epochs", paramLabel = "N", description = "epochs to train (default: the project's setting)")
    Integer epochs;

    @Option(names = "--out", paramLabel = "DIR", description = "output folder (default: runs/<project file name>)")
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
        Project project = ProjectArgs.load(file);
        Path dir = out != null ? out : Path.of("runs", file.getFileName().toString().replaceFirst("\\.strata$", ""));
        if (engine != null) System.setProperty("strata.engine", engine.name());
        String refused = Devices.refusal(device);
        if (refused != null) {
            spec.commandLine().getErr().println("error: " + refused);
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
        List<TrainingEvents.Epoch> history = new ArrayList<>();
        session.addListener(new TrainingListener() {
            @Override
            public void onEpoch(TrainingEvents.Epoch e) {
                history.add(e);
            }
        });
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
        Files.createDirectories(dir);
        var model = new org.strata.engine.model.TrainedModel(project, session.backend(),
                session.dataset().classNames(), session.dataset().normalizer().shift(),
                session.dataset().normalizer().scale(), session.epochsDone());
        model.save(dir.resolve("model.zip"));
        var best = session.bestParameters();
        if (best.isPresent() && session.bestEpoch() != session.epochsDone()) {
            INDArray now = session.backend().parameters();
            session.backend().setParameters(best.get());
            model.save(dir.resolve("best-model.zip"));
            session.backend().setParameters(now);
        }
        writeMetrics(dir.resolve("metrics.csv"), history);
        writeReport(dir.resolve("report.json"), project, session, r, model.parameters());
        w.println(r.message());
        printEval(w, "train", r.train());
        printEval(w, "validation", r.validation());
        printEval(w, "test", r.test());
        w.println(String.format(Locale.ROOT, "%,.0f samples/s, %.1f s; wrote %s", r.samplesPerSecond(),
                r.wallSeconds(), dir.resolve("model.zip")));
        return 0;
    }

    private static void printEval(PrintWriter w, String name, Evaluation e) {
        if (e == null) return;
        w.println(String.format(Locale.ROOT, "%-10s loss %.4f  %s %.4f", name, e.loss(), e.metricName(), e.metric()));
    }

    private static void writeMetrics(Path file, List<TrainingEvents.Epoch> history) throws IOException {
        StringBuilder sb = new StringBuilder("epoch,train_loss,train_metric,val_loss,val_metric,learning_rate,seconds,"
                + "samples_per_second\n");
        for (TrainingEvents.Epoch e : history) {
            sb.append(String.format(Locale.ROOT, "%d,%.6f,%.6f,%s,%s,%.6g,%.3f,%.1f%n", e.epoch(), e.trainLoss(),
                    e.trainMetric(), num(e.validationLoss()), num(e.validationMetric()), e.learningRate(), e.seconds(),
                    e.samplesPerSecond()));
        }
        Files.writeString(file, sb.toString(), StandardCharsets.UTF_8);
    }

    private static String num(double d) {
        return Double.isNaN(d) ? "" : String.format(Locale.ROOT, "%.6f", d);
    }

    private static void writeReport(Path file, Project project, TrainingSession s, TrainingResult r,
                                    Map<String, INDArray> params) throws IOException {
        ObjectMapper m = new ObjectMapper();
        ObjectNode o = m.createObjectNode();
        o.put("project", project.name());
        o.put("state", r.state().name().toLowerCase(Locale.ROOT));
        o.put("message", r.message());
        o.put("epochs", r.epochs());
        o.put("bestEpoch", r.bestEpoch());
        o.put("metric", s.metricName());
        eval(o, "train", r.train());
        eval(o, "validation", r.validation());
        eval(o, "test", r.test());
        o.put("samplesPerSecond", r.samplesPerSecond());
        o.put("wallSeconds", r.wallSeconds());
        o.put("firstIterationSeconds", s.firstIterationSeconds());
        o.put("engine", s.engine());
        o.put("nativeBuild", org.strata.engine.runtime.NativeSetup.buildName());
        o.put("device", org.strata.engine.runtime.NativeSetup.activeDevice());
        o.put("threads", s.threads());
        long total = params.values().stream().mapToLong(INDArray::length).sum();
        if (total <= REPORT_WEIGHTS_UP_TO) {
            ObjectNode p = o.putObject("parameters");
            params.forEach((k, v) -> {
                var a = p.putArray(k);
                if (v.rank() == 2) {
                    for (int i = 0; i < v.rows(); i++) {
                        var row = a.addArray();
                        for (int c = 0; c < v.columns(); c++) row.add(v.getFloat(i, c));
                    }
                } else {
                    for (float f : v.dup('c').data().asFloat()) a.add(f);
                }
            });
        }
        Files.writeString(file, m.writerWithDefaultPrettyPrinter().writeValueAsString(o) + "\n",
                StandardCharsets.UTF_8);
    }

    private static void eval(ObjectNode o, String key, Evaluation e) {
        if (e == null) {
            o.putNull(key);
            return;
        }
        ObjectNode n = o.putObject(key);
        n.put("loss", e.loss());
        n.put("metric", e.metric());
        n.put("samples", e.samples());
    }
}
