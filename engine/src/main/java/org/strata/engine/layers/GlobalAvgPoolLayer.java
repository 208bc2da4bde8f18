package org.strata.engine.layers;

import java.util.List;
import org.deeplearning4j.nn.conf.layers.GlobalPoolingLayer;
import org.deeplearning4j.nn.conf.layers.PoolingType;
import org.strata.engine.graph.Node;
import org.strata.engine.params.ParamTable;
import org.strata.engine.params.Params;
import org.strata.engine.train.dl4j.Dl4jContext;

/** Averages an image over height and width, or a sequence over time, leaving one value per channel. */
public final class GlobalAvgPoolLayer extends LayerType {
    public GlobalAvgPoolLayer() {
        super("GlobalAvgPool", Category.CONVOLUTION, "One average per channel: image or sequence to vector",
                "y[c] = mean_{i,j} x[i,j,c] for an image; y[f] = mean_t x[t,f] for a sequence.", ParamTable.of());
    }

    @Override
    public TensorShape outputShape(List<TensorShape> in, Params p) throws ShapeException {
        TensorShape x = in.get(0);
        if (x.kind() == TensorShape.Kind.VECTOR) {
            throw new ShapeException("shape.poolVector", "GlobalAvgPool expects an image or a sequence but gets a "
                    + "vector of " + x + ": remove it, the vector is already flat", x.toString());
        }
        return TensorShape.vector(x.channels());
    }

    @Override
    public long flops(List<TensorShape> in, TensorShape out, Params p) {
        return in.get(0).size();
    }

    @Override
    public void toDl4j(Node node, Dl4jContext ctx) {
        // Channels-last data: images [N,H,W,C] pool over 1,2; sequences [N,T,F] over 1.
        int[] dims = ctx.inputShapes(node).get(0).kind() == TensorShape.Kind.IMAGE ? new int[]{1, 2} : new int[]{1};
        ctx.addLayer(node.id(), new GlobalPoolingLayer.Builder(PoolingType.AVG).poolingDimensions(dims)
                .collapseDimensions(true).build(), ctx.inputs(node));
    }

    /** Images only: sequences are not in the fast engine yet. */
    @Override
    public org.strata.engine.train.fast.Kernel fastKernel() {
        return new org.strata.engine.train.fast.GlobalAvgPoolKernel();
    }
}
