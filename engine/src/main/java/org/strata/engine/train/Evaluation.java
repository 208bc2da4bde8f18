package org.strata.engine.train;

import java.util.List;
import java.util.Locale;

/**
 * Loss and metric on one split, with the confusion matrix for classification.
 *
 * @param loss       mean loss per sample
 * @param metric     accuracy (0–1) or mean absolute error
 * @param metricName "accuracy" or "mae"
 * @param confusion  [true class][predicted class] counts; null for regression
 * @param classNames class names; empty for regression
 * @param samples    samples evaluated
 * @param results    the answer for every sample, for whole-split evaluations; null for partial ones
 * @param tokens     for an Output with a class at every position: the positions counted (loss and metric are per
 *                   position then, with no confusion matrix); 0 for one label per sample
 */
public record Evaluation(double loss, double metric, String metricName, long[][] confusion, List<String> classNames,
                         int samples, SampleResults results, long tokens) {

    /** An evaluation of one label per sample. */
    public Evaluation(double loss, double metric, String metricName, long[][] confusion, List<String> classNames,
                      int samples, SampleResults results) {
        this(loss, metric, metricName, confusion, classNames, samples, results, 0);
    }

    /** An evaluation without per-sample answers. */
    public Evaluation(double loss, double metric, String metricName, long[][] confusion, List<String> classNames,
                      int samples) {
        this(loss, metric, metricName, confusion, classNames, samples, null);
    }

    /** @return whether loss and metric are per position (a class at every step), counted over {@link #tokens()} */
    public boolean perToken() {
        return tokens > 0;
    }

    /** @return precision of class {@code c}: correct predictions of c among all predictions of c */
    public double precision(int c) {
        long predicted = 0;
        for (long[] row : confusion) predicted += row[c];
        return predicted == 0 ? 0 : (double) confusion[c][c] / predicted;
    }

    /** @return recall of class {@code c}: correct predictions of c among all samples of c */
    public double recall(int c) {
        long actual = 0;
        for (long v : confusion[c]) actual += v;
        return actual == 0 ? 0 : (double) confusion[c][c] / actual;
    }

    /** @return the confusion matrix with per-class precision and recall, as text */
    public String confusionText() {
        if (confusion == null) return "";
        // names from the data, shown so that none acts on the terminal or breaks the table's lines
        List<String> names = classNames.stream().map(org.strata.engine.text.TerminalText::escape).toList();
        int w = 7;
        for (String n : names) w = Math.max(w, n.length() + 1);
        StringBuilder sb = new StringBuilder();
        sb.append(pad("true\\pred", w));
        for (String n : names) sb.append(pad(n, w));
        sb.append(pad("recall", w)).append('\n');
        for (int i = 0; i < confusion.length; i++) {
            sb.append(pad(names.get(i), w));
            for (long v : confusion[i]) sb.append(pad(Long.toString(v), w));
            sb.append(pad(String.format(Locale.ROOT, "%.3f", recall(i)), w)).append('\n');
        }
        sb.append(pad("precision", w));
        for (int c = 0; c < confusion.length; c++) sb.append(pad(String.format(Locale.ROOT, "%.3f", precision(c)), w));
        return sb.append('\n').toString();
    }

    private static String pad(String s, int w) {
        return " ".repeat(Math.max(1, w - s.length())) + s;
    }
}
