package org.strata.app.document;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.strata.engine.graph.Edge;
import org.strata.engine.graph.Graph;
import org.strata.engine.graph.Node;
import org.strata.engine.graph.PortRef;

/**
 * A copied piece of a graph: some nodes and the edges among them (edges to nodes outside are left behind). Pasting
 * gives the nodes fresh ids, so the same fragment can be pasted many times.
 */
public final class Fragment {
    private final List<Node> nodes;
    private final List<Edge> edges;

    private Fragment(List<Node> nodes, List<Edge> edges) {
        this.nodes = nodes;
        this.edges = edges;
    }

    /** Copies the nodes {@code ids} of {@code graph} and the edges between them. */
    public static Fragment of(Graph graph, List<String> ids) {
        Set<String> inside = new HashSet<>(ids);
        List<Node> copies = new ArrayList<>();
        for (String id : ids) graph.node(id).ifPresent(n -> copies.add(n.copyAs(n.id())));
        List<Edge> internal = graph.edges().stream()
                .filter(e -> inside.contains(e.from().node()) && inside.contains(e.to().node())).toList();
        return new Fragment(copies, internal);
    }

    public boolean isEmpty() {
        return nodes.isEmpty();
    }

    /** The pasted copy: nodes with ids unused in {@code graph}, moved by (dx, dy), and their edges renamed. */
    public record Instance(List<Node> nodes, List<Edge> edges) {
        public List<String> ids() {
            return nodes.stream().map(Node::id).toList();
        }
    }

    /** Makes a copy ready to add to {@code graph}. */
    public Instance instantiate(Graph graph, double dx, double dy) {
        Map<String, String> rename = new HashMap<>();
        Set<String> taken = new HashSet<>();
        List<Node> out = new ArrayList<>();
        for (Node n : nodes) {
            String id = freshId(graph, n.id(), taken);
            taken.add(id);
            rename.put(n.id(), id);
            Node c = n.copyAs(id);
            c.moveTo(n.x() + dx, n.y() + dy);
            out.add(c);
        }
        List<Edge> es = edges.stream().map(e -> new Edge(new PortRef(rename.get(e.from().node()), e.from().port()),
                new PortRef(rename.get(e.to().node()), e.to().port()))).toList();
        return new Instance(out, es);
    }

    private static String freshId(Graph graph, String old, Set<String> taken) {
        String base = old.replaceAll("\\d+$", "");
        String id = graph.freshId(base.isEmpty() ? old : base);
        for (int i = 2; taken.contains(id); i++) id = graph.freshId(base + "_" + i);
        return id;
    }
}
