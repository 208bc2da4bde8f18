package org.strata.app.canvas;

import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.geometry.Point2D;
import javafx.scene.Group;
import javafx.scene.layout.Pane;
import javafx.scene.layout.Region;
import javafx.scene.shape.Rectangle;
import javafx.scene.transform.Scale;
import javafx.scene.transform.Translate;
import org.strata.app.document.EditorDocument;
import org.strata.app.document.Edits;
import org.strata.app.i18n.Messages;
import org.strata.engine.analysis.Analysis;
import org.strata.engine.graph.Edge;
import org.strata.engine.graph.Node;
import org.strata.engine.layers.LayerType;
import org.strata.engine.layers.TensorShape;

/**
 * The drawing area: nodes and wires of the document's graph in canvas units, shown through a pan/zoom transform.
 * It follows the document (after every edit only the views of what changed are touched) and turns mouse gestures
 * ({@link CanvasGestures}) into commands.
 */
public final class GraphCanvas extends Region {
    public static final double MIN_ZOOM = 0.1;
    public static final double MAX_ZOOM = 4;
    /** Below this zoom the canvas draws boxes and wires without text (View > zoom in to read them). */
    private static final double FAR_ZOOM = 0.35;
    /** Room left around a fitted graph, in pixels; twice it on the left of a graph shown from its start. */
    private static final double FIT_MARGIN = 24;
    /** Text size of the graph's nodes and labels, in canvas units. */
    public static final double WORLD_FONT = 13;
    /** The window's text size over {@link #WORLD_FONT}: fitting zooms up to this (150 % on a projector). */
    private double textScale = 1;

    private final EditorDocument document;
    private final GridLayer grid = new GridLayer();
    private final Pane world = new Pane();
    private final Group edgeLayer = new Group();
    private final TieLinks ties = new TieLinks();
    private final Group nodeLayer = new Group();
    private final Group labelLayer = new Group();
    private final Group overlay = new Group();
    private final Translate pan = new Translate();
    private final Scale zoom = new Scale(1, 1, 0, 0);
    private final DoubleProperty zoomLevel = new SimpleDoubleProperty(this, "zoom", 1);
    private final Map<String, NodeView> nodeViews = new HashMap<>();
    private Map<String, LiveIndicator> indicators = Map.of();
    /** A traced step's values on the wires, by the node that sent them (see {@link #setStepValues}). */
    private Map<String, WireValues> wireValues = Map.of();
    private String stepFocus;
    private boolean stepBackward;
    private final Map<Edge, EdgeView> edgeViews = new HashMap<>();
    /** The views currently in the scene (see {@link #cull()}). */
    private final Set<NodeView> shownNodes = new HashSet<>();
    private final Set<EdgeView> shownEdges = new HashSet<>();
    private Consumer<String> messages = m -> { };
    /** Fit to window once the canvas has its real size (a fit before the first layout would use a wrong width). */
    private boolean fitPending = true;

    public GraphCanvas(EditorDocument document) {
        this.document = document;
        getStyleClass().add("graph-canvas");
        world.getStyleClass().add("graph-world");
        world.setManaged(false);
        // The graph is drawn at one text size; a larger window text size enlarges it through the zoom instead,
        // so nodes keep their geometry (and wires their room) at every setting.
        world.setStyle("-fx-font-size: " + WORLD_FONT + "px;");
        world.getChildren().addAll(ties, edgeLayer, nodeLayer, labelLayer, overlay);
        labelLayer.setMouseTransparent(true);
        world.getTransforms().addAll(pan, zoom);
        getChildren().addAll(grid, world);
        Rectangle clip = new Rectangle();
        clip.widthProperty().bind(widthProperty());
        clip.heightProperty().bind(heightProperty());
        setClip(clip);
        setFocusTraversable(true);
        zoom.xProperty().addListener((o, a, b) -> viewChanged());
        pan.xProperty().addListener((o, a, b) -> viewChanged());
        pan.yProperty().addListener((o, a, b) -> viewChanged());
        document.revisionProperty().addListener((o, a, b) -> sync());
        // the data's problems (an Input that does not fit the data) arrive without an edit
        document.analysisProperty().addListener((o, a, b) -> {
            for (Node n : document.graph().nodes()) {
                NodeView v = nodeViews.get(n.id());
                if (v != null) v.update(n, b);
            }
        });
        document.selection().versionProperty().addListener((o, a, b) -> showSelection());
        new CanvasGestures(this, document).install();
        sync();
    }

