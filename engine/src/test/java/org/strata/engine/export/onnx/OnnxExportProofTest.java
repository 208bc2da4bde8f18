package org.strata.engine.export.onnx;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.onnx.proto.OnnxMl;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.strata.engine.Samples;
import org.strata.engine.export.Proof;
import org.strata.engine.export.ProofSamples;
import org.strata.engine.model.TrainedModel;
import org.strata.engine.project.Project;
import org.strata.engine.project.ProjectFile;
import org.strata.engine.train.TrainingSession;
import org.strata.engine.train.TrainedModels;

/**
 * Every sample project exports to ONNX and ONNX Runtime computes what the trained model computes, on its held-out
 * samples; a corrupted weight is caught, naming its layer.
 */
public class OnnxExportProofTest {
    @TempDir
    Path dir;

    public static TrainedModel trained(String sample, int epochs) throws Exception {
        Project p = ProjectFile.load(Samples.file(sample));
        TrainingSession s = TrainingSession.create(p);
        s.setEpochs(epochs);
        s.run();
        return TrainedModels.of(p, s.backend(), s.dataset().classNames(), s.dataset().normalizer().shift(),
                s.dataset().normalizer().scale(), epochs);
    }

    @ParameterizedTest
    @ValueSource(strings = {"xor", "spirals", "iris", "digits-8x8", "linear-regression", "mnist-mlp", "mnist-cnn",
            "skip-connection"})
    void every_sample_exports_and_onnx_runtime_computes_what_the_model_computes(String sample) throws Exception {
        TrainedModel m = trained(sample, 1);
        Path file = dir.resolve(sample + ".onnx");
        OnnxExport.write(m, file, "test");
        Proof proof = OnnxProof.check(m, file, ProofSamples.of(m, 256));
        assertTrue(proof.passed(), proof.line());
        assertTrue(proof.samples() > 0);
        assertFalse(proof.from().equals("generated"), "the sample's own data is found: " + proof.from());
    }

    @org.junit.jupiter.api.Test
    void the_exported_files_pass_onnxs_own_checker() throws Exception {
        String python = org.strata.engine.PythonTools.with("onnx", "python3-onnx");
        List<Path> files = new java.util.ArrayList<>();
        for (String sample : List.of("mnist-cnn", "skip-connection", "iris")) {
            Path f = dir.resolve(sample + ".onnx");
            OnnxExport.write(trained(sample, 1), f, "test");
            files.add(f);
        }
        List<String> cmd = new java.util.ArrayList<>(List.of(python, "-c", String.join("\n",
                "import onnx, sys",
                "for f in sys.argv[1:]:",
                "    m = onnx.load(f)",
                "    onnx.checker.check_model(m, full_check=True)",
                "    print('checked', f, 'opset', m.opset_import[0].version)")));
        files.forEach(f -> cmd.add(f.toString()));
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        assertTrue(p.waitFor(300, java.util.concurrent.TimeUnit.SECONDS));
        assertEquals(0, p.exitValue(), out);
        assertEquals(3, out.lines().filter(l -> l.startsWith("checked") && l.endsWith("opset 13")).count(), out);
    }

    @ParameterizedTest
    @ValueSource(strings = {"mnist-mlp", "mnist-cnn"})
    void a_corrupted_weight_fails_the_proof_naming_its_layer(String sample) throws Exception {
        TrainedModel m = trained(sample, 1);
        OnnxMl.ModelProto good = OnnxExport.build(m, "test");
        // add 1 to the first value of dense1's weights, as a wrong layout or a lost update would
        OnnxMl.ModelProto.Builder bad = good.toBuilder();
        var graph = bad.getGraphBuilder();
        int at = -1;
        for (int i = 0; i < graph.getInitializerCount(); i++) {
            if (graph.getInitializer(i).getName().equals("dense1_W")) at = i;
        }
        assertTrue(at >= 0, "dense1's weights are an initializer");
        ByteBuffer raw = ByteBuffer.wrap(graph.getInitializer(at).getRawData().toByteArray())
                .order(ByteOrder.LITTLE_ENDIAN);
        raw.putFloat(0, raw.getFloat(0) + 1f);
        graph.setInitializer(at, graph.getInitializer(at).toBuilder()
                .setRawData(com.google.protobuf.ByteString.copyFrom(raw.array())));
        Path file = dir.resolve("bad.onnx");
        Files.write(file, bad.build().toByteArray());
        // inputs whose first pixel is lit, so that the changed weight shows
        ProofSamples samples = ProofSamples.of(m, 64);
        for (float[] row : samples.raw()) row[0] = 255f;
        Proof proof = OnnxProof.check(m, file, samples);
        assertFalse(proof.passed(), proof.line());
        assertEquals("dense1", proof.firstDiffering(), proof.line());
    }
}
