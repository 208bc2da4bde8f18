package org.strata.engine.backend;

import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * What training needs of a compiled network: optimisation steps, the learning rate, frozen layers, and the state a
 * checkpoint saves and a resumed run restores (parameters, optimizer state, step count). All methods run on the
 * training thread; arrays returned are copies.
 */
public interface TrainableNetwork {
    /** One optimisation step on a batch. @return the batch's loss */
    double fit(INDArray features, INDArray labels);

    /**
     * Arrays a training batch of {@code n} samples may be written into before {@link #fit}, which then reads them
     * where they are instead of copying them in.
     *
     * @return {features, labels}, or null when the backend has none (then any arrays are passed to fit)
     */
    default INDArray[] trainingInputs(int n) {
        return null;
    }

    /** Sets the learning rate used by later steps. */
    void setLearningRate(double lr);

    /**
     * Freezes exactly these nodes (others thaw): from the next {@link #fit} on, their parameters stay as they are
     * now, while the layers around them go on learning.
     */
    void freeze(java.util.Set<String> nodeIds);

    /** @return a copy of all parameters as one flat vector */
    INDArray parameters();

    /** Restores parameters from {@link #parameters()}. */
    void setParameters(INDArray flat);

    /**
     * Sets parameters from export names ({@code <nodeId>/<param>}) and layouts, as
     * {@link NetworkInspection#exportParameters()} gives them.
     *
     * @throws IllegalArgumentException naming a missing or wrongly shaped parameter
     */
    void importParameters(java.util.Map<String, INDArray> values);

    /** @return the optimizer's state as one flat vector (may be empty) */
    INDArray optimizerState();

    /** Restores optimizer state from {@link #optimizerState()}; ignored if its length differs. */
    void setOptimizerState(INDArray state);

    /**
     * @return optimisation steps taken so far: Adam's bias correction counts them, and the fast engine draws each
     *     step's dropout masks from it, so a resumed run needs it back to go on exactly as it would have
     */
    long iterations();

    /** Sets the step count, for a run resumed from a checkpoint (see {@link #iterations()}). */
    void setIterations(long steps);
}
