package org.strata.app.training;

import org.strata.engine.runs.Curves;

import java.util.ArrayList;
import java.util.List;

/**
 * The loss and metric curves of a run, with a bounded size: when the per-batch curve grows past
 * {@link #MAX_POINTS}, its older half is thinned by averaging neighbours, so a long run keeps its shape without
 * growing without end. Used on the JavaFX thread only.
 */
public final class LossHistory {
    /** The most per-batch points kept. */
    public static final int MAX_POINTS = 4_000;

    private final List<double[]> train = new ArrayList<>();
    private final List<double[]> smoothed = new ArrayList<>();
    private final List<double[]> validation = new ArrayList<>();
    private final List<double[]> metric = new ArrayList<>();
    private String metricName = "";
    private double ema = Double.NaN;

    void clear() {
        train.clear();
        smoothed.clear();
        validation.clear();
        metric.clear();
        ema = Double.NaN;
    }

    void addTrain(long iteration, double loss) {
        if (!Double.isFinite(loss)) return;
        ema = Curves.smooth(ema, loss);
        train.add(new double[]{iteration, loss});
        smoothed.add(new double[]{iteration, ema});
        if (train.size() > MAX_POINTS) {
            Curves.thinOlderHalf(train);
            Curves.thinOlderHalf(smoothed);
        }
    }

    void addValidation(long iteration, double loss) {
        validation.add(new double[]{iteration, loss});
    }

    void addMetric(int epoch, double trainMetric, double validationMetric, String name, double learningRate) {
        metric.add(new double[]{epoch, trainMetric, validationMetric, learningRate});
        metricName = name;
    }


    /** @return (iteration, loss) of every kept batch */
    public List<double[]> train() {
        return train;
    }

    /** @return (iteration, smoothed loss) */
    public List<double[]> smoothed() {
        return smoothed;
    }

    /** @return (iteration at the epoch's end, validation loss) */
    public List<double[]> validation() {
        return validation;
    }

    /** @return (epoch, train metric, validation metric, learning rate) */
    public List<double[]> metric() {
        return metric;
    }

    public String metricName() {
        return metricName;
    }
}
