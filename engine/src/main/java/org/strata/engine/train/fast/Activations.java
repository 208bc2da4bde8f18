package org.strata.engine.train.fast;

import java.util.Set;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.strata.engine.layers.ActivationFn;

/** Forward and backward ops of the activation functions the fast engine supports. */
final class Activations {
    /** GELU has no custom op in ND4J 1.0.0-M2.1; softmax is supported only where a loss takes it over. */
    static final Set<ActivationFn> SUPPORTED = Set.of(ActivationFn.IDENTITY, ActivationFn.RELU,
            ActivationFn.LEAKY_RELU, ActivationFn.ELU, ActivationFn.SIGMOID, ActivationFn.TANH, ActivationFn.SOFTMAX);

    private Activations() {
    }

    /** @return the op computing {@code y = f(x)} */
    static NativeOp forward(ActivationFn f, INDArray x, INDArray y) {
        return switch (f) {
            case RELU -> NativeOp.of("relu").in(x).out(y).targs(0.0).build();
            case LEAKY_RELU -> NativeOp.of("lrelu").in(x).out(y).targs(0.01).build();
            case ELU -> NativeOp.of("elu").in(x).out(y).targs(1.0).build();
            case SIGMOID -> NativeOp.of("sigmoid").in(x).out(y).build();
            case TANH -> NativeOp.of("tanh").in(x).out(y).build();
            case SOFTMAX -> NativeOp.of("softmax").in(x).out(y).build();
            default -> throw new IllegalArgumentException("no forward op for " + f);
        };
    }

    /** @return the op computing {@code dx = dy · f'(x)} from the pre-activation x (dx must not alias dy for softmax) */
    static NativeOp backward(ActivationFn f, INDArray x, INDArray dy, INDArray dx) {
        return switch (f) {
            case RELU -> NativeOp.of("relu_bp").in(x, dy).out(dx).targs(0.0).build();
            case LEAKY_RELU -> NativeOp.of("lrelu_bp").in(x, dy).out(dx).targs(0.01).build();
            case ELU -> NativeOp.of("elu_bp").in(x, dy).out(dx).targs(1.0).build();
            case SIGMOID -> NativeOp.of("sigmoid_bp").in(x, dy).out(dx).build();
            case TANH -> NativeOp.of("tanh_bp").in(x, dy).out(dx).build();
            case SOFTMAX -> NativeOp.of("softmax_bp").in(x, dy).out(dx).build();
            default -> throw new IllegalArgumentException("no backward op for " + f);
        };
    }
}
