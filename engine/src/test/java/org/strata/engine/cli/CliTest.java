package org.strata.engine.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.strata.engine.runs.RunRecord;
import org.strata.engine.runs.RunStore;
import org.junit.jupiter.api.io.TempDir;
import org.strata.engine.Samples;

/** The CLI end to end, as a person types it. */
class CliTest {
    @TempDir
    static Path dir;
    static Path runDir;
    static Result train;

    record Result(int status, String out, String err) {
    }

    static Result cli(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int status = StrataCli.run(new PrintWriter(out, true), new PrintWriter(err, true), args);
        return new Result(status, out.toString(), err.toString());
    }

    @BeforeAll
    static void train_iris() {
        runDir = dir.resolve("iris-run");
        train = cli("train", Samples.file("iris").toString(), "--epochs", "20", "--out", runDir.toString());
    }

    @Test
    void data_shows_the_splits_classes_vocabulary_and_first_samples_or_why_the_data_cannot_be_read()
            throws Exception {
        Result words = cli("data", Samples.file("which-language").toString(), "--rows", "3");
        assertEquals(0, words.status(), words.err());
        assertTrue(words.out().contains("words.csv: 16,800 training, 2,400 validation, 4,800 test samples"),
                words.out());
        assertTrue(words.out().contains("vocabulary: 50 tokens (characters, lowercased, 12 per text): <pad>, <unk>, e "),
                words.out());
        assertTrue(words.out().matches("(?s).*classes \\(training samples\\): \\w+ [0-9,]+, .*"), words.out());
        assertTrue(words.out().matches("(?s).*\n   1  \"[^\"]+\"  →  \\w+\n.*"), words.out());
        assertEquals(3 + 4, words.out().lines().count(), words.out());

        Result series = cli("data", Samples.file("forecast-signal").toString(), "--rows", "1");
        assertTrue(series.out().contains("predicts 1 number per sample"), series.out());

        Path broken = dir.resolve("no-data.strata");
        Files.writeString(broken, Files.readString(Samples.file("iris")).replace("iris.csv", "missing.csv"));
        Result none = cli("data", broken.toString());
        assertEquals(1, none.status());
        assertTrue(none.err().contains("missing.csv"), none.err());
    }

    @Test
    void validate_exits_0_for_a_valid_project_and_1_with_problems_listed() throws Exception {
        Result ok = cli("validate", Samples.file("mnist-cnn").toString());
        assertEquals(0, ok.status(), ok.err());
        assertTrue(ok.out().contains("mnist-cnn.strata: valid (9 nodes, 225,034 parameters)"), ok.out());

        Path broken = dir.resolve("broken.strata");
        Files.writeString(broken, Files.readString(Samples.file("mnist-cnn"))
                .replace("\"from\": \"flatten:out\"", "\"from\": \"pool2:out\""));
        Result bad = cli("validate", broken.toString());
        assertEquals(1, bad.status());
        assertTrue(bad.out().contains("error [dense1]: Dense expects a vector but gets an image of shape 5×5×64"),
                bad.out());
        assertTrue(bad.out().contains("error(s)"), bad.out());
    }

    @Test
    void malformed_or_missing_files_give_a_message_not_a_stack_trace() throws Exception {
        Path bad = dir.resolve("bad.strata");
        Files.writeString(bad, "{\"formatVersion\": 1, \"graph\": {\"nodes\": [{\"id\": \"a\"}], \"edges\": []}}");
        Result r = cli("validate", bad.toString());
        assertEquals(1, r.status());
        assertEquals("error: bad.strata: $.graph.nodes[0].type: missing\n", r.err());
        Result missing = cli("summary", dir.resolve("nope.strata").toString());
        assertEquals(1, missing.status());
        assertTrue(missing.err().contains("nope.strata: no such project file"), missing.err());
    }

