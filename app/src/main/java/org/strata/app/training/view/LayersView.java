package org.strata.app.training.view;

import org.strata.app.training.SequenceInside;
import org.strata.app.training.TrainingRun;
import org.strata.app.training.LayerHistory;
import org.strata.app.training.LayerHealth;
import javafx.geometry.Insets;
import javafx.scene.control.Label;
import javafx.scene.control.SplitPane;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import org.strata.app.document.EditorDocument;
import org.strata.app.i18n.Messages;
import org.strata.engine.graph.Node;
import org.strata.engine.train.TrainingEvent;

/**
 * The dock's Layers tab: what happens inside the network while it learns. For the layer selected on the canvas:
 * its output for a chosen sample, its activations' mean and spread over time, and histograms of its latest
 * activations, weights and gradients; for all layers: the update:parameter ratio with the 1e-3 guide line. Redrawn
 * when a snapshot arrives (about twice a second while training), never more often.
 */
public final class LayersView extends BorderPane {
    private final EditorDocument document;
    private final TrainingRun run;
    private final Label title = new Label();
    private final ActivationPane activations;
    private final LayerTrendChart trend;
    private final HistogramChart activationHistogram;
    private final HistogramChart weightHistogram;
    private final HistogramChart gradientHistogram;
    private final UpdateRatioChart ratios;
    private String selected;
    private boolean active;
    /** Where the sample's pane ends and the ratios' pane begins, usually and for a sequence layer. */
    private static final double[] NARROW = {0.26, 0.66};
    private static final double[] WIDE = {0.46, 0.76};
    private final SplitPane panes;
    private boolean wide;

    public LayersView(EditorDocument document, TrainingRun run, boolean dark) {
        this.document = document;
        this.run = run;
        getStyleClass().add("layers-view");
        setId("layers-view");
        title.setId("layers-title");
        title.getStyleClass().add("training-status");
        activations = new ActivationPane(run);
        trend = new LayerTrendChart(dark);
        activationHistogram = new HistogramChart(Messages.get("layers.histogram.activations"),
                "histogram-activations", ChartStyle.series(0, dark), dark);
        weightHistogram = new HistogramChart(Messages.get("layers.histogram.weights"), "histogram-weights",
                ChartStyle.series(2, dark), dark);
        gradientHistogram = new HistogramChart(Messages.get("layers.histogram.gradients"), "histogram-gradients",
                ChartStyle.series(1, dark), dark);
        ratios = new UpdateRatioChart(dark);
        HBox histograms = new HBox(4, activationHistogram, weightHistogram, gradientHistogram);
        for (var h : histograms.getChildren()) HBox.setHgrow(h, Priority.ALWAYS);
        SplitPane detail = new SplitPane(trend, histograms);
        detail.setOrientation(javafx.geometry.Orientation.VERTICAL);
        panes = new SplitPane(activations, detail, ratios);
        panes.setDividerPositions(NARROW);
        setTop(title);
        BorderPane.setMargin(title, new Insets(4, 8, 4, 8));
        detail.setDividerPositions(0.5);
        setCenter(ChartStyle.readableHeight(panes, 1.7)); // the trend above the histograms
        document.selection().versionProperty().addListener((o, a, b) -> selectionChanged());
        run.curves().layersVersionProperty().addListener((o, a, b) -> redraw());
        run.phaseProperty().addListener((o, a, b) -> redraw());
        selectionChanged();
    }

    private void selectionChanged() {
        var nodes = document.selection().nodes();
        selected = nodes.size() == 1 ? nodes.get(0) : null;
        // a sequence layer's steps and heads need width: the sample's pane takes more of it while one is selected
        boolean wide = selected != null && document.project().graph().node(selected)
                .map(n -> SequenceInside.drawsInside(n.type().id())).orElse(false);
        if (wide != this.wide) {
            this.wide = wide;
            panes.setDividerPositions(wide ? WIDE : NARROW);
        }
        redraw();
    }

    private String nameOf(String id) {
        return document.project().graph().node(id).map(Node::name).orElse(id);
    }

    private void redraw() {
        if (!active) return;
        LayerHistory h = run.curves().layers();
        ratios.show(h, this::nameOf, selected);
        if (selected == null) {
            title.setText(Messages.get(h.isEmpty() ? "layers.hint" : "layers.selectLayer"));
            activations.showNode(null, "");
            trend.show(java.util.List.of());
            activationHistogram.show(null);
            weightHistogram.show(null);
            gradientHistogram.show(null);
            return;
        }
        TrainingEvent.LayerStats latest = h.latest(selected);
        Node n = document.project().graph().node(selected).orElse(null);
        String type = n == null ? "" : n.type().id();
        title.setText(latest == null
                ? Messages.get("layers.title.none", nameOf(selected), type)
                : Messages.get("layers.title", nameOf(selected), type, h.latestIteration(),
                String.format("%.3g", latest.activationMean()), String.format("%.3g", latest.activationStd()),
                latest.paramNorm() == 0 ? "–" : String.format("%.2e", latest.updateRatio()),
                LayerHealth.of(latest, n != null && n.frozen()).text()));
        activations.showNode(selected, nameOf(selected));
        trend.show(h.of(selected));
        activationHistogram.show(latest == null ? null : latest.activations());
        weightHistogram.show(latest == null ? null : latest.weights());
        gradientHistogram.show(latest == null ? null : latest.gradients());
    }

    /** Whether the tab is showing: a hidden tab skips its redraws and catches up when shown. */
    public void setActive(boolean on) {
        active = on;
        if (on) redraw();
    }
}
