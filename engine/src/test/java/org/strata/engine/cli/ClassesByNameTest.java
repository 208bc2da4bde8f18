package org.strata.engine.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.strata.engine.Samples;
import org.strata.engine.data.Dataset;
import org.strata.engine.data.DatasetLoader;
import org.strata.engine.data.Split;
import org.strata.engine.project.ProjectFile;
import org.strata.engine.runs.RunOutcome;
import org.strata.engine.runs.RunRecord;
import org.strata.engine.runs.RunStore;

/**
 * A model's outputs stand for the class names it was trained with: evaluating it, or importing weights, on a data
 * file whose rows come in another order reads every label by its name, and a label the model never saw is refused.
 */
class ClassesByNameTest {
    private static final String IRIS_CLASSES = "setosa, versicolor, virginica";

    @TempDir
    static Path dir;
    static Path model;
    static Path iris;

    static CliTest.Result cli(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int status = StrataCli.run(new PrintWriter(out, true), new PrintWriter(err, true), args);
        return new CliTest.Result(status, out.toString(), err.toString());
    }

    @BeforeAll
    static void train_iris() throws Exception {
        iris = variant("iris", rows -> rows);
        CliTest.Result r = cli("train", iris.toString(), "--epochs", "3", "--out", dir.resolve("run").toString());
        assertEquals(0, r.status(), r.err());
        model = dir.resolve("run").resolve("model.zip");
    }

    /** @return a copy of the iris project in its own folder, its CSV's data rows (header left out) changed by edit */
    private static Path variant(String name, UnaryOperator<List<String>> edit) throws Exception {
        Path home = Files.createDirectories(dir.resolve(name));
        Files.copy(Samples.root().resolve("iris").resolve("iris.strata"), home.resolve("iris.strata"));
        List<String> lines = Files.readAllLines(Samples.root().resolve("iris").resolve("iris.csv"));
        List<String> rows = new ArrayList<>(edit.apply(new ArrayList<>(lines.subList(1, lines.size()))));
        rows.add(0, lines.get(0));
        Files.write(home.resolve("iris.csv"), rows);
        return home.resolve("iris.strata");
    }

    private static String species(String row) {
        return row.substring(row.lastIndexOf(',') + 1).trim();
    }

