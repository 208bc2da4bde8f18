package org.strata.engine.export.pytorch;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.strata.engine.Graphs;
import org.strata.engine.PythonTools;
import org.strata.engine.analysis.GraphAnalyzer;
import org.strata.engine.export.Proof;
import org.strata.engine.export.ProofSamples;
import org.strata.engine.export.onnx.OnnxExportProofTest;
import org.strata.engine.graph.Graph;
import org.strata.engine.model.TrainedModel;
import org.strata.engine.project.Project;
import org.strata.engine.project.TrainingSettings;
import org.strata.engine.train.Backends;
import org.strata.engine.train.TrainedModels;

/** The generated model.py, with its weights, computes in PyTorch what the trained model computes. */
class PyTorchExportTest {
    @TempDir
    Path dir;

    @ParameterizedTest
    @ValueSource(strings = {"xor", "spirals", "iris", "digits-8x8", "linear-regression", "mnist-mlp", "mnist-cnn",
            "skip-connection"})
    void every_sample_exports_a_module_pytorch_runs_as_the_model_does(String sample) throws Exception {
        String python = PythonTools.with("torch", "python3-torch");
        TrainedModel m = OnnxExportProofTest.trained(sample, 1);
        Path out = dir.resolve(sample);
        PyTorchExport.write(m, out, "test");
        assertTrue(Files.readString(out.resolve("model.py")).contains("class Net(nn.Module):"));
        Proof p = PyTorchProof.check(m, out, ProofSamples.of(m, 64), python);
        assertTrue(p.passed(), p.line());
    }

    @Test
    void sequence_layers_export_to_pytorch_and_prove() throws Exception {
        String python = PythonTools.with("torch", "python3-torch");
        Graph g = new Graphs().then("input", "Input", "kind", "vector", "size", 6)
                .then("embed", "Embedding", "vocabulary", 10, "dimension", 4)
                .then("lstm1", "LSTM", "units", 5, "returnSequences", true).then("lstm2", "LSTM", "units", 3).then("dense", "Dense", "units", 3, "activation", "softmax")
                .then("output", "Output").build();
        Project p = new Project("seq", "", g, null, TrainingSettings.defaults());
        var net = Backends.compile(g, GraphAnalyzer.analyze(g), p.training());
        float[] scale = new float[6];
        java.util.Arrays.fill(scale, 1f);
        TrainedModel m = TrainedModels.of(p, net, List.of("a", "b", "c"), new float[6], scale, 0);
        Path out = dir.resolve("seq");
        PyTorchExport.write(m, out, "test");
        Proof proof = PyTorchProof.check(m, out, ProofSamples.of(m, 32), python);
        assertTrue(proof.passed(), proof.line() + "\n" + Files.readString(out.resolve("model.py")));
    }
}
