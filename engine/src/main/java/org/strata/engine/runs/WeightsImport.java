package org.strata.engine.runs;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.strata.engine.analysis.Analysis;
import org.strata.engine.analysis.GraphAnalyzer;
import org.strata.engine.backend.NetworkBackend;
import org.strata.engine.data.Dataset;
import org.strata.engine.data.DatasetLoader;
import org.strata.engine.data.ReadAs;
import org.strata.engine.data.text.TextEncoding;
import org.strata.engine.data.Split;
import org.strata.engine.model.FloatArray;
import org.strata.engine.model.NpzIO;
import org.strata.engine.model.TrainedModel;
import org.strata.engine.project.Project;
import org.strata.engine.text.Message;
import org.strata.engine.train.Backends;
import org.strata.engine.train.Evaluation;
import org.strata.engine.train.ModelArrays;
import org.strata.engine.train.TrainingException;
import org.strata.engine.train.TrainedModels;
import org.strata.engine.train.TrainingSession;

/**
 * Brings weights trained elsewhere (a PyTorch export's {@code train.py}, on one machine or a cluster) back as a run
 * of their project: the {@code .npz} in Strata's layout is loaded into the project's network, evaluated by Strata on
 * the project's data, and, where {@code metrics.json} lies beside it, Strata's figures are checked against the ones
 * PyTorch reported: the same weights on the same samples must give the same loss and metric, to
 * {@link #TOLERANCE}. The run keeps PyTorch's curves, so the Runs, Layers and Try it views work on it as on any run.
 */
public final class WeightsImport {
    /** The largest difference allowed between Strata's and PyTorch's loss or metric on a split. */
    public static final double TOLERANCE = 1e-4;

    private WeightsImport() {
    }

    /**
     * What an import kept.
     *
     * @param run       the run as kept in the project's runs folder
     * @param folder    its folder
     * @param check  how Strata's evaluation compares with PyTorch's (or that there was nothing to compare with)
     */
    public record Imported(RunRecord run, Path folder, RunProofs.Entry check) {
    }

    /**
     * Imports {@code weights} as a new run of {@code project} (which must have been saved: its runs folder is
     * beside it).
     *
     * @throws IOException with a message that names the file and what is wrong ({@link ImportException} carries
     *                     it with a code for the window's language); nothing is kept then
     */
    public static Imported run(Path weights, Project project) throws IOException {
        Path file = project.file().orElseThrow(() -> new IllegalArgumentException("the project has no file"));
        return run(weights, project, new RunStore(RunStore.folderFor(file)));
    }

