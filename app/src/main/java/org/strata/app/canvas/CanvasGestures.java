package org.strata.app.canvas;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javafx.css.PseudoClass;
import javafx.geometry.Point2D;
import javafx.scene.Cursor;
import javafx.scene.Node;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.input.MouseButton;
import javafx.scene.input.MouseEvent;
import javafx.scene.input.ScrollEvent;
import javafx.scene.shape.Circle;
import javafx.scene.shape.CubicCurve;
import javafx.scene.shape.Rectangle;
import org.strata.app.document.EditorDocument;
import org.strata.app.document.Edits;
import org.strata.app.i18n.Messages;
import org.strata.engine.graph.Edge;
import org.strata.engine.graph.Graph;
import org.strata.engine.graph.PortRef;

/**
 * The canvas's mouse gestures: click and Shift-click to select, rubber band, drag to move (one command per drag),
 * drag from an output port to an input port to wire, wheel to zoom around the pointer, middle or right button (or
 * Space + drag) to pan.
 */
final class CanvasGestures {
    private static final PseudoClass ACCEPT = PseudoClass.getPseudoClass("accept");
    private static final PseudoClass REFUSE = PseudoClass.getPseudoClass("refuse");
    private static final double WHEEL_STEP = 1.1;

    private enum Mode { NONE, PAN, MOVE, WIRE, BAND }

    private final GraphCanvas canvas;
    private final EditorDocument document;
    private Mode mode = Mode.NONE;
    private boolean spaceDown;
    private double lastX;
    private double lastY;
    private Point2D pressWorld;
    private Map<String, double[]> moveStart;
    private boolean moved;
    private PortRef wireFrom;
    private final CubicCurve wire = new CubicCurve();
    private Circle wireTarget;
    private final Rectangle band = new Rectangle();
    private boolean snap;

    CanvasGestures(GraphCanvas canvas, EditorDocument document) {
        this.canvas = canvas;
        this.document = document;
        wire.getStyleClass().add("wire-preview");
        wire.setMouseTransparent(true);
        band.getStyleClass().add("rubber-band");
        band.setMouseTransparent(true);
    }

    void install() {
        canvas.addEventHandler(MouseEvent.MOUSE_PRESSED, this::pressed);
        canvas.addEventHandler(MouseEvent.MOUSE_DRAGGED, this::dragged);
        canvas.addEventHandler(MouseEvent.MOUSE_RELEASED, this::released);
        canvas.addEventHandler(ScrollEvent.SCROLL, this::scrolled);
        canvas.addEventHandler(KeyEvent.KEY_PRESSED, e -> {
            if (e.getCode() == KeyCode.SPACE) {
                spaceDown = true;
                canvas.setCursor(Cursor.OPEN_HAND);
                e.consume();
            } else if (e.getCode() == KeyCode.ESCAPE) {
                cancel();
                e.consume();
            } else if (e.getCode().isArrowKey() && !document.selection().nodes().isEmpty()) {
                nudge(e.getCode(), e.isShiftDown() ? GridLayer.STEP * 5 : GridLayer.STEP);
                e.consume();
            }
        });
        canvas.addEventHandler(KeyEvent.KEY_RELEASED, e -> {
            if (e.getCode() == KeyCode.SPACE) {
                spaceDown = false;
                canvas.setCursor(Cursor.DEFAULT);
            }
        });
        canvas.getProperties().put(CanvasGestures.class, this);
    }

    /** Snap moved nodes to the grid (View menu). */
    static void setSnap(GraphCanvas canvas, boolean on) {
        ((CanvasGestures) canvas.getProperties().get(CanvasGestures.class)).snap = on;
    }

    private void pressed(MouseEvent e) {
        canvas.requestFocus();
        lastX = e.getX();
        lastY = e.getY();
        Point2D local = canvas.sceneToLocal(e.getSceneX(), e.getSceneY());
        pressWorld = canvas.toWorld(local.getX(), local.getY());
        if (e.getButton() == MouseButton.MIDDLE || e.getButton() == MouseButton.SECONDARY
                || (e.getButton() == MouseButton.PRIMARY && spaceDown)) {
            mode = Mode.PAN;
            canvas.setCursor(Cursor.CLOSED_HAND);
            return;
        }
        if (e.getButton() != MouseButton.PRIMARY) return;
        Node target = e.getPickResult().getIntersectedNode();
        Circle port = ancestor(target, Circle.class, n -> n.getStyleClass().contains("port"));
        NodeView nodeView = ancestor(target, NodeView.class, n -> true);
        EdgeView edgeView = ancestor(target, EdgeView.class, n -> true);
        if (port != null && port.getStyleClass().contains("output-port")) {
            startWire((PortRef) port.getUserData());
        } else if (port != null && port.getStyleClass().contains("input-port")) {
            pickUpWire((PortRef) port.getUserData());
        } else if (nodeView != null) {
            String id = nodeView.nodeId();
            if (e.isShiftDown() || e.isShortcutDown()) document.selection().toggle(id);
            else if (!document.selection().contains(id)) document.selection().set(List.of(id));
            mode = Mode.MOVE;
            moved = false;
            moveStart = canvas.positions(new LinkedHashSet<>(document.selection().nodes()));
        } else if (edgeView != null) {
            document.selection().setEdge(edgeView.edge());
            mode = Mode.NONE;
        } else {
            if (!e.isShiftDown()) document.selection().clear();
            mode = Mode.BAND;
            band.setX(pressWorld.getX());
            band.setY(pressWorld.getY());
            band.setWidth(0);
            band.setHeight(0);
            canvas.overlay().getChildren().add(band);
        }
        e.consume();
    }

