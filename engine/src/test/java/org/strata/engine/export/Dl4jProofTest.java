package org.strata.engine.export;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.deeplearning4j.util.ModelSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.strata.engine.export.onnx.OnnxExportProofTest;
import org.strata.engine.model.TrainedModel;

/** A Deeplearning4j zip is proved by Deeplearning4j loading it; a changed weight in it is caught, naming its layer. */
class Dl4jProofTest {
    @TempDir
    Path dir;

    @Test
    void the_seed_cnn_exports_to_a_zip_deeplearning4j_loads_and_runs_as_the_model_does_and_a_changed_weight_fails()
            throws Exception {
        TrainedModel m = OnnxExportProofTest.trained("mnist-cnn", 1);
        Path zip = dir.resolve("cnn.zip");
        Exporters.dl4j(m, zip);
        Proof good = Dl4jProof.check(m, zip, ProofSamples.of(m, 64));
        assertTrue(good.passed(), good.line());
        assertEquals("Deeplearning4j", good.runtime());

        ComputationGraph g = ComputationGraph.load(zip.toFile(), false);
        var w = g.getLayer("dense1").getParam("W");
        w.putScalar(0, w.getDouble(0) + 1);
        Path bad = dir.resolve("bad.zip");
        ModelSerializer.writeModel(g, bad.toFile(), false);
        ProofSamples lit = ProofSamples.of(m, 64);
        for (float[] row : lit.raw()) row[0] = 255f; // the first pixel lit, so that its weight shows
        Proof caught = Dl4jProof.check(m, bad, lit);
        assertFalse(caught.passed(), caught.line());
        assertEquals("dense1", caught.firstDiffering(), caught.line());
    }
}