    @Test
    void summary_prints_the_table() {
        Result r = cli("summary", Samples.file("skip-connection").toString());
        assertEquals(0, r.status(), r.err());
        assertTrue(r.out().contains("add (Add)") && r.out().contains("dense1, dense2"), r.out());
        assertTrue(r.out().contains("Total params:"), r.out());
        assertTrue(r.out().contains("Memory to train a batch of"), r.out());
    }

    @Test
    void train_keeps_the_run_as_the_window_does_with_its_outcome() throws Exception {
        assertEquals(0, train.status(), train.err());
        assertTrue(train.out().contains("epoch 20/20"), train.out());
        assertTrue(Files.exists(runDir.resolve("model.zip")));
        List<String> csv = Files.readAllLines(runDir.resolve("metrics.csv"));
        assertEquals("epoch,train_loss,train_metric,val_loss,val_metric,learning_rate,seconds,samples_per_second",
                csv.get(0));
        assertEquals(21, csv.size());
        JsonNode run = new ObjectMapper().readTree(runDir.resolve("run.json").toFile());
        assertEquals(2, run.get("formatVersion").asInt());
        assertEquals("FINISHED", run.get("state").asText());
        assertEquals("accuracy", run.get("metricName").asText());
        assertTrue(run.get("evaluation").get("test").get("metric").asDouble() > 0.8);
        assertEquals(run.get("evaluation").get("test").get("metric").asDouble(), run.get("testMetric").asDouble());
        assertTrue(run.get("samplesPerSecond").asDouble() > 0);
        assertTrue(run.get("seconds").asDouble() > 0);
        assertTrue(run.get("device").asText().startsWith("CPU ("), run.toString());
        // the window lists it like its own runs
        RunRecord listed = new RunStore(runDir.getParent()).list().stream()
                .filter(r -> r.id().equals(runDir.getFileName().toString())).findFirst().orElseThrow();
        assertEquals(20, listed.epochs());
        assertEquals(20, listed.metric().length);
        assertTrue(train.out().contains("test samples, on CPU ("), train.out());
    }

    @Test
    void without_out_a_run_is_kept_in_the_projects_runs_folder_where_the_window_lists_it() throws Exception {
        Path project = dir.resolve("mine").resolve("xor.strata");
        Files.createDirectories(project.getParent());
        Files.copy(Samples.file("xor"), project);
        Result r = cli("train", project.toString(), "--epochs", "2");
        assertEquals(0, r.status(), r.err());
        List<RunRecord> runs = new RunStore(RunStore.folderFor(project)).list();
        assertEquals(1, runs.size(), r.out());
        assertEquals(2, runs.get(0).epochs());
        assertTrue(r.out().contains(runs.get(0).id()), r.out());
        assertTrue(Files.exists(RunStore.folderFor(project).resolve(runs.get(0).id()).resolve("model.zip")));
        // a second run goes beside the first, in the same runs folder
        assertEquals(0, cli("train", project.toString(), "--epochs", "1").status());
        assertEquals(2, new RunStore(RunStore.folderFor(project)).list().size());
    }

    @Test
    void wrong_epochs_threads_or_out_are_refused_before_anything_trains() throws Exception {
        String xor = Samples.file("xor").toString();
        Result zero = cli("train", xor, "--epochs", "0", "--out", dir.resolve("e0").toString());
        assertEquals(2, zero.status());
        assertTrue(zero.err().contains("--epochs must be between 1 and 100000 (was 0)"), zero.err());
        Result negative = cli("train", xor, "--threads", "-4", "--out", dir.resolve("t").toString());
        assertEquals(2, negative.status());
        assertTrue(negative.err().contains("--threads must be between 1 and"), negative.err());
        assertEquals(2, cli("train", xor, "--threads", "999", "--out", dir.resolve("t").toString()).status());
        Path file = Files.writeString(dir.resolve("outfile"), "x");
        Result onFile = cli("train", xor, "--out", file.toString());
        assertEquals(2, onFile.status());
        assertTrue(onFile.err().contains("is a file, not a folder"), onFile.err());
        assertFalse(Files.exists(dir.resolve("e0")) || Files.exists(dir.resolve("t")), "nothing written");
        assertFalse(zero.out().contains("epoch"), "nothing trained: " + zero.out());
    }

