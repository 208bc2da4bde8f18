package org.strata.app.dock;

import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import javafx.application.Platform;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Slider;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.strata.app.document.EditorDocument;
import org.strata.app.i18n.Messages;
import org.strata.app.scale.MachineMemory;
import org.strata.app.scale.MachineSpeed;
import org.strata.app.scale.ScaleModel;
import org.strata.app.scale.ScaleModel.Dimension;
import org.strata.app.scale.ScaleTexts;
import org.strata.engine.analysis.TransformerSize;

/**
 * The Scale tab: a GPT-style transformer's five sizes on sliders, presets (GPT-2 small and medium, the open project
 * where it is a transformer), what the network costs ({@link ScaleTexts}) and a curve of the memory training takes
 * across the slider moved last, with the line where this machine's memory ends. The logic is {@link ScaleModel}; this
 * view only shows it. This machine's speed is measured once, off the UI thread, when the tab is first shown.
 */
public final class ScaleView extends BorderPane {
    /**
     * The sizes each open document's view was left at: a language, theme or text size switch makes the pane again,
     * and a class watching the sliders should not see them jump back (UI thread only).
     */
    private static final Map<EditorDocument, TransformerSize> KEPT = new java.util.WeakHashMap<>();
    private final ScaleModel model;
    private final EditorDocument document;
    private final Map<Dimension, Slider> sliders = new EnumMap<>(Dimension.class);
    private final Map<Dimension, Label> values = new EnumMap<>(Dimension.class);
    private final Map<String, Label> lines = new LinkedHashMap<>();
    private final VBox results = new VBox();
    private final MemoryCurve curve;
    private final Label curveTitle = new Label();
    private final Button project = new Button(Messages.get("scale.preset.project"));
    private boolean showing; // the sliders are being set from the model: their changes are not the user's
    private boolean measuring;
    private final javafx.animation.PauseTransition settle = new javafx.animation.PauseTransition(
            javafx.util.Duration.millis(150));

    public ScaleView(EditorDocument document) {
        this.document = document;
        getStyleClass().add("scale-view");
        setId("scale");
        var training = document.project().training();
        model = new ScaleModel(MachineMemory.physicalBytes(), training.getInt("batchSize"),
                training.getString("optimizer"), KEPT.getOrDefault(document,
                        TransformerSize.of(document.graph()).orElse(TransformerSize.GPT2_SMALL)));
        MachineSpeed.known().ifPresent(f -> model.machineFlopsProperty().set(f));
        curve = new MemoryCurve(model, curveTitle);
        settle.setOnFinished(e -> curve.redraw());

        Label intro = new Label(Messages.get("scale.intro"));
        intro.setWrapText(true);
        intro.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
        intro.getStyleClass().add("scale-intro");
        GridPane grid = new GridPane();
        grid.getStyleClass().add("scale-sliders");
        int row = 0;
        for (Dimension d : Dimension.values()) {
            Label name = new Label(ScaleTexts.label(d));
            Slider s = new Slider(d.min, d.max, model.value(d).get());
            s.setId("scale-" + key(d));
            s.setBlockIncrement(d.step);
            s.getStyleClass().add("scale-slider");
            GridPane.setHgrow(s, Priority.ALWAYS);
            s.valueProperty().addListener((o, a, b) -> {
                if (!showing) model.set(d, (int) Math.round(b.doubleValue()));
            });
            Label value = new Label();
            value.setId("scale-value-" + key(d));
            value.getStyleClass().add("scale-value");
            sliders.put(d, s);
            values.put(d, value);
            grid.addRow(row++, name, s, value);
        }
        Button small = new Button(Messages.get("scale.preset.small"));
        small.setId("scale-preset-small");
        small.setOnAction(e -> model.preset(TransformerSize.GPT2_SMALL));
        Button medium = new Button(Messages.get("scale.preset.medium"));
        medium.setId("scale-preset-medium");
        medium.setOnAction(e -> model.preset(TransformerSize.GPT2_MEDIUM));
        project.setId("scale-preset-project");
        project.setOnAction(e -> TransformerSize.of(document.graph()).ifPresent(model::preset));
        FlowPane presets = new FlowPane(new Label(Messages.get("scale.presets")), small, medium, project);
        presets.getStyleClass().add("scale-presets");
        VBox controls = new VBox(intro, grid, presets);
        controls.getStyleClass().addAll("scale-column", "scale-controls");

        results.getStyleClass().addAll("scale-column", "scale-results");
        results.setId("scale-results");
        curveTitle.setWrapText(true);
        curveTitle.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE); // wrapped, never cut to one line
        curveTitle.getStyleClass().add("scale-curve-title");
        curveTitle.setId("scale-curve-title");
        VBox chart = new VBox(curveTitle, curve);
        VBox.setVgrow(curve, Priority.ALWAYS);
        chart.getStyleClass().addAll("scale-column", "scale-chart");

