package org.strata.engine.layers;

import java.util.List;
import org.strata.engine.params.ParamTable;
import org.strata.engine.params.Params;

/** Averages an image over height and width, or a sequence over time, leaving one value per channel. */
public final class GlobalAvgPoolLayer extends LayerType {
    public GlobalAvgPoolLayer() {
        super("GlobalAvgPool", Category.CONVOLUTION, "One average per channel: image or sequence to vector",
                "y[c] = mean_{i,j} x[i,j,c] for an image; y[f] = mean_t x[t,f] for a sequence.", ParamTable.of());
    }

    @Override
    public String outputRule() {
        return "[C] from an image, [F] from a sequence";
    }

    @Override
    public TensorShape outputShape(List<TensorShape> in, Params p) throws ShapeException {
        TensorShape x = in.get(0);
        if (x.kind() == TensorShape.Kind.VECTOR) {
            throw new ShapeException("shape.poolVector", "GlobalAvgPool expects an image or a sequence but gets a "
                    + "vector of " + x + ": remove it, the vector is already flat", x.toString());
        }
        return TensorShape.vector(x.channels());
    }

    @Override
    public long flops(List<TensorShape> in, TensorShape out, Params p) {
        return in.get(0).size();
    }


}
