package org.strata.engine.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.strata.engine.Samples;
import org.strata.engine.project.DatasetKind;
import org.strata.engine.project.ProjectFile;

class CsvDatasetTest {
    @TempDir
    Path dir;

    private Dataset load(String csv, Object... kv) throws Exception {
        Files.writeString(dir.resolve("d.csv"), csv);
        Object[] all = new Object[kv.length + 2];
        all[0] = "path";
        all[1] = "d.csv";
        System.arraycopy(kv, 0, all, 2, kv.length);
        return DatasetLoader.load(DatasetTestSupport.project(dir, DatasetKind.CSV, all));
    }

    @Test
    void a_binary_file_is_quoted_as_a_short_printable_excerpt_not_echoed_whole() {
        String junk = "\u001b[31mPK\u0003\u0004" + "x".repeat(5000) + "\u0000\u0007";
        var e = assertThrows(DatasetException.class, () -> load(junk + "\n1,2\n"));
        assertTrue(e.getMessage().length() < 300, e.getMessage().length() + " characters");
        assertTrue(e.getMessage().chars().noneMatch(Character::isISOControl), e.getMessage());
        assertTrue(e.getMessage().contains("…"), e.getMessage());
    }

    @Test
    void one_class_only_is_said_as_such_not_as_a_units_count() throws Exception {
        Dataset d = load("a,b,label\n1,2,cat\n3,4,cat\n5,6,cat\n7,8,cat\n9,1,cat\n", "validationSplit", 0.0,
                "testSplit", 0.0);
        var project = DatasetTestSupport.project(dir, DatasetKind.CSV, "path", "d.csv");
        var small = new org.strata.engine.Graphs().then("input", "Input", "size", 2)
                .then("d", "Dense", "units", 2, "activation", "softmax").then("out", "Output").build();
        project = new org.strata.engine.project.Project("t", "", small, project.dataset().orElseThrow(),
                project.training());
        var oneClass = project;
        var e = assertThrows(org.strata.engine.train.TrainingException.class,
                () -> org.strata.engine.train.TrainingSession.create(oneClass, d));
        assertTrue(e.getMessage().startsWith("The data has one class only ('cat')"), e.getMessage());
    }

    @Test
    void iris_text_labels_become_classes_in_order_of_appearance() throws Exception {
        Dataset d = DatasetLoader.load(ProjectFile.load(Samples.file("iris")));
        assertEquals(List.of("setosa", "versicolor", "virginica"), d.classNames());
        assertEquals(150, d.train().size() + d.validation().size() + d.test().size());
        assertEquals(30, d.test().size());
    }

    @Test
    void standardisation_uses_training_statistics() throws Exception {
        StringBuilder sb = new StringBuilder("a,label\n");
        for (int i = 0; i < 100; i++) sb.append(i).append(',').append(i % 2 == 0 ? "even" : "odd").append('\n');
        Dataset d = load(sb.toString(), "labelColumn", "label", "validationSplit", 0.0, "testSplit", 0.0);
        double sum = 0;
        double sq = 0;
        float[] x = new float[1];
        for (int i = 0; i < d.train().size(); i++) {
            d.train().features(i, x, 0);
            sum += x[0];
            sq += x[0] * x[0];
        }
        assertEquals(0, sum / 100, 1e-4);
        assertEquals(1, Math.sqrt(sq / 100), 1e-3);
    }

    @Test
    void inverting_the_normalisation_gives_back_the_values_of_the_file() throws Exception {
        Dataset d = DatasetLoader.load(ProjectFile.load(Samples.file("iris")));
        float[] row = new float[4];
        d.train().features(0, row, 0);
        d.normalizer().invert(row, 0);
        float[] again = row.clone();
        d.normalizer().apply(again, 0);
        d.normalizer().invert(again, 0);
        for (int j = 0; j < 4; j++) {
            org.junit.jupiter.api.Assertions.assertEquals(row[j], again[j], 1e-5);
            org.junit.jupiter.api.Assertions.assertTrue(row[j] > 0 && row[j] < 8, "iris measures are in cm: " + row[j]);
        }
    }

