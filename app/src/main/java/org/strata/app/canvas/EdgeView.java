package org.strata.app.canvas;

import javafx.css.PseudoClass;
import javafx.scene.Group;
import javafx.scene.control.Label;
import javafx.scene.shape.CubicCurve;
import javafx.scene.shape.CubicCurveTo;
import javafx.scene.shape.HLineTo;
import javafx.scene.shape.LineTo;
import javafx.scene.shape.MoveTo;
import javafx.scene.shape.Path;
import javafx.scene.shape.PathElement;
import javafx.scene.shape.QuadCurveTo;
import org.strata.engine.graph.Edge;

/**
 * A wire from an output port to an input port, drawn as a horizontal S-curve, with its tensor shape ({@code 28×28×1})
 * in a label at the middle (kept above the nodes). A wide transparent copy of the curve makes it easy to click.
 */
public final class EdgeView extends Group {
    private static final PseudoClass SELECTED = PseudoClass.getPseudoClass("selected");
    private final Edge edge;
    private final Path curve = new Path();
    private final Path hit = new Path();
    private final Label label = new Label();

    EdgeView(Edge edge) {
        this.edge = edge;
        getStyleClass().add("edge-view");
        curve.getStyleClass().add("edge-curve");
        hit.getStyleClass().add("edge-hit");
        label.getStyleClass().add("edge-label");
        curve.setMouseTransparent(true);
        curve.setFill(null);
        hit.setFill(null);
        label.setMouseTransparent(true);
        getChildren().addAll(hit, curve); // the label lives in the canvas's top layer, so nodes never hide it
        // A label measures 0 wide until styled in a scene: place it again once it can say its size.
        label.skinProperty().addListener((o, a, b) -> placeAgain());
        label.fontProperty().addListener((o, a, b) -> placeAgain());
    }

    /** The last route's points and the nodes' top, to place the label again when its size becomes known. */
    private double[] routed;

    private void placeAgain() {
        if (routed != null) route(routed[0], routed[1], routed[2], routed[3], routed[4]);
    }

    /** @return the shape label, drawn by the canvas above the nodes */
    public Label label() {
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

    /** Shows (or with null, removes) the values a traced step sent along this wire, under its shape. */
    void setValues(WireValues values) {
        label.setGraphic(values == null ? null : new WireValuesView(values));
        label.setContentDisplay(javafx.scene.control.ContentDisplay.TOP);
    }

    /** @return the text of the values shown on the wire (numbers and "∂L" rows), "" when none */
    public String valuesText() {
        if (!(label.getGraphic() instanceof WireValuesView v)) return "";
        return v.getChildrenUnmodifiable().stream().map(n -> n instanceof Label l ? l.getText()
                : n instanceof javafx.scene.layout.HBox h && h.getChildren().get(0) instanceof Label m ? m.getText()
                : "▦").collect(java.util.stream.Collectors.joining("\n"));
    }

    void setSelected(boolean selected) {
        pseudoClassStateChanged(SELECTED, selected);
    }

    /**
     * Routes the wire between two points in canvas units.
     *
     * @param top the top of the higher of the two nodes: a label with a step's values, wider than the gap between
     *            the nodes, goes above them there rather than over their titles
     */
    void route(double x1, double y1, double x2, double y2, double top) {
        routed = new double[]{x1, y1, x2, y2, top};
        if (label.getScene() != null && label.getGraphic() != null) label.applyCss(); // its values' size
        PathElement[] wire = wraps(x1, y1, x2, y2) ? wrapped(x1, y1, x2, y2) : curved(x1, y1, x2, y2);
        curve.getElements().setAll(wire);
        hit.getElements().setAll(wire);
        double w = label.prefWidth(-1);
        double h = label.prefHeight(-1);
        double y = (y1 + y2) / 2 - h / 2;
        // Between ports closer than the label is wide, the label moves below the wire: centred on it, it hid them.
        boolean narrow = !wraps(x1, y1, x2, y2) && Math.abs(x2 - x1) < w + 2 * PORT_CLEARANCE;
        if (narrow && label.getGraphic() != null) y = top - h - 4;
        else if (narrow) y = Math.max(y1, y2) + PORT_CLEARANCE;
        label.resizeRelocate((x1 + x2) / 2 - w / 2, y, w, h);
    }

    /** Room a port needs around its centre: a port's radius and a margin. */
    private static final double PORT_CLEARANCE = 12;

    /** @return whether a wire goes back to the left into a lower row (a chain wrapped into rows) */
    static boolean wraps(double x1, double y1, double x2, double y2) {
        return x2 < x1 && y2 > y1 + 2 * CORNER;
    }

    private static final double CORNER = 14;
    /** How far a wrapped wire leaves its port to the right, and comes into its target from the left. */
    private static final double STEP_OUT = 24;

    /** A horizontal S-curve: leaves and enters horizontally, as the ports face. */
    private static PathElement[] curved(double x1, double y1, double x2, double y2) {
        double pull = pull(x1, x2);
        return new PathElement[]{new MoveTo(x1, y1), new CubicCurveTo(x1 + pull, y1, x2 - pull, y2, x2, y2)};
    }

    /**
     * A wire into the next row: out to the right, down into the gap between the rows, back along it, and down into
     * the target from its left, with rounded corners; it never crosses the nodes it joins (a straight line from
     * the end of one row to the start of the next ran across both).
     */
    private static PathElement[] wrapped(double x1, double y1, double x2, double y2) {
        double mid = (y1 + y2) / 2;
        double right = x1 + STEP_OUT;
        double left = x2 - STEP_OUT;
        double r = CORNER;
        return new PathElement[]{new MoveTo(x1, y1), new HLineTo(right - r),
            new QuadCurveTo(right, y1, right, y1 + r), new LineTo(right, mid - r),
            new QuadCurveTo(right, mid, right - r, mid), new HLineTo(left + r),
            new QuadCurveTo(left, mid, left, mid + r), new LineTo(left, y2 - r),
            new QuadCurveTo(left, y2, left + r, y2), new HLineTo(x2)};
    }

    /** Forward wires bend gently; a wire back to the left keeps short handles so it stays compact. */
    private static double pull(double x1, double x2) {
        return x2 >= x1 ? Math.max(40, (x2 - x1) / 2) : 60;
    }

    /** Sets a curve's points: leaves and enters horizontally, as the ports face (the wire being dragged). */
    static void shape(CubicCurve c, double x1, double y1, double x2, double y2) {
        double pull = pull(x1, x2);
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
