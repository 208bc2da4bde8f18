package org.strata.engine.layers;

import java.util.List;
import org.strata.engine.params.ParamSpec;
import org.strata.engine.params.ParamTable;
import org.strata.engine.params.Params;

/** Applies a function to every value. */
public final class ActivationLayerType extends LayerType {
    public ActivationLayerType() {
        super("Activation", Category.CORE, "Applies a function to every value",
                "y = f(x) elementwise: relu max(0,x); leaky_relu x or 0.01x; elu x or eˣ−1; gelu x·Φ(x); gelu_tanh ½x·(1+tanh(√(2/π)(x+0.044715x³))); silu x·σ(x); mish x·tanh(softplus x); softplus ln(1+eˣ); hard_sigmoid min(1, max(0, 0.2x+0.5)); "
                        + "sigmoid 1/(1+e⁻ˣ); tanh; softmax eˣⁱ/Σeˣʲ over the last axis; identity x.",
                ParamTable.of(ParamSpec.choice("function", "Function", ActivationFn.RELU,
                        "The function applied")));
    }

    @Override
    public TensorShape outputShape(List<TensorShape> in, Params p) {
        return in.get(0);
    }

    @Override
    public long flops(List<TensorShape> in, TensorShape out, Params p) {
        return out.size();
    }

    @Override
    public ActivationFn outputActivation(Params p) {
        return p.getChoice("function", ActivationFn.class);
    }

    @Override
    public String keyParams(Params p) {
        return p.getString("function");
    }

    @Override
    public boolean keepsSteps(Params p) {
        return true;
    }
}
