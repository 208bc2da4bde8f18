package org.strata.engine.train.fast;

import java.util.List;
import java.util.Set;
import java.util.function.Supplier;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.api.ops.impl.transforms.strict.GELU;
import org.nd4j.linalg.api.ops.impl.transforms.strict.GELUDerivative;
import org.strata.engine.layers.ActivationFn;

/** Forward and backward ops of the activation functions the fast engine supports. */
final class Activations {
    /** All of them; softmax only where a loss takes it over (checked by the network). */
    static final Set<ActivationFn> SUPPORTED = Set.of(ActivationFn.values());

    private Activations() {
    }

    /** Adds to {@code ctx}'s forward pass the ops computing {@code y = f(x)}. */
    static void addForward(KernelContext ctx, ActivationFn f, INDArray x, INDArray y) {
        if (ActivationOnHost.takes(f, x, y)) {
            ctx.forwardOp(ActivationOnHost.forward(f, x, y));
        } else if (f == ActivationFn.GELU_TANH) {
            for (NativeOp op : geluTanhForward(x, y, ctx.scratch(x.shape()))) ctx.forwardOp(op);
        } else {
            ctx.forwardOp(forward(f, x, y));
        }
    }

    /** @return the op computing {@code y = f(x)}, for every function but GELU_TANH (several ops: addForward) */
    static NativeOp forward(ActivationFn f, INDArray x, INDArray y) {
        return switch (f) {
            case RELU -> NativeOp.of("relu").in(x).out(y).targs(0.0).build();
            case LEAKY_RELU -> NativeOp.of("lrelu").in(x).out(y).targs(0.01).build();
            case ELU -> NativeOp.of("elu").in(x).out(y).targs(1.0).build();
            case SIGMOID -> NativeOp.of("sigmoid").in(x).out(y).build();
            case TANH -> NativeOp.of("tanh").in(x).out(y).build();
            case SOFTMAX -> NativeOp.of("softmax").in(x).out(y).build();
            // Deeplearning4j's GELU (the sigmoid approximation x·σ(1.702x)); only a legacy op in ND4J 1.0.0-M2.1
            case GELU -> NativeOp.legacy(new GELU(), x, y);
            case SILU -> NativeOp.legacy(new org.nd4j.linalg.api.ops.impl.transforms.strict.Swish(), x, y);
            case MISH -> NativeOp.legacy(new org.nd4j.linalg.api.ops.impl.transforms.strict.Mish(), x, y);
            case SOFTPLUS -> NativeOp.legacy(new org.nd4j.linalg.api.ops.impl.transforms.strict.SoftPlus(), x, y);
            case HARD_SIGMOID -> NativeOp.legacy(new org.nd4j.linalg.api.ops.impl.transforms.strict.HardSigmoid(), x,
                    y);
            default -> throw new IllegalArgumentException("no forward op for " + f);
        };
    }

    /**
     * Adds to {@code ctx}'s backward pass the ops computing {@code dx = dy · f'(x)}, where {@code y = f(x)} is the
     * forward output.
     */
    static void addBackward(KernelContext ctx, ActivationFn f, INDArray x, INDArray y, INDArray dy, INDArray dx) {
        if (ActivationOnHost.takes(f, x, y, dy, dx)) {
            ctx.backwardOp(ActivationOnHost.backward(f, x, y, dy, dx));
            return;
        }
        for (NativeOp op : backward(f, x, y, dy, dx, () -> ctx.scratch(x.shape()))) ctx.backwardOp(op);
    }

    /**
     * @return the gradient with respect to the pre-activation {@code z} of a layer ending in {@code f}: the output
     *         gradient itself for identity, else a new array the added ops fill
     */
    static INDArray preActivationGradient(KernelContext ctx, ActivationFn f, INDArray z) {
        if (f == ActivationFn.IDENTITY) return ctx.outputGradient();
        INDArray dz = ctx.scratch(z.shape());
        addBackward(ctx, f, z, ctx.output(), ctx.outputGradient(), dz);
        return dz;
    }

    /**
     * @param scratch supplies an array shaped like x, for functions that need one (GELU)
     * @return the ops computing {@code dx = dy · f'(x)} from the pre-activation x or the output y (dx must not
     *         alias dy)
     */
    static List<NativeOp> backward(ActivationFn f, INDArray x, INDArray y, INDArray dy, INDArray dx,
                                   Supplier<INDArray> scratch) {
        return switch (f) {
            case RELU -> reluBackward(y, dy, dx);
            case LEAKY_RELU -> List.of(NativeOp.of("lrelu_bp").in(x, dy).out(dx).targs(0.01).build());
            case ELU -> List.of(NativeOp.of("elu_bp").in(x, dy).out(dx).targs(1.0).build());
            case SIGMOID -> List.of(NativeOp.of("sigmoid_bp").in(x, dy).out(dx).build());
            case TANH -> List.of(NativeOp.of("tanh_bp").in(x, dy).out(dx).build());
            case SOFTMAX -> List.of(NativeOp.of("softmax_bp").in(x, dy).out(dx).build());
            case GELU_TANH -> geluTanhBackward(x, dy, dx, scratch.get(), scratch.get());
            case GELU -> {
                INDArray derivative = scratch.get(); // the legacy op gives f'(x) only
                yield List.of(NativeOp.legacy(new GELUDerivative(), x, derivative),
                        NativeOp.of("multiply").in(derivative, dy).out(dx).build());
            }
            case SILU -> {
                INDArray derivative = scratch.get();
                yield List.of(NativeOp.legacy(new org.nd4j.linalg.api.ops.impl.transforms.strict.SwishDerivative(), x,
                        derivative), NativeOp.of("multiply").in(derivative, dy).out(dx).build());
            }
            case MISH -> {
                INDArray derivative = scratch.get();
                yield List.of(NativeOp.legacy(new org.nd4j.linalg.api.ops.impl.transforms.strict.MishDerivative(), x,
                        derivative), NativeOp.of("multiply").in(derivative, dy).out(dx).build());
            }
            case SOFTPLUS -> List.of(NativeOp.of("softplus_bp").in(x, dy).out(dx).build());
            case HARD_SIGMOID -> List.of(NativeOp.of("hardsigmoid_bp").in(x, dy).out(dx).build());
            default -> throw new IllegalArgumentException("no backward op for " + f);
        };
    }

