package org.strata.app.canvas;

import javafx.css.PseudoClass;
import javafx.scene.Group;
import javafx.scene.control.Label;
import javafx.scene.shape.CubicCurve;
import org.strata.engine.graph.Edge;

/**
 * A wire from an output port to an input port, drawn as a horizontal S-curve, with its tensor shape ({@code 28×28×1})
 * in a label at the middle (kept above the nodes). A wide transparent copy of the curve makes it easy to click.
 */
public final class EdgeView extends Group {
    private static final PseudoClass SELECTED = PseudoClass.getPseudoClass("selected");
    private final Edge edge;
    private final CubicCurve curve = new CubicCurve();
    private final CubicCurve hit = new CubicCurve();
    private final Label label = new Label();

    EdgeView(Edge edge) {
        this.edge = edge;
        getStyleClass().add("edge-view");
        curve.getStyleClass().add("edge-curve");
        hit.getStyleClass().add("edge-hit");
        label.getStyleClass().add("edge-label");
        curve.setMouseTransparent(true);
        label.setMouseTransparent(true);
        getChildren().addAll(hit, curve); // the label lives in the canvas's top layer, so nodes never hide it
    }

    /** @return the shape label, drawn by the canvas above the nodes */
    Label label() {
        return label;
    }

    public Edge edge() {
        return edge;
    }

    /** @return the tensor shape shown on the edge ("" if unknown) */
    public String shapeText() {
        return label.getText();
    }

    void setShape(String text) {
        label.setText(text);
        label.setVisible(!text.isEmpty());
    }

    void setSelected(boolean selected) {
        pseudoClassStateChanged(SELECTED, selected);
    }

    /** Routes the curve between two points in canvas units. */
    void route(double x1, double y1, double x2, double y2) {
        shape(curve, x1, y1, x2, y2);
        shape(hit, x1, y1, x2, y2);
        double w = label.prefWidth(-1);
        double h = label.prefHeight(-1);
        label.resizeRelocate((x1 + x2) / 2 - w / 2, (y1 + y2) / 2 - h / 2, w, h);
    }

    /** Sets a curve's points: leaves and enters horizontally, as the ports face. */
    static void shape(CubicCurve c, double x1, double y1, double x2, double y2) {
        // Forward wires bend gently; a wire back to the left (a wrapped row) keeps short handles so it stays compact.
        double pull = x2 >= x1 ? Math.max(40, (x2 - x1) / 2) : 60;
        c.setStartX(x1);
        c.setStartY(y1);
        c.setControlX1(x1 + pull);
        c.setControlY1(y1);
        c.setControlX2(x2 - pull);
        c.setControlY2(y2);
        c.setEndX(x2);
        c.setEndY(y2);
    }
}