    private void dragged(MouseEvent e) {
        double dx = e.getX() - lastX;
        double dy = e.getY() - lastY;
        lastX = e.getX();
        lastY = e.getY();
        Point2D local = canvas.sceneToLocal(e.getSceneX(), e.getSceneY());
        Point2D w = canvas.toWorld(local.getX(), local.getY());
        switch (mode) {
            case PAN -> canvas.panBy(dx, dy);
            case MOVE -> {
                if (moveStart == null || moveStart.isEmpty()) return;
                double ox = w.getX() - pressWorld.getX();
                double oy = w.getY() - pressWorld.getY();
                moveStart.forEach((id, p) -> canvas.nodeView(id).ifPresent(v -> v.relocate(snap(p[0] + ox),
                        snap(p[1] + oy))));
                moved = true;
                canvas.reroute(moveStart.keySet());
            }
            case WIRE -> dragWire(w);
            case BAND -> {
                band.setX(Math.min(pressWorld.getX(), w.getX()));
                band.setY(Math.min(pressWorld.getY(), w.getY()));
                band.setWidth(Math.abs(w.getX() - pressWorld.getX()));
                band.setHeight(Math.abs(w.getY() - pressWorld.getY()));
            }
            default -> {
            }
        }
        e.consume();
    }

    private void released(MouseEvent e) {
        Point2D local = canvas.sceneToLocal(e.getSceneX(), e.getSceneY());
        Point2D w = canvas.toWorld(local.getX(), local.getY());
        switch (mode) {
            case PAN -> canvas.setCursor(spaceDown ? Cursor.OPEN_HAND : Cursor.DEFAULT);
            case MOVE -> {
                if (moved) {
                    Map<String, double[]> to = canvas.positions(moveStart.keySet());
                    document.execute(Edits.move(document.graph(), to, Messages.get("edit.move", to.size())));
                }
            }
            case WIRE -> finishWire(w);
            case BAND -> {
                canvas.overlay().getChildren().remove(band);
                List<String> hit = canvas.nodesIn(pressWorld.getX(), pressWorld.getY(), w.getX(), w.getY());
                if (e.isShiftDown()) document.selection().add(hit);
                else document.selection().set(hit);
            }
            default -> {
            }
        }
        mode = Mode.NONE;
        moveStart = null;
        e.consume();
    }

    /** Escape: drops a wire being drawn or a rubber band, else clears the selection. */
    private void cancel() {
        if (mode == Mode.WIRE) {
            canvas.overlay().getChildren().remove(wire);
            mode = Mode.NONE;
        } else if (mode == Mode.BAND) {
            canvas.overlay().getChildren().remove(band);
            mode = Mode.NONE;
        } else {
            document.selection().clear();
        }
    }

    /** Arrow keys move the selected nodes one grid step (five with Shift), one undoable step per press. */
    private void nudge(KeyCode key, double step) {
        double dx = key == KeyCode.LEFT ? -step : key == KeyCode.RIGHT ? step : 0;
        double dy = key == KeyCode.UP ? -step : key == KeyCode.DOWN ? step : 0;
        java.util.Map<String, double[]> to = new java.util.LinkedHashMap<>();
        for (String id : document.selection().nodes()) {
            var n = document.graph().require(id);
            to.put(id, new double[]{n.x() + dx, n.y() + dy});
        }
        document.execute(Edits.move(document.graph(), to, Messages.get("edit.move", to.size())));
    }

    private void scrolled(ScrollEvent e) {
        if (e.getDeltaY() == 0) return;
        canvas.zoomAt(e.getDeltaY() > 0 ? WHEEL_STEP : 1 / WHEEL_STEP, e.getX(), e.getY());
        e.consume();
    }

