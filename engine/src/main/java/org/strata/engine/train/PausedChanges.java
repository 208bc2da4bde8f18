package org.strata.engine.train;

import java.util.Set;
import org.strata.engine.backend.NetworkBackend;
import org.strata.engine.params.Params;

/**
 * Changes a user asks for while a run is paused (on another thread): a new learning rate, other frozen layers. The
 * training thread takes them in before its next batch.
 */
final class PausedChanges {
    private volatile Double learningRate;
    private volatile Set<String> frozen;

    /** @param frozen the layers frozen when the run starts (also thaws layers a continued network had frozen) */
    PausedChanges(Set<String> frozen) {
        this.frozen = Set.copyOf(frozen);
    }

    void setLearningRate(double lr) {
        if (!(lr > 0) || !Double.isFinite(lr)) throw new IllegalArgumentException("learning rate must be > 0: " + lr);
        learningRate = lr;
    }

    void setFrozen(Set<String> nodeIds) {
        frozen = Set.copyOf(nodeIds);
    }

    /**
     * On the training thread: hands what changed since the last batch to the settings and the network.
     *
     * @param lr the rate in use
     * @return the rate to use from now on (the schedule still applies to a new base rate)
     */
    double apply(Params settings, NetworkBackend backend, int epoch, double lr) {
        Double newRate = learningRate;
        if (newRate != null) {
            learningRate = null;
            settings.set("learningRate", newRate);
            lr = LearningRateSchedule.at(settings, epoch);
            backend.setLearningRate(lr);
        }
        Set<String> f = frozen;
        if (f != null) {
            frozen = null;
            backend.freeze(f);
        }
        return lr;
    }
}
