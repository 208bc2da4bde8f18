package org.strata.app.dock;

import java.util.function.Consumer;
import javafx.beans.property.SimpleStringProperty;
import javafx.collections.FXCollections;
import javafx.scene.control.Label;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import org.strata.app.document.EditorDocument;
import org.strata.app.i18n.Catalogue;
import org.strata.app.i18n.Messages;
import org.strata.engine.analysis.Problem;

/**
 * The Problems tab: every error and warning of the validator, updated after each edit. Clicking a row selects its
 * node and scrolls the canvas to it.
 */
public final class ProblemsView extends TableView<Problem> {
    public ProblemsView(EditorDocument document, Consumer<String> reveal) {
        getStyleClass().add("problems-view");
        setId("problems");
        TableColumn<Problem, String> severity = new TableColumn<>(Messages.get("problems.severity"));
        severity.setCellValueFactory(c -> new SimpleStringProperty(c.getValue().severity() == Problem.Severity.ERROR
                ? "✖ " + Messages.get("problems.error") : "⚠ " + Messages.get("problems.warning")));
        severity.setPrefWidth(110);
        TableColumn<Problem, String> node = new TableColumn<>(Messages.get("problems.node"));
        node.setCellValueFactory(c -> new SimpleStringProperty(c.getValue().nodeId() == null ? "—"
                : document.graph().node(c.getValue().nodeId()).map(n -> n.name()).orElse(c.getValue().nodeId())));
        node.setPrefWidth(140);
        TableColumn<Problem, String> message = new TableColumn<>(Messages.get("problems.message"));
        message.setCellValueFactory(c -> new SimpleStringProperty(Catalogue.problem(c.getValue(),
                c.getValue().nodeId() == null ? null : document.graph().node(c.getValue().nodeId()).orElse(null))));
        // the rest of the row (the first two columns grow with the text size), less room for a scroll bar
        message.prefWidthProperty().bind(widthProperty().subtract(severity.widthProperty())
                .subtract(node.widthProperty()).subtract(20));
        getColumns().add(severity);
        getColumns().add(node);
        getColumns().add(message);
        setPlaceholder(new Label(Messages.get("problems.none")));
        ColumnHeaders.fitWidths(this);
        getSelectionModel().selectedItemProperty().addListener((o, a, p) -> {
            if (p != null && p.nodeId() != null) reveal.accept(p.nodeId());
        });
        Runnable refresh = () -> setItems(FXCollections.observableArrayList(document.analysis().problems()));
        document.revisionProperty().addListener((o, a, b) -> refresh.run());
        refresh.run();
    }
}