    /**
     * As {@link #run(Path, Project)}, the run kept in {@code store} (the window keeps a bundled sample's runs in a
     * temporary folder); the project's file still locates its data.
     */
    public static Imported run(Path weights, Project project, RunStore store) throws IOException {
        Path file = project.file().orElseThrow(() -> new IllegalArgumentException("the project has no file"));
        try {
            org.strata.engine.data.InputFiles.requireRegularFile(weights, Message.of("import.notFound", weights
                    + ": no such file: choose the weights.npz that train.py wrote", weights.toString()));
        } catch (org.strata.engine.data.DatasetException e) {
            throw new ImportException(e.text());
        }
        // checked first: a metrics.json that cannot be used is refused before any work, never taken as absent
        JsonNode metrics = PyTorchMetrics.read(weights.resolveSibling("metrics.json"));
        Map<String, FloatArray> arrays;
        try {
            arrays = NpzIO.read(weights);
        } catch (IOException e) {
            throw new ImportException(Message.of("import.notWeights", weights + " is not a NumPy .npz of weights: "
                    + e.getMessage(), weights.toString(), e.getMessage()));
        }
        // the classes the weights were trained with (train.py writes them) and, for texts, the export's vocabulary:
        // today's data is read as the weights know it, not numbered afresh from today's file
        List<String> classes = classes(metrics);
        Optional<TextEncoding> text = vocabulary(weights.resolveSibling("vocabulary.json"));
        Dataset data = classes.isEmpty() && text.isEmpty() ? DatasetLoader.load(project)
                : DatasetLoader.load(project, new ReadAs(classes, text, Optional.empty()));
        Analysis a = GraphAnalyzer.analyze(project.graph());
        if (!a.isValid()) throw new IOException(file + ": its graph is invalid: " + a.errors().get(0));
        try { // before the network is built in native memory, where running out crashes the process
            org.strata.engine.train.NetworkMemory.checkBuild(file.getFileName().toString(), project.graph(), a,
                    project.training());
        } catch (org.strata.engine.train.TrainingException e) {
            throw new ImportException(e.text());
        }
        NetworkBackend net = Backends.compile(project.graph(), a, project.training());
        try {
            net.importParameters(ModelArrays.nd4j(arrays));
        } catch (IllegalArgumentException e) {
            throw new ImportException(Message.of("import.mismatch", weights + " does not fit " + project.name()
                    + ": " + e.getMessage().replace("the model file", "it") + ": import weights trained from this "
                    + "project's export", weights.toString(), e.getMessage()));
        }
        checkNormalisation(weights, arrays, project, data);
        TrainingSession session;
        try {
            session = TrainingSession.continueFrom(project, data, net);
        } catch (TrainingException e) {
            throw new IOException(e.getMessage(), e);
        }
        Evaluation train = session.evaluate(data.train(), 0);
        Evaluation validation = evaluate(session, data.validation());
        Evaluation test = evaluate(session, data.test());
        Map<String, double[]> ours = new LinkedHashMap<>();
        ours.put("train", figures(train));
        ours.put("validation", nullable(validation));
        ours.put("test", nullable(test));
        RunProofs.Entry check = agreement(weights, metrics, ours, train.metricName());

        ZonedDateTime now = ZonedDateTime.now();
        int epochs = metrics == null ? 0 : metrics.path("epochs").asInt(0);
        TrainedModel model = TrainedModels.of(project, a, net, data.classNames(), data.normalizer().shift(),
                data.normalizer().scale(), epochs, data.text());
        // PyTorch's own figures kept with the run, copied under their name into a folder of this import's own (a
        // shared temporary folder would let two imports at once take each other's file)
        Path scratch = Files.createTempDirectory("strata-import");
        RunRecord record;
        Path dir = null;
        try {
            List<Path> extra = new ArrayList<>();
            if (metrics != null) {
                extra.add(Files.copy(weights.resolveSibling("metrics.json"), scratch.resolve("pytorch-metrics.json")));
            }
            String id = store.newId(now);
            dir = store.folder().resolve(id);
            record = record(id, now, project, data, metrics, train, validation, test, check.line(), model);
            RunStore.write(dir, record, model, metricsCsv(metrics), extra);
        } catch (IOException | RuntimeException e) {
            if (dir != null) RunStore.release(dir); // the folder newId reserved
            throw e;
        } finally {
            RunStore.deleteTree(scratch);
        }
        RunProofs.add(dir, check);
        return new Imported(record, dir, check);
    }

    /** @return the class names metrics.json lists, in the order of the weights' outputs; empty when it lists none */
    private static List<String> classes(JsonNode metrics) {
        List<String> names = new ArrayList<>();
        if (metrics != null && metrics.path("classes").isArray()) {
            for (JsonNode n : metrics.path("classes")) names.add(n.asText());
        }
        return names;
    }

    /** @return the tokens a PyTorch export numbered its texts with (its vocabulary.json), if it lies beside them */
    private static Optional<TextEncoding> vocabulary(Path file) throws IOException {
        if (!Files.isRegularFile(file)) return Optional.empty();
        String why;
        try {
            // as large as a model's own text.json may be, never more
            if (Files.size(file) > 256L << 20) throw new IOException("it is larger than a vocabulary can be");
            return Optional.of(TextEncoding.fromJson(Files.readAllBytes(file)));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            // the parser's own words name its internals
            why = e.getLocation() == null ? "not JSON" : "not JSON, line " + e.getLocation().getLineNr();
        } catch (IOException e) {
            why = e.getMessage();
        }
        throw new ImportException(Message.of("import.vocabulary", file + " cannot be read (" + why + "): copy it "
                + "again from the export, or delete it to number the texts afresh", file.toString(), why));
    }