    @Test
    void training_again_into_a_run_folder_replaces_the_run_whole_with_replace_and_leaves_nothing_behind()
            throws Exception {
        Path out = dir.resolve("again");
        String xor = Samples.file("xor").toString();
        assertEquals(0, cli("train", xor, "--epochs", "1", "--out", out.toString()).status());
        Files.writeString(out.resolve("best-model.zip"), "an earlier run's best epoch");
        Result r = cli("train", xor, "--epochs", "2", "--out", out.toString(), "--replace");
        assertEquals(0, r.status(), r.err());
        try (var files = Files.list(out)) {
            assertEquals(java.util.Set.of(".strata-run", "run.json", "metrics.csv", "model.zip"),
                    files.map(p -> p.getFileName().toString()).collect(java.util.stream.Collectors.toSet()));
        }
        try (var beside = Files.list(dir)) {
            assertTrue(beside.noneMatch(p -> p.getFileName().toString().startsWith(".again")), "no partial left");
        }
    }

    @Test
    void train_out_into_a_folder_of_other_files_is_refused_naming_them_even_with_a_run_json() throws Exception {
        // the issue's case: a folder of the user's that happens to hold a run.json
        Path mine = Files.createDirectories(dir.resolve("thesis"));
        Files.copy(Samples.file("xor"), mine.resolve("project.strata"));
        Files.writeString(mine.resolve("data.csv"), "x,y\n");
        Files.writeString(mine.resolve("notes.txt"), "important");
        Files.writeString(mine.resolve("run.json"), "{}");
        for (String[] extra : new String[][]{{}, {"--replace"}}) {
            List<String> args = new java.util.ArrayList<>(List.of("train", Samples.file("xor").toString(),
                    "--epochs", "1", "--out", mine.toString()));
            args.addAll(List.of(extra));
            Result r = cli(args.toArray(String[]::new));
            assertEquals(2, r.status(), r.out());
            assertTrue(r.err().contains("holds 4 files (data.csv, notes.txt, project.strata, …) that Strata did "
                    + "not write"), r.err());
            assertFalse(r.out().contains("epoch"), "nothing trained: " + r.out());
        }
        try (var files = Files.list(mine)) {
            assertEquals(4, files.count(), "nothing deleted");
        }
        assertEquals("important", Files.readString(mine.resolve("notes.txt")));
    }

    @Test
    void replacing_an_earlier_run_needs_replace_and_a_run_of_another_project_is_never_replaced() throws Exception {
        Path out = dir.resolve("earlier");
        String xor = Samples.file("xor").toString();
        assertEquals(0, cli("train", xor, "--epochs", "1", "--out", out.toString()).status());
        byte[] before = Files.readAllBytes(out.resolve("run.json"));
        Result again = cli("train", xor, "--epochs", "1", "--out", out.toString());
        assertEquals(2, again.status());
        assertTrue(again.err().contains("holds an earlier run of this project") && again.err().contains("--replace"),
                again.err());
        Result other = cli("train", Samples.file("iris").toString(), "--epochs", "1", "--out", out.toString(),
                "--replace");
        assertEquals(2, other.status());
        assertTrue(other.err().contains("holds a run of another project (" + Samples.file("xor").toAbsolutePath()
                .normalize() + ")"), other.err());
        assertTrue(java.util.Arrays.equals(before, Files.readAllBytes(out.resolve("run.json"))), "the run untouched");
        // a file of the user's put into a run folder is never deleted with it
        Files.writeString(out.resolve("notes.txt"), "mine");
        Result withNotes = cli("train", xor, "--epochs", "1", "--out", out.toString(), "--replace");
        assertEquals(2, withNotes.status());
        assertTrue(withNotes.err().contains("holds 1 file (notes.txt) that Strata did not write beside a run"),
                withNotes.err());
        assertTrue(Files.exists(out.resolve("notes.txt")));
        // the folder the runs are in is not a run's folder
        Result parent = cli("train", xor, "--epochs", "1", "--out", dir.toString(), "--replace");
        assertEquals(2, parent.status());
        assertTrue(parent.err().contains("is a folder of runs ("), parent.err());
    }

