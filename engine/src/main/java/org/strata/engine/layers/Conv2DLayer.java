package org.strata.engine.layers;

import java.util.List;
import org.deeplearning4j.nn.conf.CNN2DFormat;
import org.deeplearning4j.nn.conf.ConvolutionMode;
import org.deeplearning4j.nn.conf.layers.ConvolutionLayer;
import org.strata.engine.graph.Node;
import org.strata.engine.params.ParamSpec;
import org.strata.engine.params.ParamTable;
import org.strata.engine.params.Params;
import org.strata.engine.train.dl4j.Dl4jContext;

/** A 2-D convolution over an image. */
public final class Conv2DLayer extends LayerType {
    public Conv2DLayer() {
        super("Conv2D", Category.CONVOLUTION, "Slides learned filters over the image",
                "y[i,j,o] = f(b[o] + Σ_{u,v,c} x[i·s+u, j·s+v, c] · W[u,v,c,o]); output size (H − k)/s + 1 with "
                        + "'valid' padding, ⌈H/s⌉ with 'same'.",
                ParamTable.of(
                        ParamSpec.integer("filters", "Filters", 32, 1, 100_000, "Number of output channels"),
                        ParamSpec.tuple("kernel", "Kernel size", new int[]{3, 3}, 1, 1000, "Filter height × width"),
                        ParamSpec.tuple("stride", "Stride", new int[]{1, 1}, 1, 1000, "Step between positions"),
                        ParamSpec.choice("padding", "Padding", "valid", List.of("valid", "same"),
                                "valid: no padding, the image shrinks; same: zero-pad to keep H/s × W/s"),
                        ParamSpec.choice("activation", "Activation", "relu", ActivationFn.keys(),
                                "Function applied to each output"),
                        ParamSpec.bool("useBias", "Use bias", true, "Add a learned bias per filter")));
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
        int[] k = p.getTuple("kernel");
        int[] s = p.getTuple("stride");
        boolean same = p.getString("padding").equals("same");
        return TensorShape.image(slide(id(), "height", x.dim(0), k[0], s[0], same),
                slide(id(), "width", x.dim(1), k[1], s[1], same), p.getInt("filters"));
    }

    @Override
    public long paramCount(List<TensorShape> in, Params p) {
        int[] k = p.getTuple("kernel");
        long f = p.getInt("filters");
        return (long) k[0] * k[1] * in.get(0).channels() * f + (p.getBool("useBias") ? f : 0);
    }

    @Override
    public long flops(List<TensorShape> in, TensorShape out, Params p) {
        int[] k = p.getTuple("kernel");
        return 2L * k[0] * k[1] * in.get(0).channels() * out.size();
    }

    @Override
    public ActivationFn outputActivation(Params p) {
        return ActivationFn.of(p.getString("activation"));
    }

    @Override
    public String keyParams(Params p) {
        int[] k = p.getTuple("kernel");
        return p.getInt("filters") + " · " + k[0] + "×" + k[1];
    }

    /** DL4J's name for our padding choice. */
    static ConvolutionMode mode(Params p) {
        return p.getString("padding").equals("same") ? ConvolutionMode.Same : ConvolutionMode.Truncate;
    }

    @Override
    public void toDl4j(Node node, Dl4jContext ctx) {
        Params p = node.params();
        int[] k = p.getTuple("kernel");
        ctx.addLayer(node.id(), new ConvolutionLayer.Builder(k[0], k[1]).stride(p.getTuple("stride"))
                .nIn(ctx.inputShapes(node).get(0).channels()).nOut(p.getInt("filters"))
                .convolutionMode(mode(p)).dataFormat(CNN2DFormat.NHWC)
                .activation(ActivationFn.of(p.getString("activation")).toDl4j())
                .hasBias(p.getBool("useBias")).build(), ctx.inputs(node));
    }

    @Override
    public List<ExportedParam> exportedParams(Params p) {
        // DL4J keeps [out, in, kH, kW]; exports use [kH, kW, in, out] like the channels-last data.
        ExportedParam w = new ExportedParam("W", "W", a -> a.permute(2, 3, 1, 0).dup('c'),
                        a -> a.permute(3, 2, 0, 1).dup('c'), "[kernelH, kernelW, inChannels, filters]");
        return p.getBool("useBias") ? List.of(w, vectorParam("b", "b", "[filters]")) : List.of(w);
    }

    @Override
    public org.strata.engine.train.fast.Kernel fastKernel() {
        return new org.strata.engine.train.fast.Conv2DKernel();
    }
}
