package org.strata.app;

import java.nio.file.Path;
import javafx.application.Application;
import javafx.stage.Stage;
import org.strata.app.i18n.Messages;
import org.strata.app.window.AppSettings;
import org.strata.app.window.MainWindow;

/**
 * The JavaFX application: one main window in the user's language and theme. A project file given on the command line
 * is opened straight away; otherwise the start page shows.
 */
public final class StrataApp extends Application {
    private MainWindow window;

    @Override
    public void start(Stage stage) {
        // Choose ND4J's native build and start loading it in the background: the first Train is then quick.
        org.strata.engine.runtime.NativeSetup.configureAndWarmUp();
        AppSettings settings = AppSettings.load();
        Messages.setLocale(settings.language());
        window = new MainWindow(stage, settings);
        stage.setMinWidth(900);
        stage.setMinHeight(600);
        stage.show();
        getParameters().getUnnamed().stream().findFirst().map(Path::of).ifPresent(window::open);
    }

    /** @return the window (for tests driving the app) */
    public MainWindow window() {
        return window;
    }
}
