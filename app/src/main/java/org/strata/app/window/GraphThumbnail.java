package org.strata.app.window;

import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.paint.Color;
import org.strata.engine.graph.Edge;
import org.strata.engine.graph.Graph;
import org.strata.engine.graph.Node;

/** A small picture of a graph for the start page's cards: boxes where the nodes are, lines for the wires. */
final class GraphThumbnail extends Canvas {
    private static final double NODE_W = 180;
    private static final double NODE_H = 64;

    GraphThumbnail(Graph graph, double width, double height, Color box, Color line) {
        super(width, height);
        getStyleClass().add("graph-thumbnail");
        if (graph.nodes().isEmpty()) return;
        double minX = graph.nodes().stream().mapToDouble(Node::x).min().orElse(0);
        double minY = graph.nodes().stream().mapToDouble(Node::y).min().orElse(0);
        double maxX = graph.nodes().stream().mapToDouble(Node::x).max().orElse(0) + NODE_W;
        double maxY = graph.nodes().stream().mapToDouble(Node::y).max().orElse(0) + NODE_H;
        double pad = 8;
        double s = Math.min((width - 2 * pad) / (maxX - minX), (height - 2 * pad) / (maxY - minY));
        double ox = pad + ((width - 2 * pad) - s * (maxX - minX)) / 2;
        double oy = pad + ((height - 2 * pad) - s * (maxY - minY)) / 2;
        GraphicsContext g = getGraphicsContext2D();
        g.setStroke(line);
        g.setLineWidth(Math.max(1, 2 * s));
        for (Edge e : graph.edges()) {
            Node a = graph.node(e.from().node()).orElse(null);
            Node b = graph.node(e.to().node()).orElse(null);
            if (a == null || b == null) continue;
            double x1 = ox + s * (a.x() + NODE_W - minX);
            double y1 = oy + s * (a.y() + NODE_H / 2 - minY);
            double x2 = ox + s * (b.x() - minX);
            double y2 = oy + s * (b.y() + NODE_H / 2 - minY);
            double pull = x2 >= x1 ? Math.max(8, (x2 - x1) / 2) : 10 * s; // as the canvas draws wrapped rows
            g.beginPath();
            g.moveTo(x1, y1);
            g.bezierCurveTo(x1 + pull, y1, x2 - pull, y2, x2, y2);
            g.stroke();
        }
        g.setFill(box);
        double arc = Math.max(2, 10 * s);
        for (Node n : graph.nodes()) {
            g.fillRoundRect(ox + s * (n.x() - minX), oy + s * (n.y() - minY), s * NODE_W, s * NODE_H, arc, arc);
        }
    }
}