    @Test
    void a_run_that_cannot_be_kept_at_the_end_saves_its_last_and_best_models_in_the_rescue_place_first()
            throws Exception {
        // a run whose best epoch is not its last: early stopping keeps training two epochs past it
        var p = org.strata.engine.project.ProjectFile.load(Samples.file("xor"));
        p.training().set("epochs", 200).set("earlyStopping", true).set("patience", 2).set("learningRate", 0.1);
        Path folder = Files.createDirectories(dir.resolve("stops-early"));
        Path project = folder.resolve("xor.strata");
        p.relocate(project);
        org.strata.engine.project.ProjectFile.save(p, project);
        // the run's folder cannot be made when the run is kept (as a disk that filled, or a folder taken away):
        // it names a link to a place under a file, where no folder can be made, even by root
        Path blocker = Files.writeString(folder.resolve("a-file"), "not a folder");
        Path out = Files.createSymbolicLink(folder.resolve("run"), blocker.resolve("sub"));
        Result r = cli("train", project.toString(), "--out", out.toString(), "--checkpoint-every", "10000000");
        assertEquals(1, r.status(), r.out() + r.err());
        var m = java.util.regex.Pattern.compile("the trained model is saved in (\\S+model\\.zip) \\(its best "
                + "epoch, \\d+, in best-model\\.zip beside it\\)").matcher(r.err());
        assertTrue(m.find(), r.err());
        Path rescued = Path.of(m.group(1));
        try {
            var last = org.strata.engine.model.TrainedModel.load(rescued);
            var best = org.strata.engine.model.TrainedModel.load(rescued.resolveSibling("best-model.zip"));
            assertEquals(last.weights().keySet(), best.weights().keySet(), "both models load");
        } finally {
            org.strata.engine.runs.RunStore.deleteTree(rescued.getParent());
        }
        try (var left = Files.list(folder)) {
            assertEquals(java.util.Set.of("xor.strata", "a-file", "run"), left.map(f -> f.getFileName().toString())
                    .collect(java.util.stream.Collectors.toSet()), "nothing half-made left beside the run");
        }
    }

    @Test
    void asking_for_a_gpu_this_build_cannot_use_fails_with_the_reason_and_the_way_out() {
        Result r = cli("train", Samples.file("xor").toString(), "--device", "cuda", "--out",
                dir.resolve("xor-gpu").toString());
        assertEquals(1, r.status(), r.out());
        assertTrue(r.err().contains("--device cuda: this build of Strata has no CUDA backend (build it with -Pcuda)"),
                r.err());
        assertTrue(r.err().contains("Without --device Strata runs on the CPU"), r.err());
        assertFalse(Files.exists(dir.resolve("xor-gpu").resolve("model.zip")));
        Result bad = cli("train", Samples.file("xor").toString(), "--device", "tpu");
        assertEquals(2, bad.status());
        assertTrue(bad.err().contains("expected one of [auto, cpu, cuda]"), bad.err());
    }

    @Test
    void evaluate_prints_the_metric_and_confusion_matrix() {
        Result r = cli("evaluate", Samples.file("iris").toString(), "--model", runDir.resolve("model.zip").toString());
        assertEquals(0, r.status(), r.err());
        assertTrue(r.out().startsWith("test split: 30 samples"), r.out());
        assertTrue(r.out().contains("setosa") && r.out().contains("precision"), r.out());
    }

