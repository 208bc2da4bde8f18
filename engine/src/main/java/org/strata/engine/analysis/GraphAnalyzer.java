package org.strata.engine.analysis;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.strata.engine.graph.Edge;
import org.strata.engine.graph.Graph;
import org.strata.engine.graph.Node;
import org.strata.engine.graph.PortRef;
import org.strata.engine.layers.LayerType;
import org.strata.engine.layers.LossFn;
import org.strata.engine.layers.ShapeException;
import org.strata.engine.layers.TensorShape;
import org.strata.engine.layers.Weight;
import org.strata.engine.params.ParamSpec;

/**
 * Shape inference and validation over a whole graph. Never throws on a bad graph: everything wrong becomes a
 * {@link Problem} naming the node and saying how to fix it, and every shape that can still be inferred is.
 */
public final class GraphAnalyzer {
    private GraphAnalyzer() {
    }

    /** Analyses {@code graph}. */
    public static Analysis analyze(Graph graph) {
        List<Problem> problems = new ArrayList<>();
        if (graph.nodes().isEmpty()) {
            problems.add(Problem.error(null, "graph.empty", "The graph is empty: drag an Input, some layers and an Output onto it"));
            return new Analysis(List.of(), Map.of(), Map.of(), Map.of(), Map.of(), Map.of(), problems, Map.of());
        }
        checkParams(graph, problems);
        List<String> order = topologicalOrder(graph, problems);

        Map<String, TensorShape> shapes = new LinkedHashMap<>();
        Map<Edge, TensorShape> edgeShapes = new LinkedHashMap<>();
        Map<String, Long> params = new LinkedHashMap<>();
        Map<String, List<Weight>> weights = new LinkedHashMap<>();
        Map<String, Long> flops = new LinkedHashMap<>();
        for (String id : order) {
            Node node = graph.require(id);
            LayerType type = node.type();
            List<TensorShape> in = new ArrayList<>();
            boolean inputsKnown = true;
            for (String port : type.inputPorts(node.params())) {
                Optional<Edge> e = graph.incoming(new PortRef(id, port));
                if (e.isEmpty()) {
                    problems.add(Problem.error(id, "port.unconnected", "Input port '" + port + "' of " + node.name()
                            + " is not connected: wire a layer's output to it, or delete the node", port,
                            node.name()));
                    inputsKnown = false;
                    continue;
                }
                TensorShape s = shapes.get(e.get().from().node());
                if (s == null) inputsKnown = false;
                else in.add(s);
            }
            if (!inputsKnown) continue;
            try {
                TensorShape out = type.outputShape(in, node.params());
                shapes.put(id, out);
                List<Weight> w = type.weights(in, node.params());
                weights.put(id, List.copyOf(w));
                params.put(id, w.stream().mapToLong(Weight::size).sum());
                flops.put(id, type.flops(in, out, node.params()));
                for (Edge e : graph.outgoing(id)) edgeShapes.put(e, out);
            } catch (ShapeException ex) {
                problems.add(new Problem(Problem.Severity.ERROR, id, ex.getMessage(), ex.code(), ex.args()));
            }
        }
        checkStructure(graph, problems);
        checkLosses(graph, problems);
        checkPadding(graph, order, shapes, problems);
        Map<String, String> ties = WeightTies.resolve(graph, order, shapes, problems);
        problems.sort(Comparator.comparing(Problem::severity));
        return new Analysis(List.copyOf(order), Map.copyOf(shapes), Map.copyOf(edgeShapes), Map.copyOf(params),
                Map.copyOf(weights), Map.copyOf(flops), List.copyOf(problems), ties);
    }

    /** Layers that leave a sample's padding out of what they compute (the others read it as steps). */
    private static final Set<String> READ_PADDING = Set.of("LSTM", "GRU", "SimpleRNN", "GlobalAvgPool",
            "GlobalMaxPool", "MultiHeadAttention");

