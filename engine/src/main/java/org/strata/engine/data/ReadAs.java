package org.strata.engine.data;

import java.util.List;
import java.util.Optional;
import org.strata.engine.data.text.TextEncoding;
import org.strata.engine.text.Excerpt;
import org.strata.engine.text.Message;

/**
 * How a trained model reads data: the class names its outputs stand for, for texts the tokenizer and vocabulary
 * it numbers tokens with, and the normalisation it was trained with. Data loaded {@link DatasetLoader#load(
 * org.strata.engine.project.Project, ReadAs) against it} numbers its labels by these names, not by their order in
 * today's file, so swapping two rows changes nothing, and a label the model never saw is an error.
 *
 * @param classNames the model's classes, in output order; empty for a model that predicts values
 * @param text       for a model of texts, how a text becomes its token numbers
 * @param normalizer the normalisation its inputs had in training, if known
 */
public record ReadAs(List<String> classNames, Optional<TextEncoding> text, Optional<Normalizer> normalizer) {
    /** Copies the class names. */
    public ReadAs {
        classNames = List.copyOf(classNames);
    }

    /** @return how the data a session trains on is read: a run that goes on with its weights reads new data alike */
    public static ReadAs of(Dataset trainedOn) {
        return new ReadAs(trainedOn.classNames(), trainedOn.text(), Optional.of(trainedOn.normalizer()));
    }

    /** @return only class names (weights trained elsewhere, whose normalisation is checked apart) */
    public static ReadAs classes(List<String> classNames) {
        return new ReadAs(classNames, Optional.empty(), Optional.empty());
    }

    /**
     * @return {@code d} with its labels numbered by this model's class names and its inputs normalised as the model's
     * were; {@code d} itself when neither applies
     * @throws DatasetException naming the dataset, the label and the model's classes when a label is not one of them
     */
    Dataset apply(Dataset d) throws DatasetException {
        boolean relabel = !classNames.isEmpty() && d.isClassification() && !classNames.equals(d.classNames());
        int[] map = relabel ? numbers(d) : null;
        Normalizer n = normalizer.filter(k -> k.shift().length == d.featureShape().size()).orElse(d.normalizer());
        if (map == null && n == d.normalizer()) return d;
        List<String> names = relabel ? classNames : d.classNames();
        return new Dataset(d.name(), d.featureShape(), names, d.targetCount(), d.train().as(map, n),
                d.validation().as(map, n), d.test().as(map, n), n, d.text());
    }

    /** @return for each class number of the data, the model's number of the same name */
    private int[] numbers(Dataset d) throws DatasetException {
        int[] map = new int[d.classNames().size()];
        for (int c = 0; c < map.length; c++) {
            String label = d.classNames().get(c);
            map[c] = classNames.indexOf(label);
            if (map[c] < 0) {
                String known = Excerpt.of(String.join(", ", classNames));
                throw new DatasetException(Message.of("dataset.unknownClass", d.name() + ": label '"
                        + Excerpt.of(label) + "' is not one of the model's classes (" + known + "): the model cannot "
                        + "predict it; remove those samples, or train a model on data that has it", d.name(),
                        Excerpt.of(label), known));
            }
        }
        return map;
    }
}
