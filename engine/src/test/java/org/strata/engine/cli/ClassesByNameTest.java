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
        Files.writeString(weights.resolveSibling("metrics.json"), "{\"classes\": [\"setosa\", \"versicolor\", "
                + "\"virginica\"]}");
        return cli("import-weights", weights.toString(), "--project", project.toString());
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

    @Test
    void evaluate_numbers_a_texts_tokens_with_the_models_vocabulary_not_one_built_from_todays_settings()
            throws Exception {
        Path home = Files.createDirectories(dir.resolve("words"));
        Path source = Samples.file("which-language");
        Files.copy(source.resolveSibling("words.csv"), home.resolve("words.csv"));
        Path original = Files.copy(source, home.resolve("which-language.strata"));
        Path run = dir.resolve("words-run");
        CliTest.Result t = cli("train", original.toString(), "--epochs", "1", "--out", run.toString());
        assertEquals(0, t.status(), t.err());
        // the settings changed since: a vocabulary built from them would number the characters otherwise
        Path changed = home.resolve("changed.strata");
        String json = Files.readString(original);
        assertTrue(json.contains("\"vocabularySize\": 100"), "the sample's vocabulary size");
        Files.writeString(changed, json.replace("\"vocabularySize\": 100", "\"vocabularySize\": 20"));
        String zip = run.resolve("model.zip").toString();
        CliTest.Result before = cli("evaluate", original.toString(), "--model", zip);
        CliTest.Result after = cli("evaluate", changed.toString(), "--model", zip);
        assertEquals(0, before.status(), before.err());
        assertEquals(0, after.status(), after.err());
        assertEquals(before.out(), after.out());
    }
}
