package org.strata.app;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import javafx.application.Application;
import javafx.stage.Stage;
import org.strata.app.i18n.Messages;
import org.strata.app.window.AppIcons;
import org.strata.app.window.AppSettings;
import org.strata.app.window.MainWindow;
import org.strata.app.window.StartupSplash;
import org.strata.app.window.WindowBounds;
import org.strata.engine.runtime.ComputeDevice;
import org.strata.engine.runtime.NativeCache;
import org.strata.engine.runtime.NativeSetup;

/**
 * The JavaFX application: one main window in the user's language and theme. A project file given on the command line
 * is opened straight away; otherwise the start page shows.
 */
public final class StrataApp extends Application {
    private MainWindow window;

    @Override
    public void start(Stage stage) {
        Thread.setDefaultUncaughtExceptionHandler(this::uncaught);
        AppSettings settings = AppSettings.load();
        // The device the user chose in Train › Compute Device, unless the command line set one (-Dstrata.device).
        if (System.getProperty(ComputeDevice.PROPERTY) == null) {
            System.setProperty(ComputeDevice.PROPERTY, settings.device().key());
        }
        // Choose ND4J's device and native build and start loading it in the background: the first Train is quick.
        CompletableFuture<Void> engine = NativeSetup.warmUp();
        Messages.setLocale(settings.language());
        // An installed Strata's first start unpacks the native libraries (seconds): a splash says so meanwhile.
        NativeCache natives = NativeCache.forChosenBuild();
        if (!engine.isDone() && !natives.complete()) {
            StartupSplash.show(natives, engine, () -> showWindow(stage, settings, engine));
        } else {
            showWindow(stage, settings, engine);
        }
    }

    private void showWindow(Stage stage, AppSettings settings, CompletableFuture<Void> engine) {
        window = new MainWindow(stage, settings);
        stage.getIcons().setAll(AppIcons.all());
        stage.setMinWidth(WindowBounds.MIN_WIDTH);
        stage.setMinHeight(WindowBounds.MIN_HEIGHT);
        stage.show();
        List<String> args = getParameters().getRaw();
        // Said at once rather than at the first Train: editing works without the engine, training does not.
        engine.whenComplete((ok, error) -> {
            if (error != null && !SmokeTest.asked(args)) {
                javafx.application.Platform.runLater(() -> engineFailed(error));
            }
        });
        if (SmokeTest.asked(args)) {
            SmokeTest.start(window, args);
            return;
        }
        getParameters().getUnnamed().stream().filter(a -> a.endsWith(".strata")).findFirst().map(Path::of)
                .ifPresent(window::open);
    }

    /**
     * Out of memory or stack on any thread the window's own work did not catch ends in a dialog saying so: the
     * window and the open project stay, where the thread would otherwise die without a word.
     */
    private void uncaught(Thread thread, Throwable e) {
        if (!(e instanceof OutOfMemoryError || e instanceof StackOverflowError)) {
            System.err.print("Exception in thread \"" + thread.getName() + "\" ");
            e.printStackTrace(); // as Java's own handler does: for a bug report
            return;
        }
        javafx.application.Platform.runLater(() -> {
            var alert = new javafx.scene.control.Alert(javafx.scene.control.Alert.AlertType.ERROR,
                    org.strata.app.i18n.Catalogue.explain(e));
            alert.setHeaderText(null);
            if (window != null) alert.initOwner(window.stage());
            alert.show();
        });
    }

    private void engineFailed(Throwable error) {
        Throwable cause = error instanceof java.util.concurrent.CompletionException && error.getCause() != null
                ? error.getCause() : error;
        String why = cause.getMessage() == null ? cause.toString() : cause.getMessage();
        var alert = new javafx.scene.control.Alert(javafx.scene.control.Alert.AlertType.ERROR,
                Messages.get("engine.loadFailed", why, NativeCache.folder()));
        alert.setHeaderText(null);
        alert.initOwner(window.stage());
        alert.show();
    }

    /** @return the window (for tests driving the app) */
    public MainWindow window() {
        return window;
    }
}
