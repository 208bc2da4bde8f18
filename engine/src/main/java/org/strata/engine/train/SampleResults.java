package org.strata.engine.train;

import java.util.ArrayList;
import java.util.List;

/**
 * What the network answered for each sample of an evaluated split, in the split's order: for classification the
 * true and predicted class and the predicted class's probability; for regression the true and predicted value of
 * the first target. Lets a view list the samples behind a confusion-matrix cell or plot predicted against true.
 *
 * @param trueClass      per sample; null for regression
 * @param predictedClass per sample; null for regression
 * @param confidence     the probability of the predicted class; null for regression
 * @param trueValue      per sample; null for classification
 * @param predictedValue per sample; null for classification
 */
public record SampleResults(int[] trueClass, int[] predictedClass, float[] confidence, float[] trueValue,
                            float[] predictedValue) {

    /** @return the number of samples */
    public int size() {
        return trueClass != null ? trueClass.length : trueValue.length;
    }

    /** @return indices (into the split) of the samples of class {@code truth} predicted as {@code predicted} */
    public List<Integer> samplesIn(int truth, int predicted) {
        List<Integer> out = new ArrayList<>();
        if (trueClass == null) return out;
        for (int i = 0; i < trueClass.length; i++) {
            if (trueClass[i] == truth && predictedClass[i] == predicted) out.add(i);
        }
        return out;
    }
}
