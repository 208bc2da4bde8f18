package org.strata.app.dock;

import java.util.function.Consumer;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.collections.FXCollections;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.Tooltip;
import org.strata.app.document.EditorDocument;
import org.strata.app.document.Edits;
import org.strata.app.i18n.Catalogue;
import org.strata.app.i18n.Messages;
import org.strata.engine.analysis.Problem;

/**
 * The Problems tab: every error and warning of the graph and of the graph against its data, updated after each edit
 * and whenever the data has been read again. Clicking a row selects its node and scrolls the canvas to it; a
 * problem one change repairs has a button that makes it (undoable like any edit), and a problem with the data
 * itself opens the dataset settings.
 */
public final class ProblemsView extends TableView<Problem> {
    /**
     * @param reveal       selects a node and brings it into view
     * @param showDataset  shows the project's dataset settings, ready to choose data
     */
    public ProblemsView(EditorDocument document, Consumer<String> reveal, Runnable showDataset) {
        getStyleClass().add("problems-view");
        setId("problems");
        TableColumn<Problem, String> severity = new TableColumn<>(Messages.get("problems.severity"));
        severity.setCellValueFactory(c -> new SimpleStringProperty(c.getValue().severity() == Problem.Severity.ERROR
                ? "✖ " + Messages.get("problems.error") : "⚠ " + Messages.get("problems.warning")));
        severity.setPrefWidth(110);
        TableColumn<Problem, String> node = new TableColumn<>(Messages.get("problems.node"));
        node.setCellValueFactory(c -> new SimpleStringProperty(where(document, c.getValue())));
        node.setPrefWidth(140);
        TableColumn<Problem, String> message = new TableColumn<>(Messages.get("problems.message"));
        message.setCellValueFactory(c -> new SimpleStringProperty(Catalogue.problem(c.getValue(),
                c.getValue().nodeId() == null ? null : document.graph().node(c.getValue().nodeId()).orElse(null))));
        message.setCellFactory(c -> new WrappingCell(message));
        TableColumn<Problem, Problem> fix = new TableColumn<>(Messages.get("problems.fix"));
        fix.setCellValueFactory(c -> new SimpleObjectProperty<>(c.getValue()));
        fix.setCellFactory(c -> new FixCell(document, showDataset));
        fix.setPrefWidth(280);
        fix.setSortable(false);
        // the rest of the row (the other columns grow with the text size), less room for a scroll bar
        message.prefWidthProperty().bind(widthProperty().subtract(severity.widthProperty())
                .subtract(node.widthProperty()).subtract(fix.widthProperty()).subtract(20));
        getColumns().add(severity);
        getColumns().add(node);
        getColumns().add(message);
        getColumns().add(fix);
        setPlaceholder(new Label(Messages.get("problems.none")));
        ColumnHeaders.fitWidths(this);
        getSelectionModel().selectedItemProperty().addListener((o, a, p) -> {
            if (p != null && p.nodeId() != null) reveal.accept(p.nodeId());
        });
        Runnable refresh = () -> setItems(FXCollections.observableArrayList(document.analysis().problems()));
        document.analysisProperty().addListener((o, a, b) -> refresh.run());
        refresh.run();
    }

    /** The layer a problem is on, "Dataset" for the data's own, "—" for the graph as a whole. */
    private static String where(EditorDocument document, Problem p) {
        if (p.nodeId() != null) return document.graph().node(p.nodeId()).map(n -> n.name()).orElse(p.nodeId());
        return p.code() != null && p.code().startsWith("dataset.") ? Messages.get("problems.dataset") : "—";
    }

    /** Whether a problem is about the data itself (no file, a bad file), which the dataset settings repair. */
    static boolean aboutData(Problem p) {
        return p.nodeId() == null && p.code() != null && p.code().startsWith("dataset.");
    }

    /**
     * A message that wraps within its column, its row as tall as the text, instead of being cut at the column's edge
     * (a Text reports the height it wraps to; a wrapping Label in a cell reports one line).
     */
    private static final class WrappingCell extends TableCell<Problem, String> {
        private final javafx.scene.text.Text text = new javafx.scene.text.Text();

        WrappingCell(TableColumn<Problem, String> column) {
            text.getStyleClass().add("problem-text");
            text.wrappingWidthProperty().bind(column.widthProperty().subtract(14));
            setGraphic(null);
        }

        @Override
        protected void updateItem(String item, boolean empty) {
            super.updateItem(item, empty);
            text.setText(empty || item == null ? "" : item);
            setGraphic(empty || item == null ? null : text);
            setText(null);
        }
    }

    /** The button that repairs a problem, or opens the dataset settings for a problem with the data. */
    private static final class FixCell extends TableCell<Problem, Problem> {
        private final Button button = new Button();
        private final EditorDocument document;
        private final Runnable showDataset;

        FixCell(EditorDocument document, Runnable showDataset) {
            this.document = document;
            this.showDataset = showDataset;
            button.getStyleClass().add("problem-fix");
            button.setMaxWidth(Double.MAX_VALUE);
        }

        @Override
        protected void updateItem(Problem p, boolean empty) {
            super.updateItem(p, empty);
            setText(null);
            if (empty || p == null || p.fix() == null && !aboutData(p)) {
                setGraphic(null);
                return;
            }
            if (p.fix() != null) {
                String what = Catalogue.fix(p.fix());
                button.setText(what);
                button.setTooltip(new Tooltip(what));
                button.setId("fix-" + p.fix().code().substring("fix.".length()));
                button.setOnAction(e -> document.execute(Edits.applyFix(document.project(), p.fix())));
            } else {
                boolean none = "dataset.none".equals(p.code());
                button.setText(Messages.get(none ? "problems.chooseData" : "problems.datasetSettings"));
                button.setTooltip(null);
                button.setId(none ? "fix-choose-data" : "fix-dataset-settings");
                button.setOnAction(e -> showDataset.run());
            }
            button.disableProperty().bind(document.readOnlyProperty());
            setGraphic(button);
        }
    }
}
