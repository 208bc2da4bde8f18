package org.strata.engine.export.pytorch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.strata.engine.PythonTools;
import org.strata.engine.Samples;
import org.strata.engine.data.Dataset;
import org.strata.engine.data.DatasetLoader;
import org.strata.engine.data.Split;
import org.strata.engine.model.NpzIO;
import org.strata.engine.model.TrainedModel;
import org.strata.engine.project.Project;
import org.strata.engine.project.ProjectFile;
import org.strata.engine.runs.ImportException;
import org.strata.engine.runs.RunProofs;
import org.strata.engine.runs.RunRecord;
import org.strata.engine.runs.RunStore;
import org.strata.engine.runs.WeightsImport;
import org.strata.engine.train.TrainingSession;
import org.strata.engine.train.TrainedModels;
import org.strata.engine.train.ModelNetwork;
import org.strata.engine.train.ModelArrays;

/**
 * The PyTorch export's data.py and train.py: the data as Strata reads it, training on two processes as torchrun
 * starts them, a checkpoint to resume from, and the trained weights back in Strata as a run whose evaluation agrees
 * with PyTorch's.
 */
class PyTorchTrainingTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    /** A sample copied with its data into the temporary folder, so its runs folder is written there. */
    private Path copy(String sample) throws IOException {
        for (String folder : List.of(sample, "data")) {
            Path from = Samples.root().resolve(folder);
            try (var files = Files.walk(from)) {
                for (Path p : files.toList()) {
                    Path to = dir.resolve(folder).resolve(from.relativize(p).toString());
                    if (Files.isDirectory(p)) Files.createDirectories(to); else Files.copy(p, to);
                }
            }
        }
        return dir.resolve(sample).resolve(sample + ".strata");
    }

    private static TrainedModel train(Path file, int epochs) throws Exception {
        Project p = ProjectFile.load(file);
        TrainingSession s = TrainingSession.create(p);
        s.setEpochs(epochs);
        s.run();
        return TrainedModels.of(p, s.backend(), s.dataset().classNames(), s.dataset().normalizer().shift(),
                s.dataset().normalizer().scale(), epochs);
    }

    /** Runs {@code args} in {@code folder} on {@code processes} processes with the variables torchrun sets. */
    private static List<String> run(String python, Path folder, int processes, String... args) throws Exception {
        int port = 29000 + (int) (ProcessHandle.current().pid() % 1000);
        List<Process> started = new ArrayList<>();
        for (int rank = 0; rank < processes; rank++) {
            List<String> command = new ArrayList<>(List.of(python, "train.py"));
            command.addAll(List.of(args));
            ProcessBuilder b = new ProcessBuilder(command).directory(folder.toFile()).redirectErrorStream(true);
            if (processes > 1) {
                b.environment().putAll(Map.of("RANK", "" + rank, "LOCAL_RANK", "" + rank, "WORLD_SIZE",
                        "" + processes, "MASTER_ADDR", "127.0.0.1", "MASTER_PORT", "" + port));
            }
            b.environment().put("OMP_NUM_THREADS", "1");
            started.add(b.start());
        }
        List<String> said = new ArrayList<>();
        for (Process p : started) {
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertTrue(p.waitFor(600, TimeUnit.SECONDS), "train.py did not finish");
            assertEquals(0, p.exitValue(), out);
            said.add(out);
        }
        return said;
    }

    @Test
    void mnist_trains_on_two_processes_and_comes_back_as_a_run_that_strata_evaluates_as_pytorch_did()
            throws Exception {
        String python = PythonTools.with("torch", "python3-torch");
        Path project = copy("mnist-mlp");
        // a class outgrows the laptop: five epochs in Strata, two more on two processes (Gloo on the CPU)
        TrainedModel before = train(project, 5);
        Path out = dir.resolve("pytorch");
        PyTorchExport.write(before, out, "test");
        List<String> said = run(python, out, 2, "--epochs", "2", "--from-export");
        assertTrue(said.get(0).contains("epoch 2/2"), said.get(0));
        JsonNode metrics = JSON.readTree(out.resolve("trained/metrics.json").toFile());
        assertEquals(2, metrics.path("processes").asInt());
        assertEquals("Gloo", metrics.path("backend").asText());
        double accuracy = metrics.path("test").path("metric").asDouble();
        assertTrue(accuracy >= 0.94, "test accuracy after two DDP epochs: " + accuracy);

        WeightsImport.Imported imported = WeightsImport.run(out.resolve("trained/weights.npz"),
                ProjectFile.load(project));
        assertEquals(3, imported.check().count(), imported.check().line());
        assertTrue(imported.check().maxAbsDiff() <= WeightsImport.TOLERANCE, imported.check().line());
        RunRecord r = imported.run();
        assertEquals(accuracy, r.testMetric(), WeightsImport.TOLERANCE);
        assertEquals(2, r.epochs());
        assertEquals(2, r.validation().length, "PyTorch's validation curve is the run's");
        List<RunRecord> runs = new RunStore(RunStore.folderFor(project)).list();
        assertEquals(List.of(r.id()), runs.stream().map(RunRecord::id).toList());
        assertEquals(List.of(imported.check()), RunProofs.read(imported.folder()));
        TrainedModel back = new RunStore(RunStore.folderFor(project)).loadModel(r.id());
        float[][] sample = new float[1][784];
        assertEquals(10, ModelNetwork.of(back).predict(sample)[0].length);
    }

    @Test
    void a_language_model_trains_in_pytorch_on_the_windows_strata_made_and_comes_back_as_pytorch_measured_it()
            throws Exception {
        String python = PythonTools.with("torch", "python3-torch");
        Path folder = Files.createDirectories(dir.resolve("poems"));
        Files.writeString(folder.resolve("poems.txt"), "床前明月光，疑是地上霜。\n举头望明月，低头思故乡。\n".repeat(30),
                StandardCharsets.UTF_8);
        var d = org.strata.engine.project.DatasetKind.LANGUAGE_MODEL.params().defaults();
        d.set("corpus", "poems.txt").set("context", 8).set("stride", 3).set("validationSplit", 0.2)
                .set("testSplit", 0.1);
        var graph = new org.strata.engine.Graphs().then("input", "Input", "kind", "vector", "size", 8)
                .then("embedding", "Embedding", "vocabulary", 22, "dimension", 8, "maskPadding", false)
                .then("position", "PositionEmbedding")
                .then("attention", "MultiHeadAttention", "heads", 2, "keySize", 4, "causal", true)
                .then("step", "Dense", "units", 22, "activation", "identity")
                .then("output", "Output", "loss", "softmax_cross_entropy", "metric", "accuracy").build();
        Project p = new Project("poems", "", graph, new org.strata.engine.project.DatasetSpec(
                org.strata.engine.project.DatasetKind.LANGUAGE_MODEL, d), org.strata.engine.project.TrainingSettings
                .defaults());
        Path file = folder.resolve("poems.strata");
        ProjectFile.save(p, file);
        p = ProjectFile.load(file);
        TrainingSession s = TrainingSession.create(p);
        s.setEpochs(1);
        s.run();
        Dataset data = s.dataset();
        assertEquals(22, data.classNames().size(), "19 characters and the line break, <pad> and <unk>");
        TrainedModel model = TrainedModels.of(p, s.backend(), data.classNames(), data.normalizer().shift(),
                data.normalizer().scale(), 1, data.text());
        Path out = dir.resolve("pytorch");
        PyTorchExport.write(model, out, "test");
        run(python, out, 1, "--epochs", "2", "--from-export");
        // Strata evaluates the weights PyTorch trained, per token, and must find PyTorch's own figures
        WeightsImport.Imported imported = WeightsImport.run(out.resolve("trained/weights.npz"), ProjectFile.load(file));
        assertTrue(imported.check().maxAbsDiff() <= WeightsImport.TOLERANCE, imported.check().line());
        assertEquals(2, imported.run().epochs());
    }

    /** Sample {@code sample}, copied here and trained one epoch, exported for PyTorch into pytorch/. */
    private Path exported(Path project) throws Exception {
        Path out = dir.resolve("pytorch");
        PyTorchExport.write(train(project, 1), out, "test");
        return out;
    }

    @Test
    void an_import_whose_figures_differ_from_pytorchs_is_refused_and_keeps_nothing() throws Exception {
        String python = PythonTools.with("torch", "python3-torch");
        Path project = copy("xor");
        Path out = exported(project);
        run(python, out, 1, "--epochs", "1");
        Path metrics = out.resolve("trained/metrics.json");
        JsonNode m = JSON.readTree(metrics.toFile());
        ((com.fasterxml.jackson.databind.node.ObjectNode) m.path("test")).put("metric", 0.25);
        Files.writeString(metrics, m.toString());
        ImportException e = assertThrows(ImportException.class,
                () -> WeightsImport.run(out.resolve("trained/weights.npz"), ProjectFile.load(project)));
        assertEquals("import.disagrees", e.text().code());
        assertTrue(e.getMessage().contains("test split"), e.getMessage());
        assertTrue(new RunStore(RunStore.folderFor(project)).list().isEmpty());
    }

    @Test
    void training_goes_on_from_its_checkpoint_when_run_again() throws Exception {
        String python = PythonTools.with("torch", "python3-torch");
        Path project = copy("iris");
        Path out = exported(project);
        run(python, out, 1, "--epochs", "2");
        String again = run(python, out, 1, "--epochs", "3").get(0);
        assertTrue(again.contains("resuming after epoch 2"), again);
        assertFalse(again.contains("epoch 1/3"), again);
        JsonNode metrics = JSON.readTree(out.resolve("trained/metrics.json").toFile());
        assertEquals(3, metrics.path("epochs").asInt());
        assertEquals(3, metrics.path("history").size());
    }

    /** data.py's splits hold the samples Strata's splits hold, normalised alike (IDX, CSV, generated). */
    @ParameterizedTest
    @ValueSource(strings = {"mnist-mlp", "iris", "spirals", "linear-regression"})
    void data_py_reads_the_samples_strata_reads(String sample) throws Exception {
        assertDataPyReadsAsStrata(ProjectFile.load(copy(sample)));
    }

    @Test
    void data_py_reads_an_image_folder_as_strata_resized_it() throws Exception {
        java.util.Random r = new java.util.Random(3);
        for (String cls : List.of("dark", "light")) {
            Path folder = Files.createDirectories(dir.resolve("images").resolve(cls));
            for (int i = 0; i < 6; i++) {
                var img = new java.awt.image.BufferedImage(7, 5, java.awt.image.BufferedImage.TYPE_INT_RGB);
                for (int y = 0; y < 5; y++) {
                    for (int x = 0; x < 7; x++) img.setRGB(x, y, r.nextInt(1 << 24) | (cls.equals("dark") ? 0 : 0x808080));
                }
                javax.imageio.ImageIO.write(img, "png", folder.resolve(i + ".png").toFile());
            }
        }
        var spec = org.strata.engine.project.DatasetSpec.of(org.strata.engine.project.DatasetKind.IMAGE_FOLDER);
        spec.params().set("path", "images").set("height", 4).set("width", 4).set("color", "rgb");
        var g = new org.strata.engine.Graphs()
                .then("input", "Input", "kind", "image", "height", 4, "width", 4, "channels", 3)
                .then("flatten", "Flatten").then("dense", "Dense", "units", 2, "activation", "softmax")
                .then("output", "Output").build();
        Project p = new Project("pictures", "", g, spec, org.strata.engine.project.TrainingSettings.defaults());
        p.setFile(dir.resolve("pictures.strata"));
        assertDataPyReadsAsStrata(p);
    }

    @Test
    void data_py_reads_a_gbk_csv_in_the_encoding_strata_read_it_in() throws Exception {
        StringBuilder csv = new StringBuilder("a,b,\u79cd\u7c7b\n"); // 种类
        for (int i = 0; i < 20; i++) {
            csv.append(i % 7).append(',').append(i % 3).append(',').append(i % 2 == 0 ? "\u72d7" : "\u732b").append('\n');
        }
        Files.write(dir.resolve("animals.csv"), csv.toString().getBytes(java.nio.charset.Charset.forName("GBK")));
        var spec = org.strata.engine.project.DatasetSpec.of(org.strata.engine.project.DatasetKind.CSV);
        spec.params().set("path", "animals.csv").set("labelColumn", "\u79cd\u7c7b").set("encoding", "GBK");
        var g = new org.strata.engine.Graphs().then("input", "Input", "size", 2)
                .then("dense", "Dense", "units", 2, "activation", "softmax").then("output", "Output").build();
        Project p = new Project("animals", "", g, spec, org.strata.engine.project.TrainingSettings.defaults());
        p.setFile(dir.resolve("animals.strata"));
        // data.py needs NumPy only
        assertDataPyReadsAsStrata(p, PythonTools.with("numpy", "python3-numpy"));
    }

    private void assertDataPyReadsAsStrata(Project project) throws Exception {
        assertDataPyReadsAsStrata(project, PythonTools.with("torch", "python3-torch"));
    }

    private void assertDataPyReadsAsStrata(Project project, String python) throws Exception {
        Dataset data = DatasetLoader.load(project);
        var net = org.strata.engine.train.Backends.compile(project.graph(),
                org.strata.engine.analysis.GraphAnalyzer.analyze(project.graph()), project.training());
        TrainedModel model = TrainedModels.of(project, net, data.classNames(), data.normalizer().shift(),
                data.normalizer().scale(), 0);
        Path out = dir.resolve("pytorch");
        PyTorchExport.write(model, out, "test");
        Path script = out.resolve("dump.py");
        Files.writeString(script, String.join("\n", "import numpy as np, data",
                "arrays = {}",
                "for s in ('train', 'validation', 'test'):",
                "    x, y = data.load(s)",
                "    arrays[s + '_x'] = x.reshape(len(x), int(np.prod(data.SHAPE))).astype(np.float32)",
                "    arrays[s + '_y'] = y.reshape(len(y), 1).astype(np.float32)",
                "np.savez('dump.npz', **arrays)", ""));
        Process p = new ProcessBuilder(python, "dump.py").directory(out.toFile()).redirectErrorStream(true).start();
        String said = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(0, p.waitFor(), said);
        Map<String, INDArray> dumped = ModelArrays.nd4j(NpzIO.read(out.resolve("dump.npz")));
        for (var split : Map.of("train", data.train(), "validation", data.validation(), "test", data.test())
                .entrySet()) {
            Split s = split.getValue();
            INDArray x = dumped.get(split.getKey() + "_x");
            INDArray y = dumped.get(split.getKey() + "_y");
            assertEquals(s.size(), x.size(0), split.getKey() + " samples");
            float[] row = new float[s.featureSize()];
            for (int i = 0; i < s.size(); i += Math.max(1, s.size() / 50)) {
                s.features(i, row, 0);
                for (int j = 0; j < row.length; j++) {
                    assertEquals(row[j], x.getFloat(i, j), 1e-5, split.getKey() + " sample " + i + " value " + j);
                }
                float label = data.isClassification() ? s.label(i) : s.target(i)[0];
                assertEquals(label, y.getFloat(i, 0), 1e-6, split.getKey() + " sample " + i + " label");
            }
        }
    }
}
