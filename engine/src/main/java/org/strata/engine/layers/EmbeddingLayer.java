package org.strata.engine.layers;

import java.util.List;
import org.strata.engine.params.ParamSpec;
import org.strata.engine.params.ParamTable;
import org.strata.engine.params.Params;

/** Looks up a learned vector for each token index: a vector of T indices becomes a T×D sequence. */
public final class EmbeddingLayer extends LayerType {
    public EmbeddingLayer() {
        super("Embedding", Category.SEQUENCE, "Token indices to learned vectors",
                "y[t] = E[x[t]], E of shape [vocabulary, dimension]; the input holds whole numbers in "
                        + "[0, vocabulary). With 'token 0 pads', the steps after a sequence's last non-zero token are "
                        + "padding: recurrent layers stop at its last real step, global pooling and attention leave "
                        + "the padding out.",
                ParamTable.of(
                        ParamSpec.integer("vocabulary", "Vocabulary", 1000, 1, 10_000_000, "Number of distinct tokens"),
                        ParamSpec.integer("dimension", "Dimension", 32, 1, 100_000, "Length of each token's vector"),
                        ParamSpec.bool("maskPadding", "Token 0 pads", false,
                                "Zeros at the end of a sequence are padding that later layers skip"),
                        WeightInit.param()));
    }

    @Override
    public TensorShape outputShape(List<TensorShape> in, Params p) throws ShapeException {
        TensorShape x = single(in, TensorShape.Kind.VECTOR,
                "feed it a vector of token indices (an Input of kind vector, one number per position)");
        return TensorShape.sequence(x.dim(0), p.getInt("dimension"));
    }

    @Override
    public List<Weight> weights(List<TensorShape> in, Params p) {
        long v = p.getInt("vocabulary");
        long d = p.getInt("dimension");
        return List.of(Weight.xavier("E", "[vocabulary, dimension]", v, d, v, d));
    }

    @Override
    public String outputRule() {
        return "[T, dimension] from a vector of T indices";
    }

    @Override
    public String keyParams(Params p) {
        return p.getInt("vocabulary") + " → " + p.getInt("dimension") + (p.getBool("maskPadding") ? " · pad 0" : "");
    }


}
