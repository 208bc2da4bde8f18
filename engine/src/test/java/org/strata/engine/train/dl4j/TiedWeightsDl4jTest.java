package org.strata.engine.train.dl4j;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.factory.Nd4j;
import org.strata.engine.Graphs;
import org.strata.engine.analysis.Analysis;
import org.strata.engine.analysis.GraphAnalyzer;
import org.strata.engine.graph.Graph;
import org.strata.engine.project.TrainingSettings;

/** Deeplearning4j keeps a tied Dense's own W equal to the Embedding's Eᵀ, hidden from the declared weights. */
class TiedWeightsDl4jTest {
    private static final Graph TIED = new Graphs().then("input", "Input", "size", 5)
            .then("e", "Embedding", "vocabulary", 7, "dimension", 4)
            .then("head", "Dense", "units", 7, "activation", "identity", "useBias", false, "tieEmbedding", true)
            .then("f", "Flatten").then("d", "Dense", "units", 3, "activation", "softmax").then("out", "Output")
            .build();

    private static boolean copyIsTransposeOfE(ComputationGraph cg) {
        return cg.getParam("head_W").equalsWithEps(cg.getParam("e_W").transpose(), 0);
    }

    @Test
    void training_with_adam_and_weight_decay_keeps_the_copy_equal_to_the_embeddings_transpose() {
        Analysis a = GraphAnalyzer.analyze(TIED);
        Dl4jNetwork net = Dl4jCompiler.compile(TIED, a, TrainingSettings.defaults().set("optimizer", "adamw")
                .set("learningRate", 0.05).set("weightDecay", 0.1));
        ComputationGraph cg = net.graph();
        assertTrue(copyIsTransposeOfE(cg), "set at compile");
        INDArray e0 = cg.getParam("e_W").dup();
        Nd4j.getRandom().setSeed(5);
        INDArray x = Nd4j.rand(DataType.FLOAT, 8, 5).muli(6.99);
        x = org.nd4j.linalg.ops.transforms.Transforms.floor(x, false);
        INDArray y = Nd4j.zeros(DataType.FLOAT, 8, 3);
        for (int i = 0; i < 8; i++) y.putScalar(i, i % 3, 1);
        for (int step = 0; step < 5; step++) cg.fit(new DataSet(x, y));
        assertFalse(cg.getParam("e_W").equalsWithEps(e0, 1e-6), "E trained");
        assertTrue(copyIsTransposeOfE(cg), "after five steps");
    }

    @Test
    void the_copy_is_no_declared_weight_and_follows_every_write() {
        Analysis a = GraphAnalyzer.analyze(TIED);
        Dl4jNetwork net = Dl4jCompiler.compile(TIED, a, TrainingSettings.defaults());
        Map<String, INDArray> params = ParamAccess.read(TIED, net);
        assertEquals(java.util.Set.of("e/E", "d/W", "d/b"), params.keySet());
        assertEquals(a.totalParams() + 28, net.graph().numParams());
        assertEquals(28, TiedWeightsDl4j.copiedParams(net));
        params.get("e/E").assign(Nd4j.linspace(1, 28, 28).reshape(7, 4));
        ParamAccess.write(TIED, net, params);
        assertTrue(copyIsTransposeOfE(net.graph()));
        assertEquals(6f, net.graph().getParam("head_W").getFloat(1, 1), 0f); // Eᵀ[1][1] = E[1][1] = 4 + 2
    }

    @Test
    void a_frozen_embedding_keeps_the_shared_matrix_and_its_copy() {
        Analysis a = GraphAnalyzer.analyze(TIED);
        Dl4jNetwork net = Dl4jCompiler.compile(TIED, a, TrainingSettings.defaults().set("learningRate", 0.05));
        Dl4jBackend backend = new Dl4jBackend(TIED, net);
        backend.freeze(java.util.Set.of("e"));
        INDArray e0 = net.graph().getParam("e_W").dup();
        INDArray x = Nd4j.createFromArray(new float[][]{{1, 2, 3, 4, 5}, {6, 5, 4, 3, 2}});
        INDArray y = Nd4j.createFromArray(new float[][]{{1, 0, 0}, {0, 0, 1}});
        for (int step = 0; step < 3; step++) backend.fit(x, y);
        assertTrue(net.graph().getParam("e_W").equalsWithEps(e0, 0), "E frozen");
        assertTrue(copyIsTransposeOfE(net.graph()), "the copy back to Eᵀ after each step");
    }
}
