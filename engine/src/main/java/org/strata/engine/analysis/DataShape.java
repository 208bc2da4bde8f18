package org.strata.engine.analysis;

import java.util.List;
import org.strata.engine.layers.TensorShape;

/**
 * What a project's data looks like, as far as a network must fit it: the shape of a sample and what is predicted.
 *
 * @param name     what to call the data in messages (a file name, "MNIST", a generator)
 * @param features the shape of one sample
 * @param classes  class names in label order; empty when numbers are predicted (regression)
 * @param targets  how many numbers are predicted per sample (regression); 0 for classes
 * @param tokens   for texts, the size of their vocabulary: every value is a token number below it; else 0
 * @param labelSteps positions with a class each (a language model's next token at every position); 0 when a
 *                   sample has one label
 */
public record DataShape(String name, TensorShape features, List<String> classes, int targets, int tokens,
                        int labelSteps) {
    public DataShape {
        classes = List.copyOf(classes);
    }

    /** Data with one label per sample. */
    public DataShape(String name, TensorShape features, List<String> classes, int targets, int tokens) {
        this(name, features, classes, targets, tokens, 0);
    }

    /** Data of numbers (not token numbers). */
    public DataShape(String name, TensorShape features, List<String> classes, int targets) {
        this(name, features, classes, targets, 0);
    }

    /** @return whether the labels are classes */
    public boolean isClassification() {
        return !classes.isEmpty();
    }
}