    /** Tells the canvas the window's text size, so that fitting a small graph enlarges it as much. */
    public void setTextSize(double px) {
        textScale = Math.max(1, px / WORLD_FONT);
    }

    /** Moved nodes land on the 20-unit grid. */
    public void setSnapToGrid(boolean on) {
        CanvasGestures.setSnap(this, on);
    }

    /** Where refusals ("that input is already connected") go: the status bar. */
    public void setOnMessage(Consumer<String> sink) {
        this.messages = sink;
    }

    void message(String text) {
        messages.accept(text);
    }

    public DoubleProperty zoomProperty() {
        return zoomLevel;
    }

    public double zoom() {
        return zoom.getX();
    }

    /** @return the view of node {@code id}, if the node exists */
    public Optional<NodeView> nodeView(String id) {
        return Optional.ofNullable(nodeViews.get(id));
    }

    /**
     * Shows live indicators from a training run on the nodes they name and removes them from the others (an empty
     * map clears them all). Kept across redraws until replaced.
     */
    public void setIndicators(Map<String, LiveIndicator> indicators) {
        this.indicators = Map.copyOf(indicators);
        nodeViews.forEach((id, v) -> v.setIndicator(this.indicators.get(id)));
    }

    /**
     * Shows on each wire the values a traced step sent along it, by the node that sent them (an empty map clears
     * them), and marks the layer the step is in ({@code focus} null for none).
     */
    public void setStepValues(Map<String, WireValues> byProducer, String focus, boolean backward) {
        wireValues = Map.copyOf(byProducer);
        stepFocus = focus;
        stepBackward = backward;
        edgeViews.forEach((e, v) -> v.setValues(wireValues.get(e.from().node())));
        nodeViews.forEach((id, v) -> v.setStepFocus(id.equals(focus), backward));
        rerouteAll(); // the labels grew or shrank
    }

    public Optional<EdgeView> edgeView(Edge edge) {
        return Optional.ofNullable(edgeViews.get(edge));
    }

    Map<String, NodeView> nodeViews() {
        return nodeViews;
    }

    Group overlay() {
        return overlay;
    }

    /** Converts a point in this region's coordinates to canvas units. */
    public Point2D toWorld(double x, double y) {
        return new Point2D((x - pan.getX()) / zoom.getX(), (y - pan.getY()) / zoom.getY());
    }

    /** Adds a layer of {@code type} centred at a scene point (a drop from the palette), selects it. */
    public void dropLayer(LayerType type, double sceneX, double sceneY) {
        Point2D local = sceneToLocal(sceneX, sceneY);
        Point2D w = toWorld(local.getX(), local.getY());
        addLayerAt(type, w.getX() - NodeView.WIDTH / 2, w.getY() - 32);
    }

    /** Adds a layer of {@code type} in the middle of what is visible (double-click or Enter in the palette). */
    public void addLayerInView(LayerType type) {
        Point2D w = toWorld(getWidth() / 2, getHeight() / 2);
        double[] at = freeSpotNear(w.getX() - NodeView.WIDTH / 2, w.getY() - 32);
        addLayerAt(type, at[0], at[1]);
    }

    /**
     * @return the place nearest (x, y), stepping down then right, where a new node covers no other: a layer added
     *     with a double-click used to land on top of the one in the middle of the view
     */
    private double[] freeSpotNear(double x, double y) {
        double step = 40;
        for (int ring = 0; ring < 12; ring++) {
            for (int i = 0; i <= ring; i++) {
                double cx = x + step * i * 2;
                double cy = y + step * (ring - i);
                if (free(cx, cy)) return new double[]{cx, cy};
            }
        }
        return new double[]{x, y};
    }

