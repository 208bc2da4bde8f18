package org.strata.engine.train.fast;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.strata.engine.analysis.Analysis;
import org.strata.engine.analysis.PaddingMasks;
import org.strata.engine.graph.Edge;
import org.strata.engine.graph.Graph;
import org.strata.engine.graph.Node;
import org.strata.engine.graph.PortRef;
import org.strata.engine.layers.ActivationFn;
import org.strata.engine.layers.TensorShape;

/**
 * What plans, kernels and inspection read of the graph the fast engine runs: the nodes in order, who feeds whom,
 * each node's shape, and the fusions the engine makes. Fixed once the network is built.
 */
final class NetworkLayout {
    private final Graph graph;
    private final Analysis analysis;
    private final List<String> order;
    private final String inputId;
    private final String outputId;
    private final long seed;
    private final Map<String, List<String>> producers = new HashMap<>();
    private PaddingMasks paddingMasks;

    NetworkLayout(Graph graph, Analysis analysis, long seed) {
        this.graph = graph;
        this.analysis = analysis;
        this.order = analysis.order();
        this.inputId = graph.inputNodes().get(0).id();
        this.outputId = graph.outputNodes().get(0).id();
        this.seed = seed;
        for (String id : order) {
            Node n = graph.require(id);
            producers.put(id, n.type().inputPorts(n.params()).stream()
                    .map(p -> graph.incoming(new PortRef(id, p)).orElseThrow().from().node()).toList());
        }
    }

    Graph graph() {
        return graph;
    }

    Analysis analysis() {
        return analysis;
    }

    /** @return the node ids, each after the nodes feeding it */
    List<String> order() {
        return order;
    }

    String inputId() {
        return inputId;
    }

    String outputId() {
        return outputId;
    }

    Node node(String id) {
        return graph.require(id);
    }

    TensorShape shape(String id) {
        return analysis.shapeOf(id).orElseThrow();
    }

    /** @return the nodes feeding {@code id}'s input ports, in port order */
    List<String> producers(String id) {
        return producers.get(id);
    }

    /** @return how many layers read {@code id}'s output */
    int consumers(String id) {
        return graph.outgoing(id).size();
    }

    /** @return the training settings' seed, from which dropout masks are drawn */
    long seed() {
        return seed;
    }

    /** @return which padding each node's output carries */
    PaddingMasks paddingMasks() {
        if (paddingMasks == null) paddingMasks = PaddingMasks.of(graph, analysis);
        return paddingMasks;
    }

    boolean feedsSquashingLoss(String id) {
        return FastSupport.feedsSquashingLoss(graph, id);
    }

    /** A Conv2D ending in ReLU whose only consumer is a MaxPool2D: the pool applies the ReLU instead. */
    boolean reluMovedPastPool(String id) {
        Node n = graph.require(id);
        if (!n.type().id().equals("Conv2D") || n.type().outputActivation(n.params()) != ActivationFn.RELU) return false;
        List<Edge> out = graph.outgoing(id);
        return out.size() == 1 && graph.require(out.get(0).to().node()).type().id().equals("MaxPool2D");
    }
}
