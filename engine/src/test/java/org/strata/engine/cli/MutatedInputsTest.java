package org.strata.engine.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.strata.engine.HostileStrings;
import org.strata.engine.Samples;
import org.strata.engine.runs.Checkpoint;

/**
 * Fuzzing, in CI, of every file the command line reads besides projects ({@link MutatedProjectsTest}): a CSV, a text
 * dataset, a sequence file of rows, a weights .npz, a model.zip, a checkpoint and a PyTorch metrics.json, each
 * mutated many ways (truncated, bytes flipped, bytes that are not UTF-8, numbers made huge or Java literals, npy
 * headers declaring billions of values or odd types, the hostile strings in labels and names). Every command must
 * end cleanly: success, or exit 1 with a message, at once (no hang), with no Java exception or class name, and no
 * raw control character from the data reaching the terminal.
 */
class MutatedInputsTest {
    private static final int MUTANTS = 60;
    private static final long SECONDS_PER_COMMAND = 20;
    private static final String[] CELLS = {"1.5f", "2d", "0x1p-2", "1_000", "1e400", "-1e400", "NaN", "inf",
            "-Infinity", "", " ", "9".repeat(400), "1,5", "٣", "１２", "0.0.1", "+-1", "1e", "e5"};
    private static final byte[][] BAD_BYTES = {{(byte) 0xFF}, {(byte) 0xC3}, {(byte) 0xE9}, {(byte) 0xED, (byte) 0xA0,
            (byte) 0x80}, {(byte) 0xF8, (byte) 0x88, (byte) 0x80, (byte) 0x80, (byte) 0x80}, {(byte) 0xC0, (byte) 0xAF},
            {0}, {(byte) 0xFE, (byte) 0xFF}};
    private static final String[] SHAPES = {"(2000000000,)", "(-1, 4)", "(65536, 65536)", "()", "(0,)",
            "(4, 3, 2, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1)",
            "(9223372036854775807,)", "(3037000500, 3037000500)", "(4,", "'x'", "(1.5,)"};
    private static final String[] DESCRS = {"'<f8'", "'|O'", "'>f4'", "'<i8'", "'<c8'", "'|b1'", "'garbage'", "'<U5'",
            "'<f2'", "1", "None"};
    private static final String[] FIELD_NUMBERS = {"100", "-5", "0", "2147483648", "1e309", "NaN", "-1", "3", "1.5",
            "99999999999999999999", "\"7\"", "null", "[]"};
    private static final String[] EPOCHS = {"1", "0", "-1", "2147483648", "1e309", "NaN", "1.5", "\"3\"", "null"};

