package org.strata.engine.train.dl4j;

import org.deeplearning4j.nn.conf.ConvolutionMode;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.activations.IActivation;
import org.nd4j.linalg.activations.impl.ActivationLReLU;
import org.nd4j.linalg.lossfunctions.ILossFunction;
import org.nd4j.linalg.lossfunctions.impl.LossBinaryXENT;
import org.nd4j.linalg.lossfunctions.impl.LossMCXENT;
import org.nd4j.linalg.lossfunctions.impl.LossMSE;
import org.strata.engine.layers.ActivationFn;
import org.strata.engine.layers.LossFn;
import org.strata.engine.layers.Padding;

/** Deeplearning4j's counterparts of the catalogue's activations, losses and paddings. */
final class Dl4jFunctions {
    private Dl4jFunctions() {
    }

    /** @return the Deeplearning4j activation computing {@code f} */
    static IActivation activation(ActivationFn f) {
        return switch (f) {
            case IDENTITY -> Activation.IDENTITY.getActivationFunction();
            case RELU -> Activation.RELU.getActivationFunction();
            case LEAKY_RELU -> new ActivationLReLU(0.01);
            case ELU -> Activation.ELU.getActivationFunction();
            case GELU -> Activation.GELU.getActivationFunction();
            case SILU -> Activation.SWISH.getActivationFunction();
            case MISH -> Activation.MISH.getActivationFunction();
            case SOFTPLUS -> Activation.SOFTPLUS.getActivationFunction();
            case HARD_SIGMOID -> Activation.HARDSIGMOID.getActivationFunction();
            case SIGMOID -> Activation.SIGMOID.getActivationFunction();
            case TANH -> Activation.TANH.getActivationFunction();
            case SOFTMAX -> Activation.SOFTMAX.getActivationFunction();
        };
    }

    /** @return the activation by its Deeplearning4j name, as SameDiff layers of ours apply it */
    static Activation named(ActivationFn f) {
        return switch (f) {
            case IDENTITY -> Activation.IDENTITY;
            case RELU -> Activation.RELU;
            case LEAKY_RELU -> Activation.LEAKYRELU; // 0.01, as activation() gives
            case ELU -> Activation.ELU;
            case GELU -> Activation.GELU;
            case SILU -> Activation.SWISH;
            case MISH -> Activation.MISH;
            case SOFTPLUS -> Activation.SOFTPLUS;
            case HARD_SIGMOID -> Activation.HARDSIGMOID;
            case SIGMOID -> Activation.SIGMOID;
            case TANH -> Activation.TANH;
            case SOFTMAX -> Activation.SOFTMAX;
        };
    }

    /** @return Deeplearning4j's initialiser drawing as {@code init} does */
    static org.deeplearning4j.nn.weights.WeightInit init(org.strata.engine.layers.WeightInit init) {
        return switch (init) {
            case XAVIER -> org.deeplearning4j.nn.weights.WeightInit.XAVIER;
            case XAVIER_UNIFORM -> org.deeplearning4j.nn.weights.WeightInit.XAVIER_UNIFORM;
            case HE -> org.deeplearning4j.nn.weights.WeightInit.RELU;
            case HE_UNIFORM -> org.deeplearning4j.nn.weights.WeightInit.RELU_UNIFORM;
        };
    }

    /** @return the Deeplearning4j loss computing {@code loss} (after the activation the layer applies) */
    static ILossFunction loss(LossFn loss) {
        return switch (loss) {
            case SOFTMAX_CROSS_ENTROPY -> new LossMCXENT();
            case BINARY_CROSS_ENTROPY -> new LossBinaryXENT();
            case MSE -> new LossMSE();
            case MAE -> new org.nd4j.linalg.lossfunctions.impl.LossMAE();
            case HUBER -> new HuberLoss(LossFn.HUBER_DELTA);
        };
    }

    /** @return Deeplearning4j's name for a padding: 'valid' is its Truncate */
    static ConvolutionMode mode(Padding padding) {
        return switch (padding) {
            case VALID -> ConvolutionMode.Truncate;
            case SAME -> ConvolutionMode.Same;
        };
    }
}