    @Test
    void export_writes_npz_and_a_dl4j_zip_that_dl4j_loads() throws Exception {
        Path npz = dir.resolve("iris.npz");
        Result a = cli("export", runDir.resolve("model.zip").toString(), "--format", "npz", "--out", npz.toString());
        assertEquals(0, a.status(), a.err());
        assertTrue(Files.size(npz) > 0);
        assertTrue(a.out().contains("proved: 30 samples (test split)") && a.out().contains("plain-Java reader"),
                a.out());
        Path dl4j = dir.resolve("iris-dl4j.zip");
        Result b = cli("export", runDir.resolve("model.zip").toString(), "--format", "dl4j", "--out", dl4j.toString());
        assertEquals(0, b.status(), b.err());
        ComputationGraph cg = ComputationGraph.load(dl4j.toFile(), false);
        assertEquals(4 * 16 + 16 + 16 * 3 + 3, cg.numParams());
        // proved by Deeplearning4j loading the zip as any of its users would
        assertTrue(b.out().contains("proved: 30 samples (test split)") && b.out().contains("(Deeplearning4j "),
                b.out());
        assertTrue(Files.readString(dir.resolve("iris-dl4j.zip.proof.json")).contains("\"passed\" : true"));
    }

    @Test
    void export_never_writes_over_its_model_a_runs_files_a_project_or_a_file_of_another_kind() throws Exception {
        Path model = runDir.resolve("model.zip");
        byte[] modelBytes = Files.readAllBytes(model);
        Path project = Files.copy(Samples.file("xor"), dir.resolve("keep-me.strata"));
        Path notes = Files.writeString(dir.resolve("notes.txt"), "mine");
        Path theirs = Files.writeString(dir.resolve("theirs.onnx"), "someone else's model");
        record Case(String format, Path out, String says) {
        }
        for (Case c : List.of(
                new Case("npz", model, "is the model being exported"),
                new Case("onnx", runDir.resolve("run.json"), "is one of the files of the run kept in " + runDir),
                new Case("dl4j", runDir.resolve("metrics.csv"), "is one of the files of the run kept in"),
                new Case("onnx", project, "is a project file: an export to onnx never writes over a project"),
                new Case("onnx", notes, "already exists and is not a .onnx file"),
                new Case("onnx", theirs, "was not written by Strata (no theirs.onnx.proof.json beside it)"),
                new Case("pytorch", runDir, "is a run's folder"))) {
            byte[] before = Files.isRegularFile(c.out()) ? Files.readAllBytes(c.out()) : null;
            for (boolean replace : new boolean[]{false, true}) {
                Result r = replace
                        ? cli("export", model.toString(), "--format", c.format(), "--out", c.out().toString(),
                        "--replace")
                        : cli("export", model.toString(), "--format", c.format(), "--out", c.out().toString());
                assertEquals(1, r.status(), c + r.out());
                assertTrue(r.err().contains(c.says()), c + r.err());
                assertFalse(r.out().contains("proved"), r.out());
            }
            if (before != null) assertTrue(java.util.Arrays.equals(before, Files.readAllBytes(c.out())), c.toString());
        }
        assertTrue(java.util.Arrays.equals(modelBytes, Files.readAllBytes(model)), "the model untouched");
        assertFalse(Files.exists(dir.resolve("notes.txt.proof.json")));
    }

    @Test
    void exporting_again_over_an_earlier_export_of_the_format_needs_replace() throws Exception {
        Path npz = dir.resolve("twice.npz");
        String model = runDir.resolve("model.zip").toString();
        assertEquals(0, cli("export", model, "--format", "npz", "--out", npz.toString()).status());
        Result again = cli("export", model, "--format", "npz", "--out", npz.toString());
        assertEquals(1, again.status());
        assertTrue(again.err().contains("holds an earlier npz export (twice.npz.proof.json beside it): add --replace"),
                again.err());
        Result replaced = cli("export", model, "--format", "npz", "--out", npz.toString(), "--replace");
        assertEquals(0, replaced.status(), replaced.err());
        assertTrue(replaced.out().contains("proved"), replaced.out());
    }

