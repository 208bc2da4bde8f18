package org.strata.app.canvas;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import javafx.css.PseudoClass;
import javafx.scene.control.ContentDisplay;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.input.MouseEvent;
import javafx.scene.layout.Region;
import javafx.scene.shape.Circle;
import javafx.scene.shape.Polyline;
import javafx.util.Duration;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.materialdesign2.MaterialDesignS;
import org.strata.app.i18n.Catalogue;
import org.strata.app.i18n.Messages;
import org.strata.engine.analysis.Analysis;
import org.strata.engine.analysis.Problem;
import org.strata.engine.analysis.SummaryTable;
import org.strata.engine.graph.Node;
import org.strata.engine.graph.PortRef;

/**
 * One layer on the canvas: its name, type and key parameters ({@code Conv2D 32 · 3×3}), a badge with its parameter
 * count, input ports on the left and the output port on the right. Outlined red when it has an error, amber for a
 * warning, with the messages in its tooltip.
 */
public final class NodeView extends Region {
    /** Node width in canvas units; height grows with the number of input ports. */
    public static final double WIDTH = 180;
    /** The height of a node with one input: the least any node has. */
    static final double MIN_HEIGHT = 64;
    private static final double PORT_SPACING = 24;
    private static final double PORT_RADIUS = 7;
    private static final PseudoClass SELECTED = PseudoClass.getPseudoClass("selected");
    private static final PseudoClass ERROR = PseudoClass.getPseudoClass("error");
    private static final PseudoClass WARNING = PseudoClass.getPseudoClass("warning");
    private static final PseudoClass FROZEN = PseudoClass.getPseudoClass("frozen");
    private static final PseudoClass STEP_FORWARD = PseudoClass.getPseudoClass("step-forward");
    private static final PseudoClass STEP_BACKWARD = PseudoClass.getPseudoClass("step-backward");

    private final String nodeId;
    private final Label title = new Label();
    private final Label subtitle = new Label();
    private final Label badge = new Label();
    private final List<Circle> inputs = new ArrayList<>();
    private final List<Label> inputLabels = new ArrayList<>();
    private final List<Circle> outputs = new ArrayList<>();
    /** Made on the first hover: a thousand tooltips (each a pop-up window) would slow opening a large graph. */
    private Tooltip tooltip;
    private String tooltipText = "";
    private List<String> inputNames = List.of();
    private double height = MIN_HEIGHT;
    /** The live indicator while or after training: made on first use, most graphs are never trained. */
    private Polyline spark;
    private Circle healthDot;
    private LiveIndicator indicator;
    private String baseTooltip = "";

    NodeView(Node node) {
        this.nodeId = node.id();
        setId("node-" + node.id());
        getStyleClass().add("node-view");
        title.getStyleClass().add("node-title");
        subtitle.getStyleClass().add("node-subtitle");
        badge.getStyleClass().add("node-badge");
        getChildren().addAll(title, subtitle, badge);
        addEventHandler(MouseEvent.MOUSE_ENTERED, e -> {
            if (tooltip != null) return;
            tooltip = new Tooltip(tooltipText);
            tooltip.setShowDelay(Duration.millis(300));
            tooltip.setWrapText(true);
            tooltip.setMaxWidth(420);
            Tooltip.install(this, tooltip);
        });
    }

    public String nodeId() {
        return nodeId;
    }

