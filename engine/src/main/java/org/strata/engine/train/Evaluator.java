package org.strata.engine.train;

import org.strata.engine.backend.NetworkBackend;
import java.util.IdentityHashMap;
import java.util.Map;
import org.nd4j.linalg.dataset.DataSet;
import org.strata.engine.data.Split;
import org.strata.engine.layers.TensorShape;

/** Loss, metric and confusion matrix of a network on a split, batch by batch. */
final class Evaluator {
    private final NetworkBackend backend;
    private final Task task;
    private final TensorShape inputShape;
    private final int batchSize;
    /** One set of batch arrays per evaluated split, reused: evaluation allocates nothing after the first epoch. */
    private final Map<Split, Batches> batchesBySplit = new IdentityHashMap<>();

    /** @param batchSize the training batch size: every plan then has shapes the engine has prepared kernels for */
    Evaluator(NetworkBackend backend, Task task, TensorShape inputShape, int batchSize) {
        this.backend = backend;
        this.task = task;
        this.inputShape = inputShape;
        this.batchSize = batchSize;
    }

    /**
     * Evaluates the network on a split.
     *
     * @param limit evaluate only the first {@code limit} samples (0 = all)
     */
    Evaluation evaluate(Split split, int limit) {
        int n = limit > 0 ? Math.min(limit, split.size()) : split.size();
        if (task.perStep()) return evaluateSteps(split, n);
        int k = task.classNames().size();
        long[][] confusion = task.isClassification() ? new long[k][k] : null;
        if (n == 0) return new Evaluation(Double.NaN, Double.NaN, task.metricName(), confusion, task.classNames(), 0);
        // The training batch size: every plan then has the shapes oneDNN has already prepared kernels for.
        Batches batches = batchesBySplit.computeIfAbsent(split, s -> new Batches(s, inputShape, task, batchSize));
        double loss = 0;
        double absErr = 0;
        long correct = 0;
        int seen = 0;
        int w = task.width();
        boolean whole = n == split.size();
        boolean classes = confusion != null;
        int[] trueClass = whole && classes ? new int[n] : null;
        int[] predClass = whole && classes ? new int[n] : null;
        float[] confidence = whole && classes ? new float[n] : null;
        float[] trueValue = whole && !classes ? new float[n] : null;
        float[] predValue = whole && !classes ? new float[n] : null;
        for (int b = 0; b < batches.count() && seen < n; b++) {
            DataSet ds = batches.get(b, null);
            float[] p = backend.predictValues(ds.getFeatures());
            float[] y = ds.getLabels().data().asFloat();
            int m = (int) Math.min(ds.getFeatures().size(0), n - seen);
            for (int i = 0; i < m; i++) {
                loss += task.loss(p, y, i * w);
                absErr += task.absError(p, y, i * w);
                if (confusion != null) {
                    int t = task.trueClass(y, i * w);
                    int pr = task.predictedClass(p, i * w);
                    confusion[t][pr]++;
                    if (t == pr) correct++;
                    if (whole) {
                        trueClass[seen + i] = t;
                        predClass[seen + i] = pr;
                        confidence[seen + i] = task.confidence(p, i * w, pr);
                    }
                } else if (whole) {
                    trueValue[seen + i] = y[i * w];
                    predValue[seen + i] = p[i * w];
                }
            }
            seen += m;
        }
        double metric = task.metricName().equals("accuracy") ? (double) correct / seen : absErr / seen;
        SampleResults results = whole ? new SampleResults(trueClass, predClass, confidence, trueValue, predValue) : null;
        return new Evaluation(loss / seen, metric, task.metricName(), confusion, task.classNames(), seen, results);
    }

    /**
     * A class at every position: the loss and accuracy are per position that has a class (per token), as training
     * averages them. No confusion matrix (K × K for a vocabulary of thousands) and no per-sample answers.
     */
    private Evaluation evaluateSteps(Split split, int n) {
        if (n == 0) return new Evaluation(Double.NaN, Double.NaN, task.metricName(), null, task.classNames(), 0);
        Batches batches = batchesBySplit.computeIfAbsent(split, s -> new Batches(s, inputShape, task, batchSize));
        double loss = 0;
        long correct = 0;
        long tokens = 0;
        int seen = 0;
        int w = task.width();
        int k = task.classesPerStep();
        for (int b = 0; b < batches.count() && seen < n; b++) {
            DataSet ds = batches.get(b, null);
            float[] p = backend.predictValues(ds.getFeatures());
            float[] y = ds.getLabels().data().asFloat();
            int m = (int) Math.min(ds.getFeatures().size(0), n - seen);
            for (int i = 0; i < m; i++) {
                for (int t = 0; t < task.steps(); t++) {
                    int at = i * w + t * k;
                    if (!task.hasTarget(y, at)) continue;
                    loss += task.loss(p, y, at);
                    if (task.predictedClass(p, at) == task.trueClass(y, at)) correct++;
                    tokens++;
                }
            }
            seen += m;
        }
        double perToken = tokens == 0 ? Double.NaN : loss / tokens;
        return new Evaluation(perToken, tokens == 0 ? Double.NaN : (double) correct / tokens, task.metricName(), null,
                task.classNames(), seen, null, tokens);
    }
}
