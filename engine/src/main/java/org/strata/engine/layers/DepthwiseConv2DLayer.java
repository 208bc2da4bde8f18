package org.strata.engine.layers;

import java.util.List;
import org.strata.engine.params.ParamSpec;
import org.strata.engine.params.ParamTable;
import org.strata.engine.params.Params;

/** A convolution of each channel on its own (MobileNet's depthwise step): few weights, no mixing of channels. */
public final class DepthwiseConv2DLayer extends LayerType {
    public DepthwiseConv2DLayer() {
        super("DepthwiseConv2D", Category.CONVOLUTION, "Filters each channel on its own",
                "y[i,j,c·m+k] = f(b[c·m+k] + Σ_{u,v} x[i·s+u, j·s+v, c] · W[u,v,c,k]) for each input channel c "
                        + "and k < multiplier; sizes as Conv2D's.",
                ParamTable.of(
                        ConvolutionParams.KERNEL_2D,
                        ConvolutionParams.STRIDE_2D,
                        ConvolutionParams.PADDING_2D,
                        ParamSpec.integer("multiplier", "Depth multiplier", 1, 1, 1000,
                                "Filters per input channel: the output has channels × multiplier"),
                        ConvolutionParams.ACTIVATION,
                        ParamSpec.bool("useBias", "Use bias", true, "Add a learned bias per output channel"),
                        WeightInit.param()));
    }

    @Override
    public TensorShape outputShape(List<TensorShape> in, Params p) throws ShapeException {
        TensorShape x = single(in, TensorShape.Kind.IMAGE,
                "set the Input's kind to image, or use a Reshape to height × width × channels");
        int[] k = p.getTuple("kernel");
        int[] s = p.getTuple("stride");
        boolean same = Conv2DLayer.padding(p) == Padding.SAME;
        return TensorShape.image(Conv2DLayer.slide(id(), "height", x.dim(0), k[0], s[0], same),
                Conv2DLayer.slide(id(), "width", x.dim(1), k[1], s[1], same), x.dim(2) * p.getInt("multiplier"));
    }

    @Override
    public List<Weight> weights(List<TensorShape> in, Params p) {
        int[] k = p.getTuple("kernel");
        long c = in.get(0).channels();
        long m = p.getInt("multiplier");
        Weight w = Weight.xavier("W", "[kernelH, kernelW, inChannels, multiplier]", (long) k[0] * k[1],
                (long) k[0] * k[1] * m, k[0], k[1], c, m);
        return DenseLayer.useBias(p) ? List.of(w, Weight.vector("b", "[inChannels·multiplier]", Weight.Init.ZERO,
                c * m)) : List.of(w);
    }

    @Override
    public String outputRule() {
        return "[H', W', channels·multiplier]";
    }

    @Override
    public long flops(List<TensorShape> in, TensorShape out, Params p) {
        int[] k = p.getTuple("kernel");
        return 2L * k[0] * k[1] * out.size();
    }

    @Override
    public ActivationFn outputActivation(Params p) {
        return DenseLayer.activation(p);
    }

    @Override
    public String keyParams(Params p) {
        int[] k = p.getTuple("kernel");
        return k[0] + "×" + k[1] + (p.getInt("multiplier") > 1 ? " · ×" + p.getInt("multiplier") : "");
    }
}