    private double snap(double v) {
        return snap ? Math.round(v / GridLayer.STEP) * GridLayer.STEP : Math.round(v);
    }

    private void startWire(PortRef from) {
        mode = Mode.WIRE;
        wireFrom = from;
        NodeView v = canvas.nodeView(from.node()).orElseThrow();
        double x = v.getLayoutX() + NodeView.WIDTH;
        double y = v.getLayoutY() + v.outputY();
        EdgeView.shape(wire, x, y, x, y);
        wire.pseudoClassStateChanged(REFUSE, false);
        canvas.overlay().getChildren().add(wire);
    }

    /** Pressing on a connected input port lifts its wire off, to drop it elsewhere (or nowhere, to delete it). */
    private void pickUpWire(PortRef input) {
        document.graph().incoming(input).ifPresent(edge -> {
            document.execute(Edits.disconnect(document.graph(), edge));
            startWire(edge.from());
        });
    }

    private void dragWire(Point2D w) {
        wire.setEndX(w.getX());
        wire.setEndY(w.getY());
        wire.setControlX2(w.getX() - Math.max(40, Math.abs(w.getX() - wire.getStartX()) / 2));
        wire.setControlY2(w.getY());
        Circle target = inputPortNear(w);
        if (wireTarget != null && wireTarget != target) {
            wireTarget.pseudoClassStateChanged(ACCEPT, false);
            wireTarget.pseudoClassStateChanged(REFUSE, false);
        }
        wireTarget = target;
        if (target != null) {
            boolean ok = refusal((PortRef) target.getUserData()) == null;
            target.pseudoClassStateChanged(ACCEPT, ok);
            target.pseudoClassStateChanged(REFUSE, !ok);
            wire.pseudoClassStateChanged(REFUSE, !ok);
        } else {
            wire.pseudoClassStateChanged(REFUSE, false);
        }
    }

    private void finishWire(Point2D w) {
        canvas.overlay().getChildren().remove(wire);
        if (wireTarget != null) {
            wireTarget.pseudoClassStateChanged(ACCEPT, false);
            wireTarget.pseudoClassStateChanged(REFUSE, false);
        }
        Circle target = inputPortNear(w);
        wireTarget = null;
        if (target == null) return;
        PortRef to = (PortRef) target.getUserData();
        String why = refusal(to);
        if (why != null) {
            canvas.message(why);
            return;
        }
        document.execute(Edits.connect(document.graph(), new Edge(wireFrom, to)));
    }

    /** @return why a wire from {@link #wireFrom} may not end at {@code to}, or null if it may */
    private String refusal(PortRef to) {
        Graph g = document.graph();
        if (to.node().equals(wireFrom.node())) return Messages.get("wire.refused.self");
        if (g.incoming(to).isPresent()) return Messages.get("wire.refused.taken", to.port(), g.require(to.node()).name());
        if (g.wouldCreateCycle(wireFrom.node(), to.node())) {
            return Messages.get("wire.refused.cycle", g.require(wireFrom.node()).name(), g.require(to.node()).name());
        }
        return null;
    }

    /**
     * The input port under the pointer: within a few pixels of a port, or anywhere on a node that has exactly one
     * free input (dropping on the body is easier than hitting a dot, on a projector's touchpad).
     */
    private Circle inputPortNear(Point2D w) {
        double reach = 16 / canvas.zoom();
        Circle best = null;
        double bestD = reach;
        for (NodeView v : canvas.nodeViews().values()) {
            double x = w.getX() - v.getLayoutX();
            double y = w.getY() - v.getLayoutY();
            if (x < -reach || x > NodeView.WIDTH + reach || y < -reach || y > v.height() + reach) continue;
            List<Circle> ports = v.inputPorts();
            for (Circle c : ports) {
                double d = Math.hypot(x - c.getCenterX(), y - c.getCenterY());
                if (d < bestD) {
                    bestD = d;
                    best = c;
                }
            }
            if (best == null && x >= 0 && x <= NodeView.WIDTH && y >= 0 && y <= v.height()) {
                List<Circle> free = ports.stream()
                        .filter(c -> document.graph().incoming((PortRef) c.getUserData()).isEmpty()).toList();
                if (free.size() == 1) best = free.get(0);
                else if (ports.size() == 1) best = ports.get(0);
            }
        }
        return best;
    }

    private static <T> T ancestor(Node n, Class<T> type, java.util.function.Predicate<T> test) {
        for (Node c = n; c != null; c = c.getParent()) {
            if (type.isInstance(c) && test.test(type.cast(c))) return type.cast(c);
        }
        return null;
    }

}
