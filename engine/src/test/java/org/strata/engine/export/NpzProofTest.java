package org.strata.engine.export;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.strata.engine.export.onnx.OnnxExportProofTest;
import org.strata.engine.model.NpzIO;
import org.strata.engine.model.TrainedModel;
import org.strata.engine.train.ModelArrays;

/**
 * Every sample's .npz export, run by the plain-Java reader from its arrays alone, computes what the model computes;
 * a changed array fails the proof, naming its layer.
 */
class NpzProofTest {
    @TempDir
    Path dir;

    @ParameterizedTest
    @ValueSource(strings = {"xor", "spirals", "iris", "digits-8x8", "linear-regression", "mnist-mlp", "mnist-cnn",
            "skip-connection"})
    void every_sample_exports_to_npz_and_the_reader_computes_what_the_model_computes(String sample) throws Exception {
        TrainedModel m = OnnxExportProofTest.trained(sample, 1);
        Path npz = dir.resolve(sample + ".npz");
        Exporters.npz(m, npz);
        Proof p = NpzProof.check(m, npz, ProofSamples.of(m, 64));
        assertTrue(p.passed(), p.line());
    }

    @org.junit.jupiter.api.Test
    void a_changed_array_fails_the_proof_naming_its_layer() throws Exception {
        TrainedModel m = OnnxExportProofTest.trained("mnist-cnn", 1);
        Path npz = dir.resolve("cnn.npz");
        Exporters.npz(m, npz);
        Map<String, INDArray> arrays = new java.util.LinkedHashMap<>(ModelArrays.nd4j(NpzIO.read(npz)));
        INDArray b = arrays.get("conv2/b").dup();
        b.putScalar(0, b.getDouble(0) + 0.5);
        arrays.put("conv2/b", b);
        Path bad = dir.resolve("bad.npz");
        NpzIO.write(bad, ModelArrays.plain(arrays));
        Proof p = NpzProof.check(m, bad, ProofSamples.of(m, 16));
        assertFalse(p.passed(), p.line());
        assertEquals("conv2", p.firstDiffering(), p.line());
    }
}
