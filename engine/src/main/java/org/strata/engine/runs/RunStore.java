package org.strata.engine.runs;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.strata.engine.model.TrainedModel;

/**
 * A project's runs folder: {@code <project>.runs/} next to {@code <project>.strata}, one sub-folder per run with
 * {@code run.json} (a {@link RunRecord}), {@code metrics.csv} (one row per epoch) and {@code model.zip} (its
 * {@link TrainedModel}); the window and the command line keep their runs alike (see {@link RunRecorder}). Files are
 * written to a temporary name and renamed, and {@code run.json} last, so a crash never leaves half a run; a run
 * folder whose {@code run.json} cannot be read is skipped and reported, never fatal.
 */
public final class RunStore {
    /**
     * The version of {@code run.json} this Strata writes; it reads every version up to it. Format 2 added the run's
     * outcome ({@link RunOutcome}) and {@code metrics.csv}.
     */
    public static final int FORMAT_VERSION = 2;
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final DateTimeFormatter ID = DateTimeFormatter.ofPattern("'run-'yyyyMMdd-HHmmss");
    private final Path folder;
    private final List<String> problems = new ArrayList<>();

    public RunStore(Path folder) {
        this.folder = folder;
    }

    /** @return the runs folder of a project file: {@code mnist.strata} → {@code mnist.runs} beside it */
    public static Path folderFor(Path projectFile) {
        String name = projectFile.getFileName().toString();
        String base = name.endsWith(".strata") ? name.substring(0, name.length() - ".strata".length()) : name;
        return projectFile.toAbsolutePath().resolveSibling(base + ".runs");
    }

    public Path folder() {
        return folder;
    }

    /**
     * Reserves a new run id for a run started at {@code start}: its folder is made here at once, atomically, so that
     * two runs started in the same second (two terminals, the window and a terminal) never share an id, a folder or
     * a checkpoint: the second gets {@code -2}, the next {@code -3}. {@link #release} gives back one not kept.
     *
     * @return the id, whose (empty) folder now exists in {@link #folder()}
     */
    public String newId(ZonedDateTime start) throws IOException {
        Files.createDirectories(folder);
        String id = ID.format(start);
        for (int i = 1; ; i++) {
            String candidate = i == 1 ? id : id + "-" + i;
            // a checkpoint's folder left beside a killed run still holds that id
            if (Files.exists(Checkpoint.folderFor(folder.resolve(candidate)))) continue;
            try {
                Files.createDirectory(folder.resolve(candidate));
                return candidate;
            } catch (java.nio.file.FileAlreadyExistsException e) {
                // taken, by an earlier run or one started at the same instant: the next suffix
            }
        }
    }

    /**
     * Gives back a run folder reserved by {@link #newId} when no run was kept in it: removed if it holds nothing (or
     * only Strata's marker); a folder holding anything else is left as it is.
     */
    public static void release(Path dir) {
        try {
            Files.deleteIfExists(dir.resolve(RunFolder.MARKER));
            Files.deleteIfExists(dir);
        } catch (IOException e) {
            // not empty, or gone already: nothing of the user's is touched
        }
    }

    /** @return the readable runs, oldest first; see {@link #problems()} for the ones skipped */
    public List<RunRecord> list() {
        problems.clear();
        List<RunRecord> out = new ArrayList<>();
        if (!Files.isDirectory(folder)) return out;
        try (Stream<Path> dirs = Files.list(folder)) {
            // hidden folders are runs being written (or left by a killed write): not runs
            for (Path d : dirs.filter(Files::isDirectory).filter(d -> !d.getFileName().toString().startsWith("."))
                    .sorted(Comparator.comparing(Path::toString)).toList()) {
                Path json = d.resolve("run.json");
                if (!Files.isRegularFile(json)) continue;
                try {
                    out.add(read(json));
                } catch (IOException | RuntimeException e) {
                    problems.add(json + ": " + e.getMessage());
                }
            }
        } catch (IOException e) {
            problems.add(folder + ": " + e.getMessage());
        }
        return out;
    }

    /** @return why run folders were skipped by the last {@link #list()} */
    public List<String> problems() {
        return List.copyOf(problems);
    }

    /** Keeps a run in its folder here (see {@link #write}). */
    public void save(RunRecord run, TrainedModel model, String metricsCsv) throws IOException {
        write(folder.resolve(run.id()), run, model, metricsCsv, List.of());
    }

