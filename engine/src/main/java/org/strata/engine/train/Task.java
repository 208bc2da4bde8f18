package org.strata.engine.train;

import java.util.List;
import org.strata.engine.data.Dataset;
import org.strata.engine.data.Split;
import org.strata.engine.layers.LossFn;

/**
 * What the network must predict for a dataset: how labels are encoded for its Output, and how loss and metric are
 * computed from predictions. A {@link Mode#PER_STEP} task has a class at each of {@link #steps()} positions, encoded
 * one-hot per step ({@code [T, K]}), a position without one as a row of zeros.
 */
final class Task {
    enum Mode { ONE_HOT, BINARY, REGRESSION, PER_STEP }

    private final Mode mode;
    private final int width;
    private final int steps;
    private final LossFn loss;
    private final String metric;
    private final List<String> classNames;

    private Task(Mode mode, int width, int steps, LossFn loss, String metric, List<String> classNames) {
        this.mode = mode;
        this.width = width;
        this.steps = steps;
        this.loss = loss;
        this.metric = metric;
        this.classNames = classNames;
    }

    /**
     * @return how labels are encoded for an Output of shape {@code out}; the graph has been checked against the data
     * ({@link org.strata.engine.analysis.DataFit}), so the shape fits
     */
    static Task of(Dataset data, org.strata.engine.layers.TensorShape out, LossFn loss, String metric,
                   String outputNode) {
        int outputWidth = (int) out.size();
        if (!data.isClassification()) return new Task(Mode.REGRESSION, outputWidth, 1, loss, metric, List.of());
        int k = data.classNames().size();
        if (org.strata.engine.layers.OutputLayerType.perStep(out) && out.channels() == k
                && out.dim(0) == data.labelSteps()) {
            return new Task(Mode.PER_STEP, outputWidth, out.dim(0), loss, metric, data.classNames());
        }
        if (data.labelSteps() == 0 && outputWidth == k) {
            return new Task(Mode.ONE_HOT, k, 1, loss, metric, data.classNames());
        }
        if (data.labelSteps() == 0 && outputWidth == 1 && k == 2) {
            return new Task(Mode.BINARY, 1, 1, loss, metric, data.classNames());
        }
        throw new IllegalStateException("an Output of " + out + " for " + k + " classes: "
                + outputNode + " was not checked against the data");
    }

    /** @return values of one sample's encoded label (and prediction) */
    int width() {
        return width;
    }

    /** @return positions with a class each: T for a per-step task, else 1 */
    int steps() {
        return steps;
    }

    /** @return values per position: the classes of a per-step task, else {@link #width()} */
    int classesPerStep() {
        return width / steps;
    }

    /** @return whether a class is predicted at every position */
    boolean perStep() {
        return mode == Mode.PER_STEP;
    }

    /** @return the shape of a batch of {@code n} encoded labels: {@code [n, width]}, or {@code [n, T, K]} per step */
    long[] labelShape(int n) {
        return perStep() ? new long[]{n, steps, classesPerStep()} : new long[]{n, width};
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
            case PER_STEP -> {
                int k = classesPerStep();
                int[] ids = new int[steps];
                s.labels(i, ids, 0);
                java.util.Arrays.fill(dst, offset, offset + width, 0f);
                for (int t = 0; t < steps; t++) if (ids[t] >= 0) dst[offset + t * k + ids[t]] = 1f;
            }
        }
    }

    /** @return whether the position whose encoded label starts at {@code y[offset]} has a class (per step) */
    boolean hasTarget(float[] y, int offset) {
        if (!perStep()) return true;
        float sum = 0;
        for (int j = 0; j < classesPerStep(); j++) sum += y[offset + j];
        return sum > 0.5f;
    }

    /** @return the predicted class of one prediction row (of one position, per step) */
    int predictedClass(float[] p, int offset) {
        if (mode == Mode.BINARY) return p[offset] >= 0.5f ? 1 : 0;
        int best = 0;
        for (int j = 1; j < classesPerStep(); j++) if (p[offset + j] > p[offset + best]) best = j;
        return best;
    }

    /** @return the probability the network gave class {@code c} in one prediction row */
    float confidence(float[] p, int offset, int c) {
        if (mode == Mode.BINARY) return c == 1 ? p[offset] : 1 - p[offset];
        return p[offset + c];
    }

    /** @return the true class encoded at {@code y[offset…]} (of one position, per step) */
    int trueClass(float[] y, int offset) {
        if (mode == Mode.BINARY) return y[offset] >= 0.5f ? 1 : 0;
        int best = 0;
        for (int j = 1; j < classesPerStep(); j++) if (y[offset + j] > y[offset + best]) best = j;
        return best;
    }

    /**
     * @return one sample's loss, as the Output defines it (predictions are after its softmax/sigmoid); per step, the
     * loss of the one position whose row starts at {@code offset}
     */
    double loss(float[] p, float[] y, int offset) {
        double l = 0;
        final double eps = 1e-7;
        for (int j = 0; j < classesPerStep(); j++) {
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
