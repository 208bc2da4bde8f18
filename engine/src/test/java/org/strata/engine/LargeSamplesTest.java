package org.strata.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;
import org.strata.engine.analysis.Analysis;
import org.strata.engine.analysis.GraphAnalyzer;
import org.strata.engine.project.Project;
import org.strata.engine.project.ProjectFile;

/**
 * GPT-2 small, GPT-2 medium and BERT-base built from Strata's layers at their real sizes count exactly the published
 * parameters of the parts they build. Analysed only: a network of 10⁸ weights is never compiled in a test.
 */
class LargeSamplesTest {
    private static Analysis analysed(String name) throws Exception {
        Project p = ProjectFile.load(Samples.file(name));
        Analysis a = GraphAnalyzer.analyze(p.graph());
        assertTrue(a.problems().isEmpty(), name + ": " + a.problems());
        assertTrue(p.description().contains("not for training"), p.description());
        return a;
    }

    /** @return the parameters of the nodes whose id passes {@code which} */
    private static long sum(Analysis a, Predicate<String> which) {
        return a.paramCounts().entrySet().stream().filter(e -> which.test(e.getKey())).mapToLong(Map.Entry::getValue)
                .sum();
    }

    /** A transformer block of width d with a feed-forward part 4d wide: two LayerNorms, attention, two Dense. */
    private static long block(long d) {
        long norms = 2 * 2 * d;
        long attention = 4 * (d * d + d);
        long feedForward = d * 4 * d + 4 * d + 4 * d * d + d;
        return norms + attention + feedForward;
    }

    @Test
    void gpt2_small_totals_the_published_124439808_with_the_head_tied_to_the_embedding() throws Exception {
        Analysis a = analysed("gpt2-small");
        assertEquals(124_439_808L, a.totalParams());
        assertEquals(50_257L * 768, a.paramCounts().get("embedding"));
        assertEquals(1_024L * 768, a.paramCounts().get("position"));
        assertEquals(7_087_872L, block(768));
        assertEquals(7_087_872L, sum(a, id -> id.startsWith("b1_")));
        assertEquals(12 * 7_087_872L, sum(a, id -> id.startsWith("b")));
        assertEquals(0L, a.paramCounts().get("head")); // no W of its own (Eᵀ), no bias
        assertEquals("embedding", a.tiedEmbedding("head").orElseThrow());
        assertEquals(2 * 768L, a.paramCounts().get("final_norm"));
    }

    @Test
    void gpt2_medium_totals_the_published_354823168() throws Exception {
        // 50,257·1,024 + 1,024·1,024 + 24 blocks + the final LayerNorm: the layers give the published figure exactly
        Analysis a = analysed("gpt2-medium");
        assertEquals(12_596_224L, block(1024));
        assertEquals(24 * 12_596_224L, sum(a, id -> id.startsWith("b")));
        assertEquals(354_823_168L, a.totalParams());
        assertEquals(50_257L * 1024 + 1024L * 1024 + 24 * block(1024) + 2 * 1024, a.totalParams());
    }

    @Test
    void bert_base_totals_the_published_109482240_less_the_segment_embeddings_and_pooler_it_does_not_build()
            throws Exception {
        Analysis a = analysed("bert-base");
        long token = 23_440_896;
        long position = 393_216;
        long embeddingNorm = 1_536;
        long layers = 12 * 7_087_872L;
        // not built: segment (token type) embeddings 2 × 768, which need a second input of segment ids, and the
        // pooler (a Dense 768 → 768 with tanh on the first token), which needs a layer that takes one step
        long segment = 1_536;
        long pooler = 590_592;
        assertEquals(109_482_240L, token + position + segment + embeddingNorm + layers + pooler);
        assertEquals(token, a.paramCounts().get("embedding"));
        assertEquals(position, a.paramCounts().get("position"));
        assertEquals(embeddingNorm, a.paramCounts().get("embedding_norm"));
        assertEquals(layers, sum(a, id -> id.startsWith("b")));
        assertEquals(0L, a.paramCounts().get("head")); // the masked-token head tied to the embedding, no bias
        assertEquals(109_482_240L - segment - pooler, a.totalParams());
        assertEquals(108_890_112L, a.totalParams());
    }

    @Test
    void bert_looks_both_ways_and_normalises_after_each_part_where_gpt2_is_causal_and_normalises_before()
            throws Exception {
        Project bert = ProjectFile.load(Samples.file("bert-base"));
        Project gpt = ProjectFile.load(Samples.file("gpt2-small"));
        assertTrue(!bert.graph().require("b1_attention").params().getBool("causal"));
        assertTrue(gpt.graph().require("b1_attention").params().getBool("causal"));
        assertEquals("b1_add1", bert.graph().incoming(new org.strata.engine.graph.PortRef("b1_norm1", "in"))
                .orElseThrow().from().node());
        assertEquals("b1_norm1", gpt.graph().incoming(new org.strata.engine.graph.PortRef("b1_attention", "in"))
                .orElseThrow().from().node());
        assertEquals("gelu_tanh", gpt.graph().require("b1_mlp").params().getString("activation"));
    }
}
