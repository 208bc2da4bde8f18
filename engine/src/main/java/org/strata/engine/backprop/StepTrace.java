package org.strata.engine.backprop;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Everything one training step computed, copied from the engine's own buffers as the step used them (not computed
 * again by another code path): what each layer passed on, the loss, the gradient that flowed back into each layer's
 * output, and each weight before the step, its gradient, and after the update.
 *
 * @param batch         the samples in the step
 * @param samples       each row's index in the training split (empty if not known)
 * @param loss          the batch's mean loss, as the engine computed it
 * @param learningRate  the learning rate of the step
 * @param optimizer     the optimizer's key ("sgd", "adam", …)
 * @param features      the batch's inputs
 * @param labels        the batch's targets as the loss saw them (one-hot for classes)
 * @param outputs       per node, its output as users see it (a softmax that the loss applies shown as probabilities)
 * @param preActivations per node whose activation the next layer applies (the loss's softmax, a ReLU moved past
 *                      pooling), the values before it, as the engine held them
 * @param gradients     per node (not the Input, not the Output), dLoss/dOutput summed over every layer it feeds; for
 *                      the nodes in {@code gradientsBeforeActivation}, dLoss/d(the values before the activation)
 * @param gradientsBeforeActivation nodes whose activation was applied by the next layer (the loss's softmax, a ReLU
 *                      moved past pooling), so that their gradient is taken before it
 * @param before        per node and weight name, the weight before the step
 * @param gradient      per node and weight name, dLoss/dWeight (the batch mean, before the optimizer used it)
 * @param after         per node and weight name, the weight after the update
 */
public record StepTrace(int batch, int[] samples, double loss, double learningRate, String optimizer,
                        Values features, Values labels, Map<String, Values> outputs, Map<String, Values> preActivations,
                        Map<String, Values> gradients, Set<String> gradientsBeforeActivation,
                        Map<String, Map<String, Values>> before, Map<String, Map<String, Values>> gradient,
                        Map<String, Map<String, Values>> after) {

    /** @return this trace with each row's index in the training split */
    public StepTrace withSamples(int[] indices) {
        return new StepTrace(batch, indices.clone(), loss, learningRate, optimizer, features, labels, outputs, preActivations,
                gradients, gradientsBeforeActivation, before, gradient, after);
    }

    /**
     * One weight's move in the update.
     *
     * @param node   the layer's id
     * @param weight the weight's name ("W", "b", …)
     * @param index  its position in the weight, row-major
     * @param before its value before the step
     * @param after  its value after the update
     * @param grad   its gradient in the step
     */
    public record Change(String node, String weight, int index, float before, float after, float grad) {
        /** @return after − before */
        public double delta() {
            return (double) after - before;
        }
    }

    /** @return the weights that moved, largest move first, at most {@code limit} of them */
    public List<Change> largestChanges(int limit) {
        List<Change> all = new ArrayList<>();
        before.forEach((node, weights) -> weights.forEach((name, b) -> {
            float[] a = after.get(node).get(name).data();
            float[] g = gradient.get(node).get(name).data();
            for (int i = 0; i < a.length; i++) {
                if (a[i] != b.data()[i]) all.add(new Change(node, name, i, b.data()[i], a[i], g[i]));
            }
        }));
        all.sort(Comparator.comparingDouble((Change c) -> -Math.abs(c.delta())));
        return all.size() > limit ? List.copyOf(all.subList(0, limit)) : List.copyOf(all);
    }
}
