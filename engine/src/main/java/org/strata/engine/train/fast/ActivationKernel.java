package org.strata.engine.train.fast;

import org.strata.engine.layers.ActivationFn;

/** An Activation layer: y = f(x). */
public final class ActivationKernel implements Kernel {
    private ActivationFn act;

    /** Identity, or a softmax that the loss after it applies itself, passes its input straight through. */
    @Override
    public boolean isView(KernelContext ctx) {
        ActivationFn f = ctx.node().type().outputActivation(ctx.node().params());
        return f == ActivationFn.IDENTITY || ctx.feedsSquashingLoss();
    }

    @Override
    public void forward(KernelContext ctx) {
        act = ctx.node().type().outputActivation(ctx.node().params());
        Activations.addForward(ctx, act, ctx.input(), ctx.output());
    }

    @Override
    public void backward(KernelContext ctx) {
        if (ctx.inputGradient() == null) return;
        Activations.addBackward(ctx, act, ctx.input(), ctx.output(), ctx.outputGradient(), ctx.inputGradient());
    }
}
