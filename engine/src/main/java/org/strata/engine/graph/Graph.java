package org.strata.engine.graph;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A network drawn as nodes wired port to port. Any number of inputs and outputs, branches and merges are
 * allowed; whether the result is a valid DAG is for {@link org.strata.engine.analysis.GraphAnalyzer} to say,
 * so that a half-drawn graph can still be held, saved and shown with its problems.
 */
public final class Graph {
    private final Map<String, Node> nodes = new LinkedHashMap<>();
    private final List<Edge> edges = new ArrayList<>();

    /** @return the nodes in insertion order */
    public Collection<Node> nodes() {
        return Collections.unmodifiableCollection(nodes.values());
    }

    /** @return the edges in insertion order */
    public List<Edge> edges() {
        return Collections.unmodifiableList(edges);
    }

    /** @return the nodes without input ports (the network's inputs), in insertion order */
    public List<Node> inputNodes() {
        return nodes.values().stream().filter(n -> n.type().inputPorts(n.params()).isEmpty()).toList();
    }

    /** @return the nodes without output ports (the network's outputs), in insertion order */
    public List<Node> outputNodes() {
        return nodes.values().stream().filter(n -> n.type().outputPorts().isEmpty()).toList();
    }

    /** @return the node with that id */
    public Optional<Node> node(String id) {
        return Optional.ofNullable(nodes.get(id));
    }

    /** @return the node with that id, or an exception naming it */
    public Node require(String id) {
        Node n = nodes.get(id);
        if (n == null) throw new IllegalArgumentException("no node with id '" + id + "'");
        return n;
    }

    /** @return a deep copy: the same ids, names, parameters and wires, sharing nothing that can change */
    public Graph copy() {
        Graph g = new Graph();
        for (Node n : nodes.values()) g.add(n.copyAs(n.id()));
        g.edges.addAll(edges); // edges are immutable records
        return g;
    }

    /** Adds a node; its id must be new. */
    public Node add(Node node) {
        if (nodes.containsKey(node.id())) throw new IllegalArgumentException("duplicate node id '" + node.id() + "'");
        nodes.put(node.id(), node);
        return node;
    }

    /**
     * Puts nodes and edges back in a recorded order (an editor's undo restores a deletion exactly, so the saved file
     * does not change). Ids and edges not present are skipped; those not named keep their place after the named.
     */
    public void restoreOrder(List<String> nodeOrder, List<Edge> edgeOrder) {
        Map<String, Node> reordered = new LinkedHashMap<>();
        for (String id : nodeOrder) if (nodes.containsKey(id)) reordered.put(id, nodes.get(id));
        nodes.forEach(reordered::putIfAbsent);
        nodes.clear();
        nodes.putAll(reordered);
        List<Edge> es = new ArrayList<>();
        for (Edge e : edgeOrder) if (edges.contains(e)) es.add(e);
        for (Edge e : edges) if (!es.contains(e)) es.add(e);
        edges.clear();
        edges.addAll(es);
    }

    /** Removes a node and every edge touching it. @return the removed edges, for undo */
    public List<Edge> remove(String id) {
        require(id);
        List<Edge> removed = new ArrayList<>();
        edges.removeIf(e -> {
            boolean touches = e.from().node().equals(id) || e.to().node().equals(id);
            if (touches) removed.add(e);
            return touches;
        });
        nodes.remove(id);
        return removed;
    }

    /**
     * Connects an output port to an input port. Both nodes must exist; an input port takes one edge only.
     * Cycles are allowed here and reported by the analyzer (an editor refuses them with {@link #wouldCreateCycle}).
     */
    public Edge connect(PortRef from, PortRef to) {
        Node src = require(from.node());
        Node dst = require(to.node());
        if (!src.type().outputPorts().contains(from.port())) {
            throw new IllegalArgumentException(src.id() + " has no output port '" + from.port() + "'");
        }
        if (!dst.type().inputPorts(dst.params()).contains(to.port())) {
            throw new IllegalArgumentException(dst.id() + " has no input port '" + to.port() + "'");
        }
        if (incoming(to).isPresent()) throw new IllegalArgumentException("input " + to + " is already connected");
        Edge e = new Edge(from, to);
        edges.add(e);
        return e;
    }

    /** Convenience for {@code connect(from:out, to:in)}. */
    public Edge connect(String fromNode, String toNode) {
        return connect(new PortRef(fromNode, "out"), new PortRef(toNode, "in"));
    }

    /** Removes an edge. @return whether it was present */
    public boolean disconnect(Edge e) {
        return edges.remove(e);
    }

    /** @return the edge feeding an input port */
    public Optional<Edge> incoming(PortRef inputPort) {
        return edges.stream().filter(e -> e.to().equals(inputPort)).findFirst();
    }

    /** @return the edges leaving a node */
    public List<Edge> outgoing(String nodeId) {
        return edges.stream().filter(e -> e.from().node().equals(nodeId)).toList();
    }

    /** @return whether an edge from {@code from} to {@code to} would close a cycle */
    public boolean wouldCreateCycle(String from, String to) {
        // A cycle appears iff `from` is already reachable from `to`.
        List<String> stack = new ArrayList<>(List.of(to));
        java.util.Set<String> seen = new java.util.HashSet<>();
        while (!stack.isEmpty()) {
            String n = stack.remove(stack.size() - 1);
            if (n.equals(from)) return true;
            if (seen.add(n)) for (Edge e : outgoing(n)) stack.add(e.to().node());
        }
        return false;
    }

    /** @return an id starting with {@code prefix} not used by any node ("dense", "dense2", "dense3"…) */
    public String freshId(String prefix) {
        String base = prefix.toLowerCase(java.util.Locale.ROOT).replaceAll("[^a-z0-9_]", "");
        if (base.isEmpty()) base = "node";
        if (!nodes.containsKey(base)) return base;
        for (int i = 2; ; i++) if (!nodes.containsKey(base + i)) return base + i;
    }
}
