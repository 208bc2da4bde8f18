package org.strata.engine.model;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;
import org.strata.engine.analysis.Analysis;
import org.strata.engine.analysis.GraphAnalyzer;
import org.strata.engine.data.InputFiles;
import org.strata.engine.data.text.TextEncoding;
import org.strata.engine.layers.Weight;
import org.strata.engine.project.Project;
import org.strata.engine.project.ProjectFile;
import org.strata.engine.project.ProjectFormatException;
import org.strata.engine.text.Message;

/**
 * A trained network as plain data, with what is needed to use it: the project it came from and its graph's analysis,
 * its weights under their export names, the optimizer's state, its class names and the input normalisation. No
 * engine: exports, proofs and the views read it as it is, and a network is built from it only to train or to run a
 * batch ({@code org.strata.engine.train.ModelNetwork}). Saved as a zip of Strata's own files (no library internals
 * but the optimizer's flat state): {@code model.json}, {@code project.strata}, {@code params.npz} (the same arrays as
 * the .npz export), {@code normalizer.npz}, {@code optimizer.npz} and, for a model of texts, {@code text.json} (its
 * tokenizer and vocabulary).
 *
 * @param project    the project (graph and settings) the network was built from
 * @param analysis   its graph's analysis, computed once for the model and passed along
 * @param weights    the trained weights by export name ({@code <nodeId>/<param>}), in the order the engine gave them
 * @param optimizer  the optimizer's state and the engine that wrote it
 * @param classNames class names, empty for regression
 * @param shift      input normalisation: x' = (x − shift)·scale
 * @param scale      see shift
 * @param epochs     epochs trained so far
 * @param text       for a model of texts, how a text becomes the token numbers it reads
 */
