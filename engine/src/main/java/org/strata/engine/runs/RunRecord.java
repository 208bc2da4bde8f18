package org.strata.engine.runs;

import java.util.Map;

/**
 * One finished (or stopped) training run as kept with its project: when and how it trained, how it ended, and its
 * curves (bounded: a long run's loss curve is thinned before it is kept).
 *
 * @param id               the run's folder name, e.g. {@code run-20261128-171500}; sorts by start time
 * @param started          start time, ISO-8601 with the offset
 * @param seconds          wall time of the run
 * @param engine           the engine that trained it
 * @param state            FINISHED or STOPPED
 * @param epochs           epochs trained in this run
 * @param metricName       "accuracy" or "mae"
 * @param trainLoss        the last epoch's training loss
 * @param validationLoss   the last epoch's validation loss (NaN without a validation split)
 * @param validationMetric the last epoch's validation metric (NaN without one)
 * @param testMetric       the metric on the held-out test data after the run (NaN if none)
 * @param settings         the training settings it used (optimizer, learning rate, batch size…), as text
 * @param loss             (iteration, smoothed training loss) points
 * @param validation       (iteration, validation loss) points, one per epoch
 * @param metric           (epoch, training metric, validation metric) points
 * @param continuedFrom    the run whose weights it started from, or "" for fresh weights
 * @param outcome          its final evaluations, speed and device; null for runs kept before format 2
 */
public record RunRecord(String id, String started, double seconds, String engine, String state, int epochs,
                        String metricName, double trainLoss, double validationLoss, double validationMetric,
                        double testMetric, Map<String, String> settings, double[][] loss, double[][] validation,
                        double[][] metric, String continuedFrom, RunOutcome outcome) {
    /** The most loss points kept per run. */
    public static final int MAX_LOSS_POINTS = 1000;
}