    private boolean free(double x, double y) {
        double gap = 16;
        for (NodeView v : nodeViews.values()) {
            boolean apart = x + NodeView.WIDTH + gap <= v.getLayoutX() || v.getLayoutX() + NodeView.WIDTH + gap <= x
                    || y + NodeView.MIN_HEIGHT + gap <= v.getLayoutY() || v.getLayoutY() + v.height() + gap <= y;
            if (!apart) return false;
        }
        return true;
    }

    private void addLayerAt(LayerType type, double x, double y) {
        String id = document.graph().freshId(type.id());
        Node node = Node.of(id, type);
        node.moveTo(Math.round(x), Math.round(y));
        if (type.inputPorts(node.params()).isEmpty()) {
            // a new Input takes a sample of the project's data as it is, not the default 784
            document.data().map(d -> d.shape()).ifPresent(s -> org.strata.engine.analysis.DataFit
                    .inputSettings(s.features()).forEach(node.params()::set));
        }
        document.execute(Edits.addNodes(document.graph(), List.of(node), List.of(),
                Messages.get("edit.add", type.id())));
        document.selection().set(List.of(id));
        requestFocus();
    }

    /** Sets the zoom, keeping the canvas point under local point (px, py) where it is. */
    public void zoomAt(double factor, double px, double py) {
        double s = Math.max(MIN_ZOOM, Math.min(MAX_ZOOM, zoom.getX() * factor));
        Point2D w = toWorld(px, py);
        zoom.setX(s);
        zoom.setY(s);
        pan.setX(px - s * w.getX());
        pan.setY(py - s * w.getY());
        zoomLevel.set(s);
    }

    public void zoomIn() {
        zoomAt(1.25, getWidth() / 2, getHeight() / 2);
    }

    public void zoomOut() {
        zoomAt(0.8, getWidth() / 2, getHeight() / 2);
    }

    /** Moves the view by (dx, dy) screen pixels. */
    void panBy(double dx, double dy) {
        pan.setX(pan.getX() + dx);
        pan.setY(pan.getY() + dy);
    }

    /** Zooms and scrolls so that every node is visible (at most 100 %). */
    public void fitToWindow() {
        fit(MIN_ZOOM);
    }

    /** @return how many canvas units wide a graph may be to be shown whole at the readable zoom */
    public double readableWidth() {
        return (getWidth() - 3 * FIT_MARGIN) / textScale;
    }

    /**
     * Shows the graph at the readable zoom (its text as large as the window's: 100 % at the normal text size, about
     * 150 % at the projector's; a graph opens at it): centred if it fits the view, else from its top-left corner (the
     * input side), so that the back row reads what is shown rather than seeing all of it too small to read.
     */
    public void fitReadable() {
        fit(textScale);
    }

    /** @return the view: {zoom, pan x, pan y}, for {@link #setView} */
    public double[] view() {
        return new double[]{zoom.getX(), pan.getX(), pan.getY()};
    }

    /**
     * Puts back a view taken with {@link #view()} (undoing an auto-layout restores the view it replaced; a pane made
     * again after a language switch keeps the old one's): it stays, no fitting when the canvas is first laid out.
     */
    public void setView(double[] v) {
        fitPending = false;
        zoom.setX(v[0]);
        zoom.setY(v[0]);
        pan.setX(v[1]);
        pan.setY(v[2]);
        zoomLevel.set(v[0]);
    }

