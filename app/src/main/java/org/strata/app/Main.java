package org.strata.app;

import javafx.application.Application;

/**
 * Starts the desktop app. A separate class from {@link StrataApp} because a main class that extends
 * {@code Application} refuses to start when JavaFX is on the class path rather than the module path.
 */
public final class Main {
    private Main() {
    }

    public static void main(String[] args) {
        Application.launch(StrataApp.class, args);
    }
}
