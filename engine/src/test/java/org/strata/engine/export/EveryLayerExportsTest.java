package org.strata.engine.export;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.strata.engine.PythonTools;
import org.strata.engine.analysis.Analysis;
import org.strata.engine.analysis.GraphAnalyzer;
import org.strata.engine.export.onnx.OnnxExport;
import org.strata.engine.export.onnx.OnnxProof;
import org.strata.engine.export.pytorch.PyTorchExport;
import org.strata.engine.export.pytorch.PyTorchProof;
import org.strata.engine.graph.Graph;
import org.strata.engine.layers.LossFn;
import org.strata.engine.model.TrainedModel;
import org.strata.engine.project.Project;
import org.strata.engine.project.TrainingSettings;
import org.strata.engine.train.Backends;
import org.strata.engine.train.TrainedModels;

/**
 * Every graph of the layer tests (the fast engine's gradient graphs: every type it runs, with branches and merges)
 * exports to ONNX, PyTorch, .npz and Deeplearning4j's zip, and each export computes what the network computes: a new
 * layer type is proved in every format as soon as its gradient test has a graph.
 */
class EveryLayerExportsTest {
    @TempDir
    Path dir;

    private static TrainedModel model(String name, Graph g) {
        Analysis a = GraphAnalyzer.analyze(g);
        Project p = new Project(name, "", g, null, TrainingSettings.defaults());
        var net = Backends.compile(g, a, p.training());
        int features = (int) a.shapeOf(g.inputNodes().get(0).id()).orElseThrow().size();
        var output = g.outputNodes().get(0);
        var shape = a.shapeOf(output.id()).orElseThrow();
        // a class at every step: K classes at each of T steps
        int width = org.strata.engine.layers.OutputLayerType.perStep(shape) ? shape.channels() : (int) shape.size();
        List<String> classes = new ArrayList<>();
        if (!LossFn.of(output.params()).isRegression()) for (int i = 0; i < Math.max(2, width); i++) classes.add("c" + i);
        float[] scale = new float[features];
        Arrays.fill(scale, 1f);
        return TrainedModels.of(p, net, classes, new float[features], scale, 0);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("org.strata.engine.train.fast.FastGradientTest#graphs")
    void exports_to_onnx_npz_and_dl4j_and_each_computes_what_the_network_computes(String name, Graph g) throws Exception {
        TrainedModel m = model(name, g);
        ProofSamples samples = ProofSamples.of(m, 32);
        Path onnx = dir.resolve("model.onnx");
        OnnxExport.write(m, onnx, "test");
        Proof byOnnx = OnnxProof.check(m, onnx, samples);
        assertTrue(byOnnx.passed(), name + ": " + byOnnx.line());
        Path npz = dir.resolve("weights.npz");
        Exporters.npz(m, npz);
        Proof byReader = NpzProof.check(m, npz, samples);
        assertTrue(byReader.passed(), name + ": " + byReader.line());
        // Deeplearning4j's own zip, loaded back by it: our layers and losses it lacks (LayerNorm, Huber) included
        Path zip = dir.resolve("model.zip");
        Exporters.dl4j(m, zip);
        Proof byDl4j = Dl4jProof.check(m, zip, samples);
        assertTrue(byDl4j.passed(), name + ": " + byDl4j.line());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("org.strata.engine.train.fast.FastGradientTest#graphs")
    void exports_to_pytorch_and_pytorch_computes_what_the_network_computes(String name, Graph g) throws Exception {
        String python = PythonTools.with("torch", "python3-torch");
        TrainedModel m = model(name, g);
        Path out = dir.resolve("pytorch");
        PyTorchExport.write(m, out, "test");
        Proof p = PyTorchProof.check(m, out, ProofSamples.of(m, 32), python);
        assertTrue(p.passed(), name + ": " + p.line());
    }
}
