package org.strata.engine.layers;

import java.util.List;
import org.deeplearning4j.nn.conf.CNN2DFormat;
import org.deeplearning4j.nn.conf.layers.BatchNormalization;
import org.strata.engine.graph.Node;
import org.strata.engine.params.ParamSpec;
import org.strata.engine.params.ParamTable;
import org.strata.engine.params.Params;
import org.strata.engine.train.dl4j.Dl4jContext;

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

    @Override
    public long paramCount(List<TensorShape> in, Params p) {
        return 4L * in.get(0).channels(); // γ and β learned, μ and σ² running statistics
    }

    @Override
    public long flops(List<TensorShape> in, TensorShape out, Params p) {
        return 2L * out.size();
    }

    @Override
    public void toDl4j(Node node, Dl4jContext ctx) {
        TensorShape x = ctx.inputShapes(node).get(0);
        var b = new BatchNormalization.Builder().decay(node.params().getDouble("momentum"))
                .eps(node.params().getDouble("epsilon")).nIn(x.channels()).nOut(x.channels())
                .useLogStd(false); // keep the running variance itself, as exported
        if (x.kind() == TensorShape.Kind.IMAGE) b.dataFormat(CNN2DFormat.NHWC);
        ctx.addLayer(node.id(), b.build(), ctx.inputs(node));
    }

    @Override
    public List<ExportedParam> exportedParams(Params p) {
        return List.of(vectorParam("gamma", "gamma", "[channels]"), vectorParam("beta", "beta", "[channels]"),
                vectorParam("mean", "mean", "[channels] (running)"), vectorParam("var", "var", "[channels] (running)"));
    }

    @Override
    public org.strata.engine.train.fast.Kernel fastKernel() {
        return new org.strata.engine.train.fast.BatchNormKernel();
    }
}
