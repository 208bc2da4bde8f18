package org.strata.engine.train.dl4j;

import org.nd4j.common.primitives.Pair;
import org.nd4j.linalg.activations.IActivation;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.lossfunctions.ILossFunction;
import org.nd4j.linalg.ops.transforms.Transforms;

/**
 * The Huber loss, which Deeplearning4j does not have: per value ½d² where |d| ≤ δ, else δ(|d| − ½δ), with d the
 * prediction minus the label, averaged over the outputs as its {@code LossMSE} and {@code LossMAE} are (and summed
 * over the batch by the caller, as theirs are). Kept in a Deeplearning4j model's configuration by class name, so it
 * has a no-argument constructor and a property for δ.
 */
public final class HuberLoss implements ILossFunction {
    private static final long serialVersionUID = 1L;
    private double delta;

    /** For Deeplearning4j's JSON configuration. */
    public HuberLoss() {
        this(1.0);
    }

    /** @param delta where the loss turns from squared to absolute */
    public HuberLoss(double delta) {
        this.delta = delta;
    }

    public double getDelta() {
        return delta;
    }

    public void setDelta(double delta) {
        this.delta = delta;
    }

    /** @return d = f(preOutput) − labels */
    private static INDArray difference(INDArray labels, INDArray preOutput, IActivation fn) {
        return fn.getActivation(preOutput.dup(), true).subi(labels);
    }

    @Override
    public INDArray computeScoreArray(INDArray labels, INDArray preOutput, IActivation fn, INDArray mask) {
        INDArray d = difference(labels, preOutput, fn);
        INDArray abs = Transforms.abs(d, true);
        INDArray quadratic = d.mul(d).muli(0.5);
        INDArray linear = abs.sub(0.5 * delta).muli(delta);
        INDArray near = abs.lte(delta).castTo(d.dataType());
        INDArray perValue = quadratic.muli(near).addi(linear.muli(near.rsub(1.0)));
        if (mask != null) perValue.muliColumnVector(mask.reshape(mask.length(), 1).castTo(d.dataType()));
        return perValue.sum(true, 1).divi(d.size(1)).reshape(d.size(0), 1);
    }

    @Override
    public double computeScore(INDArray labels, INDArray preOutput, IActivation fn, INDArray mask, boolean average) {
        double sum = computeScoreArray(labels, preOutput, fn, mask).sumNumber().doubleValue();
        return average ? sum / labels.size(0) : sum;
    }

    @Override
    public INDArray computeGradient(INDArray labels, INDArray preOutput, IActivation fn, INDArray mask) {
        INDArray d = difference(labels, preOutput, fn);
        // dL/dd = d near the label, δ·sign(d) far from it; averaged over the outputs
        INDArray dLda = Transforms.min(Transforms.max(d, -delta, true), delta, false).divi(d.size(1));
        if (mask != null) dLda.muliColumnVector(mask.reshape(mask.length(), 1).castTo(d.dataType()));
        return fn.backprop(preOutput.dup(), dLda).getFirst();
    }

    @Override
    public Pair<Double, INDArray> computeGradientAndScore(INDArray labels, INDArray preOutput, IActivation fn,
                                                          INDArray mask, boolean average) {
        return new Pair<>(computeScore(labels, preOutput, fn, mask, average),
                computeGradient(labels, preOutput, fn, mask));
    }

    @Override
    public String name() {
        return "HuberLoss(" + delta + ")";
    }

    @Override
    public String toString() {
        return name();
    }
}