    /**
     * GELU's tanh form, y = ½x·(1 + tanh(u)) with u = √(2/π)·x·(1 + 0.044715x²), composed of elementwise ops:
     * libnd4j's PreciseGELU (1.0.0-M2.1) is not this function, it cubes 0.044715x instead of multiplying x³ by
     * 0.044715 (at x = 1 it gives 0.83145 where the formula gives 0.84119). {@code y} is written last, so it may be x.
     */
    static List<NativeOp> geluTanhForward(INDArray x, INDArray y, INDArray s) {
        List<NativeOp> ops = new java.util.ArrayList<>(geluTanhGate(x, s));
        ops.add(NativeOp.of("multiply").in(s, HALF).out(s).build());
        ops.add(NativeOp.of("add").in(s, HALF).out(s).build());
        ops.add(NativeOp.of("multiply").in(s, x).out(y).build());
        return ops;
    }

    /**
     * dx = dy · f′(x) for GELU's tanh form: f′(x) = ½(1 + t) + ½x·√(2/π)·(1 + 3·0.044715x²)·(1 − t²), t = tanh(u).
     * {@code t} and {@code d} are scratch arrays shaped like x; dx is used as a third before it is written.
     */
    static List<NativeOp> geluTanhBackward(INDArray x, INDArray dy, INDArray dx, INDArray t, INDArray d) {
        List<NativeOp> ops = new java.util.ArrayList<>(geluTanhGate(x, t));
        float c = (float) ActivationFn.GELU_TANH_SCALE;
        ops.add(NativeOp.of("multiply").in(x, x).out(d).build());
        ops.add(NativeOp.of("multiply").in(d, Nd4j.scalar((float) (1.5 * ActivationFn.GELU_TANH_SCALE
                * ActivationFn.GELU_TANH_CUBIC))).out(d).build());
        ops.add(NativeOp.of("add").in(d, Nd4j.scalar(c / 2)).out(d).build());
        ops.add(NativeOp.of("multiply").in(d, x).out(d).build()); // ½x·√(2/π)·(1 + 3·0.044715x²)
        ops.add(NativeOp.of("multiply").in(t, t).out(dx).build());
        ops.add(NativeOp.of("multiply").in(dx, d).out(dx).build());
        ops.add(NativeOp.of("subtract").in(d, dx).out(d).build()); // … · (1 − t²)
        ops.add(NativeOp.of("multiply").in(t, HALF).out(t).build());
        ops.add(NativeOp.of("add").in(t, HALF).out(t).build());
        ops.add(NativeOp.of("add").in(d, t).out(d).build()); // f′(x)
        ops.add(NativeOp.of("multiply").in(d, dy).out(dx).build());
        return ops;
    }

    /** @return the ops writing t = tanh(√(2/π)·x·(1 + 0.044715x²)) into {@code t} */
    private static List<NativeOp> geluTanhGate(INDArray x, INDArray t) {
        return List.of(NativeOp.of("multiply").in(x, x).out(t).build(),
                NativeOp.of("multiply").in(t, Nd4j.scalar((float) (ActivationFn.GELU_TANH_SCALE
                        * ActivationFn.GELU_TANH_CUBIC))).out(t).build(),
                NativeOp.of("add").in(t, Nd4j.scalar((float) ActivationFn.GELU_TANH_SCALE)).out(t).build(),
                NativeOp.of("multiply").in(t, x).out(t).build(),
                NativeOp.of("tanh").in(t).out(t).build());
    }

    private static final INDArray HALF = Nd4j.scalar(0.5f);

    /**
     * ReLU's gradient from its output: dx = dy · min(y·2¹²⁶, 1), which is dy where y > 0 and 0 where y = 0. libnd4j's
     * relu_bp takes ~2 ns an element, 13× a multiplication (measured on [64, 13, 13, 32]: 640 µs against 47 µs), and
     * sign is a legacy op with ~15 µs of overhead a call. Multiplying by a power of two is exact, so every positive
     * normal float gives exactly 1; only outputs below 1.2e-38 (subnormal) would pass a fraction of their gradient.
     */
    static List<NativeOp> reluBackward(INDArray y, INDArray dy, INDArray dx) {
        return List.of(NativeOp.of("multiply").in(y, Nd4j.scalar(0x1p126f)).out(dx).build(),
                NativeOp.of("minimum").in(dx, Nd4j.scalar(1f)).out(dx).build(),
                NativeOp.of("multiply").in(dx, dy).out(dx).build());
    }
}