    /**
     * Writes a run into {@code dir} as one piece: every file goes into a hidden folder beside it
     * ({@code .<name>.partial}, run.json last), which is then renamed into place. A run killed while it is written
     * leaves no half run (the next write to the same folder clears what was left), and a previous run in
     * {@code dir} is replaced whole, never mixed with this one. The run carries Strata's marker ({@link RunFolder});
     * a folder holding files Strata did not write, or another project's run, is refused before anything is written.
     *
     * @param extra files made for this run elsewhere (best-model.zip), moved in under their names
     */
    public static void write(Path dir, RunRecord run, TrainedModel model, String metricsCsv, List<Path> extra)
            throws IOException {
        Path target = dir.toAbsolutePath().normalize();
        String identity = RunFolder.identity(model.project());
        // the last guard, whoever calls: files Strata did not write are never replaced
        RunFolder.checkReplaceable(target, identity);
        Path parent = target.getParent();
        Files.createDirectories(parent);
        Path partial = parent.resolve("." + target.getFileName() + ".partial");
        deleteTree(partial);
        Files.createDirectories(partial);
        try {
            RunFolder.mark(partial, identity);
            model.save(partial.resolve("model.zip"));
            for (Path p : extra) Files.move(p, partial.resolve(p.getFileName().toString()));
            Files.writeString(partial.resolve("metrics.csv"), metricsCsv, java.nio.charset.StandardCharsets.UTF_8);
            Files.write(partial.resolve("run.json"), MAPPER.writerWithDefaultPrettyPrinter().writeValueAsBytes(
                    toJson(run)));
            if (Files.exists(target)) {
                Path old = parent.resolve("." + target.getFileName() + ".old");
                deleteTree(old);
                Files.move(target, old, StandardCopyOption.ATOMIC_MOVE);
                Files.move(partial, target, StandardCopyOption.ATOMIC_MOVE);
                deleteTree(old);
            } else {
                Files.move(partial, target, StandardCopyOption.ATOMIC_MOVE);
            }
        } finally {
            deleteTree(partial);
        }
    }

    /**
     * Deletes a folder and everything in it; nothing if it does not exist. A file moved or added by another thread
     * while the folder is walked (a run's folder renamed from {@code .partial} as it is discarded) makes it walk again.
     */
    public static void deleteTree(Path dir) throws IOException {
        for (int attempt = 0; ; attempt++) {
            if (!Files.exists(dir)) return;
            try (Stream<Path> files = Files.walk(dir)) {
                for (Path p : files.sorted(Comparator.reverseOrder()).toList()) Files.deleteIfExists(p);
                return;
            } catch (java.io.UncheckedIOException e) {
                if (!(e.getCause() instanceof java.nio.file.NoSuchFileException) || attempt == 2) throw e.getCause();
            } catch (java.nio.file.DirectoryNotEmptyException e) {
                if (attempt == 2) throw e;
            }
        }
    }

    /** @return the trained model of run {@code id} */
    public TrainedModel loadModel(String id) throws IOException {
        return TrainedModel.load(folder.resolve(id).resolve("model.zip"));
    }

    /** Deletes run {@code id} and its model. */
    public void delete(String id) throws IOException {
        deleteTree(folder.resolve(id));
    }

    /** Copies every run into {@code other} (Save As into another folder keeps the history), skipping ids there. */
    public void copyTo(Path other) throws IOException {
        if (!Files.isDirectory(folder) || folder.toAbsolutePath().equals(other.toAbsolutePath())) return;
        try (Stream<Path> files = Files.walk(folder)) {
            for (Path p : files.toList()) {
                Path target = other.resolve(folder.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(target);
                } else if (!Files.exists(target)) {
                    Files.copy(p, target);
                }
            }
        }
    }

    static ObjectNode toJson(RunRecord r) {
        ObjectNode o = MAPPER.createObjectNode();
        o.put("formatVersion", FORMAT_VERSION);
        o.put("id", r.id());
        o.put("started", r.started());
        o.put("seconds", r.seconds());
        o.put("engine", r.engine());
        o.put("state", r.state());
        o.put("epochs", r.epochs());
        o.put("metricName", r.metricName());
        number(o, "trainLoss", r.trainLoss());
        number(o, "validationLoss", r.validationLoss());
        number(o, "validationMetric", r.validationMetric());
        number(o, "testMetric", r.testMetric());
        ObjectNode settings = o.putObject("settings");
        r.settings().forEach(settings::put);
        points(o.putArray("loss"), r.loss());
        points(o.putArray("validation"), r.validation());
        points(o.putArray("metric"), r.metric());
        o.put("continuedFrom", r.continuedFrom());
        if (r.outcome() != null) outcome(o, r.outcome());
        return o;
    }