        FlowPane columns = new FlowPane(controls, results, chart);
        columns.getStyleClass().add("scale-columns");
        ScrollPane scroll = new ScrollPane(columns);
        scroll.setFitToWidth(true);
        columns.prefWrapLengthProperty().bind(scroll.widthProperty().subtract(20));
        setCenter(scroll);

        model.versionProperty().addListener((o, a, b) -> {
            KEPT.put(document, model.size());
            show();
        });
        // an edit of the project's training settings changes the batch the memory is for; its graph, "this project"
        document.revisionProperty().addListener((o, a, b) -> {
            var t = document.project().training();
            model.setTraining(t.getInt("batchSize"), t.getString("optimizer"));
            showProjectPreset();
        });
        showProjectPreset();
        show();
    }

    /** Starts measuring this machine's speed the first time the tab is shown (off the UI thread, once a session). */
    public void setActive(boolean active) {
        if (!active || measuring || !Double.isNaN(model.machineFlopsProperty().get())) return;
        measuring = true;
        Thread t = new Thread(() -> {
            var f = MachineSpeed.measure();
            Platform.runLater(() -> model.speedMeasured(f));
        }, "strata-scale-speed");
        t.setDaemon(true);
        t.start();
    }

    /** @return the logic this view shows (for tests) */
    public ScaleModel model() {
        return model;
    }

    private void showProjectPreset() {
        Optional<TransformerSize> own = TransformerSize.of(document.graph());
        project.setDisable(own.isEmpty());
        project.setTooltip(own.isEmpty() ? new Tooltip(Messages.get("scale.preset.project.none")) : null);
    }

    private void show() {
        showing = true;
        for (Dimension d : Dimension.values()) {
            int v = model.value(d).get();
            sliders.get(d).setValue(v);
            values.get(d).setText(ScaleTexts.value(v));
        }
        showing = false;
        var said = ScaleTexts.of(model);
        if (lines.isEmpty()) {
            for (var l : said) {
                Label label = new Label();
                label.setWrapText(true);
                label.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
                label.setId("scale-" + l.id());
                label.getStyleClass().add("scale-line");
                lines.put(l.id(), label);
                results.getChildren().add(label);
            }
        }
        for (var l : said) {
            Label label = lines.get(l.id());
            label.setText(l.text());
            label.getStyleClass().removeAll("scale-large", "scale-fits", "scale-too-large");
            switch (l.mark()) {
                case LARGE -> label.getStyleClass().add("scale-large");
                case FITS -> label.getStyleClass().add("scale-fits");
                case TOO_LARGE -> label.getStyleClass().add("scale-too-large");
                default -> { }
            }
        }
        curveTitle.setText(ScaleTexts.curveTitle(model));
        settle.playFromStart(); // the curve once the slider rests: it analyses 16 networks
    }

    private static String key(Dimension d) {
        return d.name().toLowerCase(java.util.Locale.ROOT);
    }
}
