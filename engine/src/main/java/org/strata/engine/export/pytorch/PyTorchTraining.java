package org.strata.engine.export.pytorch;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import org.strata.engine.data.Dataset;
import org.strata.engine.data.Split;
import org.strata.engine.export.escape.PythonText;
import org.strata.engine.export.escape.ShellText;
import org.strata.engine.graph.Node;
import org.strata.engine.layers.LossFn;
import org.strata.engine.model.FloatArray;
import org.strata.engine.model.LongArray;
import org.strata.engine.model.NpyArray;
import org.strata.engine.model.NpzIO;
import org.strata.engine.model.TrainedModel;
import org.strata.engine.params.Params;
import org.strata.engine.project.AtomicFiles;
import org.strata.engine.project.DatasetKind;
import org.strata.engine.project.DatasetSpec;
import org.strata.engine.project.Project;

/**
 * The training half of a PyTorch export: {@code data.py} (the project's data read as Strata reads it, with the same
 * normalisation and splits), {@code train.py} (the project's training settings, on one process or many with
 * {@code torchrun}), {@code splits.npz} (which samples each split takes) and, for generated points and image
 * folders, {@code samples.npz} (the samples as Strata made them, so PyTorch sees the same pixels and points).
 */
final class PyTorchTraining {
    private PyTorchTraining() {
    }

    /** Writes the files into {@code dir}, for the data {@code data} the model's project reads. */
    static void write(TrainedModel model, Dataset data, Path dir, String version) throws IOException {
        Project project = model.project();
        DatasetSpec spec = project.dataset().orElseThrow();
        Params d = spec.params();
        Node input = project.graph().inputNodes().get(0);
        int[] dims = model.analysis().shapeOf(input.id()).orElseThrow().dims();
        Map<String, String> v = new LinkedHashMap<>();
        // project text enters the files only escaped: in a docstring, in a string literal, or as a shell word
        v.put("PROJECT", PythonText.docstring(project.name()));
        v.put("VERSION", PythonText.docstring(version));
        v.put("PROJECT_FILE", PythonText.docstring(ShellText.word(project.file()
                .map(f -> f.getFileName().toString()).orElse("PROJECT.strata"))));
        v.put("KIND", py(spec.kind().key()));
        v.put("INPUT", py(input.id()));
        v.put("SPLIT_SEED", Integer.toString(d.getInt("seed")));
        v.put("SHAPE", java.util.Arrays.toString(dims));
        v.put("SHAPE_TUPLE", "(" + java.util.Arrays.stream(dims).mapToObj(Integer::toString)
                .collect(Collectors.joining(", ")) + (dims.length == 1 ? ",)" : ")"));
        v.put("PROJECT_FOLDER", py(project.file().map(f -> f.toAbsolutePath().getParent().toString()).orElse(".")));
        v.put("FILES", files(spec));
        v.put("LABEL_COLUMN", spec.kind() == DatasetKind.CSV ? py(d.getString("labelColumn")) : "None");
        v.put("ENCODING", py(pythonCodec(spec.kind() == DatasetKind.CSV ? d.getString("encoding") : "UTF-8")));
        v.put("CLASSES", "[" + data.classNames().stream().map(PyTorchTraining::py).collect(Collectors.joining(", "))
                + "]");
        String mode = targetMode(model, data);
        v.put("TARGETS", PythonText.docstring(switch (mode) {
            case "classes" -> "class indices (int64) of " + String.join(", ", data.classNames());
            case "binary" -> "class indices (int64): 0 for " + data.classNames().get(0) + ", 1 for "
                    + data.classNames().get(1);
            case "tokens" -> "the class (token) index at every position (int64, -100 where a position has none), "
                    + "of the " + data.classNames().size() + " tokens in vocabulary.json";
            default -> "the values to predict (float32, one row per sample)";
        }));
        Params t = project.training();
        v.put("OPTIMIZER", py(t.getString("optimizer")));
        v.put("LEARNING_RATE", num(t.getDouble("learningRate")));
        v.put("MOMENTUM", num(t.getDouble("momentum")));
        v.put("SCHEDULE", py(t.getString("schedule")));
        v.put("DECAY_RATE", num(t.getDouble("decayRate")));
        v.put("DECAY_EVERY", Integer.toString(t.getInt("decayEvery")));
        v.put("BATCH_SIZE", Integer.toString(t.getInt("batchSize")));
        v.put("EPOCHS", Integer.toString(t.getInt("epochs")));
        v.put("WEIGHT_DECAY", num(t.getDouble("weightDecay")));
        v.put("EARLY_STOPPING", t.getBool("earlyStopping") ? "True" : "False");
        v.put("PATIENCE", Integer.toString(t.getInt("patience")));
        v.put("SEED", Integer.toString(t.getInt("seed")));
        Node output = project.graph().outputNodes().get(0);
        v.put("LOSS", py(LossFn.of(output.params()).name().toLowerCase(Locale.ROOT)));
        v.put("TARGET_MODE", py(mode));
        v.put("METRIC", py(output.params().getString("metric")));
        AtomicFiles.write(dir.resolve("data.py"), fill("data.py.template", v));
        AtomicFiles.write(dir.resolve("train.py"), fill("train.py.template", v));
        if (data.labelSteps() > 0) {
            writeWindows(data, dir.resolve("samples.npz"), dir.resolve("splits.npz"));
        } else {
            writeSplits(spec.kind(), data, dir.resolve("splits.npz"));
        }
        if (spec.kind() == DatasetKind.GENERATED || spec.kind() == DatasetKind.IMAGE_FOLDER
                || spec.kind() == DatasetKind.TEXT || spec.kind() == DatasetKind.SEQUENCE_TASK
                || spec.kind() == DatasetKind.SEQUENCE) { // a corpus's windows are written above
            writeSamples(data, dir.resolve("samples.npz"));
        }
        // the tokens behind a text model's numbers, to read a new text as Strata did
        if (data.text().isPresent()) AtomicFiles.write(dir.resolve("vocabulary.json"), data.text().get().toJson());
    }

