package org.strata.engine.train.dl4j;

import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.common.primitives.Pair;
import org.nd4j.linalg.activations.BaseActivationFunction;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.ops.transforms.Transforms;
import org.strata.engine.layers.ActivationFn;

/**
 * GELU's tanh form (GPT-2's), ½x·(1 + tanh(√(2/π)·(x + 0.044715x³))), which Deeplearning4j does not have:
 * {@code ActivationGELU(true)} runs libnd4j's PreciseGELU, which cubes 0.044715x instead of multiplying x³ by 0.044715
 * (0.83145 at x = 1 where the formula gives 0.84119). Kept in a model's configuration by class name, so it has a
 * no-argument constructor and no state.
 */
public final class GeluTanhActivation extends BaseActivationFunction {
    private static final long serialVersionUID = 1L;
    /** The name the SameDiff layers of ours keep for it, beside Deeplearning4j's {@code Activation} names. */
    static final String NAME = "GELU_TANH";

    @Override
    public INDArray getActivation(INDArray in, boolean training) {
        INDArray t = gate(in);
        return in.muli(t.muli(0.5).addi(0.5));
    }

    @Override
    public Pair<INDArray, INDArray> backprop(INDArray in, INDArray epsilon) {
        assertShape(in, epsilon);
        INDArray t = gate(in);
        INDArray slope = in.mul(in).muli(3 * ActivationFn.GELU_TANH_CUBIC).addi(1)
                .muli(0.5 * ActivationFn.GELU_TANH_SCALE).muli(in).muli(t.mul(t).rsubi(1));
        INDArray derivative = t.muli(0.5).addi(0.5).addi(slope);
        in.assign(derivative.muli(epsilon));
        return new Pair<>(in, null);
    }

    /** @return tanh(√(2/π)·x·(1 + 0.044715x²)), a new array */
    private static INDArray gate(INDArray x) {
        INDArray u = x.mul(x).muli(ActivationFn.GELU_TANH_CUBIC).addi(1).muli(x).muli(ActivationFn.GELU_TANH_SCALE);
        return Transforms.tanh(u, false);
    }

    /** @return the same function as SameDiff ops on {@code x} */
    static SDVariable sameDiff(SameDiff sd, SDVariable x) {
        SDVariable u = x.mul(x).mul(ActivationFn.GELU_TANH_CUBIC).add(1).mul(x).mul(ActivationFn.GELU_TANH_SCALE);
        return sd.math().tanh(u).mul(0.5).add(0.5).mul(x);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof GeluTanhActivation;
    }

    @Override
    public int hashCode() {
        return NAME.hashCode();
    }

    @Override
    public String toString() {
        return "gelu_tanh";
    }
}
