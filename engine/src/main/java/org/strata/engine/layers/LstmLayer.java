package org.strata.engine.layers;

import java.util.List;
import org.strata.engine.params.ParamSpec;
import org.strata.engine.params.ParamTable;
import org.strata.engine.params.Params;

/** A long short-term memory layer over a sequence. */
public final class LstmLayer extends LayerType {
    public LstmLayer() {
        super("LSTM", Category.SEQUENCE, "Reads a sequence step by step, keeping a memory",
                "Per step t: gates i, f, o = σ(x_t·W + h_{t−1}·U + b), c̃ = tanh(…), c_t = f⊙c_{t−1} + i⊙c̃, "
                        + "h_t = o⊙tanh(c_t). Outputs every h_t, or only the last.",
                ParamTable.of(
                        ParamSpec.integer("units", "Units", 64, 1, 100_000, "Size of the memory h"),
                        ParamSpec.bool("returnSequences", "Return sequences", false,
                                "Output h at every step (a sequence) instead of only the last (a vector)"),
                        WeightInit.param()));
    }

    @Override
    public TensorShape outputShape(List<TensorShape> in, Params p) throws ShapeException {
        TensorShape x = single(in, TensorShape.Kind.SEQUENCE,
                "set the Input's kind to sequence, or put an Embedding before it");
        int u = p.getInt("units");
        return p.getBool("returnSequences") ? TensorShape.sequence(x.dim(0), u) : TensorShape.vector(u);
    }

    @Override
    public List<Weight> weights(List<TensorShape> in, Params p) {
        long u = p.getInt("units");
        long f = in.get(0).channels();
        return List.of(Weight.xavier("W", "[features, 4·units] (gate blocks in Deeplearning4j's order)", f, 4 * u, f,
                        4 * u),
                Weight.xavier("U", "[units, 4·units] (recurrent, same gate order)", u, 4 * u, u, 4 * u),
                Weight.vector("b", "[4·units]", Weight.Init.ZERO, 4 * u));
    }

    @Override
    public String outputRule() {
        return "[units], or [T, units] with returnSequences";
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


}
