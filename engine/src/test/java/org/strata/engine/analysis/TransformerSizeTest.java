package org.strata.engine.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.strata.engine.Samples;
import org.strata.engine.graph.Graph;
import org.strata.engine.project.ProjectFile;

/**
 * The scale view's transformer, built in code from five numbers, counts exactly GPT-2's published parameters at GPT-2's
 * sizes, is the sample's graph node for node, and is read back from a project drawn the same way. Analysed only.
 */
class TransformerSizeTest {
    private static Analysis analysed(TransformerSize size) {
        Analysis a = GraphAnalyzer.analyze(size.graph());
        assertTrue(a.problems().isEmpty(), size + ": " + a.problems());
        return a;
    }

    @Test
    void gpt2_small_s_sizes_give_its_published_124439808_parameters() {
        Analysis a = analysed(new TransformerSize(12, 768, 12, 1024, 50_257));
        assertEquals(124_439_808L, a.totalParams());
        assertEquals("embedding", a.tiedEmbedding("head").orElseThrow());
    }

    @Test
    void gpt2_medium_s_sizes_give_its_published_354823168_parameters() {
        assertEquals(354_823_168L, analysed(TransformerSize.GPT2_MEDIUM).totalParams());
    }

    @Test
    void the_built_graph_is_the_gpt2_small_sample_s_layer_for_layer() throws Exception {
        Graph sample = ProjectFile.load(Samples.file("gpt2-small")).graph();
        Graph built = TransformerSize.GPT2_SMALL.graph();
        assertEquals(sample.nodes().size(), built.nodes().size());
        for (var n : sample.nodes()) {
            var b = built.node(n.id()).orElseThrow(() -> new AssertionError("no " + n.id()));
            assertEquals(n.type(), b.type(), n.id());
            assertEquals(n.params(), b.params(), n.id());
        }
        assertEquals(new java.util.HashSet<>(sample.edges()), new java.util.HashSet<>(built.edges()));
        Analysis a = GraphAnalyzer.analyze(built);
        ScaleEstimate s = ScaleEstimate.of(built, a, 8, "adam");
        assertTrue(s.perToken(), "a class at every one of the 1,024 positions");
        assertEquals(1024, s.positions());
    }

    @Test
    void a_project_drawn_as_a_transformer_is_read_back_as_its_sizes_and_any_other_is_not() throws Exception {
        assertEquals(Optional.of(TransformerSize.GPT2_SMALL),
                TransformerSize.of(ProjectFile.load(Samples.file("gpt2-small")).graph()));
        TransformerSize small = new TransformerSize(3, 64, 4, 32, 100);
        assertEquals(Optional.of(small), TransformerSize.of(small.graph()));
        assertEquals(Optional.empty(), TransformerSize.of(ProjectFile.load(Samples.file("iris")).graph()));
        // attention over learned positions, but a number per sample out of it, no output tied to the embedding
        assertEquals(Optional.empty(), TransformerSize.of(ProjectFile.load(Samples.file("attention-reverse")).graph()));
    }

    @Test
    void heads_that_do_not_divide_the_width_are_refused() {
        var e = assertThrows(IllegalArgumentException.class, () -> new TransformerSize(2, 100, 3, 8, 10));
        assertTrue(e.getMessage().contains("3 heads do not divide a width of 100"), e.getMessage());
    }
}
