package org.strata.engine.train;

/**
 * Where a run stands after a whole epoch, beyond its weights and optimizer state: what a checkpoint keeps so that a
 * killed run goes on as if it had never stopped (the shuffle order is replayed from the seed and the epoch count).
 *
 * @param epochsDone whole epochs trained
 * @param iterations optimisation steps taken
 * @param epochs     the epochs the run trains in all (the project's setting, or what --epochs asked for)
 * @param bestEpoch  the epoch with the lowest validation loss so far, 0 if none
 * @param bestLoss   that epoch's validation loss, +∞ if none
 */
public record RunProgress(int epochsDone, long iterations, int epochs, int bestEpoch, double bestLoss) {
}
