package org.strata.engine.export;

import java.util.List;
import org.strata.engine.graph.Node;
import org.strata.engine.layers.ActivationFn;
import org.strata.engine.layers.LayerType;
import org.strata.engine.layers.TensorShape;
import org.strata.engine.params.Params;

/**
 * What a layer's {@link NpzLayer} gets for one sample: the forward pass it belongs to (the export's arrays, the
 * analysis, what sequence layers keep), the node, its inputs in port order with their shapes, and the raw sample.
 */
record NpzStep(NpzForward forward, Node node, List<float[]> in, List<TensorShape> shapes, float[] raw) {
    String id() {
        return node.id();
    }

    LayerType type() {
        return node.type();
    }

    Params p() {
        return node.params();
    }

    /** @return the first input */
    float[] x() {
        return in.get(0);
    }

    /** @return the first input's shape */
    TensorShape shape() {
        return shapes.get(0);
    }

    /** @return the layer's own output shape */
    TensorShape out() {
        return forward.analysis().shapeOf(node.id()).orElseThrow();
    }

    /** @return the layer's array {@code <nodeId>/<name>} from the export */
    float[] a(String name) {
        return forward.array(node.id() + "/" + name);
    }

    /** @return the activation the layer applies to its output */
    ActivationFn activation() {
        return node.type().outputActivation(node.params());
    }

    /** @return the real steps of the sequence this layer reads, or all {@code steps} without padding */
    int realSteps(int steps) {
        return forward.realSteps(node.id(), steps);
    }

    /** @return the size of a shape's last axis */
    static int last(TensorShape s) {
        return s.dims()[s.dims().length - 1];
    }
}
