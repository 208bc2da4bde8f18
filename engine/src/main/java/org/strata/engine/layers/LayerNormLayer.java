package org.strata.engine.layers;

import java.util.List;
import org.strata.engine.params.ParamSpec;
import org.strata.engine.params.ParamTable;
import org.strata.engine.params.Params;

/**
 * LayerNorm: each sample normalised over its last axis (features, or channels of each pixel), then scaled and
 * shifted; unlike BatchNorm it needs no batch statistics, so training and inference compute alike (transformers).
 */
public final class LayerNormLayer extends LayerType {
    public LayerNormLayer() {
        super("LayerNorm", Category.NORMALIZATION, "Normalises each sample's features, then scales and shifts",
                "y = γ·(x − μ)/√(σ² + ε) + β, μ and σ² the mean and variance of each sample's last axis (its "
                        + "features, or each pixel's channels); the same in training and at inference.",
                ParamTable.of(ParamSpec.real("epsilon", "Epsilon", 1e-5, 1e-10, 1.0,
                        "Added to the variance for stability")));
    }

    @Override
    public TensorShape outputShape(List<TensorShape> in, Params p) {
        return in.get(0);
    }

    /** γ starts at one, β at zero: the layer starts as a plain normalisation. */
    @Override
    public List<Weight> weights(List<TensorShape> in, Params p) {
        long c = in.get(0).channels();
        return List.of(Weight.vector("gamma", "[features]", Weight.Init.ONE, c),
                Weight.vector("beta", "[features]", Weight.Init.ZERO, c));
    }

    @Override
    public long flops(List<TensorShape> in, TensorShape out, Params p) {
        return 5L * out.size();
    }

    @Override
    public boolean keepsSteps(Params p) {
        return true;
    }
}
