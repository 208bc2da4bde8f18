package org.strata.app.training;

import java.util.List;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.VBox;
import org.strata.app.i18n.Messages;
import org.strata.engine.train.Evaluation;

/**
 * After a run: the held-out data's confusion matrix (rows the true class, columns the predicted one, each cell
 * shaded by its share of the row, the diagonal in green), with each class's recall at the end of its row and
 * precision under its column. Clicking a cell lists its samples (the images themselves for image data) with the
 * probability the network gave its answer. For regression: the mean absolute error and predicted against true.
 */
public final class ConfusionMatrixView extends ScrollPane {
    private final VBox body = new VBox(8);
    private final TrainingRun run;
    private final boolean dark;
    private CellSamples samples;

    public ConfusionMatrixView(TrainingRun run, boolean dark) {
        this.run = run;
        this.dark = dark;
        getStyleClass().add("confusion-view");
        setId("confusion");
        setFitToWidth(false); // a narrow pane scrolls rather than cutting class names short
        body.getStyleClass().add("confusion-body");
        setContent(body);
        run.evaluationProperty().addListener((o, a, ev) -> show(ev));
        show(run.evaluationProperty().get());
    }

    private void show(Evaluation ev) {
        body.getChildren().clear();
        if (ev == null) {
            if (samples != null) samples.hide();
            Label none = muted(Messages.get("confusion.none"));
            none.setWrapText(true);
            none.setMinWidth(0);
            none.setMaxWidth(320);
            body.getChildren().add(none);
            return;
        }
        int epoch = run.evaluationEpoch();
        String figure = ev.confusion() == null ? String.format("%.4f", ev.metric())
                : String.format("%.1f", 100 * ev.metric());
        boolean noTestData = run.dataset() != null && run.dataset().test().size() == 0;
        String key = (ev.confusion() == null ? "confusion.regression" : "confusion.title")
                + (epoch > 0 ? "Epoch" : noTestData ? "Validation" : "");
        Label title = new Label(Messages.get(key, figure, ev.samples(), epoch));
        title.getStyleClass().add("confusion-title");
        title.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        title.setId("confusion-title");
        body.getChildren().add(title);
        if (ev.confusion() == null) {
            if (ev.results() != null) body.getChildren().add(new RegressionScatter(ev.results(), dark));
            return;
        }
        if (samples != null) samples.hide();
        samples = new CellSamples(run, ev);
        body.getChildren().add(grid(ev, samples));
        Label hint = muted(Messages.get("confusion.clickHint"));
        body.getChildren().add(hint);
    }

    private static GridPane grid(Evaluation ev, CellSamples samples) {
        long[][] m = ev.confusion();
        List<String> names = ev.classNames();
        int n = m.length;
        GridPane g = new GridPane();
        g.getStyleClass().add("confusion-grid");
        g.setHgap(2);
        g.setVgap(2);
        g.add(muted(Messages.get("confusion.axes")), 0, 0);
        for (int c = 0; c < n; c++) g.add(header(names.get(c)), c + 1, 0);
        g.add(header(Messages.get("confusion.recall")), n + 1, 0);
        for (int r = 0; r < n; r++) {
            g.add(header(names.get(r)), 0, r + 1);
            long rowTotal = 0;
            for (long v : m[r]) rowTotal += v;
            for (int c = 0; c < n; c++) {
                Label cell = new Label(Long.toString(m[r][c]));
                cell.getStyleClass().add("confusion-cell");
                cell.setId("confusion-" + r + "-" + c);
                double share = rowTotal == 0 ? 0 : (double) m[r][c] / rowTotal;
                String rgb = r == c ? "31, 136, 61" : "207, 34, 46";
                cell.setStyle("-fx-background-color: rgba(" + rgb + ", " + String.format("%.2f", 0.08 + 0.6 * share)
                        + ");");
                cell.setMinSize(44, 28);
                cell.setAlignment(Pos.CENTER);
                if (ev.results() != null && m[r][c] > 0) {
                    int truth = r;
                    int predicted = c;
                    cell.getStyleClass().add("confusion-cell-link");
                    cell.setOnMouseClicked(e -> samples.show(truth, predicted, cell));
                }
                g.add(cell, c + 1, r + 1);
            }
            g.add(muted(String.format("%.0f%%", 100 * ev.recall(r))), n + 1, r + 1);
        }
        g.add(header(Messages.get("confusion.precision")), 0, n + 1);
        for (int c = 0; c < n; c++) g.add(muted(String.format("%.0f%%", 100 * ev.precision(c))), c + 1, n + 1);
        return g;
    }

    private static Label header(String text) {
        Label l = new Label(text);
        l.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        l.getStyleClass().add("confusion-header");
        l.setAlignment(Pos.CENTER);
        return l;
    }

    private static Label muted(String text) {
        Label l = new Label(text);
        l.getStyleClass().add("confusion-muted");
        l.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        return l;
    }
}
