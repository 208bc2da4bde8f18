package org.strata.engine.layers;

import java.util.List;
import org.strata.engine.params.ParamSpec;
import org.strata.engine.params.ParamTable;
import org.strata.engine.params.Params;

/** A 2-D convolution over an image. */
public final class Conv2DLayer extends LayerType {
    public Conv2DLayer() {
        super("Conv2D", Category.CONVOLUTION, "Slides learned filters over the image",
                "y[i,j,o] = f(b[o] + Σ_{u,v,c} x[i·s+u·d, j·s+v·d, c] · W[u,v,c,o]) (d the dilation); output size "
                        + "(H − (k − 1)·d − 1)/s + 1 with 'valid' padding, ⌈H/s⌉ with 'same'.",
                ParamTable.of(
                        ConvolutionParams.FILTERS,
                        ConvolutionParams.KERNEL_2D,
                        ConvolutionParams.STRIDE_2D,
                        ParamSpec.tuple("dilation", "Dilation", new int[]{1, 1}, 1, 1000,
                                "Gap between the filter's taps: 2 spreads a 3×3 filter over 5×5 pixels"),
                        ConvolutionParams.PADDING_2D,
                        ConvolutionParams.ACTIVATION,
                        ConvolutionParams.BIAS_PER_FILTER,
                        WeightInit.param()));
    }

    /** @return the pixels a dilated filter spans per axis: (k − 1)·d + 1 */
    public static int[] span(int[] kernel, int[] dilation) {
        int[] span = new int[kernel.length];
        for (int i = 0; i < kernel.length; i++) span[i] = (kernel[i] - 1) * dilation[i] + 1;
        return span;
    }

    /** Output size of a sliding window along one axis, shared with the pooling layers. */
    static int slide(String layer, String axis, int in, int k, int s, boolean same) throws ShapeException {
        if (same) return (in + s - 1) / s;
        if (k > in) {
            throw new ShapeException("shape.window", layer + " window " + k + " is larger than its input's " + axis
                    + " " + in + ": use a smaller kernel, padding 'same', or less pooling before it", layer, k, axis,
                    in);
        }
        return (in - k) / s + 1;
    }

    @Override
    public TensorShape outputShape(List<TensorShape> in, Params p) throws ShapeException {
        TensorShape x = single(in, TensorShape.Kind.IMAGE,
                "set the Input's kind to image, or use a Reshape to height × width × channels");
        int[] k = span(p.getTuple("kernel"), p.getTuple("dilation"));
        int[] s = p.getTuple("stride");
        boolean same = padding(p) == Padding.SAME;
        return TensorShape.image(slide(id(), "height", x.dim(0), k[0], s[0], same),
                slide(id(), "width", x.dim(1), k[1], s[1], same), p.getInt("filters"));
    }

    @Override
    public List<Weight> weights(List<TensorShape> in, Params p) {
        int[] k = p.getTuple("kernel");
        long c = in.get(0).channels();
        long f = p.getInt("filters");
        Weight w = Weight.xavier("W", "[kernelH, kernelW, inChannels, filters]", k[0] * k[1] * c, k[0] * k[1] * f,
                k[0], k[1], c, f);
        return DenseLayer.useBias(p) ? List.of(w, Weight.vector("b", "[filters]", Weight.Init.ZERO, f)) : List.of(w);
    }

    /** @return the padding of a Conv2D or pooling node with these parameters */
    public static Padding padding(Params p) {
        return p.getChoice("padding", Padding.class);
    }

    @Override
    public String outputRule() {
        return "[H', W', filters]";
    }

    @Override
    public long flops(List<TensorShape> in, TensorShape out, Params p) {
        int[] k = p.getTuple("kernel");
        return 2L * k[0] * k[1] * in.get(0).channels() * out.size();
    }

    @Override
    public ActivationFn outputActivation(Params p) {
        return DenseLayer.activation(p);
    }

    @Override
    public String keyParams(Params p) {
        int[] k = p.getTuple("kernel");
        return p.getInt("filters") + " · " + k[0] + "×" + k[1];
    }



}
