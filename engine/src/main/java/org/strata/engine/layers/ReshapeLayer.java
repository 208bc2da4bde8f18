package org.strata.engine.layers;

import java.util.List;
import org.strata.engine.params.ParamTable;
import org.strata.engine.params.Params;

/** Gives the same values another shape, e.g. a 784 vector to a 28×28×1 image. */
public final class ReshapeLayer extends LayerType {
    public ReshapeLayer() {
        super("Reshape", Category.SHAPE, "Same values, another shape (e.g. 784 → 28×28×1)",
                "Reads the input in row-major, channels-last order and writes it out in the target shape; the number "
                        + "of values must stay the same.",
                new ParamTable(InputLayer.shapeParams("the result")));
    }

    @Override
    public String outputRule() {
        return "the target (same number of values)";
    }

    @Override
    public TensorShape outputShape(List<TensorShape> in, Params p) throws ShapeException {
        TensorShape target = InputLayer.shapeOf(p);
        if (target.size() != in.get(0).size()) {
            throw new ShapeException("shape.reshape", "Reshape to " + target + " (" + target.size()
                    + " values) but its input " + in.get(0) + " has " + in.get(0).size() + ": choose a target with "
                    + in.get(0).size() + " values", target.toString(), target.size(), in.get(0).toString(),
                    in.get(0).size());
        }
        return target;
    }

    @Override
    public String keyParams(Params p) {
        return "→ " + InputLayer.shapeOf(p);
    }


}
