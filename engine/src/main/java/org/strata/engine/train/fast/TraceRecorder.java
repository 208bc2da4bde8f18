package org.strata.engine.train.fast;

import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.strata.engine.backprop.StepTrace;
import org.strata.engine.backprop.Values;
import org.strata.engine.graph.Node;
import org.strata.engine.layers.ActivationFn;
import org.strata.engine.runtime.HostMemory;

/**
 * Copies one training step out of the plan's buffers at three moments (after the forward pass, after the backward
 * pass, after the update) into a {@link StepTrace}. Only a traced step pays for it; the others run as before.
 */
final class TraceRecorder {
    private final NetworkLayout net;
    private final Plan plan;
    private Map<String, Values> forward;
    private Map<String, Values> gradients;
    private Map<String, Map<String, Values>> before;
    private Map<String, Map<String, Values>> gradient;
    private Values predictions;

    TraceRecorder(NetworkLayout net, Plan plan) {
        this.net = net;
        this.plan = plan;
    }

    /** After the forward pass: every node's output (the backward pass may reuse some buffers). */
    void afterForward() {
        forward = new LinkedHashMap<>();
        for (String id : net.order()) forward.put(id, values(plan.activations.get(id)));
    }

    /** After the backward pass: the output gradients, and the weights with their gradient before the optimizer. */
    void afterBackward(Map<String, Map<String, INDArray>> params, Map<String, Map<String, INDArray>> grads) {
        plan.outputForward(); // the Output's own forward op, from the logits the loss read
        predictions = values(plan.activations.get(net.outputId()));
        gradients = new LinkedHashMap<>();
        for (String id : net.order()) {
            if (id.equals(net.inputId()) || id.equals(net.outputId())) continue;
            INDArray g = plan.gradientOf(id);
            if (g != null) gradients.put(id, values(g));
        }
        before = copy(params);
        gradient = copy(grads);
    }

    /** After the update: the weights as the step left them. */
    StepTrace afterUpdate(Map<String, Map<String, INDArray>> params, double loss, Optimizer optimizer) {
        Map<String, Values> outputs = new LinkedHashMap<>();
        Map<String, Values> preActivations = new LinkedHashMap<>();
        Set<String> beforeActivation = new HashSet<>();
        for (String id : net.order()) {
            Values raw = forward.get(id);
            if (id.equals(net.outputId())) {
                outputs.put(id, predictions);
            } else if (net.feedsSquashingLoss(id) && activation(id) != ActivationFn.IDENTITY) {
                outputs.put(id, predictions); // "Dense 10 softmax" is shown as its probabilities
                preActivations.put(id, raw);
                beforeActivation.add(id);
            } else if (net.reluMovedPastPool(id)) {
                float[] v = raw.data().clone();
                for (int i = 0; i < v.length; i++) v[i] = Math.max(0f, v[i]);
                outputs.put(id, new Values(raw.shape(), v));
                preActivations.put(id, raw);
                beforeActivation.add(id);
            } else {
                outputs.put(id, raw);
            }
        }
        return new StepTrace((int) plan.features.size(0), new int[0], loss, optimizer.learningRate(),
                optimizer.kind(), forward.get(net.inputId()), values(plan.labels), outputs, preActivations, gradients,
                Set.copyOf(beforeActivation), before, gradient, copy(params));
    }

    private ActivationFn activation(String id) {
        Node n = net.node(id);
        return n.type().outputActivation(n.params());
    }

    private static Map<String, Map<String, Values>> copy(Map<String, Map<String, INDArray>> views) {
        Map<String, Map<String, Values>> out = new LinkedHashMap<>();
        views.forEach((node, mine) -> {
            if (mine.isEmpty()) return;
            Map<String, Values> m = new LinkedHashMap<>();
            mine.forEach((name, v) -> m.put(name, values(v)));
            out.put(node, m);
        });
        return out;
    }

    private static Values values(INDArray a) {
        INDArray c = a.dup('c');
        HostMemory.beforeRead(c);
        return new Values(a.shape(), c.data().asFloat());
    }
}