    /**
     * As {@link #fitToWindow()} but not below {@code minZoom}; below it, the start of the graph (top left) is shown.
     * Opening a project uses the readable zoom (see {@link #fitReadable()}): smaller, the back row can no longer read
     * a layer's text.
     */
    private void fit(double minZoom) {
        if (nodeViews.isEmpty() || getWidth() <= 0) {
            zoom.setX(1);
            zoom.setY(1);
            pan.setX(40);
            pan.setY(40);
            zoomLevel.set(1);
            return;
        }
        double minX = Double.MAX_VALUE;
        double minY = Double.MAX_VALUE;
        double maxX = -Double.MAX_VALUE;
        double maxY = -Double.MAX_VALUE;
        for (NodeView v : nodeViews.values()) {
            minX = Math.min(minX, v.getLayoutX());
            minY = Math.min(minY, v.getLayoutY());
            maxX = Math.max(maxX, v.getLayoutX() + NodeView.WIDTH);
            maxY = Math.max(maxY, v.getLayoutY() + v.height());
        }
        for (EdgeView v : edgeViews.values()) { // a step's values on the wires are part of the picture
            javafx.scene.control.Label l = v.label();
            if (l.getGraphic() == null || !l.isVisible()) continue;
            minY = Math.min(minY, l.getLayoutY());
            maxY = Math.max(maxY, l.getLayoutY() + l.getHeight());
            minX = Math.min(minX, l.getLayoutX());
            maxX = Math.max(maxX, l.getLayoutX() + l.getWidth());
        }
        double margin = FIT_MARGIN;
        double s = Math.min(textScale, Math.min((getWidth() - 2 * margin) / (maxX - minX),
                (getHeight() - 2 * margin) / (maxY - minY)));
        boolean fits = s >= minZoom;
        s = Math.max(minZoom, s);
        zoom.setX(s);
        zoom.setY(s);
        // not fitting, the start shows with room on the left for the wires that wrap into the next row
        pan.setX(fits ? getWidth() / 2 - s * (minX + maxX) / 2 : 2 * margin - s * minX);
        pan.setY(fits ? getHeight() / 2 - s * (minY + maxY) / 2 : margin - s * minY);
        zoomLevel.set(s);
    }

    /** Scrolls so that node {@code id} is in the middle. */
    public void centerOn(String id) {
        NodeView v = nodeViews.get(id);
        if (v == null) return;
        double s = zoom.getX();
        pan.setX(getWidth() / 2 - s * (v.getLayoutX() + NodeView.WIDTH / 2));
        pan.setY(getHeight() / 2 - s * (v.getLayoutY() + v.height() / 2));
    }

    /** Brings the views in line with the model, touching only what changed. */
    private void sync() {
        Analysis analysis = document.analysis();
        Set<String> present = new HashSet<>();
        for (Node n : document.graph().nodes()) {
            present.add(n.id());
            NodeView v = nodeViews.computeIfAbsent(n.id(), id -> {
                NodeView made = new NodeView(n);
                made.setIndicator(indicators.get(id));
                made.setStepFocus(id.equals(stepFocus), stepBackward);
                return made;
            });
            v.update(n, analysis);
        }
        nodeViews.entrySet().removeIf(e -> {
            if (present.contains(e.getKey())) return false;
            nodeLayer.getChildren().remove(e.getValue());
            shownNodes.remove(e.getValue());
            return true;
        });
        Set<Edge> edges = new HashSet<>(document.graph().edges());
        edgeViews.entrySet().removeIf(e -> {
            if (edges.contains(e.getKey())) return false;
            edgeLayer.getChildren().remove(e.getValue());
            labelLayer.getChildren().remove(e.getValue().label());
            shownEdges.remove(e.getValue());
            return true;
        });
        for (Edge e : edges) {
            EdgeView v = edgeViews.computeIfAbsent(e, edge -> {
                EdgeView made = new EdgeView(edge);
                made.setValues(wireValues.get(edge.from().node()));
                return made;
            });
            TensorShape shape = analysis.edgeShapes().get(e);
            v.setShape(shape == null ? "" : shape.toString());
        }
        ties.update(document.graph(), analysis);
        rerouteAll();
        cull();
        showSelection();
    }

    private void viewChanged() {
        redrawGrid();
        cull();
        // Far out, text is too small to read and is most of the drawing: show boxes and wires only.
        boolean far = zoom.getX() < FAR_ZOOM;
        if (far != world.getStyleClass().contains("far")) {
            if (far) world.getStyleClass().add("far");
            else world.getStyleClass().remove("far");
        }
    }