    /**
     * The first row swapped with a row of another class in the same split: the splits hold the same samples, but
     * another class comes first in the file (what numbered the classes before).
     */
    private static List<String> swapFirst(List<String> rows) {
        try {
            Dataset d = DatasetLoader.load(ProjectFile.load(iris));
            for (Split s : List.of(d.train(), d.validation(), d.test())) {
                List<Integer> in = new ArrayList<>();
                for (int i = 0; i < s.size(); i++) in.add(s.sourceIndex(i));
                if (!in.contains(0)) continue;
                int k = in.stream().filter(i -> !species(rows.get(i)).equals(species(rows.get(0)))).findFirst()
                        .orElseThrow();
                String first = rows.get(0);
                rows.set(0, rows.get(k));
                rows.set(k, first);
                return rows;
            }
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        throw new IllegalStateException("row 0 is in no split");
    }

    /** A training row's label replaced by one the model never saw. */
    private static List<String> unicorn(List<String> rows) {
        try {
            int t = DatasetLoader.load(ProjectFile.load(iris)).train().sourceIndex(0);
            String row = rows.get(t);
            rows.set(t, row.substring(0, row.lastIndexOf(',') + 1) + "unicorn");
            return rows;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void evaluate_reads_labels_by_the_models_class_names_so_reordered_rows_give_the_same_result() throws Exception {
        Path swapped = variant("swapped", ClassesByNameTest::swapFirst);
        assertNotEquals(species(Files.readAllLines(iris.resolveSibling("iris.csv")).get(1)),
                species(Files.readAllLines(swapped.resolveSibling("iris.csv")).get(1)), "another class comes first");
        CliTest.Result original = cli("evaluate", iris.toString(), "--model", model.toString());
        CliTest.Result reordered = cli("evaluate", swapped.toString(), "--model", model.toString());
        assertEquals(0, original.status(), original.err());
        assertEquals(0, reordered.status(), reordered.err());
        assertEquals(original.out(), reordered.out());
    }

    @Test
    void evaluate_refuses_a_label_the_model_never_saw_naming_the_file_the_label_and_the_models_classes()
            throws Exception {
        Path odd = variant("unicorn", ClassesByNameTest::unicorn);
        CliTest.Result r = cli("evaluate", odd.toString(), "--model", model.toString());
        assertEquals(1, r.status(), r.out());
        assertTrue(r.err().contains("iris.csv: label 'unicorn' is not one of the model's classes (" + IRIS_CLASSES
                + ")"), r.err());
        assertTrue(r.out().isEmpty(), r.out());
    }

    /** Imports the model's weights, with a metrics.json naming its classes as train.py writes it, into a project. */
    private static CliTest.Result importInto(Path project) throws Exception {
        Path weights = project.resolveSibling("weights").resolve("weights.npz");
        Files.createDirectories(weights.getParent());
        assertEquals(0, cli("export", model.toString(), "--format", "npz", "--out", weights.toString()).status());
        // the figures train.py writes beside the classes: Strata's own evaluation of the weights on the original file
        RunOutcome.Figures train = pytorchFigures(weights);
        Files.writeString(weights.resolveSibling("metrics.json"), String.format(java.util.Locale.ROOT,
                "{\"classes\": [\"setosa\", \"versicolor\", \"virginica\"], \"train\": {\"loss\": %.9f, "
                        + "\"metric\": %.9f}}", train.loss(), train.metric()));
        return cli("import-weights", weights.toString(), "--project", project.toString());
    }

    /** @return the training split's figures of the weights, as an import of them into an unchanged copy finds */
    private static synchronized RunOutcome.Figures pytorchFigures(Path weights) throws Exception {
        Path probe = variant("import-probe-" + Math.abs(weights.hashCode()), rows -> rows);
        Path copy = Files.createDirectories(probe.resolveSibling("weights")).resolve("weights.npz");
        Files.copy(weights, copy, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        CliTest.Result r = cli("import-weights", copy.toString(), "--project", probe.toString());
        assertEquals(0, r.status(), r.err());
        return onlyRun(probe).outcome().train();
    }

    private static RunRecord onlyRun(Path project) throws Exception {
        List<RunRecord> runs = new RunStore(RunStore.folderFor(project)).list();
        assertEquals(1, runs.size());
        return runs.get(0);
    }

    @Test
    void import_weights_reads_labels_by_the_class_names_metrics_json_lists_and_refuses_one_it_does_not()
            throws Exception {
        Path same = variant("import-original", rows -> rows);
        Path swapped = variant("import-swapped", ClassesByNameTest::swapFirst);
        CliTest.Result a = importInto(same);
        CliTest.Result b = importInto(swapped);
        assertEquals(0, a.status(), a.err());
        assertEquals(0, b.status(), b.err());
        assertEquals(onlyRun(same).testMetric(), onlyRun(swapped).testMetric(), 1e-9);

        Path odd = variant("import-unicorn", ClassesByNameTest::unicorn);
        CliTest.Result r = importInto(odd);
        assertEquals(1, r.status(), r.out());
        assertTrue(r.err().contains("iris.csv: label 'unicorn' is not one of the model's classes (" + IRIS_CLASSES
                + ")"), r.err());
        assertTrue(new RunStore(RunStore.folderFor(odd)).list().isEmpty(), "nothing is kept");
    }

    /** A text model trained for an epoch on a copy of which-language (once), in {@code dir/words-run}. */
    private static synchronized Path wordsModel() throws Exception {
        Path zip = dir.resolve("words-run").resolve("model.zip");
        if (Files.exists(zip)) return zip;
        Path original = words("words", false);
        CliTest.Result t = cli("train", original.toString(), "--epochs", "1", "--out", zip.getParent().toString());
        assertEquals(0, t.status(), t.err());
        return zip;
    }

    /**
     * @param changed whether the copy's vocabulary setting differs from the one the model was trained with (a
     *                vocabulary built from it numbers the characters otherwise)
     * @return a copy of the which-language project in its own folder
     */
    private static Path words(String name, boolean changed) throws Exception {
        Path home = Files.createDirectories(dir.resolve(name));
        Path source = Samples.file("which-language");
        Files.copy(source.resolveSibling("words.csv"), home.resolve("words.csv"));
        String json = Files.readString(source);
        assertTrue(json.contains("\"vocabularySize\": 100"), "the sample's vocabulary size");
        Path file = home.resolve("which-language.strata");
        Files.writeString(file, changed ? json.replace("\"vocabularySize\": 100", "\"vocabularySize\": 20") : json);
        return file;
    }

    @Test
    void evaluate_numbers_a_texts_tokens_with_the_models_vocabulary_not_one_built_from_todays_settings()
            throws Exception {
        String zip = wordsModel().toString();
        CliTest.Result before = cli("evaluate", words("words-same", false).toString(), "--model", zip);
        CliTest.Result after = cli("evaluate", words("words-changed", true).toString(), "--model", zip);
        assertEquals(0, before.status(), before.err());
        assertEquals(0, after.status(), after.err());
        assertEquals(before.out(), after.out());
    }

    @Test
    void import_weights_numbers_texts_with_the_vocabulary_json_of_their_export() throws Exception {
        Path zip = wordsModel();
        List<Double> metrics = new ArrayList<>();
        for (boolean changed : new boolean[]{false, true}) {
            Path project = words(changed ? "import-words-changed" : "import-words-same", changed);
            Path weights = project.resolveSibling("export").resolve("weights.npz");
            Files.createDirectories(weights.getParent());
            assertEquals(0, cli("export", zip.toString(), "--format", "npz", "--out", weights.toString()).status());
            // the vocabulary a PyTorch export writes beside its weights: the model's own text encoding
            try (var z = new java.util.zip.ZipFile(zip.toFile())) {
                Files.write(weights.resolveSibling("vocabulary.json"),
                        z.getInputStream(z.getEntry("text.json")).readAllBytes());
            }
            CliTest.Result r = cli("import-weights", weights.toString(), "--project", project.toString());
            assertEquals(0, r.status(), r.err());
            metrics.add(onlyRun(project).testMetric());
        }
        assertEquals(metrics.get(0), metrics.get(1), 1e-9);
    }

    @Test
    void a_pytorch_export_trains_with_the_models_class_order_on_reordered_data() throws Exception {
        Path project = variant("export", rows -> rows);
        Path run = dir.resolve("export-run");
        assertEquals(0, cli("train", project.toString(), "--epochs", "1", "--out", run.toString()).status());
        Path csv = project.resolveSibling("iris.csv");
        List<String> lines = Files.readAllLines(csv);
        List<String> rows = swapFirst(new ArrayList<>(lines.subList(1, lines.size())));
        rows.add(0, lines.get(0));
        Files.write(csv, rows);
        Path out = dir.resolve("export-pytorch");
        CliTest.Result r = cli("export", run.resolve("model.zip").toString(), "--format", "pytorch", "--out",
                out.toString());
        assertEquals(0, r.status(), r.err());
        String classes = Files.readAllLines(out.resolve("data.py")).stream().filter(l -> l.startsWith("CLASSES"))
                .findFirst().orElseThrow();
        assertTrue(classes.indexOf("setosa") < classes.indexOf("versicolor")
                && classes.indexOf("versicolor") < classes.indexOf("virginica"), classes);
    }

    @Test
    void evaluate_normalises_inputs_as_the_model_was_trained_not_as_todays_training_rows_would() throws Exception {
        // one training row changed (a typo, a new measurement): the test rows are the same, and so must be the result
        Path changed = variant("normalised", rows -> {
            try {
                int t = DatasetLoader.load(ProjectFile.load(iris)).train().sourceIndex(0);
                String row = rows.get(t);
                rows.set(t, "50" + row.substring(row.indexOf(',')));
                return rows;
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        CliTest.Result original = cli("evaluate", iris.toString(), "--model", model.toString());
        CliTest.Result after = cli("evaluate", changed.toString(), "--model", model.toString());
        assertEquals(0, after.status(), after.err());
        assertEquals(original.out(), after.out());
    }

    @Test
    void evaluate_takes_a_class_the_model_knows_even_when_todays_training_rows_lack_it() throws Exception {
        // virginica only in the test split now: a new network could not learn it, but this model knows it
        Path testOnly = variant("test-only", rows -> {
            try {
                Dataset d = DatasetLoader.load(ProjectFile.load(iris));
                for (Split s : List.of(d.train(), d.validation())) {
                    for (int i = 0; i < s.size(); i++) {
                        int k = s.sourceIndex(i);
                        if (species(rows.get(k)).equals("virginica")) rows.set(k, rows.get(k).replace("virginica",
                                "setosa"));
                    }
                }
                return rows;
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        CliTest.Result original = cli("evaluate", iris.toString(), "--model", model.toString());
        CliTest.Result after = cli("evaluate", testOnly.toString(), "--model", model.toString());
        assertEquals(0, after.status(), after.err());
        assertEquals(original.out(), after.out());
        assertEquals(1, cli("train", testOnly.toString(), "--epochs", "1", "--out",
                dir.resolve("test-only-run").toString()).status(), "a new network still cannot learn it");
    }
}
