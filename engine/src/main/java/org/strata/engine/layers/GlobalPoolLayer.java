package org.strata.engine.layers;

import java.util.List;
import org.strata.engine.params.ParamTable;
import org.strata.engine.params.Params;

/**
 * Pools an image over height and width, or a sequence over time, leaving one value per channel: GlobalAvgPool
 * averages, GlobalMaxPool keeps the largest.
 */
public final class GlobalPoolLayer extends LayerType {
    private final boolean max;

    private GlobalPoolLayer(String id, boolean max, String description, String doc) {
        super(id, Category.CONVOLUTION, description, doc, ParamTable.of());
        this.max = max;
    }

    /** @return the GlobalAvgPool type */
    public static GlobalPoolLayer avg() {
        return new GlobalPoolLayer("GlobalAvgPool", false, "One average per channel: image or sequence to vector",
                "y[c] = mean_{i,j} x[i,j,c] for an image; y[f] = mean_t x[t,f] for a sequence.");
    }

    /** @return the GlobalMaxPool type */
    public static GlobalPoolLayer max() {
        return new GlobalPoolLayer("GlobalMaxPool", true, "The largest value per channel: image or sequence to vector",
                "y[c] = max_{i,j} x[i,j,c] for an image; y[f] = max_t x[t,f] for a sequence. The gradient flows to "
                        + "the position of each maximum only.");
    }

    /** @return true for GlobalMaxPool, false for GlobalAvgPool */
    public boolean isMax() {
        return max;
    }

    @Override
    public String outputRule() {
        return "[C] from an image, [F] from a sequence";
    }

    @Override
    public TensorShape outputShape(List<TensorShape> in, Params p) throws ShapeException {
        TensorShape x = in.get(0);
        if (x.kind() == TensorShape.Kind.VECTOR) {
            throw new ShapeException("shape.poolVector", id() + " expects an image or a sequence but gets a vector of "
                    + x + ": remove it, the vector is already flat", id(), x.toString());
        }
        return TensorShape.vector(x.channels());
    }

    @Override
    public long flops(List<TensorShape> in, TensorShape out, Params p) {
        return in.get(0).size();
    }
}
