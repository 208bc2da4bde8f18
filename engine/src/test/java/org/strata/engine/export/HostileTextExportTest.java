package org.strata.engine.export;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.strata.engine.HostileStrings;
import org.strata.engine.PythonTools;
import org.strata.engine.export.formats.ExportFormat;
import org.strata.engine.graph.Graph;
import org.strata.engine.graph.Node;
import org.strata.engine.layers.LayerCatalogue;
import org.strata.engine.model.TrainedModel;
import org.strata.engine.project.DatasetKind;
import org.strata.engine.project.DatasetSpec;
import org.strata.engine.project.Project;
import org.strata.engine.project.ProjectFile;
import org.strata.engine.project.TrainingSettings;
import org.strata.engine.runs.WeightsImport;
import org.strata.engine.train.TrainingSession;
import org.strata.engine.train.TrainedModels;

/**
 * A project whose every text is hostile (its name, description, file name, data file and label column, every
 * layer's id and name, every class of its data) exports to every format, each proved, and nothing in it runs as
 * code: not when the proof imports model.py, not when data.py reads the data, not when train.py trains and its
 * weights come back. Ids in Chinese export to PyTorch as layers of their own.
 */
class HostileTextExportTest {
    @TempDir
    Path dir;

    /** Where a hostile string that ran would have left {@link HostileStrings#MARKER}. */
    private List<Path> markers(Path... more) {
        List<Path> places = new ArrayList<>(List.of(Path.of(HostileStrings.MARKER).toAbsolutePath(),
                dir.resolve(HostileStrings.MARKER)));
        for (Path p : more) places.add(p.resolve(HostileStrings.MARKER));
        return places;
    }

    /** A CSV of four features and a label column {@code labelColumn} with {@code perClass} rows per class. */
    private static void csv(Path file, String labelColumn, List<String> classes, int perClass) throws Exception {
        StringBuilder b = new StringBuilder("f1,f2,f3,f4,").append(quoted(labelColumn)).append('\n');
        java.util.Random r = new java.util.Random(7);
        for (int i = 0; i < perClass; i++) {
            for (int c = 0; c < classes.size(); c++) {
                for (int f = 0; f < 4; f++) b.append(c % (f + 2) + r.nextGaussian() * 0.1).append(',');
                b.append(quoted(classes.get(c))).append('\n');
            }
        }
        Files.writeString(file, b.toString(), StandardCharsets.UTF_8);
    }

    private static String quoted(String cell) {
        return "\"" + cell.replace("\"", "\"\"") + "\"";
    }

    /** A project of {@code ids} (Input, Dense layers, the last softmax, Output) reading {@code data}, saved. */
    private static Path project(Path file, String name, List<String> ids, List<String> names, String data,
                                String labelColumn, int classes) throws Exception {
        Graph g = new Graph();
        for (int i = 0; i < ids.size(); i++) {
            String type = i == 0 ? "Input" : i == ids.size() - 1 ? "Output" : "Dense";
            Node n = g.add(new Node(ids.get(i), LayerCatalogue.get(type), names.get(i),
                    LayerCatalogue.get(type).params().defaults(), 0, 0));
            if (i == 0) n.params().set("kind", "vector").set("size", 4);
            if (type.equals("Dense")) {
                boolean last = i == ids.size() - 2;
                n.params().set("units", last ? classes : 6).set("activation", last ? "softmax" : "tanh");
            }
            if (i > 0) g.connect(ids.get(i - 1), ids.get(i));
        }
        DatasetSpec spec = DatasetSpec.of(DatasetKind.CSV);
        spec.params().set("path", data).set("labelColumn", labelColumn);
        Project p = new Project(name, name, g, spec, TrainingSettings.defaults());
        ProjectFile.save(p, file);
        return file;
    }

