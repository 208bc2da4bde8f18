package org.strata.app.window;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javafx.geometry.Insets;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuItem;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.kordamp.ikonli.javafx.FontIcon;
import org.strata.app.i18n.Catalogue;
import org.strata.app.i18n.Messages;
import org.strata.app.palette.LayerIcons;
import org.strata.app.palette.PaletteView;
import org.strata.engine.layers.LayerCatalogue;
import org.strata.engine.layers.LayerType;
import org.strata.engine.params.ParamSpec;

/**
 * Help › Layer Reference and Help › Keyboard Shortcuts: windows beside the main one (they take its look and text
 * size as dialogs do). The reference is made from the layer catalogue; the shortcuts from the menus themselves and
 * the canvas's gestures, so neither can fall behind what the app does.
 */
final class HelpWindows {
    private HelpWindows() {
    }

    /** Every layer type: what it does, its formula and its settings with their defaults and ranges; searchable. */
    static Stage layerReference(Window owner) {
        VBox list = new VBox(14);
        list.setPadding(new Insets(12));
        List<VBox> entries = new ArrayList<>();
        List<String> texts = new ArrayList<>();
        for (LayerType type : LayerCatalogue.all()) {
            VBox entry = layerEntry(type);
            entries.add(entry);
            texts.add((type.id() + " " + Catalogue.description(type) + " " + PaletteView.category(type.category()))
                    .toLowerCase(Locale.ROOT));
        }
        list.getChildren().setAll(entries);
        TextField search = new TextField();
        search.setId("reference-search");
        search.setPromptText(Messages.get("reference.search"));
        search.textProperty().addListener((o, a, q) -> {
            String query = q.trim().toLowerCase(Locale.ROOT);
            List<VBox> shown = new ArrayList<>();
            for (int i = 0; i < entries.size(); i++) if (texts.get(i).contains(query)) shown.add(entries.get(i));
            list.getChildren().setAll(shown);
        });
        ScrollPane scroll = new ScrollPane(list);
        scroll.setFitToWidth(true);
        VBox root = new VBox(8, search, scroll);
        root.setPadding(new Insets(10));
        root.setId("layer-reference");
        VBox.setVgrow(scroll, javafx.scene.layout.Priority.ALWAYS);
        return window(owner, Messages.get("reference.title"), root, 720, 640);
    }

    private static VBox layerEntry(LayerType type) {
        Label name = new Label(type.id() + "  ·  " + PaletteView.category(type.category()));
        name.setGraphic(new FontIcon(LayerIcons.of(type)));
        name.getStyleClass().add("inspector-heading");
        Label what = wrapped(Catalogue.description(type), "inspector-description");
        Label formula = wrapped(Catalogue.formula(type), "inspector-formula");
        GridPane params = new GridPane();
        params.setHgap(12);
        params.setVgap(4);
        int row = 0;
        String owner = type.params().owner();
        for (ParamSpec spec : type.params().specs()) {
            Label label = new Label(Catalogue.label(owner, spec));
            label.getStyleClass().add("inspector-label");
            label.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
            String range = spec.type() == org.strata.engine.params.ParamType.CHOICE
                    ? String.join(", ", spec.choices().stream().map(v -> Catalogue.choice(owner, spec, v)).toList())
                    : spec.min() == null ? "" : Messages.get("reference.range", number(spec.min()), number(spec.max()));
            Label about = wrapped(Catalogue.description(owner, spec) + "  (" + Messages.get("reference.default",
                    spec.defaultValue() instanceof String s ? Catalogue.choice(owner, spec, s)
                            : String.valueOf(spec.defaultValue())) + (range.isEmpty() ? "" : "; " + range) + ")",
                    "inspector-description");
            params.addRow(row++, label, about);
        }
        VBox entry = new VBox(4, name, what, formula);
        if (row > 0) entry.getChildren().add(params);
        entry.setId("reference-" + type.id());
        return entry;
    }

    /** The menus' keys (read from the menus) and the canvas's mouse and key gestures. */
    static Stage shortcuts(Window owner, MenuBar menus) {
        // two tables: the canvas's long gesture names would otherwise push the menus' actions far from their keys
        GridPane keys = table();
        int row = 0;
        for (Menu m : menus.getMenus()) {
            for (MenuItem it : flatten(m)) {
                if (it.getAccelerator() == null) continue;
                keys.addRow(row++, key(it.getAccelerator().getDisplayText()), new Label(m.getText().replace("_", "")
                        + " › " + it.getText()));
            }
        }
        Label canvas = new Label(Messages.get("shortcuts.canvas"));
        canvas.getStyleClass().add("inspector-heading");
        GridPane gestures = table();
        row = 0;
        for (String gesture : List.of("wire", "rewire", "select", "band", "pan", "zoom", "nudge", "cancel")) {
            gestures.addRow(row++, key(Messages.get("shortcuts.key." + gesture)),
                    new Label(Messages.get("shortcuts.does." + gesture)));
        }
        VBox all = new VBox(12, keys, canvas, gestures);
        all.setId("shortcuts");
        all.setPadding(new Insets(14));
        ScrollPane scroll = new ScrollPane(all);
        scroll.setFitToWidth(true);
        return window(owner, Messages.get("shortcuts.title"), scroll, 640, 600);
    }

    private static GridPane table() {
        GridPane g = new GridPane();
        g.setHgap(24);
        g.setVgap(6);
        return g;
    }

    private static List<MenuItem> flatten(Menu m) {
        List<MenuItem> out = new ArrayList<>();
        for (MenuItem it : m.getItems()) {
            if (it instanceof Menu sub) out.addAll(flatten(sub));
            else if (!(it instanceof SeparatorMenuItem)) out.add(it);
        }
        return out;
    }

    private static Label key(String text) {
        Label l = new Label(text);
        l.getStyleClass().add("shortcut-key");
        l.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        return l;
    }

    private static Label wrapped(String text, String style) {
        Label l = new Label(text);
        l.setWrapText(true);
        l.getStyleClass().add(style);
        return l;
    }

    private static String number(Double d) {
        return d == Math.rint(d) && Math.abs(d) < 1e15 ? String.format("%,d", d.longValue()) : d.toString();
    }

    private static Stage window(Window owner, String title, javafx.scene.Parent content, double w, double h) {
        Stage s = new Stage();
        s.initOwner(owner);
        s.setTitle(title);
        s.setScene(new Scene(content, w, h));
        // Escape closes a help window as it closes a dialog (a teacher at the projector reaches for it first)
        s.getScene().addEventFilter(javafx.scene.input.KeyEvent.KEY_PRESSED, e -> {
            if (e.getCode() == javafx.scene.input.KeyCode.ESCAPE) {
                e.consume();
                s.close();
            }
        });
        return s;
    }
}
