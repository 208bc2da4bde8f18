package org.strata.app.document;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.strata.engine.analysis.Analysis;
import org.strata.engine.graph.Edge;
import org.strata.engine.graph.Graph;
import org.strata.engine.graph.Node;

/**
 * Left-to-right layered layout of a DAG: a node's column is the longest path to it from an input, rows within a
 * column keep the nodes' current vertical order (so a user's arrangement survives), columns are centred.
 */
public final class AutoLayout {
    /** Horizontal distance between columns and vertical distance between rows, in canvas units. */
    public static final double COLUMN = 280;
    public static final double ROW = 140;

    private AutoLayout() {
    }

    /** @return the new position of every node */
    public static Map<String, double[]> positions(Graph graph, Analysis analysis) {
        Map<String, Integer> column = new HashMap<>();
        List<String> order = new ArrayList<>(analysis.order());
        for (Node n : graph.nodes()) if (!order.contains(n.id())) order.add(n.id()); // nodes in cycles go last
        for (String id : order) {
            int c = 0;
            for (Edge e : graph.edges()) {
                if (e.to().node().equals(id) && column.containsKey(e.from().node())) {
                    c = Math.max(c, column.get(e.from().node()) + 1);
                }
            }
            column.put(id, c);
        }
        Map<Integer, List<Node>> byColumn = new HashMap<>();
        for (String id : order) byColumn.computeIfAbsent(column.get(id), k -> new ArrayList<>()).add(graph.require(id));
        int tallest = byColumn.values().stream().mapToInt(List::size).max().orElse(0);
        Map<String, double[]> out = new LinkedHashMap<>();
        byColumn.forEach((c, nodes) -> {
            nodes.sort((a, b) -> Double.compare(a.y(), b.y()));
            double top = (tallest - nodes.size()) * ROW / 2;
            for (int r = 0; r < nodes.size(); r++) out.put(nodes.get(r).id(), new double[]{c * COLUMN, top + r * ROW});
        });
        return out;
    }
}