    private static TrainedModel trained(Path file) throws Exception {
        Project p = ProjectFile.load(file);
        TrainingSession s = TrainingSession.create(p);
        s.setEpochs(1);
        s.run();
        return TrainedModels.of(p, s.backend(), s.dataset().classNames(), s.dataset().normalizer().shift(),
                s.dataset().normalizer().scale(), 1);
    }

    /** Runs {@code args} in {@code folder}; @return what it printed, after asserting it ended well */
    private static String run(Path folder, String... args) throws Exception {
        Process p = new ProcessBuilder(args).directory(folder.toFile()).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(300, TimeUnit.SECONDS), "did not finish: " + String.join(" ", args));
        assertEquals(0, p.exitValue(), out);
        return out;
    }

    @Test
    void hostile_text_everywhere_exports_to_every_format_proves_and_runs_nothing() throws Exception {
        String python = PythonTools.with("torch", "python3-torch");
        List<String> corpus = HostileStrings.all();
        for (Path m : markers()) Files.deleteIfExists(m);
        // every class of the data is a hostile string (a CSV line holds no line break: those are kept for ids)
        List<String> classes = corpus.stream().filter(s -> !s.contains("\n") && !s.contains("\r")
                && s.codePoints().noneMatch(c -> Character.getType(c) == Character.SURROGATE) && s.length() < 100)
                .map(s -> "<" + s + ">").distinct().toList();
        String labelColumn = "label \"\"\" '''";
        String data = "data \"'$(touch " + HostileStrings.MARKER + ") 隐.csv";
        csv(dir.resolve(data), labelColumn, classes, 10);
        // ids are every hostile string a project file accepts as an id (the others are refused: see below)
        List<String> ids = corpus.stream().filter(HostileTextExportTest::acceptedAsId).toList();
        List<String> names = new ArrayList<>(corpus.subList(0, ids.size()));
        java.util.Collections.reverse(names);
        String name = String.join(" | ", corpus.subList(0, corpus.size() - 1));
        Path file = project(dir.resolve("x\"\"\" '; touch " + HostileStrings.MARKER + " #.strata"), name, ids,
                names, data, labelColumn, classes.size());
        TrainedModel model = trained(file);
        assertEquals(classes.stream().sorted().toList(), model.classNames().stream().sorted().toList());

        List<Path> outs = new ArrayList<>();
        for (ExportFormat f : ExportFormat.values()) {
            Path out = dir.resolve(f == ExportFormat.PYTORCH ? "pytorch" : "model." + f.key());
            f.write(model, out, "test");
            Proof proof = f.prove(model, out);
            assertTrue(proof.passed(), f + ": " + proof.line());
            assertEquals(f == ExportFormat.PYTORCH ? "pytorch" : f.key(), proof.format(), "proved by its runtime");
            outs.add(out);
        }
        Path pytorch = dir.resolve("pytorch");
        // data.py reads the hostile classes back, train.py trains, and its weights come back into Strata
        run(pytorch, python, "-c", "import data; x, y = data.load('train'); print(len(x))");
        assertTrue(run(pytorch, python, "train.py", "--help").contains("--from-export"));
        run(pytorch, python, "train.py", "--epochs", "1", "--cpu");
        WeightsImport.Imported back = WeightsImport.run(pytorch.resolve("trained/weights.npz"), ProjectFile.load(file));
        assertTrue(back.check().maxAbsDiff() <= WeightsImport.TOLERANCE, back.check().line());
        // the ONNX file passes ONNX's own checker (unique tensor names)
        String onnx = PythonTools.with("onnx", "python3-onnx");
        run(dir, onnx, "-c", "import onnx, sys; onnx.checker.check_model(onnx.load(sys.argv[1]), full_check=True)",
                dir.resolve("model.onnx").toString());
        String readme = Files.readString(pytorch.resolve("README.md"));
        assertFalse(readme.contains("<script>") || readme.contains("$(touch"), readme);
        for (Path m : markers(pytorch)) assertFalse(Files.exists(m), "hostile text ran as code: " + m);
    }

    @Test
    void each_python_statement_alone_as_the_project_name_runs_nothing_when_the_export_is_proved() throws Exception {
        String python = PythonTools.with("torch", "python3-torch");
        for (Path m : markers()) Files.deleteIfExists(m);
        for (String name : HostileStrings.all().stream().filter(s -> s.contains(HostileStrings.MARKER)).toList()) {
            org.strata.engine.graph.Graph g = new org.strata.engine.Graphs()
                    .then("input", "Input", "kind", "vector", "size", 3)
                    .then("dense", "Dense", "units", 2, "activation", "softmax").then("output", "Output").build();
            Project p = new Project(name, name, g, null, TrainingSettings.defaults());
            var net = org.strata.engine.train.Backends.compile(g,
                    org.strata.engine.analysis.GraphAnalyzer.analyze(g), p.training());
            TrainedModel m = TrainedModels.of(p, net, List.of(name, "b"), new float[3], new float[]{1, 1, 1}, 0);
            Path out = dir.resolve("pytorch");
            ExportFormat.PYTORCH.write(m, out, "test");
            Proof proof = org.strata.engine.export.pytorch.PyTorchProof.check(m, out, ProofSamples.of(m, 8), python);
            assertTrue(proof.passed(), proof.line());
            for (Path marker : markers(out)) assertFalse(Files.exists(marker), name + " ran as code: " + marker);
        }
    }

    private static boolean acceptedAsId(String s) {
        return s.codePoints().noneMatch(c -> Character.isISOControl(c) || Character.getType(c) == Character.SURROGATE);
    }

    @Test
    void an_id_no_export_can_name_is_refused_when_the_project_is_read_naming_the_field() throws Exception {
        for (String id : HostileStrings.all().stream().filter(s -> !acceptedAsId(s)).toList()) {
            Path file = project(dir.resolve("p.strata"), "p", List.of("input", "dense", "output"),
                    List.of("input", "dense", "output"), "d.csv", "label", 2);
            StringBuilder quoted = new StringBuilder("\"");
            for (char c : id.toCharArray()) quoted.append(String.format("\\u%04x", (int) c)); // JSON, any char
            String json = Files.readString(file).replace("\"dense\"", quoted.append('"'));
            Files.writeString(file, json);
            var e = org.junit.jupiter.api.Assertions.assertThrows(
                    org.strata.engine.project.ProjectFormatException.class, () -> ProjectFile.load(file));
            assertTrue(e.getMessage().contains("$.graph.nodes[1].id") && e.getMessage().contains("control character"),
                    e.getMessage());
        }
    }

    @Test
    void chinese_ids_export_to_pytorch_as_layers_of_their_own_and_prove() throws Exception {
        String python = PythonTools.with("torch", "python3-torch");
        List<String> classes = List.of("猫", "狗", "鸟");
        csv(dir.resolve("数据.csv"), "标签", classes, 8);
        List<String> ids = List.of("输入", "隐藏层", "输出层", "输出");
        Path file = project(dir.resolve("中文.strata"), "中文项目", ids, ids, "数据.csv", "标签", classes.size());
        TrainedModel model = trained(file);
        Path out = dir.resolve("pytorch");
        ExportFormat.PYTORCH.write(model, out, "test");
        Proof proof = ExportFormat.PYTORCH.prove(model, out);
        assertEquals("pytorch", proof.format());
        assertTrue(proof.passed(), proof.line());
        String modelPy = Files.readString(out.resolve("model.py"));
        assertTrue(modelPy.contains("self.u9690_u85cf_u5c42 = nn.Linear(4, 6"), modelPy);
        assertTrue(modelPy.contains("隐藏层") && modelPy.contains("输出层"), "the ids are kept beside the names");
        run(out, python, "train.py", "--epochs", "1", "--cpu");
        WeightsImport.Imported back = WeightsImport.run(out.resolve("trained/weights.npz"), ProjectFile.load(file));
        assertTrue(back.check().maxAbsDiff() <= WeightsImport.TOLERANCE, back.check().line());
    }
}
