package org.strata.app.training;

import java.util.Comparator;
import org.strata.engine.graph.Graph;
import org.strata.engine.graph.Node;

/**
 * What a network's trained weights depend on: every layer's id, type and settings, and the wires; not names or
 * positions. Two graphs with the same structure can share weights (continue a run, use a kept run's weights).
 */
final class NetworkStructure {
    private NetworkStructure() {
    }

    /** @return a text equal for two graphs with the same layers, settings and wires */
    static String of(Graph g) {
        StringBuilder sb = new StringBuilder();
        g.nodes().stream().sorted(Comparator.comparing(Node::id))
                .forEach(n -> sb.append(n.id()).append('|').append(n.type().id()).append('|').append(n.params())
                        .append('\n'));
        g.edges().stream().map(Object::toString).sorted().forEach(e -> sb.append(e).append('\n'));
        return sb.toString();
    }
}
