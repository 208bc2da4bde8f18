package org.strata.engine.layers;

import java.util.List;
import org.strata.engine.params.ParamSpec;
import org.strata.engine.params.ParamTable;
import org.strata.engine.params.Params;

/** A 1-D convolution along the time steps of a sequence (a signal, or token vectors). */
public final class Conv1DLayer extends LayerType {
    public Conv1DLayer() {
        super("Conv1D", Category.CONVOLUTION, "Slides learned filters along a sequence",
                "y[t,o] = f(b[o] + Σ_{u,c} x[t·s+u·d, c] · W[u,c,o]) (d the dilation); output length "
                        + "(T − (k − 1)·d − 1)/s + 1 with 'valid' padding, ⌈T/s⌉ with 'same'.",
                ParamTable.of(
                        ConvolutionParams.FILTERS,
                        ParamSpec.integer("kernel", "Kernel size", 3, 1, 1000, "Filter length in time steps"),
                        ParamSpec.integer("stride", "Stride", 1, 1, 1000, "Step between positions"),
                        ParamSpec.integer("dilation", "Dilation", 1, 1, 1000,
                                "Gap between the filter's taps: 2 spreads a 3-step filter over 5 steps"),
                        ParamSpec.choice("padding", "Padding", Padding.VALID,
                                "valid: no padding, the sequence shrinks; same: zero-pad to keep T/s steps"),
                        ConvolutionParams.ACTIVATION,
                        ConvolutionParams.BIAS_PER_FILTER,
                        WeightInit.param()));
    }

    @Override
    public TensorShape outputShape(List<TensorShape> in, Params p) throws ShapeException {
        TensorShape x = single(in, TensorShape.Kind.SEQUENCE,
                "set the Input's kind to sequence, or put an Embedding before it");
        return TensorShape.sequence(Conv2DLayer.slide(id(), "length", x.dim(0), span(p),
                p.getInt("stride"), Conv2DLayer.padding(p) == Padding.SAME), p.getInt("filters"));
    }

    /** @return the steps a dilated filter spans: (k − 1)·d + 1 */
    public static int span(Params p) {
        return (p.getInt("kernel") - 1) * p.getInt("dilation") + 1;
    }

    @Override
    public List<Weight> weights(List<TensorShape> in, Params p) {
        long k = p.getInt("kernel");
        long c = in.get(0).channels();
        long f = p.getInt("filters");
        Weight w = Weight.xavier("W", "[kernel, inChannels, filters]", k * c, k * f, k, c, f);
        return DenseLayer.useBias(p) ? List.of(w, Weight.vector("b", "[filters]", Weight.Init.ZERO, f)) : List.of(w);
    }

    @Override
    public String outputRule() {
        return "[T', filters]";
    }

    @Override
    public long flops(List<TensorShape> in, TensorShape out, Params p) {
        return 2L * p.getInt("kernel") * in.get(0).channels() * out.size();
    }

    @Override
    public ActivationFn outputActivation(Params p) {
        return DenseLayer.activation(p);
    }

    @Override
    public String keyParams(Params p) {
        return p.getInt("filters") + " · " + p.getInt("kernel");
    }
}
