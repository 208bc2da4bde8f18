package org.strata.engine.layers;

import java.util.List;
import org.deeplearning4j.nn.conf.layers.DenseLayer.Builder;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.strata.engine.graph.Node;
import org.strata.engine.params.ParamSpec;
import org.strata.engine.params.ParamTable;
import org.strata.engine.params.Params;
import org.strata.engine.train.dl4j.Dl4jContext;

/** A fully connected layer: y = f(xW + b). */
public final class DenseLayer extends LayerType {
    public DenseLayer() {
        super("Dense", Category.CORE, "Fully connected: every output sees every input",
                "y = f(x·W + b), W of shape [inputs, units], b of shape [units], f the activation.",
                ParamTable.of(
                        ParamSpec.integer("units", "Units", 128, 1, 1_000_000, "Number of outputs (neurons)"),
                        ParamSpec.choice("activation", "Activation", "relu", ActivationFn.keys(),
                                "Function applied to each output"),
                        ParamSpec.bool("useBias", "Use bias", true, "Add a learned bias b to each output")));
    }

    @Override
    public TensorShape outputShape(List<TensorShape> in, Params p) throws ShapeException {
        single(in, TensorShape.Kind.VECTOR, "add a Flatten (or GlobalAvgPool) before it");
        return TensorShape.vector(p.getInt("units"));
    }

    @Override
    public long paramCount(List<TensorShape> in, Params p) {
        long units = p.getInt("units");
        return in.get(0).size() * units + (p.getBool("useBias") ? units : 0);
    }

    @Override
    public long flops(List<TensorShape> in, TensorShape out, Params p) {
        return 2L * in.get(0).size() * p.getInt("units");
    }

    @Override
    public ActivationFn outputActivation(Params p) {
        return ActivationFn.of(p.getString("activation"));
    }

    @Override
    public String keyParams(Params p) {
        return p.getInt("units") + " · " + p.getString("activation");
    }

    @Override
    public void toDl4j(Node node, Dl4jContext ctx) {
        Params p = node.params();
        long nIn = ctx.inputShapes(node).get(0).size();
        var output = ctx.soleOutputConsumer(node);
        if (output.isPresent()) {
            // Fused with the loss, as DL4J's OutputLayer: one layer, and the stable softmax+cross-entropy gradient.
            LossFn loss = OutputLayerType.lossOf(output.get());
            ActivationFn act = loss.activationAfter(ActivationFn.of(p.getString("activation")));
            ctx.addLayer(node.id(), new OutputLayer.Builder(loss.toDl4j()).nIn(nIn).nOut(p.getInt("units"))
                    .activation(act.toDl4j()).hasBias(p.getBool("useBias")).build(), ctx.inputs(node));
            ctx.alias(output.get(), node.id());
            return;
        }
        ctx.addLayer(node.id(), new Builder().nIn(nIn).nOut(p.getInt("units"))
                .activation(ActivationFn.of(p.getString("activation")).toDl4j())
                .hasBias(p.getBool("useBias")).build(), ctx.inputs(node));
    }

    @Override
    public List<ExportedParam> exportedParams(Params p) {
        ExportedParam w = new ExportedParam("W", "W", a -> a, a -> a, "[inputs, units]");
        return p.getBool("useBias") ? List.of(w, vectorParam("b", "b", "[units]")) : List.of(w);
    }

    @Override
    public org.strata.engine.train.fast.Kernel fastKernel() {
        return new org.strata.engine.train.fast.DenseKernel();
    }
}
