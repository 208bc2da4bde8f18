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

    /** @return the new position of every node, all columns in one row */
    public static Map<String, double[]> positions(Graph graph, Analysis analysis) {
        return positions(graph, analysis, Integer.MAX_VALUE);
    }

    /**
     * @param maxColumns columns per row: a longer chain wraps into rows read left to right, top to bottom (a CNN of
     *                   nine layers as three rows of three fits a window at a readable size; one row of nine did not)
     * @return the new position of every node
     */
    public static Map<String, double[]> positions(Graph graph, Analysis analysis, int maxColumns) {
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
        int perRow = Math.max(1, maxColumns);
        int tallest = byColumn.values().stream().mapToInt(List::size).max().orElse(0);
        // a row of columns is as tall as its tallest column, with a gap for the wires that wrap to the next row
        double rowHeight = tallest * ROW + ROW / 2;
        Map<String, double[]> out = new LinkedHashMap<>();
        byColumn.forEach((c, nodes) -> {
            nodes.sort((a, b) -> Double.compare(a.y(), b.y()));
            double top = (c / perRow) * rowHeight + (tallest - nodes.size()) * ROW / 2;
            double left = (c % perRow) * COLUMN;
            for (int r = 0; r < nodes.size(); r++) out.put(nodes.get(r).id(), new double[]{left, top + r * ROW});
        });
        return out;
    }

    /** @return columns per row so that a row is at most {@code width} canvas units wide (at least one) */
    public static int columnsFitting(double width, double nodeWidth) {
        return (int) Math.max(1, Math.floor((width - nodeWidth) / COLUMN) + 1);
    }
}
