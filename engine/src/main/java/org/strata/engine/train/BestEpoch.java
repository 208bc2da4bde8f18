package org.strata.engine.train;

import java.util.Optional;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.strata.engine.backend.NetworkBackend;
import org.strata.engine.params.Params;

/** The epoch with the lowest validation loss, a copy of its weights, and whether early stopping ends the run. */
final class BestEpoch {
    private final boolean earlyStopping;
    private final int patience;
    private double loss = Double.POSITIVE_INFINITY;
    private volatile int epoch;
    private volatile INDArray params;

    /** @param settings the run's training settings (earlyStopping, patience) */
    BestEpoch(Params settings) {
        this.earlyStopping = settings.getBool("earlyStopping");
        this.patience = settings.getInt("patience");
    }

    /**
     * Takes an epoch's validation loss (on the training thread, the network's weights being that epoch's).
     *
     * @return true when early stopping ends the run: the loss has not improved for {@code patience} epochs
     */
    boolean record(int epochDone, double validationLoss, NetworkBackend backend) {
        if (validationLoss < loss) {
            loss = validationLoss;
            epoch = epochDone;
            params = backend.parameters();
            return false;
        }
        return earlyStopping && epochDone - epoch >= patience;
    }

    /** Takes up where a checkpoint left: the best epoch, its loss and weights (null if none). */
    void restore(int epochDone, double validationLoss, INDArray weights) {
        epoch = epochDone;
        loss = validationLoss;
        params = weights;
    }

    /** @return the best epoch's validation loss, +∞ if none */
    double loss() {
        return loss;
    }

    /** @return the best epoch so far, 0 if none (no validation split) */
    int epoch() {
        return epoch;
    }

    /** @return a copy of the best epoch's weights, if there is one */
    Optional<INDArray> params() {
        return Optional.ofNullable(params).map(INDArray::dup);
    }
}
