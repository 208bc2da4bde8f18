package org.strata.engine.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.strata.engine.Graphs;
import org.strata.engine.graph.Graph;

/** The counts behind {@code strata summary}'s scale lines, checked by hand on two small networks. */
class ScaleEstimateTest {
    /** Input 4 → Dense 3 → Dense 2 → Output: 15 + 8 = 23 parameters; outputs 4 + 3 + 2 + 2 (the Output's) = 11. */
    private static Graph mlp() {
        return new Graphs().then("input", "Input", "kind", "vector", "size", 4).then("d1", "Dense", "units", 3)
                .then("d2", "Dense", "units", 2, "activation", "softmax").then("out", "Output").build();
    }

    /**
     * 5 tokens of 7 → Embedding 4 (28) → causal attention 2 heads of 2 (4·(4·4) + 4·4 = 80) → Dense tied to the
     * embedding, no bias (0) → a class at every step: 108 parameters.
     */
    private static Graph tinyGpt() {
        return new Graphs().then("input", "Input", "kind", "vector", "size", 5)
                .then("emb", "Embedding", "vocabulary", 7, "dimension", 4)
                .then("att", "MultiHeadAttention", "heads", 2, "keySize", 2, "causal", true)
                .then("head", "Dense", "units", 7, "activation", "identity", "useBias", false, "tieEmbedding", true)
                .then("out", "Output").build();
    }

    @Test
    void a_small_network_counts_per_sample_its_memory_to_run_and_to_train_with_adam() {
        Graph g = mlp();
        ScaleEstimate s = ScaleEstimate.of(g, GraphAnalyzer.analyze(g), 10, "adam");
        assertEquals(23, s.parameters());
        assertFalse(s.large());
        assertFalse(s.perToken());
        assertEquals(1, s.positions());
        // run one sample: the weights once (23 × 4 bytes), the 11 outputs once (× 4)
        assertEquals(92, s.toRun().weights());
        assertEquals(0, s.toRun().optimizer());
        assertEquals(44, s.toRun().activations());
        // train a batch of 10: weights and gradients 2 × 92, Adam's two moments 2 × 92, outputs and gradients
        // 2 × 11 × 10 × 4
        assertEquals(184, s.toTrain().weights());
        assertEquals(184, s.toTrain().optimizer());
        assertEquals(880, s.toTrain().activations());
        assertEquals(1248, s.toTrain().total());
        // forward 2·4·3 + 2·3·2 = 36 FLOPs; 2 × parameters = 46; training 3 × 36
        assertEquals(36, s.forwardPerToken());
        assertEquals(36.0 / 46, s.ratioToTwiceParameters(), 1e-12);
        assertEquals(108, s.trainingPerToken());
        assertEquals(1000 * 108 / 1e6, s.secondsToTrain(1000, 1e6), 1e-12);
        assertEquals(0, ScaleEstimate.of(g, GraphAnalyzer.analyze(g), 10, "sgd").toTrain().optimizer());
    }

    @Test
    void a_language_model_counts_per_token_with_attentions_steps_squared_and_its_kept_weights() {
        Graph g = tinyGpt();
        Analysis a = GraphAnalyzer.analyze(g);
        assertTrue(a.problems().isEmpty(), a.problems().toString());
        ScaleEstimate s = ScaleEstimate.of(g, a, 1, "adam");
        assertEquals(108, s.parameters());
        assertTrue(s.perToken());
        assertEquals(5, s.positions());
        // attention: 2·T·4·d·hk = 2·5·64 = 640 for its four projections, 4·T²·hk = 400 for Q·Kᵀ and A·V;
        // the tied head 2·(T·d)·V = 280: 1,320 per sample, 264 per token, 264 / 216 over 2 × parameters
        assertEquals(1320, s.forwardFlops());
        assertEquals(264, s.forwardPerToken());
        assertEquals(264.0 / 216, s.ratioToTwiceParameters(), 1e-12);
        // outputs 5 + 20 + 20 + 35 + 35 = 115, and attention keeps Q, K, V, the heads' mix (4·T·hk = 80) and
        // each head's T × T weights (2·25 = 50): 245 values, 4 bytes each
        assertEquals(980, s.toRun().activations());
        assertEquals(432, s.toRun().weights());
        // the run's memory check counts outputs alone, as before
        assertEquals(8 * 115, MemoryEstimate.of(a, 1, "adam").activations());
        assertEquals(8 * 245, s.toTrain().activations());
    }

    @Test
    void more_than_one_hundred_million_parameters_is_a_large_model_and_exactly_that_is_not() {
        Graph g = new Graphs().then("input", "Input", "kind", "vector", "size", 9_999)
                .then("d", "Dense", "units", 10_000).then("out", "Output").build();
        ScaleEstimate at = ScaleEstimate.of(g, GraphAnalyzer.analyze(g), 1, "sgd");
        assertEquals(100_000_000L, at.parameters()); // 9,999 · 10,000 + 10,000
        assertFalse(at.large());
        Graph over = new Graphs().then("input", "Input", "kind", "vector", "size", 10_000)
                .then("d", "Dense", "units", 10_000).then("out", "Output").build();
        assertTrue(ScaleEstimate.of(over, GraphAnalyzer.analyze(over), 1, "sgd").large());
    }
}
