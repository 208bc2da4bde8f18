package org.strata.app.data;

import java.util.ArrayList;
import java.util.List;
import javafx.beans.property.SimpleStringProperty;
import javafx.collections.FXCollections;
import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.image.ImageView;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Pane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.scene.paint.Color;
import org.strata.app.document.EditorDocument;
import org.strata.app.i18n.Messages;
import org.strata.app.training.view.Pictures;
import org.strata.engine.analysis.SummaryTable;
import org.strata.engine.data.DataPreview;
import org.strata.engine.data.DataProbe;
import org.strata.engine.layers.TensorShape;
import org.strata.engine.text.TerminalText;

/**
 * The Data tab: what the network will see, before anyone presses Train. The size of each split and the shape of a
 * sample; the training samples per class as bars (an unbalanced dataset shows at once); the first training samples
 * as the files hold them with their labels: pictures for images, the texts (and their token numbers) for text, a plot
 * for series with the values to forecast after them, a table of values otherwise; and a text dataset's vocabulary
 * with its counts. Rebuilt whenever the data is read again (another setting, a changed file).
 */
public final class DataView extends BorderPane {
    /** Class bars shown at most; the rest are summed up in one line. */
    private static final int CLASSES = 30;
    /** Values of a vector sample shown as columns at most. */
    private static final int COLUMNS = 10;
    private final EditorDocument document;
    private final Label summary = new Label();
    private DataPreview shown;

    public DataView(EditorDocument document) {
        this.document = document;
        getStyleClass().add("data-view");
        setId("data-view");
        summary.setId("data-summary");
        summary.setWrapText(true);
        summary.getStyleClass().add("training-status");
        setTop(summary);
        BorderPane.setMargin(summary, new Insets(4, 8, 4, 8));
        // each new reading of the data moves the revision on (the analysis may come out equal, and then says nothing)
        document.revisionProperty().addListener((o, a, b) -> refresh());
        refresh();
    }

    private void refresh() {
        var data = document.data();
        DataPreview preview = data.flatMap(DataProbe.Result::previewed).orElse(null);
        if (preview != null && preview == shown) return;
        shown = preview;
        if (preview == null) {
            summary.setText(data.map(r -> r.error() == null ? Messages.get("data.reading")
                    : org.strata.app.i18n.Catalogue.message(r.error())).orElse(Messages.get("data.reading")));
            setCenter(null);
            return;
        }
        summary.setText(Messages.get("data.summary", preview.name(), SummaryTable.group(preview.train()),
                SummaryTable.group(preview.validation()), SummaryTable.group(preview.test()),
                preview.shape().toString(),
                preview.labelSteps() > 0 ? Messages.get("data.nextToken", preview.labelSteps(), preview.classes().size())
                        : preview.classes().isEmpty() ? Messages.get("data.targets", preview.targets())
                        : Messages.get("data.classes", preview.classes().size())));
        HBox body = new HBox(12);
        body.setPadding(new Insets(4, 8, 8, 8));
        // a corpus's classes are its vocabulary, whose counts the vocabulary's table shows
        if (!preview.classes().isEmpty() && preview.labelSteps() == 0) {
            body.getChildren().add(titled("data.balance", classBars(preview)));
        }
        Node samples = samples(preview);
        VBox samplesBox = titled("data.samples", samples);
        HBox.setHgrow(samplesBox, Priority.ALWAYS);
        body.getChildren().add(samplesBox);
        preview.text().ifPresent(t -> body.getChildren().add(titled("data.vocabulary", vocabulary(preview))));
        preview.text().filter(t -> !t.merges().merges().isEmpty())
                .ifPresent(t -> body.getChildren().add(titled("data.merges", merges(t.merges().merges()))));
        setCenter(body);
    }

    private static VBox titled(String key, Node content) {
        Label title = new Label(Messages.get(key));
        title.getStyleClass().add("data-title");
        VBox box = new VBox(4, title, content);
        VBox.setVgrow(content, Priority.ALWAYS);
        return box;
    }

    /** A bar per class, as long as its share of the largest class, with its count. */
    private static Node classBars(DataPreview d) {
        GridPane g = new GridPane();
        g.setId("data-classes");
        g.setHgap(6);
        g.setVgap(2);
        int max = 1;
        for (int c : d.classCounts()) max = Math.max(max, c);
        int shownClasses = Math.min(CLASSES, d.classes().size());
        for (int c = 0; c < shownClasses; c++) {
            ProgressBar bar = new ProgressBar((double) d.classCounts()[c] / max);
            bar.setPrefWidth(120);
            g.addRow(c, new Label(TerminalText.escape(d.classes().get(c))), bar, new Label(SummaryTable.group(d.classCounts()[c])));
        }
        if (d.classes().size() > shownClasses) {
            g.add(new Label(Messages.get("data.moreClasses", d.classes().size() - shownClasses)), 0, shownClasses, 3, 1);
        }
        ScrollPane scroll = new ScrollPane(g);
        scroll.setFitToWidth(true);
        scroll.setMinWidth(260);
        scroll.getStyleClass().add("edge-to-edge");
        return scroll;
    }

