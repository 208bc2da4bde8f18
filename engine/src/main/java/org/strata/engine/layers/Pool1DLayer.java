package org.strata.engine.layers;

import java.util.List;
import org.strata.engine.params.ParamSpec;
import org.strata.engine.params.ParamTable;
import org.strata.engine.params.Params;

/** Max or average pooling over windows of time steps; MaxPool1D and AvgPool1D are its two instances. */
public final class Pool1DLayer extends LayerType {
    private final boolean max;

    private Pool1DLayer(String id, boolean max, String description, String doc) {
        super(id, Category.CONVOLUTION, description, doc, ParamTable.of(
                ParamSpec.integer("pool", "Pool size", 2, 1, 1000, "Window length in time steps"),
                ParamSpec.integer("stride", "Stride", 2, 1, 1000, "Step between windows"),
                ParamSpec.choice("padding", "Padding", Padding.VALID,
                        "valid: drop what does not fill a window; same: pad to keep ⌈T/s⌉ steps")));
        this.max = max;
    }

    /** @return the MaxPool1D type */
    public static Pool1DLayer max() {
        return new Pool1DLayer("MaxPool1D", true, "Keeps the largest value of each window of steps",
                "y[t,c] = max_u x[t·s+u, c]; halves the length with the default window 2, stride 2.");
    }

    /** @return the AvgPool1D type */
    public static Pool1DLayer avg() {
        return new Pool1DLayer("AvgPool1D", false, "Averages each window of steps",
                "y[t,c] = mean_u x[t·s+u, c] (with 'same' padding, over the steps inside the sequence).");
    }

    /** @return true for MaxPool1D, false for AvgPool1D */
    public boolean isMax() {
        return max;
    }

    @Override
    public String outputRule() {
        return "[T', C]";
    }

    @Override
    public TensorShape outputShape(List<TensorShape> in, Params p) throws ShapeException {
        TensorShape x = single(in, TensorShape.Kind.SEQUENCE,
                "1-D pooling works on sequences: use MaxPool2D on images, or feed it a Conv1D");
        return TensorShape.sequence(Conv2DLayer.slide(id(), "length", x.dim(0), p.getInt("pool"), p.getInt("stride"),
                Conv2DLayer.padding(p) == Padding.SAME), x.dim(1));
    }

    @Override
    public long flops(List<TensorShape> in, TensorShape out, Params p) {
        return (long) p.getInt("pool") * out.size();
    }

    @Override
    public String keyParams(Params p) {
        return Integer.toString(p.getInt("pool"));
    }
}
