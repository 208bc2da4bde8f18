package org.strata.engine.backprop;

import java.util.ArrayList;
import java.util.List;

/**
 * One part of a training step as a student steps through it: a layer's forward pass, the loss, a layer's backward
 * pass, or the optimizer's update.
 *
 * @param kind what happens
 * @param node the layer it happens in (the Output for the loss; null for the update)
 */
public record StepPhase(Kind kind, String node) {
    /** What happens in a phase. */
    public enum Kind { FORWARD, LOSS, BACKWARD, UPDATE }

    /**
     * @param order  the layers in the order the forward pass runs them
     * @return the forward pass layer by layer (not the Input, which computes nothing), the loss, the backward pass
     *     last layer first, and the update
     */
    public static List<StepPhase> of(List<String> order, String input, String output) {
        List<StepPhase> out = new ArrayList<>();
        for (String id : order) if (!id.equals(input) && !id.equals(output)) out.add(new StepPhase(Kind.FORWARD, id));
        out.add(new StepPhase(Kind.LOSS, output));
        for (int i = order.size() - 1; i >= 0; i--) {
            String id = order.get(i);
            if (!id.equals(input) && !id.equals(output)) out.add(new StepPhase(Kind.BACKWARD, id));
        }
        out.add(new StepPhase(Kind.UPDATE, null));
        return out;
    }
}