    @Test
    void exports_proofs_and_runs_have_the_mode_any_new_file_gets_not_0600() throws Exception {
        String model = runDir.resolve("model.zip").toString();
        Path onnx = dir.resolve("shared.onnx");
        assertEquals(0, cli("export", model, "--format", "onnx", "--out", onnx.toString()).status());
        Path folder = dir.resolve("shared-pytorch");
        assertEquals(0, cli("export", model, "--format", "pytorch", "--out", folder.toString()).status());
        // what the user's umask gives a new file, and a new folder, here
        var normal = Files.getPosixFilePermissions(Files.createFile(dir.resolve("probe-file")));
        var normalFolder = Files.getPosixFilePermissions(Files.createDirectory(dir.resolve("probe-folder")));
        assertTrue(normal.contains(java.nio.file.attribute.PosixFilePermission.OTHERS_READ),
                "the tests run under a umask that lets others read: " + normal);
        for (Path f : List.of(onnx, dir.resolve("shared.onnx.proof.json"), folder.resolve("model.py"),
                folder.resolve("README.md"), folder.resolve("weights.npz"), folder.resolve("proof.json"),
                runDir.resolve("run.json"), runDir.resolve("model.zip"), runDir.resolve("metrics.csv"),
                runDir.resolve(".strata-run"), runDir.resolve("proofs.json"))) {
            assertEquals(normal, Files.getPosixFilePermissions(f), f.toString());
        }
        assertEquals(normalFolder, Files.getPosixFilePermissions(runDir));
        assertEquals(normalFolder, Files.getPosixFilePermissions(folder));
    }

    @Test
    void layers_prints_reference_docs_generated_from_the_catalogue() {
        Result all = cli("layers");
        assertEquals(0, all.status());
        for (var t : org.strata.engine.layers.LayerCatalogue.all()) {
            assertTrue(all.out().contains("### " + t.id() + " ("), t.id());
        }
        Result conv = cli("layers", "Conv2D");
        assertTrue(conv.out().contains("| `kernel` | int_tuple | 3×3 | 1 – 1,000 each | Filter height × width |"),
                conv.out());
        assertEquals(1, cli("layers", "Conv3D").status());
    }

    @Test
    void unknown_format_is_a_usage_error() {
        Result r = cli("export", "x.zip", "--format", "tflite", "--out", "y");
        assertEquals(2, r.status());
        assertTrue(r.err().contains("tflite"), r.err());
    }

    @Test
    void export_to_pytorch_writes_a_module_its_weights_and_a_readme_proved_by_pytorch() throws Exception {
        org.strata.engine.PythonTools.with("torch", "python3-torch");
        Path folder = dir.resolve("iris-pytorch");
        Result r = cli("export", runDir.resolve("model.zip").toString(), "--format", "pytorch", "--out",
                folder.toString());
        assertEquals(0, r.status(), r.err());
        for (String f : new String[]{"model.py", "weights.npz", "README.md", "proof.json"}) {
            assertTrue(Files.exists(folder.resolve(f)), f);
        }
        assertTrue(r.out().contains("proved: 30 samples (test split)") && r.out().contains("(PyTorch "), r.out());
    }

    @Test
    void export_to_onnx_is_proved_by_onnx_runtime_and_says_so() throws Exception {
        Path onnx = dir.resolve("iris.onnx");
        Result r = cli("export", runDir.resolve("model.zip").toString(), "--format", "onnx", "--out", onnx.toString());
        assertEquals(0, r.status(), r.err());
        // the iris sample's 30 test samples, found beside the project the model was trained from
        assertTrue(r.out().matches("(?s)wrote .*\\nproved: 30 samples \\(test split\\), max \\|Δ\\| [0-9.]+e-0[5-9], same "
                + "class for 30/30 \\(ONNX Runtime [0-9.]+\\)\\n"), r.out());
        String proof = Files.readString(dir.resolve("iris.onnx.proof.json"));
        assertTrue(proof.contains("\"passed\" : true") && proof.contains("\"runtime\" : \"ONNX Runtime\""), proof);
    }

