package org.strata.engine.layers;

import java.util.List;
import org.deeplearning4j.nn.conf.layers.ActivationLayer;
import org.strata.engine.graph.Node;
import org.strata.engine.params.ParamSpec;
import org.strata.engine.params.ParamTable;
import org.strata.engine.params.Params;
import org.strata.engine.train.dl4j.Dl4jContext;

/** Applies a function to every value. */
public final class ActivationLayerType extends LayerType {
    public ActivationLayerType() {
        super("Activation", Category.CORE, "Applies a function to every value",
                "y = f(x) elementwise: relu max(0,x); leaky_relu x or 0.01x; elu x or eˣ−1; gelu x·Φ(x); "
                        + "sigmoid 1/(1+e⁻ˣ); tanh; softmax eˣⁱ/Σeˣʲ over the last axis; identity x.",
                ParamTable.of(ParamSpec.choice("function", "Function", "relu", ActivationFn.keys(),
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
        return ActivationFn.of(p.getString("function"));
    }

    @Override
    public String keyParams(Params p) {
        return p.getString("function");
    }

    @Override
    public void toDl4j(Node node, Dl4jContext ctx) {
        ctx.addLayer(node.id(), new ActivationLayer.Builder()
                .activation(outputActivation(node.params()).toDl4j()).build(), ctx.inputs(node));
    }

    @Override
    public org.strata.engine.train.fast.Kernel fastKernel() {
        return new org.strata.engine.train.fast.ActivationKernel();
    }
}
