package org.strata.engine.train.dl4j;

import org.nd4j.common.primitives.Pair;
import org.nd4j.linalg.activations.IActivation;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.lossfunctions.ILossFunction;
import org.nd4j.linalg.lossfunctions.impl.LossMCXENT;

/**
 * Softmax cross-entropy at every step, averaged over the positions that have a label, as the fast engine's Output
 * averages a class at every step (a language model's loss per token). Deeplearning4j's {@code RnnLossLayer} hands
 * this loss the batch's steps as rows ({@code [B·T, K]}), sums, and divides score and gradient by B; so each row is
 * scaled here by B / n, n the rows with a label (a row of zeros has none). Its mask is not read: which positions
 * count is said by the labels alone, in both engines. Kept in a model's configuration by class name, so it has a
 * no-argument constructor and a property for the steps.
 */
public final class PerTokenLoss implements ILossFunction {
    private static final long serialVersionUID = 1L;
    private static final LossMCXENT CROSS_ENTROPY = new LossMCXENT();
    private int steps;

    /** For Deeplearning4j's JSON configuration. */
    public PerTokenLoss() {
        this(1);
    }

    /** @param steps T: positions per sample, so that B = rows / T */
    public PerTokenLoss(int steps) {
        this.steps = steps;
    }

    public int getSteps() {
        return steps;
    }

    public void setSteps(int steps) {
        this.steps = steps;
    }

    /** @return 1 for each row with a label, 0 for a row of zeros, as a column */
    private static INDArray labelled(INDArray labels) {
        return labels.sum(true, 1);
    }

    /** @return B / n: Deeplearning4j's division by B undone, the mean over labelled rows made */
    private double scale(INDArray labels) {
        double batch = (double) labels.size(0) / steps;
        return batch / Math.max(1.0, labels.sumNumber().doubleValue());
    }

    @Override
    public INDArray computeScoreArray(INDArray labels, INDArray preOutput, IActivation fn, INDArray mask) {
        return CROSS_ENTROPY.computeScoreArray(labels, preOutput, fn, null).muli(scale(labels));
    }

    @Override
    public double computeScore(INDArray labels, INDArray preOutput, IActivation fn, INDArray mask, boolean average) {
        double sum = computeScoreArray(labels, preOutput, fn, mask).sumNumber().doubleValue();
        return average ? sum / ((double) labels.size(0) / steps) : sum;
    }

    @Override
    public INDArray computeGradient(INDArray labels, INDArray preOutput, IActivation fn, INDArray mask) {
        // softmax's (p − y) is p on a row without a label: such rows get no gradient
        return CROSS_ENTROPY.computeGradient(labels, preOutput, fn, null).muliColumnVector(labelled(labels))
                .muli(scale(labels));
    }

    @Override
    public Pair<Double, INDArray> computeGradientAndScore(INDArray labels, INDArray preOutput, IActivation fn,
                                                          INDArray mask, boolean average) {
        return new Pair<>(computeScore(labels, preOutput, fn, mask, average),
                computeGradient(labels, preOutput, fn, mask));
    }

    @Override
    public String name() {
        return "PerTokenLoss(" + steps + ")";
    }

    @Override
    public String toString() {
        return name();
    }
}