    /** Shows the node as it is now in the model, with what the analysis says about it. */
    void update(Node node, Analysis analysis) {
        relocate(node.x(), node.y());
        title.setText(node.name());
        String key = node.type().keyParams(node.params());
        subtitle.setText(key == null || key.isBlank() ? node.type().id() : node.type().id() + " " + key);
        Long count = analysis.paramCounts().get(node.id());
        badge.setText(count == null ? "" : SummaryTable.human(count));
        badge.setVisible(count != null && count > 0);
        syncPorts(node);
        List<Problem> problems = analysis.problemsOf(node.id());
        boolean error = problems.stream().anyMatch(p -> p.severity() == Problem.Severity.ERROR);
        pseudoClassStateChanged(ERROR, error);
        pseudoClassStateChanged(WARNING, !error && !problems.isEmpty());
        pseudoClassStateChanged(FROZEN, node.frozen());
        if (node.frozen() != (title.getGraphic() != null)) {
            FontIcon flake = new FontIcon(
                    MaterialDesignS.SNOWFLAKE);
            flake.getStyleClass().add("node-frozen-icon");
            title.setGraphic(node.frozen() ? flake : null);
            title.setContentDisplay(ContentDisplay.RIGHT);
        }
        String shape = analysis.shapeOf(node.id()).map(s -> Messages.get("node.tooltip.output", s.toString()))
                .orElse("");
        String text = node.type().id() + " — " + Catalogue.description(node.type())
                + (shape.isEmpty() ? "" : "\n" + shape)
                + (count == null ? "" : "\n" + Messages.get("node.tooltip.params", SummaryTable.group(count)))
                + (node.frozen() ? "\n" + Messages.get("node.tooltip.frozen") : "")
                + problems.stream().map(p -> "\n" + (p.severity() == Problem.Severity.ERROR ? "✖ " : "⚠ ") + Catalogue.problem(p, node))
                .collect(Collectors.joining());
        baseTooltip = text;
        refreshTooltip();
    }

    private void refreshTooltip() {
        String text = indicator == null || indicator.text().isEmpty() ? baseTooltip
                : baseTooltip + "\n" + indicator.text();
        tooltipText = text;
        if (tooltip != null) tooltip.setText(text);
    }

    /** Shows (or with null, removes) the live sparkline and health dot. */
    void setIndicator(LiveIndicator live) {
        indicator = live;
        if (live == null) {
            if (spark != null) getChildren().removeAll(spark, healthDot);
            spark = null;
            healthDot = null;
            refreshTooltip();
            return;
        }
        if (spark == null) {
            spark = new Polyline();
            spark.getStyleClass().add("node-spark");
            spark.setMouseTransparent(true);
            healthDot = new Circle(5);
            healthDot.getStyleClass().add("health-dot");
            healthDot.setMouseTransparent(true);
            getChildren().addAll(spark, healthDot);
        }
        for (String h : List.of("healthy", "vanishing", "exploding", "dead")) {
            healthDot.pseudoClassStateChanged(PseudoClass.getPseudoClass(h), h.equals(live.health()));
        }
        healthDot.setVisible(!live.health().isEmpty());
        refreshTooltip();
        requestLayout();
    }

    /** @return the live indicator shown, or null */
    public LiveIndicator indicator() {
        return indicator;
    }

    /** Draws the sparkline in the strip along the node's bottom edge, scaled to its own range. */
    private void layoutSpark() {
        double x0 = 12;
        double x1 = WIDTH - 26;
        double y0 = height - 17;
        double y1 = height - 5;
        double[] v = indicator.trend();
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        for (double d : v) {
            if (!Double.isFinite(d)) continue;
            min = Math.min(min, d);
            max = Math.max(max, d);
        }
        List<Double> pts = new ArrayList<>(2 * v.length);
        for (int i = 0; i < v.length; i++) {
            double t = v.length == 1 ? 1 : (double) i / (v.length - 1);
            double u = max > min && Double.isFinite(v[i]) ? (v[i] - min) / (max - min) : 0.5;
            pts.add(x0 + t * (x1 - x0));
            pts.add(y1 - u * (y1 - y0));
        }
        spark.getPoints().setAll(pts);
        healthDot.setCenterX(WIDTH - 15);
        healthDot.setCenterY(height - 11);
    }