    private static Evaluation evaluate(TrainingSession s, Split split) {
        return split.size() > 0 ? s.evaluate(split, 0) : null;
    }

    /** The weights must have been trained on inputs normalised as the project's data is now. */
    private static void checkNormalisation(Path weights, Map<String, FloatArray> arrays, Project project, Dataset data)
            throws ImportException {
        String input = project.graph().inputNodes().get(0).id();
        FloatArray shift = arrays.get(input + "/shift");
        FloatArray scale = arrays.get(input + "/scale");
        if (shift == null || scale == null) return; // weights from elsewhere: the project's normalisation is theirs
        float[] s = data.normalizer().shift();
        float[] k = data.normalizer().scale();
        boolean same = shift.size() == s.length && scale.size() == k.length;
        for (int i = 0; same && i < s.length; i++) {
            same = close(shift.values()[i], s[i]) && close(scale.values()[i], k[i]);
        }
        if (!same) {
            throw new ImportException(Message.of("import.normalisation", weights + " was trained on data normalised "
                    + "differently from " + project.name() + "'s data now (its " + input + "/shift and /scale differ): "
                    + "the data or its settings changed since the export; export the project again and train that",
                    weights.toString(), project.name()));
        }
    }

    private static boolean close(float a, float b) {
        return Math.abs(a - b) <= 1e-5 * Math.max(1, Math.max(Math.abs(a), Math.abs(b)));
    }

    /** Strata's figures against PyTorch's on every split both evaluated; a difference is an error. */
    private static RunProofs.Entry agreement(Path weights, JsonNode metrics, Map<String, double[]> ours,
                                             String metricName) throws ImportException {
        String file = weights.toAbsolutePath().toString();
        if (metrics == null) return new RunProofs.Entry("import", "PyTorch", 0, 0, 0, "", true, file);
        String tool = ("PyTorch " + metrics.path("torch").asText("")).trim();
        double worst = 0;
        int splits = 0;
        for (String split : List.of("train", "validation", "test")) {
            JsonNode theirs = metrics.path(split);
            double[] mine = ours.get(split);
            if (!theirs.isObject() || mine == null) continue;
            double loss = theirs.path("loss").asDouble(Double.NaN);
            double metric = theirs.path("metric").asDouble(Double.NaN);
            double d = Math.max(Math.abs(loss - mine[0]), Math.abs(metric - mine[1]));
            if (!(d <= TOLERANCE)) {
                throw new ImportException(Message.of("import.disagrees", String.format(Locale.ROOT, "Strata's "
                        + "evaluation of %s differs from PyTorch's on the %s split: loss %.6f against %.6f, %s %.6f "
                        + "against %.6f: the weights do not mean in Strata what they meant in PyTorch (a changed "
                        + "model.py or data?)", weights, split, mine[0], loss, metricName, mine[1], metric),
                        weights.toString(), split, String.format(Locale.ROOT, "%.6f", mine[0]),
                        String.format(Locale.ROOT, "%.6f", loss)));
            }
            worst = Math.max(worst, d);
            splits++;
        }
        return new RunProofs.Entry("import", tool, splits, splits, worst, "", true, file);
    }

    private static double[] figures(Evaluation e) {
        return new double[]{e.loss(), e.metric()};
    }

    private static double[] nullable(Evaluation e) {
        return e == null ? null : figures(e);
    }

