package org.strata.engine.layers;

import java.util.List;
import org.strata.engine.params.ParamSpec;
import org.strata.engine.params.ParamTable;
import org.strata.engine.params.Params;

/** ZeroPadding2D: a border of zeros around an image, so a convolution after it keeps the edges. */
public final class ZeroPaddingLayer extends LayerType {
    public ZeroPaddingLayer() {
        super("ZeroPadding2D", Category.SHAPE, "A border of zeros around an image",
                "y = x with p rows of zeros above and below and q columns left and right: [H + 2p, W + 2q, C].",
                ParamTable.of(ParamSpec.tuple("padding", "Padding", new int[]{1, 1}, 0, 1000,
                        "Rows of zeros above and below × columns of zeros left and right")));
    }

    @Override
    public String outputRule() {
        return "[H + 2p, W + 2q, C]";
    }

    @Override
    public TensorShape outputShape(List<TensorShape> in, Params p) throws ShapeException {
        TensorShape x = single(in, TensorShape.Kind.IMAGE, "padding works on images: remove it or feed it an image");
        int[] pad = p.getTuple("padding");
        return TensorShape.image(x.dim(0) + 2 * pad[0], x.dim(1) + 2 * pad[1], x.dim(2));
    }

    @Override
    public String keyParams(Params p) {
        int[] pad = p.getTuple("padding");
        return pad[0] + "×" + pad[1];
    }
}
