package org.strata.engine.layers;

import java.util.List;
import org.strata.engine.params.ParamTable;
import org.strata.engine.params.Params;

/** Lays an image or a sequence out as one vector, in row-major (height, width, channel) order. */
public final class FlattenLayer extends LayerType {
    public FlattenLayer() {
        super("Flatten", Category.SHAPE, "Image or sequence to one long vector",
                "y[(i·W + j)·C + c] = x[i, j, c]: row-major, channels last; a sequence [t, f] becomes y[t·F + f].",
                ParamTable.of());
    }

    @Override
    public String outputRule() {
        return "[H·W·C] (row-major, channels last) or [T·F]";
    }

    @Override
    public TensorShape outputShape(List<TensorShape> in, Params p) throws ShapeException {
        TensorShape x = in.get(0);
        if (x.kind() == TensorShape.Kind.VECTOR) {
            throw new ShapeException("shape.flattenVector", "Flatten gets a vector of " + x
                    + ", which is already flat: remove the Flatten", x.toString());
        }
        return TensorShape.vector((int) x.size());
    }


}