    private void syncPorts(Node node) {
        List<String> names = node.type().inputPorts(node.params());
        if (!names.equals(inputNames)) {
            getChildren().removeAll(inputs);
            getChildren().removeAll(inputLabels);
            inputs.clear();
            inputLabels.clear();
            for (String p : names) {
                Circle c = port(new PortRef(node.id(), p), "input-port");
                inputs.add(c);
                Label l = new Label(names.size() > 1 ? p : "");
                l.getStyleClass().add("port-label");
                l.setMouseTransparent(true);
                inputLabels.add(l);
            }
            getChildren().addAll(inputLabels);
            getChildren().addAll(inputs);
            inputNames = names;
            requestLayout();
        }
        if (outputs.isEmpty() && !node.type().outputPorts().isEmpty()) {
            for (String p : node.type().outputPorts()) outputs.add(port(new PortRef(node.id(), p), "output-port"));
            getChildren().addAll(outputs);
        }
        height = Math.max(MIN_HEIGHT, 24 + PORT_SPACING * names.size());
        setPrefSize(WIDTH, height);
        setMinSize(WIDTH, height);
        setMaxSize(WIDTH, height);
    }

    private static Circle port(PortRef ref, String style) {
        Circle c = new Circle(PORT_RADIUS);
        c.getStyleClass().addAll("port", style);
        c.setId("port-" + ref.node() + "-" + ref.port());
        c.setUserData(ref);
        return c;
    }

    /** Marks the layer a step-through is in: its forward pass, or (in the gradient's colour) its backward pass. */
    void setStepFocus(boolean active, boolean backward) {
        pseudoClassStateChanged(STEP_FORWARD, active && !backward);
        pseudoClassStateChanged(STEP_BACKWARD, active && backward);
    }

    void setSelected(boolean selected) {
        pseudoClassStateChanged(SELECTED, selected);
    }

    /** @return the text of the title (the node's name) and of the line under it (type and key parameters) */
    public String titleText() {
        return title.getText();
    }

    public String subtitleText() {
        return subtitle.getText();
    }

    /** @return the parameter-count badge's text ("" when the layer has no parameters) */
    public String badgeText() {
        return badge.isVisible() ? badge.getText() : "";
    }

    /** @return whether the node is outlined as having an error */
    public boolean showsError() {
        return getPseudoClassStates().contains(ERROR);
    }

    /** @return the tooltip's text: description, output shape, parameter count and problems */
    public String tooltipText() {
        return tooltipText;
    }

    /** @return the input port circles, in port order */
    List<Circle> inputPorts() {
        return inputs;
    }

    List<Circle> outputPorts() {
        return outputs;
    }

    double height() {
        return height;
    }

    /** @return the centre of input port {@code index} relative to the node's top-left corner */
    double inputY(int index) {
        return height * (index + 1) / (inputs.size() + 1);
    }

    double outputY() {
        return height / 2;
    }

    /** @return the index of input port {@code port}, or -1 */
    int inputIndex(String port) {
        return inputNames.indexOf(port);
    }

    @Override
    protected void layoutChildren() {
        double pad = 12;
        double w = WIDTH;
        double badgeW = badge.isVisible() ? badge.prefWidth(-1) : 0;
        title.resizeRelocate(pad, 8, w - 2 * pad - badgeW - 4, title.prefHeight(-1));
        badge.resizeRelocate(w - pad - badgeW, 9, badgeW, badge.prefHeight(-1));
        double sy = 8 + title.prefHeight(-1) + 2;
        subtitle.resizeRelocate(pad, sy, w - 2 * pad, subtitle.prefHeight(-1));
        for (int i = 0; i < inputs.size(); i++) {
            inputs.get(i).setCenterX(0);
            inputs.get(i).setCenterY(inputY(i));
            Label l = inputLabels.get(i);
            double lh = l.prefHeight(-1);
            l.resizeRelocate(PORT_RADIUS + 3, inputY(i) - lh / 2, l.prefWidth(-1), lh);
        }
        for (Circle c : outputs) {
            c.setCenterX(w);
            c.setCenterY(outputY());
        }
        if (spark != null) layoutSpark();
    }
}
