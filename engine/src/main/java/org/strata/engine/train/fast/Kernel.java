package org.strata.engine.train.fast;

import java.util.List;

/**
 * The forward and backward computation of one layer type in the fast engine. A kernel adds ops to a plan once;
 * the plan then runs them every iteration. Layer types name their kernel in
 * {@link org.strata.engine.layers.LayerType#fastKernel()}.
 */
public interface Kernel {
    /** How a parameter starts, and whether weight decay applies to it. */
    enum Init {
        /** Random, Xavier-scaled: a weight (weight decay applies). */
        XAVIER,
        /** Zeros: a bias or a running mean. */
        ZERO,
        /** Ones: a scale or a running variance. */
        ONE
    }

    /**
     * A parameter array the kernel owns, in the export layout.
     *
     * @param name   export name ("W", "b")
     * @param shape  its shape
     * @param fanIn  inputs per output, for Xavier initialisation
     * @param fanOut outputs per input, for Xavier initialisation
     * @param init   how it starts
     */
    record ParamDef(String name, long[] shape, long fanIn, long fanOut, Init init) {
    }

    /** @return the parameter arrays of this node */
    default List<ParamDef> params(ShapeContext ctx) {
        return List.of();
    }

    /** @return true if the output is a reshaped view of the input (Flatten): no ops, gradients share the view */
    default boolean isView(KernelContext ctx) {
        return false;
    }

    /** Adds the ops computing {@code ctx.output()} from {@code ctx.input()}. */
    void forward(KernelContext ctx);

    /** Adds the ops computing parameter gradients and, when {@code ctx.inputGradient()} is not null, the input's. */
    void backward(KernelContext ctx);
}