    static RunRecord read(Path json) throws IOException {
        JsonNode o;
        try {
            o = MAPPER.readTree(json.toFile());
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IOException("not valid JSON" + org.strata.engine.text.JsonWhere.of(e) + ": the run's record is "
                    + "damaged");
        }
        int version = o.path("formatVersion").asInt(0);
        if (version < 1 || version > FORMAT_VERSION) {
            throw new IOException("run format " + version + " is not one this Strata reads (1 to " + FORMAT_VERSION
                    + ")");
        }
        Map<String, String> settings = new LinkedHashMap<>();
        o.path("settings").fields().forEachRemaining(e -> settings.put(e.getKey(), e.getValue().asText()));
        return new RunRecord(o.path("id").asText(json.getParent().getFileName().toString()),
                o.path("started").asText(""), o.path("seconds").asDouble(), o.path("engine").asText(""),
                o.path("state").asText(""), o.path("epochs").asInt(), o.path("metricName").asText(""),
                number(o, "trainLoss"), number(o, "validationLoss"), number(o, "validationMetric"),
                number(o, "testMetric"), settings, points(o.path("loss")), points(o.path("validation")),
                points(o.path("metric")), o.path("continuedFrom").asText(""),
                o.has("evaluation") ? outcome(o) : null);
    }

    private static void outcome(ObjectNode o, RunOutcome r) {
        o.put("project", r.project());
        o.put("message", r.message());
        o.put("bestEpoch", r.bestEpoch());
        ObjectNode ev = o.putObject("evaluation");
        figures(ev, "train", r.train());
        figures(ev, "validation", r.validation());
        figures(ev, "test", r.test());
        number(o, "samplesPerSecond", r.samplesPerSecond());
        number(o, "firstIterationSeconds", r.firstIterationSeconds());
        o.put("device", r.device());
        o.put("nativeBuild", r.nativeBuild());
        o.put("threads", r.threads());
        if (!r.parameters().isEmpty()) {
            ObjectNode p = o.putObject("parameters");
            r.parameters().forEach((k, v) -> {
                ArrayNode a = p.putArray(k);
                for (double d : v) a.add(d);
            });
        }
    }

    private static RunOutcome outcome(JsonNode o) {
        JsonNode ev = o.path("evaluation");
        Map<String, double[]> params = new LinkedHashMap<>();
        o.path("parameters").fields().forEachRemaining(e -> {
            double[] v = new double[e.getValue().size()];
            for (int i = 0; i < v.length; i++) v[i] = e.getValue().get(i).asDouble();
            params.put(e.getKey(), v);
        });
        return new RunOutcome(o.path("project").asText(""), o.path("message").asText(""), o.path("bestEpoch").asInt(),
                figures(ev.path("train")), figures(ev.path("validation")), figures(ev.path("test")),
                number(o, "samplesPerSecond"), number(o, "firstIterationSeconds"), o.path("device").asText(""),
                o.path("nativeBuild").asText(""), o.path("threads").asInt(), params);
    }

    private static void figures(ObjectNode o, String key, RunOutcome.Figures f) {
        if (f == null) {
            o.putNull(key);
            return;
        }
        ObjectNode n = o.putObject(key);
        number(n, "loss", f.loss());
        number(n, "metric", f.metric());
        n.put("samples", f.samples());
    }

    private static RunOutcome.Figures figures(JsonNode n) {
        if (!n.isObject()) return null;
        return new RunOutcome.Figures(number(n, "loss"), number(n, "metric"), n.path("samples").asLong());
    }

    /** NaN (no such figure) is written as null: JSON has no NaN. */
    private static void number(ObjectNode o, String key, double v) {
        o.set(key, number(v));
    }

    private static double number(JsonNode o, String key) {
        return number(o.path(key));
    }

    /** @return a number a run's JSON holds, NaN where it holds null (JSON has no NaN) or nothing */
    static double number(JsonNode n) {
        return n.isNumber() ? n.asDouble() : Double.NaN;
    }

    /** @return {@code v} for a run's JSON: null where it is NaN or infinite, which JSON cannot hold */
    static JsonNode number(double v) {
        return Double.isFinite(v) ? com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.numberNode(v)
                : com.fasterxml.jackson.databind.node.NullNode.getInstance();
    }

    static void points(ArrayNode a, double[][] points) {
        for (double[] p : points) {
            ArrayNode row = a.addArray();
            for (double v : p) {
                if (Double.isFinite(v)) {
                    row.add(v);
                } else {
                    row.addNull();
                }
            }
        }
    }

    static double[][] points(JsonNode a) {
        List<double[]> out = new ArrayList<>();
        for (JsonNode row : a) {
            double[] p = new double[row.size()];
            for (int i = 0; i < p.length; i++) p[i] = row.get(i).isNumber() ? row.get(i).asDouble() : Double.NaN;
            out.add(p);
        }
        return out.toArray(new double[0][]);
    }
}
