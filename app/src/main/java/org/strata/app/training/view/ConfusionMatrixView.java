package org.strata.app.training.view;

import org.strata.app.training.TrainingRun;
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
    /** The grid kept between evaluations of the same classes, and its cells. */
    private GridPane grid;
    private List<String> gridNames;
    private Label[][] cells;
    private Label[] recalls;
    private Label[] precisions;
    /**
     * Shrinks the grid to the pane's width when its columns would not fit: ten classes (or a hundred) show every
     * column, smaller, rather than five and a scroll bar a class at the back cannot see.
     */
    private final javafx.scene.transform.Scale gridScale = new javafx.scene.transform.Scale(1, 1, 0, 0);

    public ConfusionMatrixView(TrainingRun run, boolean dark) {
        this.run = run;
        this.dark = dark;
        getStyleClass().add("confusion-view");
        setId("confusion");
        setFitToWidth(false); // a narrow pane scrolls rather than cutting class names short
        body.getStyleClass().add("confusion-body");
        setContent(body);
        viewportBoundsProperty().addListener((o, a, b) -> fitGrid());
        run.evaluationProperty().addListener((o, a, ev) -> show(ev));
        show(run.evaluationProperty().get());
    }

    private void show(Evaluation ev) {
        if (ev == null) {
            if (samples != null) samples.hide();
            if (grid != null) { // a new run: the grid stays, emptied (building it again costs a frame its CSS)
                blank();
                ((Label) body.getChildren().get(0)).setText(Messages.get("confusion.waiting"));
                return;
            }
            Label none = muted(Messages.get("confusion.none"));
            none.setWrapText(true);
            none.setMinWidth(0);
            none.setMaxWidth(320);
            body.getChildren().setAll(none);
            return;
        }
        int epoch = run.evaluationEpoch();
        if (ev.perToken()) { // a class at every position: no matrix of a vocabulary, the share of tokens right
            boolean noTest = run.dataset() != null && run.dataset().test().size() == 0;
            String key = "confusion.tokens" + (epoch > 0 ? "Epoch" : noTest ? "Validation" : "");
            forgetGrid();
            body.getChildren().setAll(title(Messages.get(key, String.format("%.1f", 100 * ev.metric()), ev.tokens(),
                    epoch, String.format("%.2f", Math.exp(ev.loss())))));
            return;
        }
        String figure = ev.confusion() == null ? String.format("%.4f", ev.metric())
                : String.format("%.1f", 100 * ev.metric());
        boolean noTestData = run.dataset() != null && run.dataset().test().size() == 0;
        String key = (ev.confusion() == null ? "confusion.regression" : "confusion.title")
                + (epoch > 0 ? "Epoch" : noTestData ? "Validation" : "");
        String title = Messages.get(key, figure, ev.samples(), epoch);
        if (ev.confusion() == null) {
            forgetGrid();
            body.getChildren().setAll(title(title));
            if (ev.results() != null) body.getChildren().add(new RegressionScatter(ev.results(), dark));
            return;
        }
        if (samples != null) samples.hide();
        samples = new CellSamples(run, ev);
        List<String> names = run.shown(ev.classNames());
        if (grid == null || !names.equals(gridNames)) {
            buildGrid(names);
            Label hint = wrapping(muted(Messages.get("confusion.clickHint")));
            hint.setId("confusion-hint");
            body.getChildren().setAll(title(title), new javafx.scene.Group(grid), hint);
        } else {
            ((Label) body.getChildren().get(0)).setText(title); // the grid stays: no new nodes to style
        }
        fill(ev);
    }

    /** Shrinks the grid to the pane's width when its columns would not fit (see the constructor). */
    private void fitGrid() {
        if (grid == null) return;
        double wide = grid.prefWidth(-1);
        double room = getViewportBounds().getWidth() - 24; // the body's padding and a margin
        double s = wide <= 0 || room <= 0 ? 1 : Math.max(0.3, Math.min(1, room / wide));
        gridScale.setX(s);
        gridScale.setY(s);
    }

    private void blank() {
        for (Label[] row : cells) {
            for (Label cell : row) {
                cell.setText("");
                cell.setStyle("");
                cell.getStyleClass().remove("confusion-cell-link");
                cell.setOnMouseClicked(null);
            }
        }
        for (Label l : recalls) l.setText("");
        for (Label l : precisions) l.setText("");
    }

    private Label title(String text) {
        Label title = wrapping(new Label(text));
        title.getStyleClass().add("confusion-title");
        title.setId("confusion-title");
        return title;
    }

    /** @return {@code l}, wrapping at the pane's width rather than cut short when the pane is narrow */
    private Label wrapping(Label l) {
        l.setWrapText(true);
        l.setMinWidth(0);
        l.maxWidthProperty().bind(javafx.beans.binding.Bindings.createDoubleBinding(
                () -> Math.max(120, getViewportBounds().getWidth() - 24), viewportBoundsProperty()));
        return l;
    }

    private void forgetGrid() {
        grid = null;
        gridNames = null;
    }

    /** Builds the empty grid for these classes; {@link #fill} then writes an evaluation into it. */
    private void buildGrid(List<String> names) {
        int n = names.size();
        GridPane g = new GridPane();
        g.getStyleClass().add("confusion-grid");
        g.setHgap(2);
        g.setVgap(2);
        g.add(muted(Messages.get("confusion.axes")), 0, 0);
        for (int c = 0; c < n; c++) g.add(header(names.get(c)), c + 1, 0);
        g.add(header(Messages.get("confusion.recall")), n + 1, 0);
        cells = new Label[n][n];
        recalls = new Label[n];
        precisions = new Label[n];
        for (int r = 0; r < n; r++) {
            g.add(header(names.get(r)), 0, r + 1);
            for (int c = 0; c < n; c++) {
                Label cell = new Label();
                cell.getStyleClass().add("confusion-cell");
                cell.setId("confusion-" + r + "-" + c);
                cell.setMinSize(44, 28);
                cell.setAlignment(Pos.CENTER);
                cells[r][c] = cell;
                g.add(cell, c + 1, r + 1);
            }
            recalls[r] = muted("");
            g.add(recalls[r], n + 1, r + 1);
        }
        g.add(header(Messages.get("confusion.precision")), 0, n + 1);
        for (int c = 0; c < n; c++) {
            precisions[c] = muted("");
            g.add(precisions[c], c + 1, n + 1);
        }
        g.getTransforms().setAll(gridScale);
        g.layoutBoundsProperty().addListener((o, a, b) -> fitGrid());
        grid = g;
        gridNames = List.copyOf(names);
    }

    /** Writes counts, shades and click targets into the grid's cells (changed styles only are set again). */
    private void fill(Evaluation ev) {
        long[][] m = ev.confusion();
        int n = m.length;
        for (int r = 0; r < n; r++) {
            long rowTotal = 0;
            for (long v : m[r]) rowTotal += v;
            for (int c = 0; c < n; c++) {
                Label cell = cells[r][c];
                cell.setText(Long.toString(m[r][c]));
                double share = rowTotal == 0 ? 0 : (double) m[r][c] / rowTotal;
                String rgb = r == c ? "31, 136, 61" : "207, 34, 46";
                String style = "-fx-background-color: rgba(" + rgb + ", " + String.format("%.2f", 0.08 + 0.6 * share)
                        + ");";
                if (!style.equals(cell.getStyle())) cell.setStyle(style);
                boolean link = ev.results() != null && m[r][c] > 0;
                if (link != cell.getStyleClass().contains("confusion-cell-link")) {
                    if (link) cell.getStyleClass().add("confusion-cell-link");
                    else cell.getStyleClass().remove("confusion-cell-link");
                }
                int truth = r;
                int predicted = c;
                CellSamples these = samples;
                cell.setOnMouseClicked(link ? e -> these.show(truth, predicted, cell) : null);
            }
            recalls[r].setText(String.format("%.0f%%", 100 * ev.recall(r)));
        }
        for (int c = 0; c < n; c++) precisions[c].setText(String.format("%.0f%%", 100 * ev.precision(c)));
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
