package org.strata.engine.layers;

import java.util.List;
import org.strata.engine.params.ParamSpec;
import org.strata.engine.params.ParamTable;
import org.strata.engine.params.Params;

/** Randomly zeroes a fraction of values while training, to fight overfitting. */
public final class DropoutLayer extends LayerType {
    public DropoutLayer() {
        super("Dropout", Category.NORMALIZATION, "Zeroes random values while training",
                "While training y = x·m/(1 − p) with m ~ Bernoulli(1 − p); at inference y = x.",
                ParamTable.of(ParamSpec.real("rate", "Rate", 0.5, 0.0, 0.95, "Fraction p of values dropped")));
    }

    @Override
    public TensorShape outputShape(List<TensorShape> in, Params p) {
        return in.get(0);
    }

    @Override
    public String keyParams(Params p) {
        return "p=" + p.getDouble("rate");
    }

    @Override
    public boolean keepsSteps(Params p) {
        return true;
    }
}
