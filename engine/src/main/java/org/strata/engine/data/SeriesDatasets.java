package org.strata.engine.data;

import java.io.IOException;
import java.nio.file.Path;
import java.util.stream.IntStream;
import org.strata.engine.layers.TensorShape;
import org.strata.engine.params.Params;
import org.strata.engine.text.Message;

/**
 * Loads a {@code sequence} dataset: a numeric series from a CSV file, either one column cut into windows that
 * forecast the values after them, or a whole series per row with its class.
 */
final class SeriesDatasets {
    private SeriesDatasets() {
    }

    /**
     * @param file the file, resolved against the project
     * @param name the file as the project names it, for messages
     */
    static Dataset load(Path file, String name, Params p) throws IOException {
        if (p.getString("layout").equals("rows")) {
            CsvReader.Table t = CsvReader.read(file, p.getString("labelColumn"), true,
                    StrictText.charset(p.getString("encoding")));
            // one normalisation for every step (a series' values are one quantity), as an image's pixels are
            return DatasetLoader.splitOne(name, t.source(), TensorShape.sequence(t.featureNames().size(), 1),
                    t.classNames(), 0, p, true);
        }
        float[] series = CsvReader.column(file, p.getString("column"),
                StrictText.charset(p.getString("encoding")));
        int window = p.getInt("window");
        int horizon = p.getInt("horizon");
        int n = series.length - window - horizon + 1;
        if (n < 3) {
            throw new DatasetException(Message.of("dataset.series.short", name + ": the series has " + series.length
                    + " values, too few for windows of " + window + " steps and " + horizon + " to forecast: shorten "
                    + "the window or add data", name, series.length, window, horizon));
        }
        float[][] x = new float[n][];
        float[][] y = new float[n][];
        for (int i = 0; i < n; i++) {
            x[i] = java.util.Arrays.copyOfRange(series, i, i + window);
            y[i] = java.util.Arrays.copyOfRange(series, i + window, i + window + horizon);
        }
        ArraySource source = new ArraySource(x, null, y);
        // in time order, not shuffled: the model is tested on a stretch of the series after the one it learnt from,
        // as a forecast is used (shuffled overlapping windows would test on values it was trained on)
        int test = (int) Math.round(n * p.getDouble("testSplit"));
        int validation = (int) Math.round(n * p.getDouble("validationSplit"));
        int train = n - test - validation;
        if (train < 1) {
            throw new DatasetException(Message.of("dataset.noTrainingSamples", name + ": no samples left for "
                    + "training after the validation and test splits", name));
        }
        int[][] parts = {IntStream.range(0, train).toArray(), IntStream.range(train, train + validation).toArray(),
                IntStream.range(train + validation, n).toArray()};
        Normalizer norm = Normalizer.fit(p.getString("normalization"), source, parts[0], true);
        return new Dataset(name, TensorShape.sequence(window, 1), java.util.List.of(), horizon,
                new Split(source, parts[0], norm), new Split(source, parts[1], norm), new Split(source, parts[2], norm),
                norm);
    }
}
