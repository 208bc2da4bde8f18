package org.strata.engine.layers;

import java.util.ArrayList;
import java.util.List;
import org.strata.engine.params.Params;

/**
 * A gated recurrent unit over a sequence, as PyTorch, ONNX (linear_before_reset) and Keras (reset_after) define it:
 * the reset gate applies to the recurrent product, so its candidate has a recurrent bias of its own.
 */
public final class GruLayer extends RecurrentLayer {
    public GruLayer() {
        super("GRU", "Reads a sequence step by step; lighter than an LSTM",
                "Per step t: r, z = σ(x_t·W + h_{t−1}·U + b), n = tanh(x_t·W_n + b_n + r⊙(h_{t−1}·U_n + bh)), "
                        + "h_t = (1 − z)⊙n + z⊙h_{t−1}. Outputs every h_t, or only the last; bidirectional adds a "
                        + "reading from the end, side by side.",
                3, "gate blocks r, z, n");
    }

    @Override
    protected List<Weight> directionWeights(List<TensorShape> in, Params p) {
        List<Weight> w = new ArrayList<>(super.directionWeights(in, p));
        w.add(Weight.vector("bh", "[units] (the candidate's recurrent bias, inside r⊙(…))", Weight.Init.ZERO,
                p.getInt("units")));
        return w;
    }
}
