package org.strata.engine.export.onnx;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.strata.engine.Graphs;
import org.strata.engine.analysis.GraphAnalyzer;
import org.strata.engine.export.Proof;
import org.strata.engine.export.ProofSamples;
import org.strata.engine.graph.Graph;
import org.strata.engine.model.TrainedModel;
import org.strata.engine.project.Project;
import org.strata.engine.project.TrainingSettings;
import org.strata.engine.train.Backends;
import org.strata.engine.train.TrainedModels;

/** Sequence layers (LSTM, with and without its whole sequence, and Embedding) export to ONNX and .npz and prove. */
class OnnxSequenceExportTest {
    @TempDir
    Path dir;

    /** A network with its first weights (the proof is about arithmetic, not learning), on identity normalisation. */
    private static TrainedModel untrained(Graph g, int features) {
        Project p = new Project("seq", "", g, null, TrainingSettings.defaults());
        var net = Backends.compile(g, GraphAnalyzer.analyze(g), p.training());
        float[] scale = new float[features];
        java.util.Arrays.fill(scale, 1f);
        return TrainedModels.of(p, net, List.of("a", "b", "c"), new float[features], scale, 0);
    }

    /** The ONNX export's proof; the .npz export's (the plain-Java reader) must pass too. */
    private Proof prove(TrainedModel m, String name) throws Exception {
        Path file = dir.resolve(name + ".onnx");
        OnnxExport.write(m, file, "test");
        Path npz = dir.resolve(name + ".npz");
        org.strata.engine.export.Exporters.npz(m, npz);
        Proof fromNpz = org.strata.engine.export.NpzProof.check(m, npz, ProofSamples.of(m, 64));
        assertTrue(fromNpz.passed(), fromNpz.line());
        return OnnxProof.check(m, file, ProofSamples.of(m, 64));
    }

    @Test
    void an_lstm_giving_its_last_step_and_one_giving_every_step_export_and_prove() throws Exception {
        Graph last = new Graphs().then("input", "Input", "kind", "sequence", "timesteps", 5, "features", 3)
                .then("lstm", "LSTM", "units", 4).then("dense", "Dense", "units", 3, "activation", "softmax")
                .then("output", "Output").build();
        Proof a = prove(untrained(last, 15), "lstm-last");
        assertTrue(a.passed(), a.line());
        Graph every = new Graphs().then("input", "Input", "kind", "sequence", "timesteps", 5, "features", 3)
                .then("lstm", "LSTM", "units", 4, "returnSequences", true).then("flatten", "Flatten")
                .then("dense", "Dense", "units", 3, "activation", "softmax").then("output", "Output").build();
        Proof b = prove(untrained(every, 15), "lstm-every");
        assertTrue(b.passed(), b.line());
    }

    @Test
    void an_embedding_reads_token_indices_and_proves() throws Exception {
        Graph g = new Graphs().then("input", "Input", "kind", "vector", "size", 6)
                .then("embed", "Embedding", "vocabulary", 10, "dimension", 4).then("lstm", "LSTM", "units", 5)
                .then("dense", "Dense", "units", 3, "activation", "softmax").then("output", "Output").build();
        TrainedModel m = untrained(g, 6);
        Proof p = prove(m, "embedding");
        assertTrue(p.passed(), p.line());
    }
}
