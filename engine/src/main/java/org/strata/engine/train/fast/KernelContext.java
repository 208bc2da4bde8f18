package org.strata.engine.train.fast;

import org.nd4j.linalg.api.ndarray.INDArray;

/** What a kernel sees while a plan is built for one batch size. */
public interface KernelContext extends ShapeContext {
    /** @return the batch size of this plan */
    int batch();

    /** @return true for a training plan, false for inference (where e.g. Dropout does nothing) */
    boolean training();

    /** @return a seed for this node's randomness, fixed by the training settings' seed */
    long seed();

    /** Runs {@code hook} with the optimizer's step count before each training step (e.g. to draw a new mask). */
    void beforeStep(java.util.function.LongConsumer hook);

    /** @return the activations of input {@code port} [batch, …] */
    INDArray input(int port);

    /** @return the (first) input's activations [batch, …] */
    default INDArray input() {
        return input(0);
    }

    /** @return where the output activations go [batch, …] */
    INDArray output();

    /** @return dLoss/dOutput, filled before this node's backward ops run */
    INDArray outputGradient();

    /** @return where dLoss/dInput for input {@code port} goes, or null when nobody needs it (the network's input) */
    INDArray inputGradient(int port);

    /** @return {@link #inputGradient(int)} of the (first) input */
    default INDArray inputGradient() {
        return inputGradient(0);
    }

    /** @return the padding the (first) input carries (see {@link org.strata.engine.analysis.PaddingMasks}), or null */
    StepMask padding();

    /** @return the padding this node marks (an Embedding with "token 0 pads"), to be filled by its kernel, or null */
    StepMask marksPadding();

    /** @return the view of a parameter this kernel declared */
    INDArray param(String name);

    /** @return the view of that parameter's gradient */
    INDArray paramGradient(String name);

    /**
     * @return for a Dense tied to an Embedding ({@link org.strata.engine.analysis.Analysis#tiedEmbedding}): that
     *         Embedding's E [vocabulary, dimension], used transposed as W; null for any other node
     */
    INDArray tiedWeight();

    /** @return the gradient of {@link #tiedWeight()}, shared with the Embedding; null for any other node */
    INDArray tiedWeightGradient();

    /**
     * @return true when this node writes part of a gradient shared through a weight tie (an Embedding and the Dense
     *         tied to it) and another part is written before its own in the backward pass: it then adds its part
     *         instead of overwriting the gradient (the backward pass runs last node first, so the node latest in the
     *         order writes first)
     */
    boolean addsToSharedGradient();

    /** @return the one-hot labels [batch, classes] (Output kernels) */
    INDArray labels();

    /** @return the scalar that receives the batch's mean loss (Output kernels) */
    INDArray loss();

    /** @return true if this pooling node applies the ReLU of the layer before it (see {@link #reluMovedPastPool}) */
    boolean appliesMovedRelu();

    /** @return a plan-owned row of ones [1, n], for sums written as matrix products (far faster than reduce_sum) */
    INDArray ones(long n);

    /** @return a new array owned by the plan, for intermediate values */
    INDArray scratch(long... shape);

    /** Appends an op to the forward pass. */
    void forwardOp(NativeOp op);

    /** Appends an op to this node's part of the backward pass. */
    void backwardOp(NativeOp op);
}
