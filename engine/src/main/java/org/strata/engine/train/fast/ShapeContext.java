package org.strata.engine.train.fast;

import org.strata.engine.graph.Node;
import org.strata.engine.layers.TensorShape;

/** What a kernel knows about its node before any array exists: enough to declare its parameters. */
public interface ShapeContext {
    Node node();

    /** @return how many inputs the node has */
    default int inputCount() {
        return 1;
    }

    /** @return the shape of input {@code port} */
    TensorShape inputShape(int port);

    /** @return the shape of the (first) input */
    default TensorShape inputShape() {
        return inputShape(0);
    }

    TensorShape outputShape();

    /** @return true if this node feeds a loss that applies its softmax or sigmoid itself (so the node must not) */
    boolean feedsSquashingLoss();

    /**
     * @return true if this node's ReLU is applied after the max-pooling that follows it instead (they commute, and
     *         the pooled tensor is 4× smaller): a Conv2D then skips its ReLU
     */
    boolean reluMovedPastPool();
}
