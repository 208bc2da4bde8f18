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
    /** The smoothed curve as last computed, and the number of changes to the per-batch curve it was made from. */
    private List<double[]> smoothed = List.of();
    private long smoothedAt = -1;
    private long changes;
    private final List<double[]> validation = new ArrayList<>();
    private final List<double[]> metric = new ArrayList<>();
    private String metricName = "";

    void clear() {
        train.clear();
        validation.clear();
        metric.clear();
        changes++;
    }

    void addTrain(long iteration, double loss) {
        if (!Double.isFinite(loss)) return;
        train.add(new double[]{iteration, loss});
        if (train.size() > MAX_POINTS) Curves.thinOlderHalf(train);
        changes++;
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

    /**
     * @return (iteration, smoothed loss): each batch's loss averaged with its neighbours on both sides (a centred
     * window of about 1/60 of the curve), so the line runs through the middle of the noise; an exponential average
     * lagged far above a falling loss. At the newest end the window has only its older half.
     */
    public List<double[]> smoothed() {
        if (smoothedAt != changes) {
            smoothed = centred(train, Math.max(2, Math.min(50, train.size() / 60)));
            smoothedAt = changes;
        }
        return smoothed;
    }

    /** @return the moving average of {@code points} over {@code half} points each side (fewer at the ends) */
    static List<double[]> centred(List<double[]> points, int half) {
        int n = points.size();
        double[] sum = new double[n + 1];
        for (int i = 0; i < n; i++) sum[i + 1] = sum[i] + points.get(i)[1];
        List<double[]> out = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            int from = Math.max(0, i - half);
            int to = Math.min(n, i + half + 1);
            out.add(new double[]{points.get(i)[0], (sum[to] - sum[from]) / (to - from)});
        }
        return out;
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
