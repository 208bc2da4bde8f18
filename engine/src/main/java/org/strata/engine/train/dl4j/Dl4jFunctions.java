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
            case GELU_TANH -> new GeluTanhActivation();
            case SILU -> Activation.SWISH.getActivationFunction();
            case MISH -> Activation.MISH.getActivationFunction();
            case SOFTPLUS -> Activation.SOFTPLUS.getActivationFunction();
            case HARD_SIGMOID -> Activation.HARDSIGMOID.getActivationFunction();
            case SIGMOID -> Activation.SIGMOID.getActivationFunction();
            case TANH -> Activation.TANH.getActivationFunction();
            case SOFTMAX -> Activation.SOFTMAX.getActivationFunction();
        };
    }

    /**
     * @return the activation's name as SameDiff layers of ours keep it: Deeplearning4j's {@code Activation} name, or
     *     {@link GeluTanhActivation#NAME}, which it does not have ({@link #sameDiff} reads both)
     */
    static String named(ActivationFn f) {
        return switch (f) {
            case IDENTITY -> Activation.IDENTITY.name();
            case RELU -> Activation.RELU.name();
            case LEAKY_RELU -> Activation.LEAKYRELU.name(); // 0.01, as activation() gives
            case ELU -> Activation.ELU.name();
            case GELU -> Activation.GELU.name();
            case GELU_TANH -> GeluTanhActivation.NAME;
            case SILU -> Activation.SWISH.name();
            case MISH -> Activation.MISH.name();
            case SOFTPLUS -> Activation.SOFTPLUS.name();
            case HARD_SIGMOID -> Activation.HARDSIGMOID.name();
            case SIGMOID -> Activation.SIGMOID.name();
            case TANH -> Activation.TANH.name();
            case SOFTMAX -> Activation.SOFTMAX.name();
        };
    }

    /** @return the activation {@link #named} gave {@code name}, applied to {@code z} as SameDiff ops */
    static org.nd4j.autodiff.samediff.SDVariable sameDiff(String name, org.nd4j.autodiff.samediff.SameDiff sd,
                                                         org.nd4j.autodiff.samediff.SDVariable z) {
        return name.equals(GeluTanhActivation.NAME) ? GeluTanhActivation.sameDiff(sd, z)
                : Activation.valueOf(name).asSameDiff(sd, z);
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