    private Node samples(DataPreview d) {
        TensorShape shape = d.shape();
        int[] dims = shape.dims();
        if (d.text().isPresent()) return textTable(d);
        if (shape.kind() == TensorShape.Kind.IMAGE) return pictures(d, dims[0], dims[1], dims[2]);
        int side = (int) Math.round(Math.sqrt(shape.size()));
        if (shape.kind() == TensorShape.Kind.VECTOR && side * side == shape.size() && side >= 4) {
            return pictures(d, side, side, 1); // the 8×8 digits' 64 columns are still a picture
        }
        if (shape.kind() == TensorShape.Kind.SEQUENCE) return series(d, dims[0], dims[1]);
        return valueTable(d);
    }

    /** The first samples as pictures, each with its label under it. */
    private static Node pictures(DataPreview d, int h, int w, int c) {
        FlowPane flow = new FlowPane(6, 6);
        flow.setId("data-pictures");
        int factor = Math.max(1, 56 / Math.max(h, w));
        for (DataPreview.Sample s : d.samples()) {
            ImageView picture = new ImageView(Pictures.enlarge(Pictures.image(s.raw(), h, w, c), factor));
            Label label = new Label(TerminalText.escape(DataPreview.labelOf(s)));
            label.getStyleClass().add("data-picture-label");
            flow.getChildren().add(new VBox(2, picture, label));
        }
        ScrollPane scroll = new ScrollPane(flow);
        scroll.setFitToWidth(true);
        scroll.getStyleClass().add("edge-to-edge");
        return scroll;
    }

    /** The first texts as the file holds them (lowercased if the tokenizer folds case), their labels and numbers. */
    private static Node textTable(DataPreview d) {
        TableView<DataPreview.Sample> table = new TableView<>(FXCollections.observableArrayList(d.samples()));
        table.setId("data-rows");
        var text = d.text().orElseThrow();
        table.getColumns().add(column(Messages.get("data.text"), s -> text.decode(s.raw()), 200));
        table.getColumns().add(column(Messages.get("data.label"), DataPreview::labelOf, 110));
        table.getColumns().add(column(Messages.get("data.tokens"), s -> numbers(s.raw()), 260));
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        return table;
    }

    /** The first samples' values, a column each (the first ten), and their labels. */
    private static Node valueTable(DataPreview d) {
        TableView<DataPreview.Sample> table = new TableView<>(FXCollections.observableArrayList(d.samples()));
        table.setId("data-rows");
        int n = (int) Math.min(COLUMNS, d.shape().size());
        for (int i = 0; i < n; i++) {
            int at = i;
            table.getColumns().add(column("x" + (i + 1), s -> DataPreview.values(new float[]{s.raw()[at]}, 1), 70));
        }
        if (d.shape().size() > n) table.getColumns().add(column("…", s -> "", 30));
        table.getColumns().add(column(Messages.get("data.label"), DataPreview::labelOf, 120));
        return table;
    }

    /** The first three series, each with the values to forecast drawn on after it. */
    private static Node series(DataPreview d, int steps, int features) {
        Canvas canvas = new Canvas();
        canvas.setId("data-series");
        Pane pane = new Pane(canvas);
        pane.setMinSize(200, 120);
        canvas.widthProperty().bind(pane.widthProperty());
        canvas.heightProperty().bind(pane.heightProperty());
        Runnable draw = () -> drawSeries(canvas, d, steps, features);
        canvas.widthProperty().addListener((o, a, b) -> draw.run());
        canvas.heightProperty().addListener((o, a, b) -> draw.run());
        Label legend = new Label(Messages.get(d.targets() > 0 && d.classes().isEmpty() ? "data.seriesForecast"
                : "data.seriesClass"));
        legend.setWrapText(true);
        VBox box = new VBox(4, pane, legend);
        VBox.setVgrow(pane, Priority.ALWAYS);
        return box;
    }