    /**
     * A padded sequence reaching a layer that neither passes its steps on nor leaves padding out (a Conv1D, a 1-D
     * pooling, a Flatten, a Reshape) is read with its padding as if it were text: the model then depends on how
     * much padding a sample has. Said as a warning, since it trains.
     */
    private static void checkPadding(Graph graph, List<String> order, Map<String, TensorShape> shapes,
                                     List<Problem> problems) {
        if (!PaddingMasks.marks(graph)) return;
        PaddingMasks masks = PaddingMasks.of(graph, order, id -> Optional.ofNullable(shapes.get(id)));
        for (String id : order) {
            Node n = graph.require(id);
            if (READ_PADDING.contains(n.type().id()) || n.type().keepsSteps(n.params())) continue;
            Optional<String> embedding = masks.ofInput(id);
            if (embedding.isEmpty()) continue;
            String from = graph.require(embedding.get()).name();
            problems.add(Problem.warning(id, "padding.asSteps", n.name() + " reads the padding " + from + " marks as "
                    + "if it were real steps, so its output depends on how short a text is: read the sequence with a "
                    + "recurrent layer, attention or global pooling first, or turn off 'Token 0 pads' on " + from,
                    n.name(), from));
        }
    }

    private static void checkParams(Graph graph, List<Problem> problems) {
        for (Node n : graph.nodes()) {
            for (ParamSpec spec : n.type().params().specs()) {
                spec.check(n.params().get(spec.name())).ifPresent(msg -> problems.add(Problem.error(n.id(),
                        "param.invalid", spec.label() + " " + msg, spec.name(), String.valueOf(n.params()
                                .get(spec.name())))));
            }
        }
    }

    /** Kahn's algorithm; nodes left over sit on or behind a cycle, which is reported with its path. */
    private static List<String> topologicalOrder(Graph graph, List<Problem> problems) {
        Map<String, Integer> indegree = new HashMap<>();
        for (Node n : graph.nodes()) indegree.put(n.id(), 0);
        for (Edge e : graph.edges()) indegree.merge(e.to().node(), 1, Integer::sum);
        Deque<String> ready = new ArrayDeque<>();
        for (Node n : graph.nodes()) if (indegree.get(n.id()) == 0) ready.add(n.id());
        List<String> order = new ArrayList<>();
        while (!ready.isEmpty()) {
            String id = ready.poll();
            order.add(id);
            for (Edge e : graph.outgoing(id)) {
                if (indegree.merge(e.to().node(), -1, Integer::sum) == 0) ready.add(e.to().node());
            }
        }
        if (order.size() < graph.nodes().size()) {
            Set<String> left = new HashSet<>(indegree.keySet());
            order.forEach(left::remove);
            for (List<String> cycle : cycles(graph, left)) {
                String path = String.join(" → ", cycle) + " → " + cycle.get(0);
                problems.add(Problem.error(cycle.get(0), "graph.cycle", "The graph has a cycle " + path
                        + ": a network must flow one way; remove one of these edges", path));
            }
        }
        return order;
    }

    /** Finds one cycle per strongly connected group among {@code candidates}, by walking back along edges. */
    private static List<List<String>> cycles(Graph graph, Set<String> candidates) {
        List<List<String>> found = new ArrayList<>();
        Set<String> reported = new HashSet<>();
        for (String start : candidates) {
            if (reported.contains(start)) continue;
            // Follow outgoing edges inside the candidate set until a node repeats: that stretch is a cycle.
            List<String> path = new ArrayList<>();
            String cur = start;
            while (cur != null && !path.contains(cur)) {
                path.add(cur);
                String next = null;
                for (Edge e : graph.outgoing(cur)) {
                    if (candidates.contains(e.to().node()) && reachesItself(graph, e.to().node(), candidates)) {
                        next = e.to().node();
                        break;
                    }
                }
                cur = next;
            }
            if (cur == null) continue;
            List<String> cycle = path.subList(path.indexOf(cur), path.size());
            if (cycle.stream().anyMatch(reported::contains)) continue;
            reported.addAll(cycle);
            found.add(List.copyOf(cycle));
        }
        return found;
    }