    private static RunRecord record(String id, ZonedDateTime now, Project project, Dataset data, JsonNode metrics,
                                    Evaluation train, Evaluation validation, Evaluation test, String agreement,
                                    TrainedModel model) {
        List<double[]> loss = new ArrayList<>();
        List<double[]> val = new ArrayList<>();
        List<double[]> metric = new ArrayList<>();
        int batch = project.training().getInt("batchSize");
        long batches = Math.max(1, (data.train().size() + batch - 1) / batch);
        double seconds = 0;
        long samples = 0;
        JsonNode last = null;
        if (metrics != null) {
            for (JsonNode e : metrics.path("history")) {
                int epoch = e.path("epoch").asInt();
                loss.add(new double[]{epoch * batches, e.path("trainLoss").asDouble()});
                if (e.hasNonNull("validationLoss")) {
                    val.add(new double[]{epoch * batches, e.path("validationLoss").asDouble()});
                }
                metric.add(new double[]{epoch, e.path("trainMetric").asDouble(Double.NaN),
                        e.hasNonNull("validationMetric") ? e.path("validationMetric").asDouble() : Double.NaN});
                samples += e.path("samples").asLong();
                last = e;
            }
            seconds = metrics.path("seconds").asDouble();
        }
        Map<String, String> settings = new LinkedHashMap<>();
        project.training().applicable().forEach((k, v) -> settings.put(k, String.valueOf(v)));
        String where = metrics == null ? "elsewhere" : where(metrics);
        Evaluation heldOut = test != null ? test : validation;
        RunOutcome outcome = new RunOutcome(project.name(), "Imported: " + agreement, metrics == null ? 0 : metrics.path("bestEpoch").asInt(0), out(train),
                out(validation), out(test), seconds > 0 ? samples / seconds : 0, 0, where, "", 0,
                RunOutcome.small(model));
        return new RunRecord(id, now.toString(), seconds, "PyTorch" + (metrics == null ? ""
                : " " + metrics.path("torch").asText("")), "FINISHED", model.epochs(), train.metricName(),
                last == null ? train.loss() : last.path("trainLoss").asDouble(),
                validation == null ? Double.NaN : validation.loss(), validation == null ? Double.NaN
                : validation.metric(), heldOut == null ? Double.NaN : heldOut.metric(), settings,
                loss.toArray(double[][]::new), val.toArray(double[][]::new), metric.toArray(double[][]::new), "",
                outcome);
    }

    /** "on 2 processes (Gloo, CPU)", "on NVIDIA H200" */
    private static String where(JsonNode metrics) {
        int processes = metrics.path("processes").asInt(1);
        String device = metrics.path("device").asText("CPU");
        return processes > 1 ? "on " + processes + " processes (" + metrics.path("backend").asText("") + ", "
                + device + ")" : "on " + device;
    }

    private static RunOutcome.Figures out(Evaluation e) {
        return e == null ? null : new RunOutcome.Figures(e.loss(), e.metric(), e.samples());
    }

    /** metrics.csv as a run trained in Strata keeps it, from PyTorch's history. */
    private static String metricsCsv(JsonNode metrics) {
        StringBuilder sb = new StringBuilder("epoch,train_loss,train_metric,val_loss,val_metric,learning_rate,seconds,"
                + "samples_per_second\n");
        if (metrics == null) return sb.toString();
        for (JsonNode e : metrics.path("history")) {
            double s = e.path("seconds").asDouble();
            sb.append(String.format(Locale.ROOT, "%d,%.6f,%.6f,%s,%s,%.6g,%.3f,%.1f%n", e.path("epoch").asInt(),
                    e.path("trainLoss").asDouble(), e.path("trainMetric").asDouble(Double.NaN),
                    e.hasNonNull("validationLoss") ? String.format(Locale.ROOT, "%.6f", e.path("validationLoss")
                            .asDouble()) : "", e.hasNonNull("validationMetric") ? String.format(Locale.ROOT, "%.6f",
                            e.path("validationMetric").asDouble()) : "", e.path("learningRate").asDouble(), s,
                    s > 0 ? e.path("samples").asDouble() / s : 0));
        }
        return sb.toString();
    }
}