    @Test
    void import_weights_keeps_them_as_a_run_of_the_project_and_refuses_what_is_not_there() throws Exception {
        Path home = Files.createDirectories(dir.resolve("import"));
        for (String f : new String[]{"iris.strata", "iris.csv"}) {
            Files.copy(Samples.root().resolve("iris").resolve(f), home.resolve(f));
        }
        Path npz = home.resolve("weights.npz");
        assertEquals(0, cli("export", runDir.resolve("model.zip").toString(), "--format", "npz", "--out",
                npz.toString()).status());
        // the export's proof is kept with the run it came from
        assertTrue(org.strata.engine.runs.RunProofs.read(runDir).stream().anyMatch(p -> p.kind().equals("npz")));
        Result r = cli("import-weights", npz.toString(), "--project", home.resolve("iris.strata").toString());
        assertEquals(0, r.status(), r.err());
        assertTrue(r.out().contains("imported as run run-") && r.out().contains("not checked (no metrics.json"),
                r.out());
        var runs = new org.strata.engine.runs.RunStore(org.strata.engine.runs.RunStore.folderFor(
                home.resolve("iris.strata"))).list();
        assertEquals(1, runs.size());
        var trained = new org.strata.engine.runs.RunStore(dir).list().stream()
                .filter(x -> x.id().equals("iris-run")).findFirst().orElseThrow();
        assertEquals(trained.testMetric(), runs.get(0).testMetric(), 1e-6, "Strata evaluates the weights alike");
        Result missing = cli("import-weights", home.resolve("missing.npz").toString(), "--project",
                home.resolve("iris.strata").toString());
        assertEquals(1, missing.status());
        assertTrue(missing.err().contains("missing.npz: no such file: choose the weights.npz"), missing.err());
    }

    @Test
    void import_weights_refuses_a_metrics_json_that_is_malformed_a_folder_or_from_a_diverged_run() throws Exception {
        Path home = Files.createDirectories(dir.resolve("import-checked"));
        for (String f : new String[]{"iris.strata", "iris.csv"}) {
            Files.copy(Samples.root().resolve("iris").resolve(f), home.resolve(f));
        }
        Path npz = home.resolve("weights.npz");
        assertEquals(0, cli("export", runDir.resolve("model.zip").toString(), "--format", "npz", "--out",
                npz.toString()).status());
        Path metrics = home.resolve("metrics.json");
        String project = home.resolve("iris.strata").toString();

        Files.writeString(metrics, "{\n  \"epochs\": 3,\n  \"train\": {\"loss\": 0.1,, }\n}\n");
        Result malformed = cli("import-weights", npz.toString(), "--project", project);
        assertEquals(1, malformed.status(), malformed.out());
        assertTrue(malformed.err().contains("metrics.json cannot be used (it is not valid JSON (line 3, column"),
                malformed.err());
        assertFalse(malformed.err().contains("Unexpected character") || malformed.err().contains("Source:"),
                malformed.err());

        Files.writeString(metrics, "{\"epochs\": \"three\"}");
        Result typed = cli("import-weights", npz.toString(), "--project", project);
        assertEquals(1, typed.status());
        assertTrue(typed.err().contains("its field epochs is the text \"three\""), typed.err());

        Files.writeString(metrics, "{\"epochs\": 2, \"history\": [{\"epoch\": 1, \"trainLoss\": 0.9}, "
                + "{\"epoch\": 2, \"trainLoss\": NaN}], \"train\": {\"loss\": NaN, \"metric\": 0.3}}");
        Result nan = cli("import-weights", npz.toString(), "--project", project);
        assertEquals(1, nan.status());
        assertTrue(nan.err().contains("metrics.json: the PyTorch run diverged (loss NaN at epoch 2"), nan.err());
        assertFalse(nan.err().contains("Non-standard token"), nan.err());

        Files.delete(metrics);
        Files.createDirectory(metrics);
        Result folder = cli("import-weights", npz.toString(), "--project", project);
        assertEquals(1, folder.status(), folder.out());
        assertTrue(folder.err().contains("metrics.json cannot be used (it is not a file"), folder.err());
        assertTrue(new org.strata.engine.runs.RunStore(org.strata.engine.runs.RunStore.folderFor(
                home.resolve("iris.strata"))).list().isEmpty(), "nothing is kept");
    }
}