    private static void drawSeries(Canvas canvas, DataPreview d, int steps, int features) {
        GraphicsContext g = canvas.getGraphicsContext2D();
        double w = canvas.getWidth();
        double h = canvas.getHeight();
        g.clearRect(0, 0, w, h);
        List<DataPreview.Sample> some = d.samples().subList(0, Math.min(3, d.samples().size()));
        if (some.isEmpty() || w < 20 || h < 20) return;
        // a forecast's targets continue the series when it predicts the values after it (one feature)
        boolean continues = features == 1 && d.classes().isEmpty() && d.targets() > 0;
        int total = steps + (continues ? d.targets() : 0);
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        for (DataPreview.Sample s : some) {
            for (float v : s.raw()) {
                lo = Math.min(lo, v);
                hi = Math.max(hi, v);
            }
            if (continues) {
                for (float v : s.target()) {
                    lo = Math.min(lo, v);
                    hi = Math.max(hi, v);
                }
            }
        }
        if (hi - lo < 1e-9) {
            hi += 1;
            lo -= 1;
        }
        double pad = 6;
        double dx = (w - 2 * pad) / Math.max(1, total - 1);
        double band = (h - 2 * pad) / some.size();
        Color[] colours = {Color.web("#0969da"), Color.web("#1a7f37"), Color.web("#8250df")};
        for (int k = 0; k < some.size(); k++) {
            DataPreview.Sample s = some.get(k);
            double top = pad + k * band;
            double finalLo = lo;
            double finalHi = hi;
            java.util.function.DoubleUnaryOperator y = v -> top + band - 4 - (v - finalLo) / (finalHi - finalLo)
                    * (band - 8);
            g.setStroke(colours[k % colours.length]);
            g.setLineWidth(2);
            g.beginPath();
            for (int t = 0; t < steps; t++) {
                double v = s.raw()[t * features];
                if (t == 0) g.moveTo(pad, y.applyAsDouble(v));
                else g.lineTo(pad + t * dx, y.applyAsDouble(v));
            }
            g.stroke();
            if (continues) {
                g.setStroke(Color.web("#cf222e"));
                g.setLineDashes(5, 4);
                g.beginPath();
                g.moveTo(pad + (steps - 1) * dx, y.applyAsDouble(s.raw()[(steps - 1) * features]));
                for (int t = 0; t < s.target().length; t++) g.lineTo(pad + (steps + t) * dx, y.applyAsDouble(s.target()[t]));
                g.stroke();
                g.setLineDashes();
            }
        }
    }

    /** The vocabulary in number order, with how often each token occurs in the training texts. */
    private static Node vocabulary(DataPreview d) {
        var v = d.text().orElseThrow().vocabulary();
        List<String[]> rows = new ArrayList<>();
        for (int i = 0; i < v.size(); i++) {
            String token = v.tokens().get(i).isBlank() ? "␣" : v.tokens().get(i);
            rows.add(new String[]{Integer.toString(i), token, i < 2 ? "" : SummaryTable.group(v.counts().get(i))});
        }
        TableView<String[]> table = new TableView<>(FXCollections.observableArrayList(rows));
        table.setId("data-vocabulary");
        table.getColumns().add(column("#", r -> r[0], 50));
        table.getColumns().add(column(Messages.get("data.token"), r -> r[1], 100));
        table.getColumns().add(column(Messages.get("data.count"), r -> r[2], 90));
        table.setPrefWidth(260);
        table.setMinWidth(220);
        return table;
    }

    /** Byte-pair merges in the order they were learned: each joins the most frequent neighbouring pair. */
    private static Node merges(List<org.strata.engine.data.text.BytePairEncoding.Merge> merges) {
        List<String[]> rows = new ArrayList<>();
        for (int i = 0; i < merges.size(); i++) {
            var m = merges.get(i);
            rows.add(new String[]{Integer.toString(i + 1), shown(m.left()) + " + " + shown(m.right()) + " → "
                    + shown(m.joined()), SummaryTable.group(m.count())});
        }
        TableView<String[]> table = new TableView<>(FXCollections.observableArrayList(rows));
        table.setId("data-merges");
        table.getColumns().add(column("#", r -> r[0], 50));
        table.getColumns().add(column(Messages.get("data.merge"), r -> r[1], 150));
        table.getColumns().add(column(Messages.get("data.count"), r -> r[2], 80));
        table.setPrefWidth(290);
        table.setMinWidth(220);
        return table;
    }

    /** @return a token as a table shows it: a space as ␣, so that " the" and "the" differ on screen */
    private static String shown(String token) {
        return token.replace(' ', '␣');
    }

    private static <T> TableColumn<T, String> column(String title, java.util.function.Function<T, String> f,
                                                     double width) {
        TableColumn<T, String> c = new TableColumn<>(title);
        // every cell may hold text from the data: its control and bidi characters are shown, not obeyed
        c.setCellValueFactory(cd -> new SimpleStringProperty(TerminalText.escape(f.apply(cd.getValue()))));
        c.setPrefWidth(width);
        c.setSortable(false);
        return c;
    }

    private static String numbers(float[] raw) {
        StringBuilder b = new StringBuilder();
        for (float v : raw) {
            if (b.length() > 0) b.append(' ');
            b.append((int) v);
        }
        return b.toString();
    }
}