    @Test
    void numeric_target_for_regression() throws Exception {
        Dataset d = load("x,y\n1,2.5\n2,4.5\n3,6.5\n4,8.5\n5,10.5\n", "labelColumn", "y", "task", "regression",
                "normalization", "none", "validationSplit", 0.0, "testSplit", 0.0);
        assertTrue(!d.isClassification());
        assertEquals(1, d.targetCount());
        float[] x = new float[1];
        d.train().features(0, x, 0);
        assertEquals(x[0] * 2 + 0.5, d.train().target(0)[0], 1e-6);
    }

    @Test
    void whole_number_labels_keep_numeric_order() throws Exception {
        Dataset d = load("a,digit\n1,10\n2,2\n3,10\n4,2\n", "labelColumn", "digit", "validationSplit", 0.0,
                "testSplit", 0.0);
        assertEquals(List.of("2", "10"), d.classNames());
    }

    @Test
    void large_csv_is_read_row_by_row_from_disk_with_the_same_values() throws Exception {
        Dataset inMemory = DatasetLoader.load(ProjectFile.load(Samples.file("iris")));
        long limit = CsvReader.inMemoryLimit;
        CsvReader.inMemoryLimit = 0;
        try {
            Dataset disk = DatasetLoader.load(ProjectFile.load(Samples.file("iris")));
            float[] a = new float[4];
            float[] b = new float[4];
            for (int i = 0; i < inMemory.train().size(); i++) {
                inMemory.train().features(i, a, 0);
                disk.train().features(i, b, 0);
                assertEquals(java.util.Arrays.toString(a), java.util.Arrays.toString(b));
                assertEquals(inMemory.train().label(i), disk.train().label(i));
            }
            var ragged = assertThrows(DatasetException.class, () -> load("a,b,label\n1,2,x\n3,y\n",
                    "labelColumn", "label"));
            assertTrue(ragged.getMessage().startsWith("d.csv line 3: 2 cells"), ragged.getMessage());
        } finally {
            CsvReader.inMemoryLimit = limit;
        }
    }

    @Test
    void ragged_row_names_the_line() {
        var e = assertThrows(DatasetException.class, () -> load("a,b,label\n1,2,x\n3,y\n", "labelColumn", "label"));
        assertEquals("d.csv line 3: 2 cells but the header has 3: every row needs one value per column",
                e.getMessage());
    }

    @Test
    void non_numeric_cell_names_line_column_and_value() {
        var e = assertThrows(DatasetException.class, () -> load("a,b,label\n1,2,x\n3,abc,y\n", "labelColumn",
                "label"));
        assertTrue(e.getMessage().startsWith("d.csv line 3, column 'b': 'abc' is not a number"), e.getMessage());
    }

    @Test
    void missing_label_column_lists_the_header() {
        var e = assertThrows(DatasetException.class, () -> load("a,b\n1,2\n", "labelColumn", "species"));
        assertTrue(e.getMessage().contains("no column named 'species'; the header has a, b"), e.getMessage());
        // with its code and values, for a window that says it in another language
        assertEquals("dataset.csv.noColumn", e.text().code());
        assertEquals(java.util.List.of("species", "a, b"), e.text().args().subList(1, 3));
    }

    @Test
    void missing_and_empty_files_are_explained() throws Exception {
        var missing = assertThrows(DatasetException.class, () -> DatasetLoader.load(
                DatasetTestSupport.project(dir, DatasetKind.CSV, "path", "nope.csv")));
        assertTrue(missing.getMessage().contains("file not found"), missing.getMessage());
        assertEquals("dataset.fileNotFound", missing.text().code());
        var empty = assertThrows(DatasetException.class, () -> load(""));
        assertTrue(empty.getMessage().contains("empty"), empty.getMessage());
    }

    @Test
    void class_only_in_the_test_split_is_an_error() {
        StringBuilder sb = new StringBuilder("a,label\n");
        for (int i = 0; i < 20; i++) sb.append(i).append(",common\n");
        sb.append("99,rare\n");
        // With testSplit 1/21 exactly one row is held out; find a seed that holds out the rare one.
        DatasetException found = null;
        for (int seed = 0; seed < 200 && found == null; seed++) {
            try {
                load(sb.toString(), "labelColumn", "label", "validationSplit", 0.0, "testSplit", 0.05, "seed", seed);
            } catch (DatasetException e) {
                found = e;
            } catch (Exception e) {
                throw new AssertionError(e);
            }
        }
        assertTrue(found != null && found.getMessage().contains("label 'rare' never appears in the training data"),
                String.valueOf(found));
        assertEquals("dataset.unseenLabel.test", found.text().code());
    }
}
