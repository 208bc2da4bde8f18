package org.strata.engine.layers;

import java.util.List;
import org.deeplearning4j.nn.conf.RNNFormat;
import org.deeplearning4j.nn.conf.layers.EmbeddingSequenceLayer;
import org.strata.engine.graph.Node;
import org.strata.engine.params.ParamSpec;
import org.strata.engine.params.ParamTable;
import org.strata.engine.params.Params;
import org.strata.engine.train.dl4j.Dl4jContext;

/** Looks up a learned vector for each token index: a vector of T indices becomes a T×D sequence. */
public final class EmbeddingLayer extends LayerType {
    public EmbeddingLayer() {
        super("Embedding", Category.SEQUENCE, "Token indices to learned vectors",
                "y[t] = E[x[t]], E of shape [vocabulary, dimension]; the input holds whole numbers in "
                        + "[0, vocabulary).",
                ParamTable.of(
                        ParamSpec.integer("vocabulary", "Vocabulary", 1000, 1, 10_000_000, "Number of distinct tokens"),
                        ParamSpec.integer("dimension", "Dimension", 32, 1, 100_000, "Length of each token's vector")));
    }

    @Override
    public TensorShape outputShape(List<TensorShape> in, Params p) throws ShapeException {
        TensorShape x = single(in, TensorShape.Kind.VECTOR,
                "feed it a vector of token indices (an Input of kind vector, one number per position)");
        return TensorShape.sequence(x.dim(0), p.getInt("dimension"));
    }

    @Override
    public long paramCount(List<TensorShape> in, Params p) {
        return (long) p.getInt("vocabulary") * p.getInt("dimension");
    }

    @Override
    public String keyParams(Params p) {
        return p.getInt("vocabulary") + " → " + p.getInt("dimension");
    }

    @Override
    public void toDl4j(Node node, Dl4jContext ctx) {
        Params p = node.params();
        ctx.addLayer(node.id(), new EmbeddingSequenceLayer.Builder().nIn(p.getInt("vocabulary"))
                .nOut(p.getInt("dimension")).inputLength(ctx.inputShapes(node).get(0).dim(0)).hasBias(false)
                .outputDataFormat(RNNFormat.NWC).build(), ctx.inputs(node));
    }

    @Override
    public List<ExportedParam> exportedParams(Params p) {
        return List.of(new ExportedParam("E", "W", a -> a, a -> a, "[vocabulary, dimension]"));
    }
}
