package org.strata.engine.layers;

import java.util.List;
import org.strata.engine.params.ParamSpec;
import org.strata.engine.params.ParamTable;
import org.strata.engine.params.Params;

/** Normalises each channel over the batch, then scales and shifts it. */
public final class BatchNormLayer extends LayerType {
    public BatchNormLayer() {
        super("BatchNorm", Category.NORMALIZATION, "Normalises each channel, then scales and shifts",
                "y = γ·(x − μ)/√(σ² + ε) + β, μ and σ² from the batch while training and their running averages "
                        + "(momentum m) at inference.",
                ParamTable.of(
                        ParamSpec.real("momentum", "Momentum", 0.9, 0.0, 0.9999,
                                "Weight of the old running mean/variance in each update"),
                        ParamSpec.real("epsilon", "Epsilon", 1e-5, 1e-10, 1.0, "Added to the variance for stability")));
    }

    @Override
    public TensorShape outputShape(List<TensorShape> in, Params p) {
        return in.get(0);
    }

    /** γ and β learned, μ and σ² the running statistics. */
    @Override
    public List<Weight> weights(List<TensorShape> in, Params p) {
        long c = in.get(0).channels();
        return List.of(Weight.vector("gamma", "[channels]", Weight.Init.ONE, c),
                Weight.vector("beta", "[channels]", Weight.Init.ZERO, c),
                Weight.vector("mean", "[channels] (running)", Weight.Init.ZERO, c),
                Weight.vector("var", "[channels] (running)", Weight.Init.ONE, c));
    }

    @Override
    public long flops(List<TensorShape> in, TensorShape out, Params p) {
        return 2L * out.size();
    }

    @Override
    public boolean keepsSteps(Params p) {
        return true;
    }
}
