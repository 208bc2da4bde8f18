package org.strata.app;

import java.util.logging.Level;
import java.util.logging.Logger;
import javafx.application.Application;

/**
 * Starts the desktop app. A separate class from {@link StrataApp} because a main class that extends
 * {@code Application} refuses to start when JavaFX is on the class path rather than the module path.
 */
public final class Main {
    /**
     * JavaFX's own logger, kept (loggers are held weakly): at start it warns "Unsupported JavaFX configuration"
     * because Strata puts JavaFX on the class path, which works and is how the launcher and the .deb run it; a
     * newcomer reads that line as breakage. Only that logger is quietened: its children (style sheets, layout)
     * still warn.
     */
    private static final Logger JAVAFX = Logger.getLogger("javafx");
    private static final Logger JAVAFX_CSS = Logger.getLogger("javafx.css");
    private static final Logger JAVAFX_SCENE = Logger.getLogger("javafx.scene");

    private Main() {
    }

    public static void main(String[] args) {
        quietStartupWarning();
        Application.launch(StrataApp.class, args);
    }

    /** Keeps JavaFX's class-path warning off the terminal (see {@link #JAVAFX}). */
    static void quietStartupWarning() {
        JAVAFX_CSS.setLevel(Level.WARNING);
        JAVAFX_SCENE.setLevel(Level.WARNING);
        JAVAFX.setLevel(Level.SEVERE);
    }
}
