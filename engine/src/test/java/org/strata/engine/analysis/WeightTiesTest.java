package org.strata.engine.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.strata.engine.Graphs;
import org.strata.engine.graph.Graph;
import org.strata.engine.graph.PortRef;

/** A Dense tied to the embedding finds its one Embedding, counts the matrix once, and says why when it cannot. */
class WeightTiesTest {
    /** Tokens → Embedding(7, 4) → a per-step Dense to the vocabulary, tied → Flatten → Dense → Output. */
    private static Graph head(int units, boolean bias) {
        return new Graphs().then("input", "Input", "size", 5).then("e", "Embedding", "vocabulary", 7, "dimension", 4)
                .then("head", "Dense", "units", units, "activation", "identity", "useBias", bias,
                        "tieEmbedding", true)
                .then("f", "Flatten").then("d", "Dense", "units", 3, "activation", "softmax").then("out", "Output")
                .build();
    }

    @Test
    void a_tied_dense_uses_the_embedding_whose_vocabulary_is_its_units_and_holds_no_matrix_of_its_own() {
        Analysis a = GraphAnalyzer.analyze(head(7, false));
        assertTrue(a.isValid(), a.problems().toString());
        assertEquals(Optional.of("e"), a.tiedEmbedding("head"));
        assertEquals(List.of("head"), a.tiedTo("e"));
        assertEquals(Optional.empty(), a.tiedEmbedding("d"));
        assertEquals(List.of(), a.weightsOf("head"));
        assertEquals(0L, a.paramCounts().get("head"));
        // E 7×4 once, d's 35×3 + 3: the head adds nothing
        assertEquals(28 + 108, a.totalParams());
    }

    @Test
    void a_tied_dense_with_a_bias_counts_only_the_bias_and_the_summary_names_the_tie() {
        Graph g = head(7, true);
        Analysis a = GraphAnalyzer.analyze(g);
        assertEquals(List.of("b"), a.weightsOf("head").stream().map(w -> w.name()).toList());
        assertEquals(28 + 7 + 108, a.totalParams());
        String table = SummaryTable.render(g, a);
        assertTrue(table.contains("head (Dense, W tied to e)"), table);
        assertTrue(table.contains("Total params: 143"), table);
    }

    @Test
    void untied_the_same_dense_holds_its_own_matrix() {
        Graph g = head(7, false);
        g.require("head").params().set("tieEmbedding", false);
        Analysis a = GraphAnalyzer.analyze(g);
        assertEquals(28 + 28 + 108, a.totalParams());
        assertEquals(Optional.empty(), a.tiedEmbedding("head"));
    }

    @Test
    void no_embedding_of_the_dense_units_is_an_error_offering_the_embeddings_vocabulary_as_units() {
        Analysis a = GraphAnalyzer.analyze(head(6, false));
        assertFalse(a.isValid());
        Problem p = a.errors().stream().filter(e -> e.code().equals("tie.none")).findFirst().orElseThrow();
        assertEquals("head", p.nodeId());
        assertTrue(p.message().contains("no Embedding has a vocabulary of 6 (its units) and a dimension of 4"),
                p.message());
        assertEquals("fix.units", p.fix().code());
        assertEquals(Map.of("units", 7), p.fix().values());
        assertEquals(Optional.empty(), a.tiedEmbedding("head"));
    }

    @Test
    void no_embedding_at_all_offers_to_untie() {
        Graph g = new Graphs().then("input", "Input", "size", 4)
                .then("head", "Dense", "units", 3, "activation", "softmax", "tieEmbedding", true).then("out", "Output")
                .build();
        Problem p = GraphAnalyzer.analyze(g).errors().get(0);
        assertEquals("tie.none", p.code());
        assertEquals("fix.untie", p.fix().code());
        assertEquals(Map.of("tieEmbedding", false), p.fix().values());
        assertEquals(List.of("head"), p.fix().args());
    }

    @Test
    void two_embeddings_that_fit_are_an_error_naming_both() {
        Graph g = new Graphs().then("input", "Input", "size", 5).then("e", "Embedding", "vocabulary", 7, "dimension", 4)
                .add("e2", "Embedding", "vocabulary", 7, "dimension", 4).add("sum", "Add")
                .then("head", "Dense", "units", 7, "activation", "identity", "tieEmbedding", true)
                .then("f", "Flatten").then("d", "Dense", "units", 3, "activation", "softmax").then("out", "Output")
                .build();
        g.connect("input", "e2");
        g.connect(new PortRef("e", "out"), new PortRef("sum", "in1"));
        g.connect(new PortRef("e2", "out"), new PortRef("sum", "in2"));
        Analysis a = GraphAnalyzer.analyze(g);
        Problem p = a.errors().stream().filter(e -> e.code().equals("tie.ambiguous")).findFirst().orElseThrow();
        assertTrue(p.message().contains("e, e2 all have a vocabulary of 7"), p.message());
        assertEquals("fix.untie", p.fix().code());
        assertEquals(Optional.empty(), a.tiedEmbedding("head"));
    }
}
