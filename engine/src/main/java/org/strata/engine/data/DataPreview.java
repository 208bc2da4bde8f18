package org.strata.engine.data;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.strata.engine.data.text.TextEncoding;
import org.strata.engine.layers.TensorShape;

/**
 * What a dataset holds, shown before training: the size of each split, the shape of a sample, how many training
 * samples each class has, the first training samples as the data files hold them (with their labels), and for texts
 * the vocabulary with its counts. Small: a few samples, never the data.
 *
 * @param name        what the data is called (a file, a generator)
 * @param shape       the shape of one sample
 * @param train       training samples
 * @param validation  validation samples
 * @param test        test samples
 * @param classes     class names; empty for regression
 * @param classCounts training samples of each class, in class order; empty for regression
 * @param targets     numbers predicted per sample (regression); 0 for classes
 * @param samples     the first training samples
 * @param text        for texts, how they became token numbers (with the vocabulary and its counts)
 * @param labelSteps  positions with a class each (a language model's next token at every position); 0: one label
 */
public record DataPreview(String name, TensorShape shape, int train, int validation, int test, List<String> classes,
                          int[] classCounts, int targets, List<Sample> samples, Optional<TextEncoding> text,
                          int labelSteps) {
    /**
     * One sample as the data files hold it.
     *
     * @param raw    its values, unnormalised, row-major in the sample's shape
     * @param label  its class name; empty for regression
     * @param target its values to predict (regression); empty for classes
     */
    public record Sample(float[] raw, String label, float[] target) {
    }

    /** @return the preview of {@code d}, with its first {@code count} training samples */
    public static DataPreview of(Dataset d, int count) {
        Split s = d.train();
        int[] counts = new int[d.classNames().size()];
        int steps = s.labelSteps();
        int[] ids = new int[steps];
        if (d.isClassification()) {
            for (int i = 0; i < s.size(); i++) {
                if (steps == 0) {
                    counts[s.label(i)]++;
                    continue;
                }
                s.labels(i, ids, 0);
                for (int c : ids) if (c >= 0) counts[c]++;
            }
        }
        List<Sample> samples = new ArrayList<>();
        for (int i = 0; i < Math.min(count, s.size()); i++) {
            float[] raw = new float[s.featureSize()];
            s.rawFeatures(i, raw, 0);
            samples.add(!d.isClassification() ? new Sample(raw, "", s.target(i))
                    : steps == 0 ? new Sample(raw, d.classNames().get(s.label(i)), new float[0])
                    : new Sample(raw, nextTokens(d, s, i), new float[0]));
        }
        return new DataPreview(d.name(), d.featureShape(), s.size(), d.validation().size(), d.test().size(),
                d.classNames(), counts, d.targetCount(), List.copyOf(samples), d.text(), steps);
    }

    /** @return what a language model's sample is labelled with: its text one token on, the next token at every position */
    private static String nextTokens(Dataset d, Split s, int i) {
        int[] ids = new int[s.labelSteps()];
        s.labels(i, ids, 0);
        float[] asValues = new float[ids.length];
        for (int t = 0; t < ids.length; t++) asValues[t] = Math.max(0, ids[t]);
        return d.text().map(e -> "\"" + e.decode(asValues) + "\"").orElse(values(asValues, 8));
    }

    /** @return a sample as a line of text: a text's words, else its first values (with "…" when there are more) */
    public String describe(Sample sample) {
        if (text.isPresent()) return "\"" + text.get().decode(sample.raw()) + "\"";
        return values(sample.raw(), 8);
    }

    /** @return what the sample is labelled: its class, or its values to predict */
    public static String labelOf(Sample sample) {
        return sample.target().length == 0 ? sample.label() : values(sample.target(), 4);
    }

    /**
     * @return up to {@code most} values with three significant digits ("0.523, -1.3"), as a row of a data file is
     * typed (Try it shows and takes them so), "…" and the count for the rest
     */
    public static String values(float[] v, int most) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < Math.min(most, v.length); i++) {
            if (i > 0) b.append(", ");
            b.append(!Float.isFinite(v[i]) ? String.valueOf(v[i]) : new java.math.BigDecimal(v[i])
                    .round(new java.math.MathContext(3)).stripTrailingZeros().toPlainString());
        }
        if (v.length > most) b.append(", … (").append(String.format(Locale.ROOT, "%,d", v.length)).append(")");
        return b.toString();
    }
}
