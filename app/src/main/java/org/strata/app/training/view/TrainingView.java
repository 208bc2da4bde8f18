package org.strata.app.training.view;

import org.strata.app.training.TrainingRun;
import org.strata.engine.train.TrainingState;
import javafx.scene.control.Label;
import org.strata.app.i18n.Messages;
import javafx.scene.control.SplitPane;
import javafx.scene.layout.BorderPane;

/**
 * The dock's Training tab: the run's state line, then (for two-feature data) the decision boundary, the loss curves,
 * the metric per epoch and the confusion matrix.
 */
public final class TrainingView extends BorderPane {
    private final LossChartView loss;

    /** Whether the tab is showing: the loss chart redraws only then. */
    public void setActive(boolean on) {
        loss.setActive(on);
    }

    /** @return the least height the dock's charts get (see {@link ChartStyle#minChartHeight()}) */
    public static double minChartHeight() {
        return ChartStyle.minChartHeight();
    }

    /** Sets the window's text size (pixels) for the charts made from now on, here and in the Layers tab. */
    public static void setChartTextSize(int px) {
        ChartStyle.setTextSize(px);
    }

    /** Batches a second a class can follow, from a step a second to a blur; 0 is as fast as the machine can. */
    private static final java.util.List<Double> PACES = java.util.List.of(0.0, 100.0, 30.0, 10.0, 3.0, 1.0);

    /** The pace a run trains at (TensorFlow Playground's runs are watchable; ours finish XOR in a second). */
    private static javafx.scene.control.ComboBox<Double> paceChoice(TrainingRun run) {
        var box = new javafx.scene.control.ComboBox<>(javafx.collections.FXCollections.observableArrayList(PACES));
        box.setId("training-pace");
        box.setConverter(new javafx.util.StringConverter<>() {
            @Override
            public String toString(Double p) {
                if (p == null || p <= 0) return Messages.get("training.pace.fastest");
                return p == 1 ? Messages.get("training.pace.oneBatch")
                        : Messages.get("training.pace.batches", Math.round(p));
            }

            @Override
            public Double fromString(String s) {
                return null;
            }
        });
        box.setValue(run.pace());
        box.setTooltip(new javafx.scene.control.Tooltip(Messages.get("training.pace.tip")));
        box.valueProperty().addListener((o, a, b) -> {
            if (b != null && b != run.pace()) run.setPace(b);
        });
        run.paceProperty().addListener((o, a, b) -> box.setValue(b.doubleValue())); // set elsewhere: shown here
        return box;
    }

    public TrainingView(TrainingRun run, boolean dark) {
        getStyleClass().add("training-view");
        Label status = new Label();
        status.getStyleClass().add("training-status");
        status.setId("training-status");
        status.textProperty().bind(run.messageProperty());
        BoundaryView boundary = new BoundaryView(run);
        loss = new LossChartView(run, dark);
        SplitPane panes = new SplitPane(loss, new MetricChartView(run, dark), new ConfusionMatrixView(run, dark));
        panes.setDividerPositions(0.45, 0.72);
        // Two-feature data gets its decision boundary, as in TensorFlow Playground.
        run.boundaryProperty().addListener((o, a, b) -> {
            if (b != null && !panes.getItems().contains(boundary)) {
                panes.getItems().add(0, boundary);
                panes.setDividerPositions(0.22, 0.55, 0.78);
            }
        });
        run.phaseProperty().addListener((o, a, b) -> {
            if (b == TrainingState.LOADING) panes.getItems().remove(boundary);
        });
        javafx.scene.layout.HBox.setHgrow(status, javafx.scene.layout.Priority.ALWAYS);
        status.setMaxWidth(Double.MAX_VALUE);
        Label paceLabel = new Label(Messages.get("training.pace"));
        javafx.scene.control.ComboBox<Double> pace = paceChoice(run);
        paceLabel.setLabelFor(pace);
        javafx.scene.layout.HBox top = new javafx.scene.layout.HBox(8, status, paceLabel, pace);
        top.setAlignment(javafx.geometry.Pos.CENTER_LEFT);
        top.getStyleClass().add("training-top");
        setTop(top);
        javafx.scene.control.ScrollPane scroll = ChartStyle.readableHeight(panes, 1);
        scroll.getStyleClass().add("training-scroll");
        scroll.setId("training-scroll");
        setCenter(scroll);
    }
}
