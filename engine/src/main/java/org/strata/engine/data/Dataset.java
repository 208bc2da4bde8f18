package org.strata.engine.data;

import java.util.List;
import java.util.Optional;
import org.strata.engine.data.text.TextEncoding;
import org.strata.engine.layers.TensorShape;

/**
 * A loaded dataset: train, validation and test splits over one or two sample sources, the shape of a sample,
 * and the class names (empty for regression).
 *
 * @param name         what to call it in messages
 * @param featureShape the shape of one sample
 * @param classNames   class names in label order; empty for regression
 * @param targetCount  values to predict for regression; 0 for classification
 * @param train        the training split
 * @param validation   the validation split (may be empty)
 * @param test         the test split (may be empty)
 * @param normalizer   the normalisation fitted on the training split
 * @param text         for texts, how a text becomes the token numbers a sample holds
 */
public record Dataset(String name, TensorShape featureShape, List<String> classNames, int targetCount, Split train,
                      Split validation, Split test, Normalizer normalizer, Optional<TextEncoding> text) {

    /** A dataset of numbers (not texts). */
    public Dataset(String name, TensorShape featureShape, List<String> classNames, int targetCount, Split train,
                   Split validation, Split test, Normalizer normalizer) {
        this(name, featureShape, classNames, targetCount, train, validation, test, normalizer, Optional.empty());
    }

    /** @return what a network must fit: a sample's shape, what is predicted and, for texts, the vocabulary's size */
    public org.strata.engine.analysis.DataShape shape() {
        return new org.strata.engine.analysis.DataShape(name, featureShape, classNames, targetCount,
                text.map(t -> t.vocabulary().size()).orElse(0), labelSteps());
    }

    /** @return positions with a class each in every sample (a language model's next token); 0: one label */
    public int labelSteps() {
        return train.labelSteps();
    }

    /** @return this dataset, its samples the texts {@code encoding} numbers */
    public Dataset withText(TextEncoding encoding) {
        return new Dataset(name, featureShape, classNames, targetCount, train, validation, test, normalizer,
                Optional.of(encoding));
    }

    /** @return whether labels are classes (rather than numbers to predict) */
    public boolean isClassification() {
        return !classNames.isEmpty();
    }
}
