package org.strata.engine.train;

/**
 * How a run ended.
 *
 * @param state            FINISHED, STOPPED or FAILED
 * @param message          why it ended, in a sentence
 * @param epochs           epochs completed
 * @param bestEpoch        epoch of the best validation loss (0 if no validation)
 * @param train            final evaluation on the training split
 * @param validation       on the validation split (null if empty)
 * @param test             on the test split (null if empty)
 * @param samplesPerSecond training throughput over the whole run (the training loops' time, evaluations and pauses left out)
 * @param wallSeconds      wall time of the run
 */
public record TrainingResult(TrainingState state, String message, int epochs, int bestEpoch, Evaluation train,
                             Evaluation validation, Evaluation test, double samplesPerSecond, double wallSeconds) {
}
