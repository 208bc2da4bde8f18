package org.strata.engine.layers;

import java.util.List;
import org.strata.engine.params.ParamSpec;
import org.strata.engine.params.ParamTable;
import org.strata.engine.params.Params;

/** UpSampling2D: each pixel repeated into a block, the image made larger (decoders, segmentation). */
public final class UpSamplingLayer extends LayerType {
    public UpSamplingLayer() {
        super("UpSampling2D", Category.CONVOLUTION, "Makes an image larger by repeating each pixel",
                "y[i, j, c] = x[⌊i / s⌋, ⌊j / t⌋, c] (nearest neighbour): [s·H, t·W, C]. The gradient of a pixel is "
                        + "the sum over its block.",
                ParamTable.of(ParamSpec.tuple("size", "Size", new int[]{2, 2}, 1, 64,
                        "How many times each pixel is repeated down × across")));
    }

    @Override
    public String outputRule() {
        return "[s·H, t·W, C]";
    }

    @Override
    public TensorShape outputShape(List<TensorShape> in, Params p) throws ShapeException {
        TensorShape x = single(in, TensorShape.Kind.IMAGE, "up-sampling works on images: remove it or feed it an "
                + "image");
        int[] s = p.getTuple("size");
        return TensorShape.image(x.dim(0) * s[0], x.dim(1) * s[1], x.dim(2));
    }

    @Override
    public long flops(List<TensorShape> in, TensorShape out, Params p) {
        return out.size();
    }

    @Override
    public String keyParams(Params p) {
        int[] s = p.getTuple("size");
        return s[0] + "×" + s[1];
    }
}
