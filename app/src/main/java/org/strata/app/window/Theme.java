package org.strata.app.window;

import atlantafx.base.theme.PrimerDark;
import atlantafx.base.theme.PrimerLight;
import javafx.application.Application;
import javafx.scene.Scene;

/**
 * Light or dark look: AtlantaFX's Primer theme as the base, then Strata's own sheets from {@code ui-resources}
 * (canvas, nodes, palette), and the text size chosen in the View menu applied to the whole window.
 */
final class Theme {
    private static final String BASE = "/org/strata/ui/strata.css";
    private static final String DARK = "/org/strata/ui/strata-dark.css";
    /** Styles each dialog as it opens; removed when the window is disposed ({@link #stopFollowingDialogs}). */
    private javafx.collections.ListChangeListener<javafx.stage.Window> dialogs;
    private final AppSettings settings;

    Theme(AppSettings settings) {
        this.settings = settings;
    }

    void apply(Scene scene) {
        boolean dark = settings.dark();
        Application.setUserAgentStylesheet(dark ? new PrimerDark().getUserAgentStylesheet()
                : new PrimerLight().getUserAgentStylesheet());
        style(scene);
    }

    /**
     * Gives every dialog the window opens (alerts, file questions, the training failure) the window's look and
     * text size as it is shown: at the projector's size they kept the default 13 px.
     */
    void followDialogs(javafx.stage.Window main) {
        stopFollowingDialogs();
        dialogs = c -> {
            while (c.next()) {
                for (javafx.stage.Window w : c.getAddedSubList()) {
                    if (w != main && w instanceof javafx.stage.Stage && w.getScene() != null) {
                        style(w.getScene());
                        // sized with the new text size, not the one the dialog was laid out with: at the
                        // projector's size its buttons were cut to "Res…"
                        w.getScene().getRoot().applyCss();
                        resizeButtons(w.getScene().getRoot());
                        w.sizeToScene();
                    }
                }
            }
        };
        javafx.stage.Window.getWindows().addListener(dialogs);
    }

    /**
     * Stops styling the dialogs: the list of windows is JavaFX's own, kept for the whole process, so a listener left
     * on it would keep a closed main window (and every view in it) alive.
     */
    void stopFollowingDialogs() {
        if (dialogs != null) javafx.stage.Window.getWindows().removeListener(dialogs);
        dialogs = null;
    }

    /**
     * A dialog's button bar fixes its buttons' widths (all as wide as the widest) when they are added, with the text
     * size of that moment: at the projector's size "Resume" was cut to "Res…". Once the text size is applied, the
     * buttons are measured again and given the widest width.
     */
    private static void resizeButtons(javafx.scene.Parent root) {
        if (!(root.lookup(".button-bar") instanceof javafx.scene.control.ButtonBar bar)) return;
        double widest = 0;
        for (var b : bar.getButtons()) {
            if (b instanceof javafx.scene.layout.Region r) {
                r.setMinWidth(javafx.scene.layout.Region.USE_COMPUTED_SIZE);
                r.setPrefWidth(javafx.scene.layout.Region.USE_COMPUTED_SIZE);
                r.applyCss();
                widest = Math.max(widest, r.prefWidth(-1));
            }
        }
        for (var b : bar.getButtons()) {
            if (b instanceof javafx.scene.layout.Region r) {
                r.setMinWidth(widest);
                r.setPrefWidth(widest);
            }
        }
    }

    private void style(Scene scene) {
        boolean dark = settings.dark();
        scene.getStylesheets().setAll(Theme.class.getResource(BASE).toExternalForm());
        if (dark) scene.getStylesheets().add(Theme.class.getResource(DARK).toExternalForm());
        scene.getRoot().setStyle("-fx-font-size: " + settings.fontSize() + "px;");
        scene.getRoot().getStyleClass().removeAll("theme-dark", "theme-light", "text-large", "text-projector");
        scene.getRoot().getStyleClass().add(dark ? "theme-dark" : "theme-light");
        int size = settings.fontSize();
        if (size >= 20) scene.getRoot().getStyleClass().add("text-projector");
        else if (size >= 16) scene.getRoot().getStyleClass().add("text-large");
    }
}
