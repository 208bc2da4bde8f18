package org.strata.engine.train.fast;

import java.util.List;
import java.util.Optional;
import org.strata.engine.analysis.Analysis;
import org.strata.engine.graph.Edge;
import org.strata.engine.graph.Graph;
import org.strata.engine.graph.Node;
import org.strata.engine.graph.PortRef;
import org.strata.engine.layers.ActivationFn;
import org.strata.engine.layers.LossFn;
import org.strata.engine.params.Params;
import org.strata.engine.text.Message;

/** Which graphs the fast engine runs: every layer type it has a kernel for, in the arrangements it supports. */
final class FastSupport {
    private FastSupport() {
    }

    /**
     * Says why the fast engine cannot run a graph ("… are not in Strata's fast engine yet"), or empty if it can. Every
     * kernel takes whatever its type's shape rule admits (sequences included), so a valid graph is refused only for a
     * type without a kernel, several inputs or outputs, or an activation the loss must take over.
     *
     * @param training values of {@link org.strata.engine.project.TrainingSettings#TABLE}
     */
    static Optional<Message> unsupported(Graph graph, Analysis analysis, Params training) {
        if (graph.inputNodes().size() != 1 || graph.outputNodes().size() != 1) {
            return Optional.of(Message.of("fast.ports", "it has several inputs or outputs"));
        }
        for (String id : analysis.order()) {
            Node n = graph.require(id);
            if (!Kernels.runs(n.type().id())) {
                return Optional.of(Message.of("fast.layer", n.type().id() + " layers are not in Strata's fast engine yet",
                        n.type().id()));
            }
            ActivationFn act = n.type().outputActivation(n.params());
            if (!Activations.SUPPORTED.contains(act)) {
                return Optional.of(Message.of("fast.activation", act.key() + " is not in Strata's fast engine yet", act.key()));
            }
            if (act == ActivationFn.SOFTMAX && !feedsSquashingLoss(graph, id)) {
                return Optional.of(Message.of("fast.softmax",
                        "softmax is supported only right before a softmax_cross_entropy Output"));
            }
        }
        Node out = graph.outputNodes().get(0);
        LossFn loss = LossFn.of(out.params());
        Node before = graph.require(graph.incoming(new PortRef(out.id(), "in")).orElseThrow().from().node());
        ActivationFn last = before.type().outputActivation(before.params());
        if (!loss.isRegression() && last != loss.squash() && last != ActivationFn.IDENTITY) {
            return Optional.of(Message.of("fast.loss", "the layer before a " + loss.key() + " Output must end in "
                    + loss.squash().key() + " or identity", loss.key(), loss.squash().key()));
        }
        return Optional.empty();
    }

    /**
     * Whether the node feeds an Output whose loss applies the node's squashing function itself (softmax for softmax
     * cross-entropy, sigmoid for binary cross-entropy): the node then hands over its logits.
     */
    static boolean feedsSquashingLoss(Graph graph, String id) {
        List<Edge> out = graph.outgoing(id);
        if (out.size() != 1) return false;
        Node next = graph.require(out.get(0).to().node());
        return next.type().outputPorts().isEmpty() && !LossFn.of(next.params()).isRegression();
    }
}