    /**
     * Keeps in the scene only the views that intersect the visible area (plus a margin): with a 1,000-node graph
     * the cost of styling, laying out and drawing follows what is on screen, not the size of the graph.
     */
    private void cull() {
        double margin = 200;
        Point2D a = toWorld(0, 0);
        Point2D b = toWorld(getWidth(), getHeight());
        double x0 = a.getX() - margin;
        double y0 = a.getY() - margin;
        double x1 = b.getX() + margin;
        double y1 = b.getY() + margin;
        if (getWidth() <= 0 || getHeight() <= 0) return; // not laid out yet: nothing is visible, nothing to style
        for (NodeView v : nodeViews.values()) {
            boolean in = (v.getLayoutX() < x1 && v.getLayoutX() + NodeView.WIDTH > x0
                    && v.getLayoutY() < y1 && v.getLayoutY() + v.height() > y0);
            if (in && shownNodes.add(v)) nodeLayer.getChildren().add(v);
            else if (!in && shownNodes.remove(v)) nodeLayer.getChildren().remove(v);
        }
        for (EdgeView v : edgeViews.values()) {
            NodeView from = nodeViews.get(v.edge().from().node());
            NodeView to = nodeViews.get(v.edge().to().node());
            boolean in = from == null || to == null
                    || Math.min(from.getLayoutX(), to.getLayoutX()) < x1
                    && Math.max(from.getLayoutX(), to.getLayoutX()) + NodeView.WIDTH > x0
                    && Math.min(from.getLayoutY(), to.getLayoutY()) < y1
                    && Math.max(from.getLayoutY() + from.height(), to.getLayoutY() + to.height()) > y0;
            if (in && shownEdges.add(v)) {
                edgeLayer.getChildren().add(v);
                labelLayer.getChildren().add(v.label());
                if (v.label().getGraphic() != null) route(v); // measured in the scene: a step's values are wide
            } else if (!in && shownEdges.remove(v)) {
                edgeLayer.getChildren().remove(v);
                labelLayer.getChildren().remove(v.label());
            }
        }
    }

    /** Re-draws the wires touching the given nodes (while they are dragged). */
    void reroute(Set<String> nodeIds) {
        for (EdgeView v : edgeViews.values()) {
            if (nodeIds.contains(v.edge().from().node()) || nodeIds.contains(v.edge().to().node())) route(v);
        }
        ties.route(nodeViews);
    }

    private void rerouteAll() {
        edgeViews.values().forEach(this::route);
        ties.route(nodeViews);
    }

    private void route(EdgeView v) {
        NodeView from = nodeViews.get(v.edge().from().node());
        NodeView to = nodeViews.get(v.edge().to().node());
        if (from == null || to == null) return;
        int index = Math.max(0, to.inputIndex(v.edge().to().port()));
        v.route(from.getLayoutX() + NodeView.WIDTH, from.getLayoutY() + from.outputY(),
                to.getLayoutX(), to.getLayoutY() + to.inputY(index), Math.min(from.getLayoutY(), to.getLayoutY()));
    }

    private void showSelection() {
        nodeViews.forEach((id, v) -> v.setSelected(document.selection().contains(id)));
        edgeViews.forEach((e, v) -> v.setSelected(document.selection().contains(e)));
    }

    /** @return the nodes whose views intersect a rectangle in canvas units */
    List<String> nodesIn(double x1, double y1, double x2, double y2) {
        double lx = Math.min(x1, x2);
        double hx = Math.max(x1, x2);
        double ly = Math.min(y1, y2);
        double hy = Math.max(y1, y2);
        return nodeViews.values().stream().filter(v -> v.getLayoutX() < hx && v.getLayoutX() + NodeView.WIDTH > lx
                && v.getLayoutY() < hy && v.getLayoutY() + v.height() > ly).map(NodeView::nodeId).sorted().toList();
    }

    /** Current positions of some node views, for the move command at the end of a drag. */
    Map<String, double[]> positions(Set<String> ids) {
        Map<String, double[]> out = new LinkedHashMap<>();
        for (String id : ids) {
            NodeView v = nodeViews.get(id);
            if (v != null) out.put(id, new double[]{v.getLayoutX(), v.getLayoutY()});
        }
        return out;
    }

    private void redrawGrid() {
        grid.draw(getWidth(), getHeight(), pan.getX(), pan.getY(), zoom.getX());
    }

    @Override
    protected void layoutChildren() {
        grid.resizeRelocate(0, 0, getWidth(), getHeight());
        cull();
        if (fitPending && getWidth() > 0 && getHeight() > 0 && getScene() != null && getScene().getWindow() != null
                && getScene().getWindow().isShowing()) {
            fitPending = false;
            fitReadable();
            cull();
        }
        redrawGrid();
    }
}
