package org.strata.app.dock;

import javafx.beans.property.SimpleStringProperty;
import javafx.collections.FXCollections;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.ScrollPane;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.VBox;
import org.strata.app.document.EditorDocument;
import org.strata.app.i18n.Catalogue;
import org.strata.app.i18n.Messages;
import org.strata.engine.analysis.GraphAnalyzer;
import org.strata.engine.analysis.MemoryEstimate;
import org.strata.engine.analysis.ScaleEstimate;
import org.strata.engine.analysis.ScaleLines;
import org.strata.engine.analysis.SummaryTable;

/**
 * The Summary tab: the engine's Keras-like table (layer, type, output shape, parameters, FLOPs) and the totals, with
 * the memory training takes for the project's batch size; beside them how large the network is, as {@code strata
 * summary} says it ({@link ScaleLines#forWindow}: the 100-million line, memory, FLOPs per token, the assumed GPU's
 * time), in the window's language. Nothing is timed here: the tab never builds the network.
 */
public final class SummaryView extends BorderPane {
    private final TableView<SummaryTable.Row> table = new TableView<>();
    private final Label totals = new Label();
    private final VBox scale = new VBox();

    public SummaryView(EditorDocument document) {
        getStyleClass().add("summary-view");
        table.setId("summary");
        table.getColumns().add(column(Messages.get("summary.layer"), r -> r.node(), 160));
        table.getColumns().add(column(Messages.get("summary.type"), r -> r.type(), 120));
        table.getColumns().add(column(Messages.get("summary.shape"), r -> r.shape(), 120));
        table.getColumns().add(column(Messages.get("summary.params"), r -> SummaryTable.group(r.params()), 110));
        table.getColumns().add(column(Messages.get("summary.flops"), r -> SummaryTable.human(r.flops()), 100));
        table.getColumns().add(column(Messages.get("summary.inputs"), r -> r.inputs(), 200));
        table.setPlaceholder(new Label(Messages.get("summary.empty")));
        ColumnHeaders.fitWidths(table);
        totals.getStyleClass().add("summary-totals");
        totals.setId("summary-totals");
        totals.setWrapText(true); // whole at the projector's text size, on two lines if need be
        totals.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
        BorderPane.setAlignment(totals, Pos.CENTER_LEFT);
        scale.getStyleClass().add("summary-scale");
        scale.setId("summary-scale");
        ScrollPane side = new ScrollPane(scale);
        side.setFitToWidth(true);
        side.getStyleClass().add("summary-scale-pane");
        setCenter(table);
        setRight(side);
        setBottom(totals);
        Runnable refresh = () -> {
            table.setItems(FXCollections.observableArrayList(SummaryTable.rows(document.graph(), document.analysis())));
            var training = document.project().training();
            int batch = training.getInt("batchSize");
            String optimizer = training.getString("optimizer");
            // with what layers keep for the backward pass, as the scale lines beside it count it
            var memory = MemoryEstimate.of(document.graph(), document.analysis(), batch, optimizer);
            totals.setText(Messages.get("summary.totals", SummaryTable.group(document.analysis().totalParams()),
                    SummaryTable.human(document.analysis().totalFlops()), MemoryEstimate.bytes(memory.total()),
                    String.valueOf(batch)));
            scale.getChildren().clear();
            if (!graphValid(document) || document.analysis().totalParams() == 0) {
                side.setVisible(false); // a graph with errors has no size to speak of yet (the Problems tab says why)
                side.setManaged(false);
                return;
            }
            side.setVisible(true);
            side.setManaged(true);
            ScaleEstimate s = ScaleEstimate.of(document.graph(), document.analysis(), batch, optimizer);
            for (var m : ScaleLines.forWindow(s, batch, optimizer)) {
                Label line = new Label(Catalogue.message(m));
                line.setWrapText(true);
                line.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE); // wrapped, never cut to one line
                line.getStyleClass().add("summary-scale-line");
                if (m.code().equals("scale.large")) line.getStyleClass().add("scale-large");
                scale.getChildren().add(line);
            }
        };
        document.revisionProperty().addListener((o, a, b) -> refresh.run());
        refresh.run();
    }

    /**
     * @return whether the graph itself is valid, as {@code strata summary} asks: a project without data yet (the
     *     GPT-2 samples) still has its size
     */
    private static boolean graphValid(EditorDocument document) {
        return document.analysis().isValid() || GraphAnalyzer.analyze(document.graph()).isValid();
    }

    private static TableColumn<SummaryTable.Row, String> column(String title,
                                                                java.util.function.Function<SummaryTable.Row, String> f,
                                                                double width) {
        TableColumn<SummaryTable.Row, String> c = new TableColumn<>(title);
        c.setCellValueFactory(cd -> new SimpleStringProperty(f.apply(cd.getValue())));
        c.setPrefWidth(width);
        c.setSortable(false);
        return c;
    }
}
