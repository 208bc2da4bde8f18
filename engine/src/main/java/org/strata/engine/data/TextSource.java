package org.strata.engine.data;

import java.util.List;

/** Texts as their token numbers, each padded or cut to the same length, with their classes. */
final class TextSource implements SampleSource {
    private final int[] tokens;
    private final int[] labels;
    private final int length;

    /**
     * @param tokens  every text's token numbers, {@code length} per text, one after another
     * @param labels  each text's class
     */
    TextSource(int[] tokens, int[] labels, int length) {
        this.tokens = tokens;
        this.labels = labels;
        this.length = length;
    }

    /**
     * Numbers {@code texts} (already split into tokens) with {@code encode}.
     *
     * @param dataset the file, as the project names it, for messages
     * @throws DatasetException when texts × length do not fit in memory
     */
    static TextSource of(List<List<String>> texts, int[] labels, org.strata.engine.data.text.Vocabulary vocabulary,
                         int length, String dataset) throws DatasetException {
        int[] all = new int[(int) checkFits(texts.size(), length, dataset)];
        float[] row = new float[length];
        for (int i = 0; i < texts.size(); i++) {
            vocabulary.encode(texts.get(i), length, row, 0);
            for (int t = 0; t < length; t++) all[i * length + t] = (int) row[t];
        }
        return new TextSource(all, labels, length);
    }

    /**
     * @return {@code texts × length}, the numbers a set of texts takes, computed in long (in int, 214,748 × 10,000
     * turns negative)
     * @throws DatasetException when they do not fit in one array or in memory, naming both numbers
     */
    static long checkFits(int texts, int length, String dataset) throws DatasetException {
        long values = DataBudget.times(texts, length);
        DataBudget.check(dataset, DataBudget.number(texts) + " texts × " + DataBudget.number(length) + " tokens",
                values, Integer.BYTES, true);
        return values;
    }

    @Override
    public int size() {
        return labels.length;
    }

    @Override
    public int featureSize() {
        return length;
    }

    @Override
    public void features(int index, float[] dst, int offset) {
        for (int t = 0; t < length; t++) dst[offset + t] = tokens[index * length + t];
    }

    @Override
    public int label(int index) {
        return labels[index];
    }
}
