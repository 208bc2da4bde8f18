package org.strata.app.palette;

import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import javafx.geometry.Point2D;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;
import javafx.scene.input.MouseButton;
import javafx.scene.input.MouseEvent;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Pane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.util.Duration;
import org.kordamp.ikonli.javafx.FontIcon;
import org.strata.app.i18n.Catalogue;
import org.strata.app.i18n.Messages;
import org.strata.engine.layers.Category;
import org.strata.engine.layers.LayerCatalogue;
import org.strata.engine.layers.LayerType;

/**
 * The layer palette: every layer type of the catalogue grouped by category, filtered by a search box. Drag an entry
 * onto the canvas to add it at the pointer, or double-click it (or press Enter) to add it in the middle of the view.
 * The drag is a plain press-drag-release gesture with a ghost label, so it behaves the same with any pointer.
 */
public final class PaletteView extends VBox {
    private final TextField search = new TextField();
    private final VBox groups = new VBox();
    private final Pane ghostLayer;
    private final Label ghost = new Label();
    private final BiConsumer<LayerType, Point2D> onDrop;
    private final Consumer<LayerType> onAdd;

    /**
     * @param ghostLayer a mouse-transparent layer over the whole window where the dragged entry's ghost is drawn
     * @param onDrop     called with the type and the scene point where an entry was released
     * @param onAdd      called when an entry is double-clicked or chosen with Enter
     */
    public PaletteView(Pane ghostLayer, BiConsumer<LayerType, Point2D> onDrop, Consumer<LayerType> onAdd) {
        this.ghostLayer = ghostLayer;
        this.onDrop = onDrop;
        this.onAdd = onAdd;
        getStyleClass().add("palette");
        search.setPromptText(Messages.get("palette.search"));
        search.getStyleClass().add("palette-search");
        search.setId("palette-search");
        search.textProperty().addListener((o, a, b) -> rebuild());
        search.setOnKeyPressed(e -> {
            if (e.getCode() == KeyCode.ENTER) {
                best(matching()).ifPresent(onAdd);
            }
        });
        ScrollPane scroll = new ScrollPane(groups);
        scroll.setFitToWidth(true);
        scroll.getStyleClass().add("palette-scroll");
        VBox.setVgrow(scroll, Priority.ALWAYS);
        ghost.getStyleClass().add("palette-ghost");
        ghost.setMouseTransparent(true);
        ghost.setManaged(false);
        getChildren().addAll(search, scroll);
        rebuild();
    }

    /**
     * @return the layer Enter adds: the only hit, or the one the query names ("dropout" is Dropout, though
     *     BatchNorm's description mentions dropout too), or the only one whose name holds the query
     */
    private java.util.Optional<LayerType> best(List<LayerType> hits) {
        if (hits.size() == 1) return java.util.Optional.of(hits.get(0));
        String q = search.getText() == null ? "" : search.getText().trim().toLowerCase(Locale.ROOT);
        if (q.isEmpty()) return java.util.Optional.empty();
        for (LayerType t : hits) if (t.id().toLowerCase(Locale.ROOT).equals(q)) return java.util.Optional.of(t);
        List<LayerType> named = hits.stream().filter(t -> t.id().toLowerCase(Locale.ROOT).contains(q)).toList();
        return named.size() == 1 ? java.util.Optional.of(named.get(0)) : java.util.Optional.empty();
    }

    private List<LayerType> matching() {
        String q = search.getText() == null ? "" : search.getText().trim().toLowerCase(Locale.ROOT);
        return LayerCatalogue.all().stream().filter(t -> q.isEmpty() || t.id().toLowerCase(Locale.ROOT).contains(q)
                || t.description().toLowerCase(Locale.ROOT).contains(q)
                || Catalogue.description(t).toLowerCase(Locale.ROOT).contains(q)
                || category(t.category()).toLowerCase(Locale.ROOT).contains(q)).toList();
    }

    private void rebuild() {
        groups.getChildren().clear();
        List<LayerType> hits = matching();
        for (Category c : Category.values()) {
            List<LayerType> in = hits.stream().filter(t -> t.category() == c)
                    .sorted(Comparator.comparingInt(t -> LayerCatalogue.all().indexOf(t))).toList();
            if (in.isEmpty()) continue;
            Label title = new Label(category(c));
            title.getStyleClass().add("palette-category");
            groups.getChildren().add(title);
            for (LayerType t : in) groups.getChildren().add(entry(t));
        }
        if (hits.isEmpty()) {
            Label none = new Label(Messages.get("palette.none", search.getText()));
            none.getStyleClass().add("palette-empty");
            none.setWrapText(true);
            groups.getChildren().add(none);
        }
    }

    /** @return the category's title in the current language */
    public static String category(Category c) {
        String key = "category." + c.name();
        return Messages.has(key) ? Messages.get(key) : c.title();
    }

    private HBox entry(LayerType type) {
        FontIcon icon = new FontIcon(LayerIcons.of(type));
        icon.getStyleClass().add("palette-icon");
        Label name = new Label(type.id());
        name.getStyleClass().add("palette-name");
        HBox row = new HBox(icon, name);
        row.getStyleClass().add("palette-entry");
        row.setId("palette-" + type.id());
        row.setFocusTraversable(true);
        Tooltip tip = new Tooltip(type.id() + " — " + Catalogue.description(type) + "\n\n" + Catalogue.formula(type));
        tip.setWrapText(true);
        tip.setMaxWidth(420);
        tip.setShowDelay(Duration.millis(400));
        Tooltip.install(row, tip);
        row.setOnMouseClicked(e -> {
            if (e.getButton() == MouseButton.PRIMARY && e.getClickCount() == 2) onAdd.accept(type);
        });
        row.setOnKeyPressed(e -> {
            if (e.getCode() == KeyCode.ENTER) onAdd.accept(type);
        });
        row.addEventHandler(MouseEvent.MOUSE_PRESSED, e -> row.requestFocus());
        row.addEventHandler(MouseEvent.MOUSE_DRAGGED, e -> {
            if (!ghostLayer.getChildren().contains(ghost)) {
                ghost.setText(type.id());
                ghost.setGraphic(new FontIcon(LayerIcons.of(type)));
                ghostLayer.getChildren().add(ghost);
            }
            Point2D p = ghostLayer.sceneToLocal(e.getSceneX(), e.getSceneY());
            ghost.autosize();
            ghost.relocate(p.getX() + 8, p.getY() + 8);
        });
        row.addEventHandler(MouseEvent.MOUSE_RELEASED, e -> {
            if (ghostLayer.getChildren().remove(ghost)) onDrop.accept(type, new Point2D(e.getSceneX(), e.getSceneY()));
        });
        return row;
    }

    /** Focuses the search box (Ctrl+F). */
    public void focusSearch() {
        search.requestFocus();
        search.selectAll();
    }
}
