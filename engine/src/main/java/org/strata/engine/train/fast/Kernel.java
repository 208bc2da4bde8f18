package org.strata.engine.train.fast;

/**
 * The forward and backward computation of one layer type in the fast engine. A kernel adds ops to a plan once;
 * the plan then runs them every iteration. {@link Kernels} says which kernel runs which layer type; the
 * arrays a kernel reads with {@code param(name)} are the ones its layer type declares
 * ({@link org.strata.engine.layers.LayerType#weights}).
 */
public interface Kernel {
    /** @return true if the output is a reshaped view of the input (Flatten): no ops, gradients share the view */
    default boolean isView(KernelContext ctx) {
        return false;
    }

    /** Adds the ops computing {@code ctx.output()} from {@code ctx.input()}. */
    void forward(KernelContext ctx);

    /** Adds the ops computing parameter gradients and, when {@code ctx.inputGradient()} is not null, the input's. */
    void backward(KernelContext ctx);
}