    @TempDir
    static Path dir;
    private static Path iris;
    private static Path model;
    private static Path weights;
    private static Path checkpoint;
    private static String checkpointRun;
    private static Path metrics;
    private static final ExecutorService RUNNER = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "mutant");
        t.setDaemon(true); // a hung command must not keep the test JVM alive
        return t;
    });

    @BeforeAll
    static void train_export_and_interrupt_a_run_of_iris() throws Exception {
        Path home = Files.createDirectories(dir.resolve("iris"));
        for (String f : new String[]{"iris.strata", "iris.csv"}) {
            Files.copy(Samples.root().resolve("iris").resolve(f), home.resolve(f));
        }
        iris = home.resolve("iris.strata");
        Path run = dir.resolve("iris-run");
        CliTest.Result trained = CliTest.cli("train", iris.toString(), "--epochs", "2", "--threads", "1", "--out",
                run.toString());
        assertEquals(0, trained.status(), trained.err());
        model = run.resolve("model.zip");
        Path pytorch = Files.createDirectories(dir.resolve("trained"));
        weights = pytorch.resolve("weights.npz");
        CliTest.Result exported = CliTest.cli("export", model.toString(), "--format", "npz", "--out",
                weights.toString());
        assertEquals(0, exported.status(), exported.err());
        metrics = pytorch.resolve("metrics.json.pristine");
        Files.writeString(metrics, metricsAsPyTorchWritesThem());
        checkpoint = interruptedRun(home);
    }

    @AfterAll
    static void no_command_crashed_the_virtual_machine() throws IOException {
        try (Stream<Path> files = Files.list(Path.of("").toAbsolutePath())) {
            List<Path> crashes = files.filter(f -> f.getFileName().toString().startsWith("hs_err_pid")).toList();
            assertTrue(crashes.isEmpty(), "the JVM crashed: " + crashes);
        }
        RUNNER.shutdownNow();
    }

    @Test
    void every_mutant_of_a_csv_dataset_is_read_or_refused_cleanly() throws Exception {
        Path csv = iris.resolveSibling("iris.csv");
        byte[] original = Files.readAllBytes(csv);
        assertBaseline("evaluate", iris.toString(), "--model", model.toString());
        assertBaseline("validate", iris.toString());
        Fuzz fuzz = new Fuzz("csv");
        Random r = new Random(1);
        try {
            for (int i = 0; i < MUTANTS; i++) {
                byte[] mutant = mutateTable(original, r);
                Files.write(csv, mutant);
                fuzz.check(mutant, "data", iris.toString(), "--rows", "3");
                fuzz.check(mutant, "validate", iris.toString());
                fuzz.check(mutant, "evaluate", iris.toString(), "--model", model.toString());
            }
        } finally {
            Files.write(csv, original);
        }
        fuzz.assertClean();
    }

    @Test
    void every_mutant_of_a_text_dataset_is_read_or_refused_cleanly() throws Exception {
        Path home = Files.createDirectories(dir.resolve("text"));
        Path project = Files.copy(Samples.file("which-language"), home.resolve("which-language.strata"));
        List<String> lines = Files.readAllLines(Samples.root().resolve("which-language").resolve("words.csv"));
        byte[] original = String.join("\n", lines.subList(0, 301)).getBytes(StandardCharsets.UTF_8);
        Files.write(home.resolve("words.csv"), original);
        assertBaseline("data", project.toString());
        assertBaseline("validate", project.toString());
        Fuzz fuzz = new Fuzz("text");
        Random r = new Random(2);
        for (int i = 0; i < MUTANTS; i++) {
            byte[] mutant = mutateTable(original, r);
            Files.write(home.resolve("words.csv"), mutant);
            fuzz.check(mutant, "data", project.toString(), "--rows", "3");
            fuzz.check(mutant, "validate", project.toString());
        }
        fuzz.assertClean();
    }

    @Test
    void every_mutant_of_a_sequence_file_of_rows_is_read_or_refused_cleanly() throws Exception {
        Path home = Files.createDirectories(dir.resolve("sequence"));
        ObjectNode json = (ObjectNode) new ObjectMapper().readTree(Files.readString(iris));
        ObjectNode data = json.putObject("dataset");
        data.put("kind", "sequence").put("path", "rows.csv").put("layout", "rows").put("labelColumn", "label")
                .put("validationSplit", 0.1).put("testSplit", 0.2).put("seed", 1);
        Path project = home.resolve("rows.strata");
        Files.writeString(project, json.toPrettyString());
        StringBuilder rows = new StringBuilder("t1,t2,t3,t4,label\n");
        Random values = new Random(3);
        for (int i = 0; i < 60; i++) {
            boolean up = i % 2 == 0;
            for (int t = 0; t < 4; t++) {
                rows.append(String.format(java.util.Locale.ROOT, "%.3f,", (up ? t : 4 - t) + values.nextGaussian()));
            }
            rows.append(up ? "up" : "down").append('\n');
        }
        byte[] original = rows.toString().getBytes(StandardCharsets.UTF_8);
        Files.write(home.resolve("rows.csv"), original);
        assertBaseline("data", project.toString());
        Fuzz fuzz = new Fuzz("sequence");
        Random r = new Random(4);
        for (int i = 0; i < MUTANTS; i++) {
            byte[] mutant = mutateTable(original, r);
            Files.write(home.resolve("rows.csv"), mutant);
            fuzz.check(mutant, "data", project.toString(), "--rows", "3");
        }
        fuzz.assertClean();
    }

    @Test
    void every_mutant_of_a_weights_npz_is_imported_or_refused_cleanly() throws Exception {
        byte[] original = Files.readAllBytes(weights);
        Path pristine = Files.createDirectories(dir.resolve("npz-pristine")).resolve("weights.npz");
        assertBaseline("import-weights", Files.write(pristine, original).toString(), "--project", iris.toString());
        Fuzz fuzz = new Fuzz("npz");
        Random r = new Random(5);
        for (int i = 0; i < MUTANTS; i++) {
            byte[] mutant = mutateNpz(original, r);
            Path home = Files.createDirectories(dir.resolve("npz-" + i));
            Path npz = Files.write(home.resolve("weights.npz"), mutant);
            fuzz.check(mutant, "import-weights", npz.toString(), "--project", iris.toString());
        }
        fuzz.assertClean();
    }

    @Test
    void every_mutant_of_a_model_zip_is_used_or_refused_cleanly() throws Exception {
        byte[] original = Files.readAllBytes(model);
        assertBaseline("export", model.toString(), "--format", "npz", "--out", dir.resolve("pristine.npz").toString());
        Fuzz fuzz = new Fuzz("model.zip");
        Random r = new Random(6);
        for (int i = 0; i < MUTANTS; i++) {
            byte[] mutant = mutateZip(original, r);
            Path home = Files.createDirectories(dir.resolve("model-" + i));
            Path zip = Files.write(home.resolve("model.zip"), mutant);
            fuzz.check(mutant, "evaluate", iris.toString(), "--model", zip.toString());
            fuzz.check(mutant, "export", zip.toString(), "--format", "npz", "--out", home.resolve("out.npz")
                    .toString());
        }
        fuzz.assertClean();
    }

    @Test
    void every_mutant_of_a_checkpoint_is_resumed_or_refused_cleanly() throws Exception {
        Path pristine = dir.resolve(checkpointRun + "-pristine");
        copyTree(checkpoint, Checkpoint.folderFor(pristine));
        assertBaseline("train", iris.toString(), "--resume", pristine.toString(), "--threads", "1");
        Fuzz fuzz = new Fuzz("checkpoint");
        Random r = new Random(7);
        List<Path> files;
        try (Stream<Path> s = Files.list(checkpoint)) {
            files = s.filter(Files::isRegularFile).sorted().toList();
        }
        for (int i = 0; i < MUTANTS; i++) {
            Path run = dir.resolve(checkpointRun + "-" + i);
            Path copy = Files.createDirectories(Checkpoint.folderFor(run));
            Path victim = files.get(r.nextInt(files.size()));
            byte[] mutant = null;
            for (Path f : files) {
                byte[] bytes = Files.readAllBytes(f);
                if (f.equals(victim)) {
                    String name = f.getFileName().toString();
                    bytes = name.endsWith(".json") ? mutateCheckpointJson(bytes, r)
                            : name.endsWith(".npz") ? mutateNpz(bytes, r) : mutateZip(bytes, r);
                    mutant = bytes;
                }
                Files.write(copy.resolve(f.getFileName()), bytes);
            }
            fuzz.check(mutant, "train", iris.toString(), "--resume", run.toString(), "--threads", "1");
        }
        fuzz.assertClean();
    }

    @Test
    void every_mutant_of_a_pytorch_metrics_json_is_checked_or_refused_cleanly() throws Exception {
        byte[] original = Files.readAllBytes(metrics);
        Path home0 = Files.createDirectories(dir.resolve("metrics-pristine"));
        Files.copy(weights, home0.resolve("weights.npz"));
        Files.write(home0.resolve("metrics.json"), original);
        assertBaseline("import-weights", home0.resolve("weights.npz").toString(), "--project", iris.toString());
        Fuzz fuzz = new Fuzz("metrics.json");
        Random r = new Random(8);
        for (int i = 0; i < MUTANTS; i++) {
            byte[] mutant = r.nextInt(3) == 0 ? replaceField(original, r, "loss", "metric", "trainLoss", "epochs",
                    "bestEpoch", "seconds", "torch", "device") : MutatedProjectsTest.mutate(original, r);
            Path home = Files.createDirectories(dir.resolve("metrics-" + i));
            Files.copy(weights, home.resolve("weights.npz"));
            Files.write(home.resolve("metrics.json"), mutant);
            fuzz.check(mutant, "import-weights", home.resolve("weights.npz").toString(), "--project",
                    iris.toString());
        }
        fuzz.assertClean();
    }

    @Test
    void hostile_names_and_labels_are_shown_escaped_and_never_break_a_command() throws Exception {
        Path home = Files.createDirectories(dir.resolve("hostile"));
        String csv = Files.readString(iris.resolveSibling("iris.csv"));
        Fuzz fuzz = new Fuzz("hostile strings");
        ObjectMapper mapper = new ObjectMapper();
        int i = 0;
        for (String hostile : HostileStrings.all()) {
            Path folder = Files.createDirectories(home.resolve("h" + i++));
            ObjectNode json = (ObjectNode) mapper.readTree(Files.readString(iris));
            json.put("name", hostile).put("description", hostile);
            Path project = folder.resolve("iris.strata");
            Files.write(project, json.toPrettyString().getBytes(StandardCharsets.UTF_8));
            String quoted = "\"" + hostile.replace("\"", "\"\"") + "\"";
            // a lone surrogate cannot be UTF-8: written as the '?' any editor would save
            Files.write(folder.resolve("iris.csv"), csv.replace("setosa", quoted).getBytes(StandardCharsets.UTF_8));
            byte[] what = hostile.getBytes(StandardCharsets.UTF_8);
            fuzz.check(what, "data", project.toString(), "--rows", "150");
            fuzz.check(what, "validate", project.toString());
            fuzz.check(what, "summary", project.toString());
            fuzz.check(what, "evaluate", project.toString(), "--model", model.toString());
        }
        fuzz.assertClean();
    }

    /** The unmutated input is used: otherwise every mutant would be refused for what they all share. */
    private static void assertBaseline(String... args) {
        CliTest.Result r = CliTest.cli(args);
        assertEquals(0, r.status(), String.join(" ", args) + " on the unmutated input: " + r.out() + r.err());
    }

    /** The invocations of one kind of input, and what went wrong in them. */
    private static final class Fuzz {
        private final String kind;
        private final List<String> broken = new ArrayList<>();
        private int tried;
        private int refused;

        Fuzz(String kind) {
            this.kind = kind;
        }

        void check(byte[] mutant, String... args) throws IOException {
            tried++;
            String why = run(args);
            if (why == null) return;
            Path kept = Files.write(dir.resolve("broken-" + kind.replaceAll("\\W", "_") + "-" + tried), mutant == null
                    ? new byte[0] : mutant);
            broken.add(String.join(" ", args) + " [input kept in " + kept + "]: " + why);
        }

        private String run(String... args) {
            StringWriter out = new StringWriter();
            StringWriter err = new StringWriter();
            Future<Integer> status = RUNNER.submit(() -> StrataCli.run(new PrintWriter(out, true),
                    new PrintWriter(err, true), args));
            int code;
            try {
                code = status.get(SECONDS_PER_COMMAND, TimeUnit.SECONDS);
            } catch (TimeoutException e) {
                status.cancel(true);
                return "still running after " + SECONDS_PER_COMMAND + " s";
            } catch (Exception e) {
                return "threw " + e.getCause();
            }
            String all = out + "\n" + err;
            if (code == 1) refused++;
            if (code != 0 && code != 1) return "exit " + code + ": " + excerpt(err.toString());
            if (code == 1 && err.toString().isBlank() && out.toString().isBlank()) return "exit 1 without a word";
            for (String leak : new String[]{"Exception", "\tat ", "java.", "com.fasterxml", "org.nd4j", "jackson",
                    "JsonReadFeature", "Error:", "OutOfMemory"}) {
                if (all.contains(leak)) return "shows '" + leak + "': " + excerpt(all);
            }
            for (int k = 0; k < all.length(); k++) {
                char c = all.charAt(k);
                if ((c < 0x20 && c != '\n' && c != '\t' && c != '\r') || (c >= 0x7F && c <= 0x9F)
                        || (c >= 0x202A && c <= 0x202E) || (c >= 0x2066 && c <= 0x2069)) {
                    return String.format("prints the raw control character U+%04X: %s", (int) c, excerpt(all));
                }
            }
            return null;
        }

        void assertClean() {
            System.out.printf("%s: %d invocations, %d refused cleanly%n", kind, tried, refused);
            // a fuzzer whose mutants all pass tests nothing
            assertTrue(kind.equals("hostile strings") || refused >= tried / 5, kind + ": only " + refused + " of "
                    + tried + " invocations were refused");
            assertTrue(broken.isEmpty(), kind + ": " + broken.size() + " of " + tried + " invocations ended badly: "
                    + String.join("\n", broken.subList(0, Math.min(6, broken.size()))));
        }
    }

    private static String excerpt(String s) {
        return s.length() > 400 ? s.substring(0, 400) + "…" : s;
    }

    /** A CSV-like file mutated as a careless user or a hostile one would. */
    static byte[] mutateTable(byte[] original, Random r) {
        String text = new String(original, StandardCharsets.UTF_8);
        List<String> lines = new ArrayList<>(text.lines().toList());
        int line = 1 + r.nextInt(lines.size() - 1);
        List<String> cells = new ArrayList<>(Arrays.asList(lines.get(line).split(",", -1)));
        switch (r.nextInt(9)) {
            case 0 -> {
                return Arrays.copyOf(original, r.nextInt(original.length));
            }
            case 1 -> {
                byte[] b = original.clone();
                for (int k = 0; k <= r.nextInt(4); k++) b[r.nextInt(b.length)] ^= (byte) (1 << r.nextInt(8));
                return b;
            }
            case 2 -> {
                // bytes that are not UTF-8 (a Latin-1 é, a GBK half character, a surrogate) inside a cell
                byte[] head = String.join("\n", lines.subList(0, line)).getBytes(StandardCharsets.UTF_8);
                byte[] bad = BAD_BYTES[r.nextInt(BAD_BYTES.length)];
                byte[] tail = ("x" + String.join("\n", lines.subList(line, lines.size())))
                        .getBytes(StandardCharsets.UTF_8);
                ByteArrayOutputStream b = new ByteArrayOutputStream();
                b.writeBytes(head);
                b.write('\n');
                b.writeBytes(bad);
                b.writeBytes(tail);
                return b.toByteArray();
            }
            case 3 -> cells.set(r.nextInt(cells.size()), CELLS[r.nextInt(CELLS.length)]);
            case 4 -> {
                List<String> hostile = HostileStrings.all();
                cells.set(cells.size() - 1, hostile.get(r.nextInt(hostile.size())));
            }
            case 5 -> cells.add("extra");
            case 6 -> cells.remove(cells.size() - 1);
            case 7 -> lines.set(0, lines.get(0).replace(',', ';'));
            default -> {
                // only the header is left
                return lines.get(0).getBytes(StandardCharsets.UTF_8);
            }
        }
        lines.set(line, String.join(",", cells));
        return String.join("\n", lines).getBytes(StandardCharsets.UTF_8);
    }

    /** A zip (model.zip) with one entry mutated: JSON as a project is, npz as weights are, anything by its bytes. */
    static byte[] mutateZip(byte[] original, Random r) throws IOException {
        if (original.length == 0) return original;
        if (r.nextInt(5) == 0) {
            byte[] b = r.nextBoolean() ? Arrays.copyOf(original, r.nextInt(original.length)) : original.clone();
            if (b.length == original.length) b[r.nextInt(b.length)] ^= (byte) (1 << r.nextInt(8));
            return b;
        }
        Map<String, byte[]> entries = unzip(original);
        if (entries.isEmpty()) return flip(original, r);
        List<String> names = new ArrayList<>(entries.keySet());
        String name = names.get(r.nextInt(names.size()));
        byte[] bytes = entries.get(name);
        entries.put(name, name.endsWith(".npz") ? mutateNpz(bytes, r) : name.endsWith(".json")
                || name.endsWith(".strata") ? MutatedProjectsTest.mutate(bytes, r) : flip(bytes, r));
        if (r.nextInt(8) == 0) entries.remove(names.get(r.nextInt(names.size())));
        return zip(entries);
    }

    /** An .npz with one array's npy header or data mutated. */
    static byte[] mutateNpz(byte[] original, Random r) throws IOException {
        if (original.length == 0) return original;
        if (r.nextInt(6) == 0) return Arrays.copyOf(original, r.nextInt(original.length));
        Map<String, byte[]> entries = unzip(original);
        if (entries.isEmpty()) return flip(original, r);
        List<String> names = new ArrayList<>(entries.keySet());
        String name = names.get(r.nextInt(names.size()));
        entries.put(name, mutateNpy(entries.get(name), r));
        return zip(entries);
    }

    private static byte[] mutateNpy(byte[] npy, Random r) {
        if (npy.length < 10) return flip(npy, r);
        int headerLength = (npy[8] & 0xFF) | (npy[9] & 0xFF) << 8;
        if (10 + headerLength > npy.length) return flip(npy, r);
        String header = new String(npy, 10, headerLength, StandardCharsets.ISO_8859_1);
        byte[] data = Arrays.copyOfRange(npy, 10 + headerLength, npy.length);
        switch (r.nextInt(6)) {
            case 0 -> header = header.replaceFirst("'shape': \\([^)]*\\)", "'shape': "
                    + SHAPES[r.nextInt(SHAPES.length)].replace("$", "\\$"));
            case 1 -> header = header.replaceFirst("'descr': '[^']*'", "'descr': " + DESCRS[r.nextInt(DESCRS.length)]);
            case 2 -> header = header.replace("False", "True");
            case 3 -> data = Arrays.copyOf(data, r.nextInt(Math.max(1, data.length)));
            case 4 -> {
                // a header length that runs past the entry
                byte[] b = npy.clone();
                b[8] = (byte) 0xFF;
                b[9] = (byte) 0xFF;
                return b;
            }
            default -> {
                return flip(npy, r);
            }
        }
        byte[] h = header.getBytes(StandardCharsets.ISO_8859_1);
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        b.write(npy, 0, 8);
        b.write(h.length & 0xFF);
        b.write(h.length >> 8 & 0xFF);
        b.writeBytes(h);
        b.writeBytes(data);
        return b.toByteArray();
    }

    private static byte[] mutateCheckpointJson(byte[] original, Random r) {
        return r.nextBoolean() ? replaceField(original, r, "epochsDone", "iterations", "epochs", "bestEpoch",
                "bestLoss", "formatVersion", "model", "best", "engine") : MutatedProjectsTest.mutate(original, r);
    }

    /** Sets one of the named fields, wherever it is, to an odd value. */
    private static byte[] replaceField(byte[] original, Random r, String... fields) {
        String text = new String(original, StandardCharsets.UTF_8);
        String field = fields[r.nextInt(fields.length)];
        // a run asked to go on for many more epochs is no defect, only slow: epochs get values that end at once
        String[] numbers = field.equals("epochs") ? EPOCHS : FIELD_NUMBERS;
        String value = r.nextInt(4) == 0 ? "\"" + HostileStrings.all().get(r.nextInt(HostileStrings.all().size()))
                .replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n") + "\""
                : numbers[r.nextInt(numbers.length)];
        return text.replaceAll("(\"" + field + "\"\\s*:\\s*)(\"[^\"]*\"|[^,}\\]\\s]+)",
                "$1" + java.util.regex.Matcher.quoteReplacement(value)).getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] flip(byte[] b, Random r) {
        if (b.length == 0) return b;
        byte[] c = b.clone();
        for (int k = 0; k <= r.nextInt(4); k++) c[r.nextInt(c.length)] ^= (byte) (1 << r.nextInt(8));
        return c;
    }

    private static Map<String, byte[]> unzip(byte[] zip) throws IOException {
        Map<String, byte[]> entries = new LinkedHashMap<>();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip))) {
            for (ZipEntry e; (e = in.getNextEntry()) != null; ) entries.put(e.getName(), in.readAllBytes());
        }
        return entries;
    }

    private static byte[] zip(Map<String, byte[]> entries) throws IOException {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        try (ZipOutputStream out = new ZipOutputStream(b)) {
            for (Map.Entry<String, byte[]> e : entries.entrySet()) {
                out.putNextEntry(new ZipEntry(e.getKey()));
                out.write(e.getValue());
                out.closeEntry();
            }
        }
        return b.toByteArray();
    }

    /**
     * metrics.json as a PyTorch export's train.py writes it: its figures are those Strata finds for the weights (an
     * import of them without one), so that the unmutated file checks out.
     */
    private static String metricsAsPyTorchWritesThem() throws IOException {
        Path probe = Files.createDirectories(dir.resolve("probe"));
        for (String f : new String[]{"iris.strata", "iris.csv"}) Files.copy(iris.resolveSibling(f), probe.resolve(f));
        Path npz = Files.copy(weights, probe.resolve("weights.npz"));
        CliTest.Result imported = CliTest.cli("import-weights", npz.toString(), "--project", probe.resolve("iris.strata")
                .toString());
        assertEquals(0, imported.status(), imported.err());
        var outcome = new org.strata.engine.runs.RunStore(org.strata.engine.runs.RunStore.folderFor(
                probe.resolve("iris.strata"))).list().get(0).outcome();
        ObjectNode m = new ObjectMapper().createObjectNode();
        m.put("torch", "1.13.1").put("epochs", 2).put("seconds", 0.5).put("bestEpoch", 2)
                .put("device", "cpu").put("processes", 1);
        var h = m.putArray("history");
        for (int e = 1; e <= 2; e++) {
            h.addObject().put("epoch", e).put("trainLoss", 0.9).put("trainMetric", 0.6).put("validationLoss", 0.8)
                    .put("validationMetric", 0.7).put("learningRate", 0.01).put("seconds", 0.25).put("samples", 105);
        }
        var splits = new LinkedHashMap<String, org.strata.engine.runs.RunOutcome.Figures>();
        splits.put("train", outcome.train());
        splits.put("validation", outcome.validation());
        splits.put("test", outcome.test());
        splits.forEach((split, f) -> {
            if (f != null) m.putObject(split).put("loss", f.loss()).put("metric", f.metric()).put("samples",
                    f.samples());
        });
        return m.toPrettyString();
    }

    /** @return the checkpoint of an iris run killed after its second epoch (a copy, as it was at the kill) */
    private static Path interruptedRun(Path home) throws Exception {
        checkpointRun = "killed";
        Path run = dir.resolve(checkpointRun);
        Process child = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx1g", "-cp", System.getProperty("java.class.path"), StrataCli.class.getName(), "train",
                home.resolve("iris.strata").toString(), "--epochs", "5000", "--threads", "1", "--checkpoint-every",
                "0", "--out", run.toString())
                .redirectErrorStream(true).redirectOutput(dir.resolve("child.log").toFile()).start();
        Path json = Checkpoint.folderFor(run).resolve("checkpoint.json");
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        while (epochsIn(json) < 2 && child.isAlive() && System.nanoTime() < deadline) Thread.sleep(5);
        child.destroyForcibly();
        assertTrue(child.waitFor(30, TimeUnit.SECONDS));
        assertTrue(epochsIn(json) >= 2, Files.readString(dir.resolve("child.log")));
        // the pristine checkpoint says the run was to end one epoch later: each resume is short
        ObjectNode o = (ObjectNode) new ObjectMapper().readTree(json.toFile());
        o.put("epochs", o.path("epochsDone").asInt() + 1);
        Files.writeString(json, o.toPrettyString());
        return Checkpoint.folderFor(run);
    }

    private static void copyTree(Path from, Path to) throws IOException {
        Files.createDirectories(to);
        try (Stream<Path> s = Files.list(from)) {
            for (Path f : s.filter(Files::isRegularFile).toList()) Files.copy(f, to.resolve(f.getFileName()));
        }
    }

    private static int epochsIn(Path json) {
        try {
            return new ObjectMapper().readTree(json.toFile()).path("epochsDone").asInt();
        } catch (IOException e) {
            return 0;
        }
    }
}