public record TrainedModel(Project project, Analysis analysis, Map<String, FloatArray> weights,
                           OptimizerState optimizer, List<String> classNames, float[] shift, float[] scale, int epochs,
                           Optional<TextEncoding> text) {
    /** Keeps the weights in their order, unmodifiable. */
    public TrainedModel {
        weights = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(weights));
        classNames = List.copyOf(classNames);
    }

    /** A model whose graph is analysed here (once). */
    public static TrainedModel of(Project project, Map<String, FloatArray> weights, OptimizerState optimizer,
                                  List<String> classNames, float[] shift, float[] scale, int epochs,
                                  Optional<TextEncoding> text) {
        return new TrainedModel(project, GraphAnalyzer.analyze(project.graph()), weights, optimizer, classNames,
                shift, scale, epochs, text);
    }

    /** The model file format this version writes and reads. */
    public static final int FORMAT_VERSION = 1;
    private static final ObjectMapper MAPPER = new ObjectMapper();

    /**
     * @return how this model reads data: its class names, its vocabulary for texts and its normalisation; load data
     * for it with {@link org.strata.engine.data.DatasetLoader#load(Project, org.strata.engine.data.ReadAs)}
     */
    public org.strata.engine.data.ReadAs readAs() {
        return new org.strata.engine.data.ReadAs(classNames, text,
                Optional.of(org.strata.engine.data.Normalizer.of(shift, scale)));
    }

    /** @return how many raw values one sample has (the Input's size) */
    public int features() {
        return shift.length;
    }

    /**
     * @param raw one row of input values per sample, in the Input's row-major, channels-last order
     * @return the rows normalised as in training, x' = (x − shift)·scale, as new arrays
     * @throws IllegalArgumentException for a row that is not {@link #features()} long
     */
    public float[][] normalise(float[][] raw) {
        float[][] out = new float[raw.length][];
        for (int i = 0; i < raw.length; i++) {
            if (raw[i].length != shift.length) {
                throw new IllegalArgumentException("sample " + i + " has " + raw[i].length + " values; the model "
                        + "reads " + shift.length);
            }
            out[i] = new float[shift.length];
            for (int j = 0; j < shift.length; j++) out[i][j] = (raw[i][j] - shift[j]) * scale[j];
        }
        return out;
    }

    /** @return [n, the Input's dims…]: the shape of a batch of {@code n} samples */
    public long[] batchShape(int n) {
        var input = project.graph().inputNodes().get(0);
        int[] dims = analysis.shapeOf(input.id()).orElseThrow().dims();
        long[] shape = new long[dims.length + 1];
        shape[0] = n;
        for (int i = 0; i < dims.length; i++) shape[i + 1] = dims[i];
        return shape;
    }

    /** Saves to {@code file} atomically (temp file, then rename). */
    public void save(Path file) throws IOException {
        Path target = file.toAbsolutePath();
        Files.createDirectories(target.getParent());
        Path dir = org.strata.engine.project.AtomicFiles.newFolder(target.getParent(), ".model");
        Path tmp = target.resolveSibling("." + target.getFileName() + ".tmp");
        try {
            NpzIO.write(dir.resolve("params.npz"), weights);
            Map<String, FloatArray> norm = new LinkedHashMap<>();
            norm.put("shift", FloatArray.vector(shift));
            norm.put("scale", FloatArray.vector(scale));
            NpzIO.write(dir.resolve("normalizer.npz"), norm);
            if (!optimizer.isEmpty()) NpzIO.write(dir.resolve("optimizer.npz"), Map.of("state", optimizer.state()));
            ObjectNode meta = MAPPER.createObjectNode();
            meta.put("formatVersion", FORMAT_VERSION);
            meta.put("engine", optimizer.engine());
            meta.put("epochs", epochs);
            // where the project was, so its data (relative to it) is found again: an export proves itself on it
            project.file().ifPresent(f -> meta.put("projectFile", f.toAbsolutePath().toString()));
            var names = meta.putArray("classNames");
            classNames.forEach(names::add);
            try (OutputStream out = Files.newOutputStream(tmp); ZipOutputStream zip = new ZipOutputStream(out)) {
                put(zip, "model.json", MAPPER.writerWithDefaultPrettyPrinter().writeValueAsBytes(meta));
                put(zip, "project.strata", ProjectFile.toJson(project).getBytes(StandardCharsets.UTF_8));
                for (String f : List.of("params.npz", "normalizer.npz", "optimizer.npz")) {
                    if (Files.exists(dir.resolve(f))) put(zip, f, Files.readAllBytes(dir.resolve(f)));
                }
                if (text.isPresent()) put(zip, "text.json", text.get().toJson());
            }
            Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(tmp);
            try (var s = Files.list(dir)) {
                for (Path p : s.toList()) Files.deleteIfExists(p);
            }
            Files.deleteIfExists(dir);
        }
    }

    /** The project's file when the model was saved, if its folder is still there. */
    private static java.util.Optional<Path> originalFile(String was) {
        try {
            Path p = Path.of(was).toAbsolutePath();
            return was.isEmpty() || p.getParent() == null || !Files.isDirectory(p.getParent())
                    ? java.util.Optional.empty() : java.util.Optional.of(p);
        } catch (java.nio.file.InvalidPathException e) {
            return java.util.Optional.empty();
        }
    }

    private static void put(ZipOutputStream zip, String name, byte[] bytes) throws IOException {
        zip.putNextEntry(new ZipEntry(name));
        zip.write(bytes);
        zip.closeEntry();
    }

    /**
     * Loads a model file: its project, weights (checked against what the project's network holds), optimizer state
     * and normalisation. No network is built here.
     *
     * @throws IOException naming the file and what is wrong with it
     */
    public static TrainedModel load(Path file) throws IOException {
        InputFiles.requireRegularFile(file, Message.plain(file + ": model file not found"));
        try (ZipFile zip = new ZipFile(file.toFile())) {
            JsonNode meta;
            try {
                meta = MAPPER.readTree(read(zip, file, "model.json", 1 << 20));
            } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
                throw new IOException(file + ": its model.json is not valid JSON"
                        + org.strata.engine.text.JsonWhere.of(e) + ": the file is damaged; train the model again");
            }
            int version = meta.path("formatVersion").asInt(0);
            if (version < 1 || version > FORMAT_VERSION) {
                throw new IOException(file + ": model format " + version + " is not one this Strata reads (1 to "
                        + FORMAT_VERSION + ")" + (version > FORMAT_VERSION ? ": update Strata" : ""));
            }
            Project project;
            try {
                project = ProjectFile.parse(new String(read(zip, file, "project.strata", 16 << 20),
                        StandardCharsets.UTF_8));
            } catch (ProjectFormatException e) {
                throw new IOException(file + " (its project.strata): " + e.getMessage(), e);
            }
            originalFile(meta.path("projectFile").asText("")).ifPresent(project::setFile);
            Analysis a = GraphAnalyzer.analyze(project.graph());
            if (!a.isValid()) throw new IOException(file + ": its graph is invalid: " + a.errors().get(0));
            checkSize(zip, file, a);
            long features = a.shapeOf(project.graph().inputNodes().get(0).id()).orElseThrow().size();
            // Each array may take what the network needs of it, with room for headers: never more.
            long bytes = 4 * a.totalParams() + (64L << 10) + 512L * a.order().size();
            Map<String, FloatArray> params = npz(zip, file, "params.npz", bytes, a.totalParams());
            if (params == null) throw new IOException(file + ": has no params.npz");
            Optional<String> misfit = misfit(a, params);
            if (misfit.isPresent()) throw new IOException(file + ": " + misfit.get());
            // Optimizer state only means something to the engine that wrote it: kept with its name.
            String engine = meta.path("engine").asText();
            OptimizerState optimizer = OptimizerState.none(engine);
            if (!engine.isEmpty()) {
                // at most a few slots (Adam: two) of the flat parameters, each array padded to 16 floats
                long arrays = a.weights().values().stream().mapToLong(List::size).sum();
                long slots = 4 * (a.totalParams() + 16 * arrays) + 64;
                Map<String, FloatArray> state = npz(zip, file, "optimizer.npz", 4 * slots + (64L << 10), slots);
                if (state != null && state.get("state") != null) {
                    optimizer = new OptimizerState(engine, state.get("state"));
                }
            }
            Map<String, FloatArray> found = npz(zip, file, "normalizer.npz", 8 * features + (64L << 10),
                    2 * features);
            Map<String, FloatArray> norm = found == null ? Map.of() : found;
            float[] shift = norm.containsKey("shift") ? norm.get("shift").values() : new float[(int) features];
            float[] scale = norm.containsKey("scale") ? norm.get("scale").values() : ones((int) features);
            List<String> names = new ArrayList<>();
            meta.path("classNames").forEach(n -> names.add(n.asText()));
            Optional<TextEncoding> text = Optional.empty();
            if (zip.getEntry("text.json") != null) {
                try {
                    text = Optional.of(TextEncoding.fromJson(read(zip, file, "text.json", 256L << 20)));
                } catch (IOException e) {
                    throw new IOException(file + " (its text.json): " + e.getMessage(), e);
                }
            }
            return new TrainedModel(project, a, params, optimizer, List.copyOf(names), shift, scale,
                    meta.path("epochs").asInt(), text);
        } catch (java.util.zip.ZipException e) {
            throw new IOException(file + ": not a Strata model file (not a zip): " + e.getMessage(), e);
        }
    }

    /**
     * @return why {@code weights} do not fit the network {@code a} describes (an array it needs missing, or of
     *     another shape than its layer declares), or empty when they fit
     */
    public static Optional<String> misfit(Analysis a, Map<String, FloatArray> weights) {
        for (String id : a.order()) {
            for (Weight w : a.weightsOf(id)) {
                String name = id + "/" + w.name();
                FloatArray given = weights.get(name);
                if (given == null) return Optional.of("the model file has no parameter " + name);
                if (!java.util.Arrays.equals(given.shape(), w.shape())) {
                    return Optional.of(name + " has shape " + java.util.Arrays.toString(given.shape())
                            + " in the model file but the network needs " + java.util.Arrays.toString(w.shape()));
                }
            }
        }
        return Optional.empty();
    }

    /**
     * Refuses a network that its own file cannot hold the weights of (an edited project.strata declaring a layer of
     * 200,000 × 200,000), before anything is read for it. Whether this machine can build the network is checked
     * where it is built ({@code ModelNetwork}): building allocates native memory, where a failure crashes the process.
     */
    private static void checkSize(ZipFile zip, Path file, Analysis a) throws IOException {
        ZipEntry params = zip.getEntry("params.npz");
        // deflate shrinks data at most about 1,032 times: fewer bytes than that cannot hold the weights
        if (params != null && params.getSize() >= 0 && params.getSize() < 4 * a.totalParams() / 1032) {
            throw new IOException(file + ": its network declares " + String.format(java.util.Locale.ROOT, "%,d",
                    a.totalParams()) + " weights but its params.npz holds only " + params.getSize() + " bytes: the "
                    + "file is damaged or was edited; use the model.zip train wrote, or train again");
        }
    }

    /** @return an entry's bytes, read up to {@code limit}: a larger one is refused, not loaded */
    private static byte[] read(ZipFile zip, Path file, String name, long limit) throws IOException {
        ZipEntry e = zip.getEntry(name);
        if (e == null) throw new IOException(file + ": not a Strata model file (no " + name + " inside)");
        try (InputStream in = new BoundedInput(zip.getInputStream(e), limit, file + " (its " + name + ")")) {
            return in.readAllBytes();
        }
    }

    /** @return the arrays of an .npz entry read straight from the zip, at most {@code limit} bytes; null if absent */
    private static Map<String, FloatArray> npz(ZipFile zip, Path file, String name, long limit, long values)
            throws IOException {
        ZipEntry e = zip.getEntry(name);
        if (e == null) return null;
        String what = file + " (its " + name + ")";
        try (InputStream in = new BoundedInput(zip.getInputStream(e), limit, what)) {
            return NpzIO.read(in, what, values);
        }
    }

    private static float[] ones(int n) {
        float[] f = new float[n];
        java.util.Arrays.fill(f, 1f);
        return f;
    }
}