    private static boolean reachesItself(Graph graph, String node, Set<String> within) {
        Deque<String> stack = new ArrayDeque<>();
        Set<String> seen = new HashSet<>();
        for (Edge e : graph.outgoing(node)) stack.push(e.to().node());
        while (!stack.isEmpty()) {
            String n = stack.pop();
            if (n.equals(node)) return true;
            if (within.contains(n) && seen.add(n)) for (Edge e : graph.outgoing(n)) stack.push(e.to().node());
        }
        return false;
    }

    private static void checkStructure(Graph graph, List<Problem> problems) {
        List<Node> inputs = graph.inputNodes();
        List<Node> outputs = graph.outputNodes();
        if (inputs.isEmpty()) {
            problems.add(Problem.error(null, "graph.noInput", "No Input node: add an Input so the network has data to read"));
        }
        if (outputs.isEmpty()) {
            problems.add(Problem.error(null, "graph.noOutput",
                    "No Output node: add an Output after the last layer so the network has a loss to train"));
        }
        // Training reads one dataset into one Input and one loss from one Output: say so here, not when it starts.
        for (Node extra : inputs.size() > 1 ? inputs.subList(1, inputs.size()) : List.<Node>of()) {
            problems.add(Problem.error(extra.id(), "graph.extraInput", "A network trains with one Input but this one "
                    + "has " + inputs.size() + ": delete " + extra.name() + " or join its branch to the first Input",
                    inputs.size(), extra.name()));
        }
        for (Node extra : outputs.size() > 1 ? outputs.subList(1, outputs.size()) : List.<Node>of()) {
            problems.add(Problem.error(extra.id(), "graph.extraOutput", "A network trains with one Output but this "
                    + "one has " + outputs.size() + ": delete " + extra.name() + " or merge its branch (Add or "
                    + "Concatenate) before the first Output", outputs.size(), extra.name()));
        }
        Set<String> fromInputs = reach(graph, inputs, true);
        Set<String> toOutputs = reach(graph, outputs, false);
        for (Node n : graph.nodes()) {
            if (!inputs.isEmpty() && !fromInputs.contains(n.id())) {
                problems.add(Problem.error(n.id(), "graph.unreachable", n.name() + " is not reachable from any "
                        + "Input: connect it to the network or delete it", n.name()));
            } else if (!outputs.isEmpty() && !toOutputs.contains(n.id())) {
                problems.add(Problem.warning(n.id(), "graph.deadEnd", "The output of " + n.name() + " leads to no "
                        + "Output, so it does not affect training: connect it onward or delete it", n.name()));
            }
        }
    }

    private static Set<String> reach(Graph graph, List<Node> starts, boolean forward) {
        Set<String> seen = new HashSet<>();
        Deque<String> stack = new ArrayDeque<>();
        starts.forEach(n -> stack.push(n.id()));
        while (!stack.isEmpty()) {
            String id = stack.pop();
            if (!seen.add(id)) continue;
            for (Edge e : graph.edges()) {
                if (forward && e.from().node().equals(id)) stack.push(e.to().node());
                if (!forward && e.to().node().equals(id)) stack.push(e.from().node());
            }
        }
        return seen;
    }

    /** A softmax or sigmoid loss after a layer ending in another squashing function cannot learn well. */
    private static void checkLosses(Graph graph, List<Problem> problems) {
        for (Node out : graph.nodes()) {
            if (!out.type().outputPorts().isEmpty()) continue;
            for (String port : out.type().inputPorts(out.params())) {
                graph.incoming(new PortRef(out.id(), port)).ifPresent(e -> {
                    Node prev = graph.require(e.from().node());
                    var act = prev.type().outputActivation(prev.params());
                    LossFn loss = LossFn.of(out.params());
                    boolean fine = act == loss.squash() || act == org.strata.engine.layers.ActivationFn.IDENTITY
                            || loss.isRegression();
                    if (!fine) {
                        problems.add(Problem.warning(prev.id(), "loss.squash", prev.name() + " ends in " + act.key()
                                + " but the Output's " + loss.key() + " expects " + loss.squash().key()
                                + " or identity: set its activation to " + loss.squash().key(), prev.name(),
                                act.key(), loss.key(), loss.squash().key()));
                    }
                });
            }
        }
    }
}