    /**
     * @return Python's name for a dataset's encoding, so data.py reads the CSV as strictly as Strata did (a UTF-8
     * byte order mark skipped, as Strata skips it)
     */
    static String pythonCodec(String encoding) {
        return switch (encoding) {
            case "GBK" -> "gbk";
            case "GB18030" -> "gb18030";
            case "ISO-8859-1" -> "latin-1";
            default -> "utf-8-sig";
        };
    }

    /**
     * "classes" (one output per class), "binary" (one sigmoid for two classes), "tokens" (a class at every position)
     * or "values" (regression).
     */
    static String targetMode(TrainedModel model, Dataset data) {
        if (!data.isClassification()) return "values";
        if (data.labelSteps() > 0) return "tokens";
        Node output = model.project().graph().outputNodes().get(0);
        long width = model.analysis().shapeOf(output.id()).orElseThrow().size();
        return width == 1 && data.classNames().size() == 2 ? "binary" : "classes";
    }

    private static String files(DatasetSpec spec) {
        List<String> keys = switch (spec.kind()) {
            case MNIST_IDX -> List.of("trainImages", "trainLabels", "testImages", "testLabels");
            case CSV -> List.of("path");
            default -> List.of();
        };
        List<String> entries = new ArrayList<>();
        for (String k : keys) entries.add(py(k) + ": " + py(spec.params().getString(k)));
        return "{" + String.join(", ", entries) + "}";
    }

    /** Each split's samples, as indices into the file(s) it is drawn from (MNIST's test split: the test files). */
    private static void writeSplits(DatasetKind kind, Dataset data, Path file) throws IOException {
        Map<String, NpyArray> arrays = new LinkedHashMap<>();
        arrays.put("train", indices(data.train()));
        arrays.put("validation", indices(data.validation()));
        arrays.put("test", indices(data.test()));
        NpzIO.write(file, arrays);
    }

