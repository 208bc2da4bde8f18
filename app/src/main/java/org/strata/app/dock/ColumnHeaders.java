package org.strata.app.dock;

import javafx.application.Platform;
import javafx.scene.Node;
import javafx.scene.control.TableColumnBase;
import javafx.scene.control.TableView;
import javafx.scene.control.skin.TableColumnHeader;
import javafx.scene.layout.Region;

/**
 * Table columns at least as wide as their headers. Widths are set in pixels for the normal text size; at the
 * projector's size "Severity" was cut to "Seve…".
 */
public final class ColumnHeaders {
    /** Room beside a header's text: its padding and the sort arrow. */
    private static final double SPARE = 24;

    private ColumnHeaders() {
    }

    /** Widens, once the table is shown, every column whose header text would not fit. */
    public static void fitWidths(TableView<?> table) {
        table.skinProperty().addListener((o, a, skin) -> {
            if (skin != null) Platform.runLater(() -> fit(table));
        });
    }

    private static void fit(TableView<?> table) {
        if (table.getScene() == null) return;
        table.applyCss(); // the headers' fonts, as the text size setting makes them
        for (Node n : table.lookupAll(".column-header")) {
            if (!(n instanceof TableColumnHeader h) || h.getTableColumn() == null) continue;
            if (!(h.lookup(".label") instanceof Region label)) continue;
            double need = label.prefWidth(-1) + SPARE;
            TableColumnBase<?, ?> c = h.getTableColumn();
            if (c.getMinWidth() < need) c.setMinWidth(need);
            if (c.getPrefWidth() < need) c.setPrefWidth(need);
        }
    }
}
