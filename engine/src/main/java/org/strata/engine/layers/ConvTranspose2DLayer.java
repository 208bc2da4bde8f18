package org.strata.engine.layers;

import java.util.List;
import org.strata.engine.params.ParamSpec;
import org.strata.engine.params.ParamTable;
import org.strata.engine.params.Params;

/**
 * A transposed convolution: every input pixel stamps its filters' weights onto a larger output, so the image grows
 * (by the stride) with learned detail; the decoder half of an autoencoder or a segmentation network.
 */
public final class ConvTranspose2DLayer extends LayerType {
    public ConvTranspose2DLayer() {
        super("ConvTranspose2D", Category.CONVOLUTION, "Grows the image with learned filters",
                "y[i·s+u, j·s+v, o] += Σ_c x[i,j,c] · W[u,v,o,c], then f(y + b[o]); output size (H − 1)·s + k with "
                        + "'valid' padding, H·s with 'same' (the k − s extra rows and columns cropped, half before).",
                ParamTable.of(
                        ConvolutionParams.FILTERS,
                        ConvolutionParams.KERNEL_2D,
                        ParamSpec.tuple("stride", "Stride", new int[]{2, 2}, 1, 1000,
                                "How much the image grows: output pixels per input pixel"),
                        ParamSpec.choice("padding", "Padding", Padding.SAME,
                                "same: the output is exactly H·s × W·s; valid: (H − 1)·s + k, nothing cropped"),
                        ConvolutionParams.ACTIVATION,
                        ConvolutionParams.BIAS_PER_FILTER,
                        WeightInit.param()));
    }

    @Override
    public TensorShape outputShape(List<TensorShape> in, Params p) throws ShapeException {
        TensorShape x = single(in, TensorShape.Kind.IMAGE,
                "set the Input's kind to image, or use a Reshape to height × width × channels");
        int[] k = p.getTuple("kernel");
        int[] s = p.getTuple("stride");
        if (Conv2DLayer.padding(p) == Padding.SAME) {
            for (int axis = 0; axis < 2; axis++) {
                if (k[axis] < s[axis]) {
                    throw new ShapeException("shape.transpose", id() + " with 'same' padding needs a kernel at least "
                            + "as large as its stride, but the kernel is " + k[0] + "×" + k[1] + " and the stride "
                            + s[0] + "×" + s[1] + ": make the kernel larger or use 'valid' padding",
                            k[0] + "×" + k[1], s[0] + "×" + s[1]);
                }
            }
            return TensorShape.image(x.dim(0) * s[0], x.dim(1) * s[1], p.getInt("filters"));
        }
        return TensorShape.image((x.dim(0) - 1) * s[0] + k[0], (x.dim(1) - 1) * s[1] + k[1], p.getInt("filters"));
    }

    /** @return the rows (axis 0) or columns (axis 1) cropped before the output with 'same' padding, else 0 */
    public static int cropBefore(Params p, int axis) {
        return Conv2DLayer.padding(p) == Padding.SAME
                ? (p.getTuple("kernel")[axis] - p.getTuple("stride")[axis]) / 2 : 0;
    }

    @Override
    public List<Weight> weights(List<TensorShape> in, Params p) {
        int[] k = p.getTuple("kernel");
        long c = in.get(0).channels();
        long f = p.getInt("filters");
        Weight w = Weight.xavier("W", "[kernelH, kernelW, filters, inChannels]", k[0] * k[1] * c, k[0] * k[1] * f,
                k[0], k[1], f, c);
        return DenseLayer.useBias(p) ? List.of(w, Weight.vector("b", "[filters]", Weight.Init.ZERO, f)) : List.of(w);
    }

    @Override
    public String outputRule() {
        return "[H·s, W·s, filters] ('same'), or [(H − 1)·s + k, …] ('valid')";
    }

    @Override
    public long flops(List<TensorShape> in, TensorShape out, Params p) {
        int[] k = p.getTuple("kernel");
        return 2L * k[0] * k[1] * p.getInt("filters") * in.get(0).size();
    }

    @Override
    public ActivationFn outputActivation(Params p) {
        return DenseLayer.activation(p);
    }

    @Override
    public String keyParams(Params p) {
        int[] k = p.getTuple("kernel");
        int[] s = p.getTuple("stride");
        return p.getInt("filters") + " · " + k[0] + "×" + k[1] + " ↑" + s[0] + "×" + s[1];
    }
}
