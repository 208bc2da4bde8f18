package org.strata.app.training;

import javafx.scene.control.Label;
import javafx.scene.control.SplitPane;
import javafx.scene.layout.BorderPane;

/** The dock's Training tab: the run's state line, then loss curves, the metric per epoch and the confusion matrix. */
public final class TrainingView extends BorderPane {
    public TrainingView(TrainingRun run, boolean dark) {
        getStyleClass().add("training-view");
        Label status = new Label();
        status.getStyleClass().add("training-status");
        status.setId("training-status");
        status.textProperty().bind(run.messageProperty());
        SplitPane panes = new SplitPane(new LossChartView(run, dark), new MetricChartView(run, dark),
                new ConfusionMatrixView(run));
        panes.setDividerPositions(0.45, 0.72);
        setTop(status);
        setCenter(panes);
    }
}
