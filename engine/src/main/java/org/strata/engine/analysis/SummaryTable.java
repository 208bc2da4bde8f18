package org.strata.engine.analysis;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import org.strata.engine.graph.Edge;
import org.strata.engine.graph.Graph;
import org.strata.engine.graph.Node;
import org.strata.engine.graph.PortRef;

/** A Keras-like text summary: one row per layer with its output shape, parameters, FLOPs and inputs. */
public final class SummaryTable {
    private SummaryTable() {
    }

    /** One row of the table. */
    public record Row(String node, String type, String shape, long params, long flops, String inputs) {
    }

    /** @return the rows, in topological order */
    public static List<Row> rows(Graph graph, Analysis analysis) {
        List<Row> rows = new ArrayList<>();
        for (String id : analysis.order()) {
            Node n = graph.require(id);
            String inputs = n.type().inputPorts(n.params()).stream()
                    .map(p -> graph.incoming(new PortRef(id, p)).map(Edge::from).map(PortRef::node).orElse("–"))
                    .collect(Collectors.joining(", "));
            rows.add(new Row(id, n.type().id(), analysis.shapeOf(id).map(Object::toString).orElse("?"),
                    analysis.paramCounts().getOrDefault(id, 0L), analysis.flops().getOrDefault(id, 0L), inputs));
        }
        return rows;
    }

    /** @return the table as fixed-width text, ending with totals */
    public static String render(Graph graph, Analysis analysis) {
        List<Row> rows = rows(graph, analysis);
        String[] head = {"Layer (type)", "Output shape", "Params", "FLOPs", "Connected to"};
        List<String[]> cells = new ArrayList<>();
        for (Row r : rows) {
            String tie = analysis.tiedEmbedding(r.node()).map(e -> ", W tied to " + e).orElse("");
            cells.add(new String[]{r.node() + " (" + r.type() + tie + ")", r.shape(), group(r.params()), human(r.flops()),
                    r.inputs()});
        }
        int[] w = new int[head.length];
        for (int i = 0; i < head.length; i++) w[i] = head[i].length();
        for (String[] c : cells) for (int i = 0; i < c.length; i++) w[i] = Math.max(w[i], c[i].length());
        StringBuilder sb = new StringBuilder();
        int total = 0;
        for (int x : w) total += x + 2;
        String rule = "─".repeat(total) + "\n";
        sb.append(line(head, w)).append(rule);
        for (String[] c : cells) sb.append(line(c, w));
        sb.append(rule);
        sb.append("Total params: ").append(group(analysis.totalParams())).append('\n');
        sb.append("Forward FLOPs per sample: ").append(human(analysis.totalFlops())).append('\n');
        return sb.toString();
    }

    private static String line(String[] c, int[] w) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < c.length; i++) {
            boolean right = i == 2 || i == 3;
            String pad = " ".repeat(w[i] - c[i].length());
            sb.append(right ? pad + c[i] : c[i] + pad).append(i == c.length - 1 ? "" : "  ");
        }
        return sb.toString().stripTrailing() + "\n";
    }

    /** 101770 → "101,770". */
    public static String group(long n) {
        return String.format(Locale.ROOT, "%,d", n);
    }

    /** 2380000 → "2.38M". */
    public static String human(long n) {
        if (n < 1000) return Long.toString(n);
        String[] units = {"K", "M", "G", "T"};
        double v = n;
        int u = -1;
        while (v >= 1000 && u < units.length - 1) {
            v /= 1000;
            u++;
        }
        return String.format(Locale.ROOT, v >= 100 ? "%.0f%s" : v >= 10 ? "%.1f%s" : "%.2f%s", v, units[u]);
    }
}
