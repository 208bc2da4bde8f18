package org.strata.engine.analysis;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.strata.engine.graph.Edge;
import org.strata.engine.graph.Graph;
import org.strata.engine.graph.Node;
import org.strata.engine.graph.PortRef;
import org.strata.engine.layers.TensorShape;

/**
 * Where padding is known: an Embedding with "token 0 pads" marks, per sample, the steps after its last non-zero token
 * as padding (at least the first step is real), and layers that keep their input's steps
 * ({@link org.strata.engine.layers.LayerType#keepsSteps}) pass that marking on. The layers that read it (recurrent
 * layers, global pooling, attention) ask for their input's.
 */
public final class PaddingMasks {
    private final Graph graph;
    private final Map<String, String> carried = new HashMap<>();

    private PaddingMasks(Graph graph) {
        this.graph = graph;
    }

    /** @return the padding each node's output carries, for a graph whose shapes resolved */
    public static PaddingMasks of(Graph graph, Analysis analysis) {
        return of(graph, analysis.order(), analysis::shapeOf);
    }

    /**
     * @param order   the nodes, each after those it reads
     * @param shapeOf each node's output shape, where known
     * @return the padding each node's output carries, as far as the shapes are known
     */
    static PaddingMasks of(Graph graph, java.util.List<String> order,
                           java.util.function.Function<String, Optional<TensorShape>> shapeOf) {
        PaddingMasks m = new PaddingMasks(graph);
        for (String id : order) {
            Node n = graph.require(id);
            if (n.type().id().equals("Embedding") && n.params().getBool("maskPadding")) {
                m.carried.put(id, id);
                continue;
            }
            Optional<TensorShape> shape = shapeOf.apply(id);
            if (!n.type().keepsSteps(n.params()) || shape.isEmpty()
                    || shape.get().kind() != TensorShape.Kind.SEQUENCE) {
                continue;
            }
            for (String port : n.type().inputPorts(n.params())) {
                graph.incoming(new PortRef(id, port)).map(Edge::from).map(PortRef::node).map(m.carried::get)
                        .ifPresent(source -> m.carried.putIfAbsent(id, source));
            }
        }
        return m;
    }

    /** @return the Embedding whose padding the output of {@code nodeId} carries */
    public Optional<String> carriedBy(String nodeId) {
        return Optional.ofNullable(carried.get(nodeId));
    }

    /** @return the Embedding whose padding the first input of {@code nodeId} carries */
    public Optional<String> ofInput(String nodeId) {
        Node n = graph.require(nodeId);
        var ports = n.type().inputPorts(n.params());
        if (ports.isEmpty()) return Optional.empty();
        return graph.incoming(new PortRef(nodeId, ports.get(0))).flatMap(e -> carriedBy(e.from().node()));
    }

    /** @return whether an Embedding of {@code graph} marks padding ("token 0 pads") */
    public static boolean marks(Graph graph) {
        return graph.nodes().stream().anyMatch(n -> n.type().id().equals("Embedding")
                && n.params().getBool("maskPadding"));
    }

    /**
     * The rule every engine and export follows, here for plain Java: a sample's real steps run up to its last
     * non-zero token, and at least its first step is real.
     *
     * @return the real steps of the {@code length} token indices at {@code tokens[offset…]}
     */
    public static int realSteps(float[] tokens, int offset, int length) {
        int real = 1;
        for (int t = 0; t < length; t++) if (tokens[offset + t] != 0) real = t + 1;
        return real;
    }

    /** @return whether any node's output carries padding */
    public boolean any() {
        return !carried.isEmpty();
    }
}
