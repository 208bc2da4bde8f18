package org.strata.engine.export;

import java.util.ArrayList;
import java.util.List;
import org.strata.engine.analysis.Analysis;
import org.strata.engine.graph.Edge;
import org.strata.engine.graph.Graph;
import org.strata.engine.graph.Node;
import org.strata.engine.graph.PortRef;
import org.strata.engine.layers.TensorShape;

/**
 * What a node reads, as every exporter walks the graph: the nodes wired into its input ports, in port order, and
 * their output shapes.
 *
 * @param from   the ids of the nodes feeding each input port
 * @param shapes their output shapes, in the same order
 */
public record LayerInputs(List<String> from, List<TensorShape> shapes) {
    /** @return the inputs of {@code node}, whose graph is valid (every port wired, every shape known) */
    public static LayerInputs of(Graph graph, Analysis analysis, Node node) {
        List<String> from = new ArrayList<>();
        List<TensorShape> shapes = new ArrayList<>();
        for (String port : node.type().inputPorts(node.params())) {
            Edge e = graph.incoming(new PortRef(node.id(), port)).orElseThrow();
            from.add(e.from().node());
            shapes.add(analysis.shapeOf(e.from().node()).orElseThrow());
        }
        return new LayerInputs(List.copyOf(from), List.copyOf(shapes));
    }
}