    private static LongArray indices(Split s) {
        long[] idx = new long[s.size()];
        for (int i = 0; i < idx.length; i++) idx[i] = s.sourceIndex(i);
        return LongArray.vector(idx); // an empty split: (0,)
    }

    /** Every sample of a one-source dataset, in the source's order, as the source holds it (not normalised). */
    private static void writeSamples(Dataset data, Path file) throws IOException {
        int n = data.train().size() + data.validation().size() + data.test().size();
        int f = data.train().featureSize();
        float[][] x = new float[n][f];
        long[] labels = new long[n];
        float[][] targets = new float[n][];
        for (Split s : List.of(data.train(), data.validation(), data.test())) {
            for (int i = 0; i < s.size(); i++) {
                int at = s.sourceIndex(i);
                s.rawFeatures(i, x[at], 0);
                if (data.isClassification()) {
                    labels[at] = s.label(i);
                } else {
                    targets[at] = s.target(i);
                }
            }
        }
        Map<String, NpyArray> arrays = new LinkedHashMap<>();
        arrays.put("x", matrix(x, f));
        arrays.put("y", data.isClassification() ? LongArray.vector(labels) : matrix(targets, targets.length == 0
                ? 0 : targets[0].length));
        NpzIO.write(file, arrays);
    }

    /**
     * A corpus's windows: each block of the text is its own source, so the samples are written split after split
     * ({@code x} the tokens read, {@code y} the next token at every position, -100 where none, as PyTorch's
     * cross-entropy ignores) and the splits are ranges of them.
     */
    private static void writeWindows(Dataset data, Path samples, Path splits) throws IOException {
        List<Split> parts = List.of(data.train(), data.validation(), data.test());
        int n = parts.stream().mapToInt(Split::size).sum();
        int f = data.train().featureSize();
        int steps = data.labelSteps();
        float[][] x = new float[n][f];
        long[] y = new long[n * steps];
        int[] ids = new int[steps];
        Map<String, NpyArray> ranges = new LinkedHashMap<>();
        int at = 0;
        for (int p = 0; p < parts.size(); p++) {
            Split s = parts.get(p);
            long[] range = new long[s.size()];
            for (int i = 0; i < s.size(); i++, at++) {
                range[i] = at;
                s.rawFeatures(i, x[at], 0);
                s.labels(i, ids, 0);
                for (int t = 0; t < steps; t++) y[at * steps + t] = ids[t] < 0 ? -100 : ids[t];
            }
            ranges.put(List.of("train", "validation", "test").get(p), LongArray.vector(range));
        }
        Map<String, NpyArray> arrays = new LinkedHashMap<>();
        arrays.put("x", matrix(x, f));
        arrays.put("y", new LongArray(new long[]{n, steps}, y));
        NpzIO.write(samples, arrays);
        NpzIO.write(splits, ranges);
    }

    /** @return {@code rows} of {@code width} values each as one [rows, width] array */
    private static FloatArray matrix(float[][] rows, int width) {
        float[] flat = new float[rows.length * width];
        for (int i = 0; i < rows.length; i++) System.arraycopy(rows[i], 0, flat, i * width, width);
        return new FloatArray(new long[]{rows.length, width}, flat);
    }

    /** @return the template {@code template} (a resource beside this class) with each {{NAME}} replaced */
    static byte[] fill(String template, Map<String, String> values) throws IOException {
        String text;
        try (InputStream in = PyTorchTraining.class.getResourceAsStream(template)) {
            if (in == null) throw new IOException("missing resource " + template);
            text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("\\{\\{([A-Z_]+)}}").matcher(text);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String value = values.get(m.group(1));
            if (value == null) throw new IllegalStateException(template + ": no value for " + m.group(1));
            m.appendReplacement(out, java.util.regex.Matcher.quoteReplacement(value));
        }
        text = m.appendTail(out).toString();
        return text.getBytes(StandardCharsets.UTF_8);
    }

    /** A Python string literal of any text: see {@link PythonText#literal}. */
    static String py(String s) {
        return PythonText.literal(s);
    }

    private static String num(double d) {
        return Double.toString(d);
    }
}
