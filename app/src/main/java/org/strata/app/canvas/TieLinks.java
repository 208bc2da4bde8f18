package org.strata.app.canvas;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javafx.scene.Group;
import javafx.scene.control.Label;
import javafx.scene.shape.CubicCurve;
import org.strata.app.i18n.Messages;
import org.strata.engine.analysis.Analysis;
import org.strata.engine.graph.Graph;

/**
 * The weight ties on the canvas: a dashed curve from each Embedding to the Dense that uses its matrix (GPT-2's head
 * reads the token table backwards), labelled "tied", under the nodes. Not a wire: nothing flows along it.
 */
final class TieLinks extends Group {
    /** One tie: the Embedding's id and the tied Dense's. */
    private record Tie(String embedding, String dense) {
    }

    private final List<Tie> ties = new ArrayList<>();

    TieLinks() {
        setId("canvas-ties");
        setMouseTransparent(true);
    }

    /** Takes the ties the analysis resolved. */
    void update(Graph graph, Analysis analysis) {
        ties.clear();
        for (var n : graph.nodes()) {
            analysis.tiedEmbedding(n.id()).ifPresent(e -> ties.add(new Tie(e, n.id())));
        }
    }

    /** Draws every tie between the nodes' current places (under each, from the Embedding's to the Dense's). */
    void route(Map<String, NodeView> views) {
        getChildren().clear();
        for (Tie t : ties) {
            NodeView from = views.get(t.embedding());
            NodeView to = views.get(t.dense());
            if (from == null || to == null) continue;
            double x0 = from.getLayoutX() + NodeView.WIDTH / 2;
            double y0 = from.getLayoutY() + from.height();
            double x1 = to.getLayoutX() + NodeView.WIDTH / 2;
            double y1 = to.getLayoutY() + to.height();
            double sag = 60 + 0.15 * Math.abs(x1 - x0);
            CubicCurve c = new CubicCurve(x0, y0, x0, y0 + sag, x1, y1 + sag, x1, y1);
            c.getStyleClass().add("tie-link");
            Label l = new Label(Messages.get("canvas.tied"));
            l.getStyleClass().add("tie-label");
            l.setLayoutX((x0 + x1) / 2 - 20);
            l.setLayoutY(Math.max(y0, y1) + 0.75 * sag - 10);
            getChildren().addAll(c, l);
        }
    }
}
