package org.strata.engine.layers;

import java.util.List;
import org.strata.engine.params.ParamSpec;
import org.strata.engine.params.ParamTable;
import org.strata.engine.params.Params;

/** Max or average pooling over windows of an image; MaxPool2D and AvgPool2D are its two instances. */
public final class Pool2DLayer extends LayerType {
    private final boolean max;

    private Pool2DLayer(String id, boolean max, String description, String doc) {
        super(id, Category.CONVOLUTION, description, doc, ParamTable.of(
                ParamSpec.tuple("pool", "Pool size", new int[]{2, 2}, 1, 1000, "Window height × width"),
                ParamSpec.tuple("stride", "Stride", new int[]{2, 2}, 1, 1000, "Step between windows"),
                ParamSpec.choice("padding", "Padding", Padding.VALID,
                        "valid: drop what does not fill a window; same: pad to keep ⌈H/s⌉ × ⌈W/s⌉")));
        this.max = max;
    }

    /** @return the MaxPool2D type */
    public static Pool2DLayer max() {
        return new Pool2DLayer("MaxPool2D", true, "Keeps the largest value of each window",
                "y[i,j,c] = max_{u,v} x[i·s+u, j·s+v, c]; halves height and width with the default 2×2, stride 2.");
    }

    /** @return the AvgPool2D type */
    public static Pool2DLayer avg() {
        return new Pool2DLayer("AvgPool2D", false, "Averages each window",
                "y[i,j,c] = mean_{u,v} x[i·s+u, j·s+v, c].");
    }

    /** @return true for MaxPool2D, false for AvgPool2D */
    public boolean isMax() {
        return max;
    }

    @Override
    public String outputRule() {
        return "[H', W', C]";
    }

    @Override
    public TensorShape outputShape(List<TensorShape> in, Params p) throws ShapeException {
        TensorShape x = single(in, TensorShape.Kind.IMAGE, "pooling works on images: remove it or feed it a Conv2D");
        int[] k = p.getTuple("pool");
        int[] s = p.getTuple("stride");
        boolean same = Conv2DLayer.padding(p) == Padding.SAME;
        return TensorShape.image(Conv2DLayer.slide(id(), "height", x.dim(0), k[0], s[0], same),
                Conv2DLayer.slide(id(), "width", x.dim(1), k[1], s[1], same), x.dim(2));
    }

    @Override
    public long flops(List<TensorShape> in, TensorShape out, Params p) {
        int[] k = p.getTuple("pool");
        return (long) k[0] * k[1] * out.size();
    }

    @Override
    public String keyParams(Params p) {
        int[] k = p.getTuple("pool");
        return k[0] + "×" + k[1];
    }


}
