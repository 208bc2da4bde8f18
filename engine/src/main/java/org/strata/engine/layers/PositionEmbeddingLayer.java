package org.strata.engine.layers;

import java.util.List;
import org.strata.engine.params.ParamTable;
import org.strata.engine.params.Params;

/**
 * PositionEmbedding: a learned vector per position added to each step of a sequence (BERT's and GPT's position
 * embeddings), where PositionalEncoding adds a fixed pattern; the network learns what each position should mean.
 */
public final class PositionEmbeddingLayer extends LayerType {
    public PositionEmbeddingLayer() {
        super("PositionEmbedding", Category.SEQUENCE, "Adds a learned vector for each step's position",
                "y[t] = x[t] + P[t], P [T, F] learned (as in BERT); the same for every sample.",
                ParamTable.of(WeightInit.param()));
    }

    @Override
    public String outputRule() {
        return "same as the input";
    }

    @Override
    public TensorShape outputShape(List<TensorShape> in, Params p) throws ShapeException {
        return single(in, TensorShape.Kind.SEQUENCE, "it adds positions to the steps of a sequence: put it after an "
                + "Embedding, or set the Input's kind to sequence");
    }

    @Override
    public List<Weight> weights(List<TensorShape> in, Params p) {
        long t = in.get(0).dim(0);
        long f = in.get(0).channels();
        return List.of(Weight.xavier("P", "[T, features] (one row per position)", t, f, t, f));
    }

    @Override
    public long flops(List<TensorShape> in, TensorShape out, Params p) {
        return out.size();
    }

    @Override
    public boolean keepsSteps(Params p) {
        return true;
    }
}
