package org.strata.engine.layers;

import java.util.List;
import org.deeplearning4j.nn.conf.RNNFormat;
import org.deeplearning4j.nn.conf.layers.LSTM;
import org.deeplearning4j.nn.conf.layers.recurrent.LastTimeStep;
import org.nd4j.linalg.activations.Activation;
import org.strata.engine.graph.Node;
import org.strata.engine.params.ParamSpec;
import org.strata.engine.params.ParamTable;
import org.strata.engine.params.Params;
import org.strata.engine.train.dl4j.Dl4jContext;

/** A long short-term memory layer over a sequence. */
public final class LstmLayer extends LayerType {
    public LstmLayer() {
        super("LSTM", Category.SEQUENCE, "Reads a sequence step by step, keeping a memory",
                "Per step t: gates i, f, o = σ(x_t·W + h_{t−1}·U + b), c̃ = tanh(…), c_t = f⊙c_{t−1} + i⊙c̃, "
                        + "h_t = o⊙tanh(c_t). Outputs every h_t, or only the last.",
                ParamTable.of(
                        ParamSpec.integer("units", "Units", 64, 1, 100_000, "Size of the memory h"),
                        ParamSpec.bool("returnSequences", "Return sequences", false,
                                "Output h at every step (a sequence) instead of only the last (a vector)")));
    }

    @Override
    public TensorShape outputShape(List<TensorShape> in, Params p) throws ShapeException {
        TensorShape x = single(in, TensorShape.Kind.SEQUENCE,
                "set the Input's kind to sequence, or put an Embedding before it");
        int u = p.getInt("units");
        return p.getBool("returnSequences") ? TensorShape.sequence(x.dim(0), u) : TensorShape.vector(u);
    }

    @Override
    public long paramCount(List<TensorShape> in, Params p) {
        long u = p.getInt("units");
        long f = in.get(0).channels();
        return 4 * (f * u + u * u + u);
    }

    @Override
    public long flops(List<TensorShape> in, TensorShape out, Params p) {
        long u = p.getInt("units");
        long f = in.get(0).channels();
        return in.get(0).dim(0) * (2 * 4 * (f * u + u * u) + 10 * u);
    }

    @Override
    public String keyParams(Params p) {
        return p.getInt("units") + (p.getBool("returnSequences") ? " · seq" : "");
    }

    @Override
    public void toDl4j(Node node, Dl4jContext ctx) {
        LSTM lstm = new LSTM.Builder().nIn(ctx.inputShapes(node).get(0).channels()).nOut(node.params().getInt("units"))
                .activation(Activation.TANH).dataFormat(RNNFormat.NWC).build();
        ctx.addLayer(node.id(), node.params().getBool("returnSequences") ? lstm : new LastTimeStep(lstm),
                ctx.inputs(node));
    }

    @Override
    public List<ExportedParam> exportedParams(Params p) {
        return List.of(new ExportedParam("W", "W", a -> a, a -> a, "[features, 4·units], gate blocks in DL4J order"),
                new ExportedParam("U", "RW", a -> a, a -> a, "[units, 4·units] recurrent weights, same gate order"),
                vectorParam("b", "b", "[4·units]"));
    }
}
