package org.strata.app.training;

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
    /** Weight of the newest batch in the smoothed curve. */
    private static final double SMOOTHING = 0.05;

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
        ema = Double.isNaN(ema) ? loss : ema + SMOOTHING * (loss - ema);
        train.add(new double[]{iteration, loss});
        smoothed.add(new double[]{iteration, ema});
        if (train.size() > MAX_POINTS) {
            thin(train);
            thin(smoothed);
        }
    }

    void addValidation(long iteration, double loss) {
        validation.add(new double[]{iteration, loss});
    }

    void addMetric(int epoch, double trainMetric, double validationMetric, String name, double learningRate) {
        metric.add(new double[]{epoch, trainMetric, validationMetric, learningRate});
        metricName = name;
    }

    /** @return about {@code max} evenly spaced points of a curve (all of them if fewer), its last point kept */
    public static java.util.List<double[]> thinned(java.util.List<double[]> points, int max) {
        if (points.size() <= max) return points;
        java.util.List<double[]> out = new ArrayList<>(max + 1);
        double step = (double) points.size() / max;
        for (double i = 0; i < points.size(); i += step) out.add(points.get((int) i));
        out.add(points.get(points.size() - 1));
        return out;
    }

    /** Halves the older half of a curve: each pair of neighbours becomes their average. */
    private static void thin(List<double[]> points) {
        int half = points.size() / 2;
        List<double[]> out = new ArrayList<>(points.size());
        for (int i = 0; i + 1 < half; i += 2) {
            double[] a = points.get(i);
            double[] b = points.get(i + 1);
            out.add(new double[]{(a[0] + b[0]) / 2, (a[1] + b[1]) / 2});
        }
        out.addAll(points.subList(half - half % 2, points.size()));
        points.clear();
        points.addAll(out);
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
