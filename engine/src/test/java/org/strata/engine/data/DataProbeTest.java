package org.strata.engine.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.strata.engine.Graphs;
import org.strata.engine.analysis.GraphAnalyzer;
import org.strata.engine.analysis.Problem;
import org.strata.engine.layers.TensorShape;
import org.strata.engine.project.DatasetKind;
import org.strata.engine.project.Project;
import org.strata.engine.project.TrainingSettings;

class DataProbeTest {
    @TempDir
    Path dir;

    private static List<Problem> problems(Project p) {
        var a = GraphAnalyzer.analyze(p.graph());
        return DataProbe.probe(p).problems(p.graph(), a);
    }

    @Test
    void a_csv_is_read_as_training_reads_it_with_its_header_known() throws Exception {
        Files.writeString(dir.resolve("flowers.csv"), "petal,sepal,species\n1,2,a\n3,4,b\n5,6,c\n1,1,a\n2,2,b\n"
                + "3,3,c\n4,4,a\n5,5,b\n6,6,c\n7,7,a\n");
        Project p = DatasetTestSupport.project(dir, DatasetKind.CSV, "path", "flowers.csv", "labelColumn", "species",
                "testSplit", 0.0, "validationSplit", 0.0);
        DataProbe.Result r = DataProbe.probe(p);
        assertNull(r.error());
        assertEquals(List.of("petal", "sepal", "species"), r.columns());
        assertEquals(TensorShape.vector(2), r.shape().features());
        assertEquals(List.of("a", "b", "c"), r.shape().classes());
        // the seed's MLP takes 784 values and gives 10: both are listed, each with its fix
        assertEquals(List.of("data.inputSize", "data.classes"), problems(p).stream().map(Problem::code).toList());
    }

    @Test
    void a_label_column_not_in_the_header_offers_the_likeliest_column() throws Exception {
        Files.writeString(dir.resolve("d.csv"), "x1,x2,Species\n1,2,a\n3,4,b\n");
        Project p = DatasetTestSupport.project(dir, DatasetKind.CSV, "path", "d.csv", "labelColumn", "label");
        Problem only = problems(p).get(0);
        assertEquals("dataset.csv.noColumn", only.code());
        assertNull(only.nodeId());
        assertEquals(Map.of("labelColumn", "Species"), only.fix().values());
        assertEquals("x2", DataProbe.likelyLabel(List.of("x1", "x2")));
    }

    @Test
    void missing_data_no_data_and_a_damaged_file_are_problems_not_exceptions() throws Exception {
        Project missing = DatasetTestSupport.project(dir, DatasetKind.CSV, "path", "nope.csv");
        assertEquals("dataset.fileNotFound", problems(missing).get(0).code());
        Project none = new Project("Blank", "", Graphs.mlp(), null, TrainingSettings.defaults());
        assertEquals("dataset.none", problems(none).get(0).code());
        Files.write(dir.resolve("train.gz"), new byte[]{0x1f, (byte) 0x8b, 1, 2, 3});
        Project damaged = DatasetTestSupport.project(dir, DatasetKind.MNIST_IDX, "trainImages", "train.gz",
                "trainLabels", "train.gz", "testImages", "train.gz", "testLabels", "train.gz");
        Problem p = problems(damaged).get(0);
        assertEquals(Problem.Severity.ERROR, p.severity());
        assertEquals(-1, p.message().indexOf("Exception"), p.message());
    }

    @Test
    void the_stamp_changes_with_a_setting_or_the_file_and_not_otherwise() throws Exception {
        Path csv = dir.resolve("d.csv");
        Files.writeString(csv, "a,label\n1,x\n2,y\n");
        Project p = DatasetTestSupport.project(dir, DatasetKind.CSV, "path", "d.csv");
        String first = DataProbe.stamp(p);
        assertEquals(first, DataProbe.stamp(p));
        p.graph().require("dense1").params().set("units", 5); // the graph is not the data
        assertEquals(first, DataProbe.stamp(p));
        Files.writeString(csv, "a,label\n1,x\n2,y\n3,z\n");
        String second = DataProbe.stamp(p);
        assertNotEquals(first, second);
        p.dataset().orElseThrow().params().set("testSplit", 0.3);
        assertNotEquals(second, DataProbe.stamp(p));
    }
}
