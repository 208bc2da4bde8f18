package org.strata.engine.analysis;

import java.util.List;
import java.util.Optional;
import org.strata.engine.graph.Graph;
import org.strata.engine.graph.Node;
import org.strata.engine.graph.PortRef;
import org.strata.engine.layers.DenseLayer;
import org.strata.engine.layers.EmbeddingLayer;
import org.strata.engine.layers.LayerCatalogue;
import org.strata.engine.layers.MultiHeadAttentionLayer;
import org.strata.engine.layers.PositionEmbeddingLayer;
import org.strata.engine.params.Params;

/**
 * The five numbers a GPT-style transformer's size is made of, and the graph they give, drawn as the GPT-2 samples
 * are: token embedding, learned positions, {@code layers} pre-norm blocks (LayerNorm → causal MultiHeadAttention
 * with its projection biases → Add → LayerNorm → Dense 4d gelu_tanh → Dense d → Add), a final LayerNorm, a Dense to
 * the vocabulary tied to the embedding, and an Output with a class at every step. What the scale view grows and
 * shrinks; analysed, never built (no engine is reached from here).
 *
 * @param layers     transformer blocks
 * @param width      d_model: each token's vector
 * @param heads      attention heads; each head's keys are {@code width / heads} long, so heads divides width
 * @param context    tokens per sample (the learned positions)
 * @param vocabulary distinct tokens
 */
public record TransformerSize(int layers, int width, int heads, int context, int vocabulary) {
    /** GPT-2 small (OpenAI, 2019): 124,439,808 parameters. */
    public static final TransformerSize GPT2_SMALL = new TransformerSize(12, 768, 12, 1024, 50_257);
    /** GPT-2 medium: 354,823,168 parameters. */
    public static final TransformerSize GPT2_MEDIUM = new TransformerSize(24, 1024, 16, 1024, 50_257);

    public TransformerSize {
        if (layers < 1 || width < 1 || heads < 1 || context < 1 || vocabulary < 1) {
            throw new IllegalArgumentException("every size is at least 1: " + this);
        }
        if (width % heads != 0) throw new IllegalArgumentException(heads + " heads do not divide a width of " + width);
    }

    /** @return each head's query, key and value length */
    public int keySize() {
        return width / heads;
    }

    /** @return the transformer's graph, laid out a block to a row as the GPT-2 samples are */
    public Graph graph() {
        Graph g = new Graph();
        String[] previous = {null};
        Row top = new Row(g, 60);
        top.then(previous, "tokens", "Input", "tokens").set("kind", "vector").set("size", context);
        top.then(previous, "embedding", "Embedding", "token embedding").set("vocabulary", vocabulary)
                .set("dimension", width).set("maskPadding", false);
        top.then(previous, "position", "PositionEmbedding", "position embedding");
        for (int b = 1; b <= layers; b++) {
            String block = previous[0];
            Row row = new Row(g, 60 + 160 * b);
            String p = "b" + b + "_";
            row.then(previous, p + "norm1", "LayerNorm", b + " · norm 1");
            row.then(previous, p + "attention", "MultiHeadAttention", b + " · attention").set("heads", heads)
                    .set("keySize", keySize()).set("causal", true);
            row.add(previous, p + "add1", b + " · residual 1", block);
            String mid = previous[0];
            row.then(previous, p + "norm2", "LayerNorm", b + " · norm 2");
            row.then(previous, p + "mlp", "Dense", b + " · feed-forward").set("units", 4 * width)
                    .set("activation", "gelu_tanh");
            row.then(previous, p + "proj", "Dense", b + " · projection").set("units", width)
                    .set("activation", "identity");
            row.add(previous, p + "add2", b + " · residual 2", mid);
        }
        Row last = new Row(g, 60 + 160 * (layers + 1));
        last.then(previous, "final_norm", "LayerNorm", "final norm");
        last.then(previous, "head", "Dense", "next token").set("units", vocabulary).set("activation", "identity")
                .set("useBias", false).set("tieEmbedding", true);
        last.then(previous, "output", "Output", "output").set("loss", "softmax_cross_entropy");
        return g;
    }

    /**
     * @return the size of a graph drawn as {@link #graph()} draws one (an Input of token indices, an Embedding, a
     *     PositionEmbedding, blocks with a MultiHeadAttention each and a Dense tied to the embedding), read from its
     *     layers; empty for any other network
     */
    public static Optional<TransformerSize> of(Graph g) {
        List<Node> attention = g.nodes().stream().filter(n -> n.type() instanceof MultiHeadAttentionLayer).toList();
        Optional<Node> embedding = g.nodes().stream().filter(n -> n.type() instanceof EmbeddingLayer).findFirst();
        boolean positions = g.nodes().stream().anyMatch(n -> n.type() instanceof PositionEmbeddingLayer);
        boolean tied = g.nodes().stream().anyMatch(n -> n.type() instanceof DenseLayer
                && n.params().getBool(DenseLayer.TIE));
        if (attention.isEmpty() || embedding.isEmpty() || !positions || !tied || g.inputNodes().size() != 1) {
            return Optional.empty();
        }
        Params input = g.inputNodes().get(0).params();
        Params e = embedding.get().params();
        int width = e.getInt("dimension");
        int heads = attention.get(0).params().getInt("heads");
        if (!"vector".equals(input.getString("kind")) || width % heads != 0) return Optional.empty();
        return Optional.of(new TransformerSize(attention.size(), width, heads, input.getInt("size"),
                e.getInt("vocabulary")));
    }

    /** Adds one row of nodes left to right, each fed by the one before (the last of the row above for the first). */
    private static final class Row {
        private final Graph g;
        private final double y;
        private int column;

        Row(Graph g, double y) {
            this.g = g;
            this.y = y;
        }

        Params then(String[] previous, String id, String type, String name) {
            Params p = node(id, type, name);
            if (previous[0] != null) g.connect(previous[0], id);
            previous[0] = id;
            return p;
        }

        /** An Add of the node before (its second input) and {@code skip} (its first): a residual connection. */
        void add(String[] previous, String id, String name, String skip) {
            node(id, "Add", name);
            g.connect(new PortRef(skip, "out"), new PortRef(id, "in1"));
            g.connect(new PortRef(previous[0], "out"), new PortRef(id, "in2"));
            previous[0] = id;
        }

        private Params node(String id, String type, String name) {
            var t = LayerCatalogue.get(type);
            Node n = g.add(new Node(id, t, name, t.params().defaults(), 40 + 280 * column++, y));
            return n.params();
        }
    }
}
