package org.strata.engine.layers;

import java.util.List;
import org.deeplearning4j.nn.conf.CNN2DFormat;
import org.deeplearning4j.nn.conf.graph.PreprocessorVertex;
import org.deeplearning4j.nn.conf.graph.ReshapeVertex;
import org.deeplearning4j.nn.conf.preprocessor.CnnToFeedForwardPreProcessor;
import org.strata.engine.graph.Node;
import org.strata.engine.params.ParamTable;
import org.strata.engine.params.Params;
import org.strata.engine.train.dl4j.Dl4jContext;

/** Lays an image or a sequence out as one vector, in row-major (height, width, channel) order. */
public final class FlattenLayer extends LayerType {
    public FlattenLayer() {
        super("Flatten", Category.SHAPE, "Image or sequence to one long vector",
                "y[(i·W + j)·C + c] = x[i, j, c]: row-major, channels last; a sequence [t, f] becomes y[t·F + f].",
                ParamTable.of());
    }

    @Override
    public TensorShape outputShape(List<TensorShape> in, Params p) throws ShapeException {
        TensorShape x = in.get(0);
        if (x.kind() == TensorShape.Kind.VECTOR) {
            throw new ShapeException("shape.flattenVector", "Flatten gets a vector of " + x
                    + ", which is already flat: remove the Flatten", x.toString());
        }
        return TensorShape.vector((int) x.size());
    }

    @Override
    public void toDl4j(Node node, Dl4jContext ctx) {
        TensorShape x = ctx.inputShapes(node).get(0);
        if (x.kind() == TensorShape.Kind.IMAGE) {
            ctx.addVertex(node.id(), new PreprocessorVertex(
                    new CnnToFeedForwardPreProcessor(x.dim(0), x.dim(1), x.dim(2), CNN2DFormat.NHWC)), ctx.inputs(node));
        } else {
            ctx.addVertex(node.id(), new ReshapeVertex('c', new int[]{-1, (int) x.size()}, null), ctx.inputs(node));
        }
    }

    @Override
    public org.strata.engine.train.fast.Kernel fastKernel() {
        return new org.strata.engine.train.fast.ViewKernel();
    }
}
