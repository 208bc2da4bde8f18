package org.strata.app.training.view;

import org.strata.app.training.TrainedNetwork;
import org.strata.app.training.TrainingRun;
import java.util.List;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Tooltip;
import javafx.scene.image.ImageView;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.VBox;
import org.strata.app.i18n.Messages;
import org.strata.engine.data.Dataset;
import org.strata.engine.data.Split;
import org.strata.engine.train.Evaluation;
import org.strata.engine.train.SampleResults;

/**
 * The samples behind one confusion-matrix cell, in a pop-over next to the cell: for image data each image with the
 * probability the network gave its answer, for other data each row of values; at most {@link #SHOWN}, the least
 * sure first.
 */
final class CellSamples extends VBox {
    /** More than this many are counted, not shown. */
    static final int SHOWN = 60;
    private final TrainingRun run;
    private final Evaluation evaluation;
    private final Label title = new Label();
    private final FlowPane items = new FlowPane(6, 6);

    CellSamples(TrainingRun run, Evaluation evaluation) {
        super(6);
        this.run = run;
        this.evaluation = evaluation;
        setId("confusion-samples");
        getStyleClass().add("confusion-samples");
        title.getStyleClass().add("confusion-title");
        title.setWrapText(true);
        title.setMaxWidth(460);
        items.setPrefWrapLength(460);
        items.setId("confusion-sample-list");
        ScrollPane scroll = new ScrollPane(items);
        scroll.setFitToWidth(true);
        scroll.setPrefViewportWidth(470);
        scroll.setPrefViewportHeight(260);
        getChildren().setAll(title, scroll);
        setPadding(new Insets(10));
        popOver.setContentNode(this);
        popOver.setArrowLocation(org.controlsfx.control.PopOver.ArrowLocation.LEFT_CENTER);
        popOver.setDetachable(false);
        popOver.setAutoHide(true);
    }

    private final org.controlsfx.control.PopOver popOver = new org.controlsfx.control.PopOver();

    /** Closes the pop-over if it is open. */
    void hide() {
        popOver.hide();
    }

    /** Lists the samples of true class {@code truth} predicted as {@code predicted} next to {@code cell}. */
    void show(int truth, int predicted, Node cell) {
        SampleResults r = evaluation.results();
        Split split = run.evaluatedSplit();
        Dataset data = run.dataset();
        if (r == null || split == null || data == null) return;
        List<Integer> in = r.samplesIn(truth, predicted);
        in.sort((a, b) -> Float.compare(r.confidence()[a], r.confidence()[b])); // least sure first
        List<String> names = run.shown(evaluation.classNames());
        title.setText(Messages.get(truth == predicted ? "confusion.cellRight" : "confusion.cellWrong",
                names.get(truth), names.get(predicted), in.size(), Math.min(in.size(), SHOWN)));
        items.getChildren().clear();
        int[] d = data.featureShape().dims();
        boolean image = d.length == 3 && (d[2] == 1 || d[2] == 3);
        for (int i : in.subList(0, Math.min(SHOWN, in.size()))) {
            float[] v = TrainedNetwork.features(split, data, i);
            String p = String.format("%.0f%%", 100 * r.confidence()[i]);
            VBox item = new VBox(2);
            item.setAlignment(Pos.CENTER);
            item.getStyleClass().add("confusion-sample");
            item.setId("confusion-sample-" + i);
            if (image) {
                ImageView pic = new ImageView(Pictures.image(v, d[0], d[1], d[2]));
                pic.setFitWidth(56);
                pic.setFitHeight(56);
                pic.setPreserveRatio(true);
                pic.setSmooth(false);
                item.getChildren().add(pic);
            } else {
                data.normalizer().invert(v, 0);
                item.getChildren().add(new Label(row(v)));
            }
            item.getChildren().add(new Label(p));
            Tooltip.install(item, new Tooltip(Messages.get("confusion.sampleTip", i + 1, names.get(predicted), p)));
            items.getChildren().add(item);
        }
        // a pop-over is its own window: give it the main window's style sheets and theme
        getStylesheets().setAll(cell.getScene().getStylesheets());
        getStyleClass().setAll("confusion-samples");
        getStyleClass().addAll(cell.getScene().getRoot().getStyleClass());
        setStyle(cell.getScene().getRoot().getStyle()); // the text size
        popOver.setArrowLocation(org.controlsfx.control.PopOver.ArrowLocation.LEFT_CENTER);
        popOver.show(cell);
        var better = arrowFor(cell);
        if (better != popOver.getArrowLocation()) {
            popOver.hide(javafx.util.Duration.ZERO);
            popOver.setArrowLocation(better);
            popOver.show(cell);
        }
    }

    /**
     * Where the pop-over's arrow points from, so that it opens on the side of the cell with room in the window (the
     * matrix sits at the dock's right, and a pop-over opened to the right of it ran past the window's edge); measured
     * from the pop-over as first shown.
     */
    private org.controlsfx.control.PopOver.ArrowLocation arrowFor(Node cell) {
        javafx.geometry.Bounds c = cell.localToScreen(cell.getBoundsInLocal());
        javafx.stage.Window w = cell.getScene().getWindow();
        if (c == null || w == null) return popOver.getArrowLocation();
        double wide = popOver.getWidth();
        double high = popOver.getHeight();
        boolean left = c.getMaxX() + wide > w.getX() + w.getWidth() && c.getMinX() - wide >= w.getX();
        boolean below = c.getCenterY() + high / 2 > w.getY() + w.getHeight();
        boolean above = c.getCenterY() - high / 2 < w.getY();
        String side = left ? "RIGHT" : "LEFT";
        String place = below ? "BOTTOM" : above ? "TOP" : "CENTER";
        return org.controlsfx.control.PopOver.ArrowLocation.valueOf(side + "_" + place);
    }

    /** A short row of values, as typed in a CSV file (normalised values would mean nothing to the user). */
    private String row(float[] v) {
        StringBuilder sb = new StringBuilder();
        for (int k = 0; k < Math.min(v.length, 8); k++) {
            if (k > 0) sb.append(", ");
            sb.append(String.format("%.3g", v[k]));
        }
        return v.length > 8 ? sb + ", …" : sb.toString();
    }
}
