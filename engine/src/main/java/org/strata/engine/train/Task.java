package org.strata.engine.train;

import java.util.List;
import org.strata.engine.data.Dataset;
import org.strata.engine.data.Split;
import org.strata.engine.layers.LossFn;

/**
 * What the network must predict for a dataset: how labels are encoded for its Output, and how loss and metric are
 * computed from predictions.
 */
final class Task {
    enum Mode { ONE_HOT, BINARY, REGRESSION }

    private final Mode mode;
    private final int width;
    private final LossFn loss;
    private final String metric;
    private final List<String> classNames;

    private Task(Mode mode, int width, LossFn loss, String metric, List<String> classNames) {
        this.mode = mode;
        this.width = width;
        this.loss = loss;
        this.metric = metric;
        this.classNames = classNames;
    }

    /**
     * @return how labels are encoded for an Output of {@code outputWidth} values; the graph has been checked against
     * the data ({@link org.strata.engine.analysis.DataFit}), so the width fits
     */
    static Task of(Dataset data, int outputWidth, LossFn loss, String metric, String outputNode) {
        if (!data.isClassification()) return new Task(Mode.REGRESSION, outputWidth, loss, metric, List.of());
        int k = data.classNames().size();
        if (outputWidth == k) return new Task(Mode.ONE_HOT, k, loss, metric, data.classNames());
        if (outputWidth == 1 && k == 2) return new Task(Mode.BINARY, 1, loss, metric, data.classNames());
        throw new IllegalStateException("an Output of " + outputWidth + " for " + k + " classes: "
                + outputNode + " was not checked against the data");
    }

    int width() {
        return width;
    }

    String metricName() {
        return metric;
    }

    List<String> classNames() {
        return classNames;
    }

    boolean isClassification() {
        return mode != Mode.REGRESSION;
    }

    /** Writes sample {@code i}'s label, encoded for the Output, at {@code dst[offset…]}. */
    void encode(Split s, int i, float[] dst, int offset) {
        switch (mode) {
            case ONE_HOT -> {
                java.util.Arrays.fill(dst, offset, offset + width, 0f);
                dst[offset + s.label(i)] = 1f;
            }
            case BINARY -> dst[offset] = s.label(i);
            case REGRESSION -> System.arraycopy(s.target(i), 0, dst, offset, width);
        }
    }

    /** @return the predicted class of one prediction row */
    int predictedClass(float[] p, int offset) {
        if (mode == Mode.BINARY) return p[offset] >= 0.5f ? 1 : 0;
        int best = 0;
        for (int j = 1; j < width; j++) if (p[offset + j] > p[offset + best]) best = j;
        return best;
    }

    /** @return the probability the network gave class {@code c} in one prediction row */
    float confidence(float[] p, int offset, int c) {
        if (mode == Mode.BINARY) return c == 1 ? p[offset] : 1 - p[offset];
        return p[offset + c];
    }

    /** @return the true class encoded at {@code y[offset…]} */
    int trueClass(float[] y, int offset) {
        if (mode == Mode.BINARY) return y[offset] >= 0.5f ? 1 : 0;
        int best = 0;
        for (int j = 1; j < width; j++) if (y[offset + j] > y[offset + best]) best = j;
        return best;
    }

    /** @return one sample's loss, as the Output defines it (predictions are after its softmax/sigmoid) */
    double loss(float[] p, float[] y, int offset) {
        double l = 0;
        final double eps = 1e-7;
        for (int j = 0; j < width; j++) {
            double pj = p[offset + j];
            double yj = y[offset + j];
            l += switch (loss) {
                case SOFTMAX_CROSS_ENTROPY -> -yj * Math.log(Math.max(pj, eps));
                case BINARY_CROSS_ENTROPY -> -(yj * Math.log(Math.max(pj, eps))
                        + (1 - yj) * Math.log(Math.max(1 - pj, eps)));
                case MSE -> (pj - yj) * (pj - yj) / width;
                case MAE -> Math.abs(pj - yj) / width;
                case HUBER -> {
                    double d = Math.abs(pj - yj);
                    double delta = LossFn.HUBER_DELTA;
                    yield (d <= delta ? 0.5 * d * d : delta * (d - 0.5 * delta)) / width;
                }
            };
        }
        return l;
    }

    /** @return the sum of absolute errors of one sample, divided by the width */
    double absError(float[] p, float[] y, int offset) {
        double e = 0;
        for (int j = 0; j < width; j++) e += Math.abs(p[offset + j] - y[offset + j]);
        return e / width;
    }
}
