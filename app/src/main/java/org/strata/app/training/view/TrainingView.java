package org.strata.app.training.view;

import org.strata.app.training.TrainingRun;
import org.strata.engine.train.TrainingState;
import javafx.scene.control.Label;
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

    /** Sets the window's text size (pixels) for the charts made from now on, here and in the Layers tab. */
    public static void setChartTextSize(int px) {
        ChartStyle.setTextSize(px);
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
        setTop(status);
        setCenter(panes);
    }
}
