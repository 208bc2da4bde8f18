package org.strata.engine.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.nd4j.linalg.dataset.DataSet;
import org.strata.engine.Graphs;
import org.strata.engine.analysis.Analysis;
import org.strata.engine.analysis.GraphAnalyzer;
import org.strata.engine.data.Dataset;
import org.strata.engine.data.DatasetLoader;
import org.strata.engine.graph.Graph;
import org.strata.engine.layers.LossFn;
import org.strata.engine.project.DatasetKind;
import org.strata.engine.project.DatasetSpec;
import org.strata.engine.project.Project;
import org.strata.engine.project.ProjectFile;
import org.strata.engine.project.TrainingSettings;

/**
 * A class at every position: the loss each engine trains on is the evaluation's loss per token, computed apart in
 * plain Java from the predictions, and the evaluation counts tokens, not samples.
 */
class PerTokenLossTest {
    @TempDir
    Path dir;

    @ParameterizedTest
    @EnumSource(value = Backends.Preference.class, names = {"STRATA", "DL4J"})
    void each_engine_trains_on_the_loss_per_token_that_the_evaluation_reports(Backends.Preference engine)
            throws Exception {
        Files.writeString(dir.resolve("poems.txt"), "床前明月光，疑是地上霜。\n举头望明月，低头思故乡。\n".repeat(8),
                StandardCharsets.UTF_8);
        var d = DatasetKind.LANGUAGE_MODEL.params().defaults();
        d.set("corpus", "poems.txt").set("context", 6).set("validationSplit", 0.0).set("testSplit", 0.0);
        Graph g = new Graphs().then("input", "Input", "size", 6)
                .then("e", "Embedding", "vocabulary", 22, "dimension", 4)
                .then("att", "MultiHeadAttention", "heads", 2, "keySize", 2, "causal", true)
                .then("head", "Dense", "units", 22, "activation", "identity").then("output", "Output").build();
        Project p = new Project("poems", "", g, new DatasetSpec(DatasetKind.LANGUAGE_MODEL, d),
                TrainingSettings.defaults());
        ProjectFile.save(p, dir.resolve("poems.strata"));
        p = ProjectFile.load(dir.resolve("poems.strata"));
        Dataset data = DatasetLoader.load(p);
        Analysis a = GraphAnalyzer.analyze(g);
        Task task = Task.of(data, a.shapeOf("output").orElseThrow(), LossFn.SOFTMAX_CROSS_ENTROPY, "accuracy",
                "output");
        var net = Backends.compile(g, a, p.training(), engine);
        int n = data.train().size();
        Evaluation e = new Evaluator(net, task, data.featureShape(), n).evaluate(data.train(), 0);
        DataSet batch = new Batches(data.train(), data.featureShape(), task, n).get(0, null);
        double trained = net.fit(batch.getFeatures(), batch.getLabels()); // the loss before its step
        assertEquals(e.loss(), trained, 1e-5, engine + ": the loss it trains on is the loss per token");
        assertEquals((long) n * 6, e.tokens(), "every position of every window has its next token");
        assertEquals(n, e.samples());
        assertNull(e.confusion(), "no confusion matrix of a vocabulary");
        assertTrue(e.loss() > Math.log(22) * 0.8 && e.loss() < Math.log(22) * 1.2,
                "about ln 22 at random weights: " + e.loss());
    }
}
