package org.strata.app;

import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.FutureTask;
import javafx.application.Platform;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.strata.app.i18n.Messages;
import org.strata.app.window.AppSettings;
import org.strata.app.window.EditorPane;
import org.strata.app.window.MainWindow;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Base of the tests that drive the real main window (headless under Monocle in CI): a fresh window per test, with
 * test settings (never the user's) and the repository's sample projects.
 */
public abstract class AppTest extends FxRobot {
    /** The repository's sample projects, seen from the app module's folder where Maven runs the tests. */
    public static final Path SAMPLES = Path.of("..", "sample-projects").toAbsolutePath().normalize();

    /** A recovery folder of the test run's own, never the user's. */
    public static final Path RECOVERY;

    static {
        Main.quietStartupWarning();
        System.setProperty("strata.settings", "test");
        System.setProperty("strata.samples", SAMPLES.toString());
        try {
            RECOVERY = java.nio.file.Files.createTempDirectory("strata-recovery");
        } catch (java.io.IOException e) {
            throw new ExceptionInInitializerError(e);
        }
        System.setProperty("strata.recovery", RECOVERY.toString());
    }

    protected MainWindow window;

    @BeforeEach
    void openWindow() throws Exception {
        FxToolkit.registerPrimaryStage();
        // a stage of each test's own: a window listens to its stage, so one stage shared by every test would keep
        // every earlier window (and its views, data and networks) alive until the heap ran out
        Stage stage = FxToolkit.registerStage(Stage::new);
        fxRun(() -> start(stage));
    }

    @AfterEach
    void closeWindow() throws Exception {
        fxRun(() -> {
            window.dispose(); // an old window's autosave must not leave recovery files for the next test
            window.stage().hide();
        });
        try (var files = java.nio.file.Files.list(RECOVERY)) {
            for (Path f : files.toList()) java.nio.file.Files.deleteIfExists(f);
        }
    }

    private void start(Stage stage) {
        AppSettings settings = AppSettings.load();
        settings.setDark(false);
        settings.setFontSize(13);
        settings.setSnapToGrid(false);
        settings.setShowPalette(true);
        settings.setShowInspector(true);
        settings.setLanguage(Locale.ENGLISH);
        settings.setDevice(org.strata.engine.runtime.ComputeDevice.Choice.AUTO);
        settings.setThreads(0);
        Messages.setLocale(Locale.ENGLISH);
        window = new MainWindow(stage, settings);
        stage.setWidth(1400);
        stage.setHeight(900);
        stage.show();
    }

    /** @return the menu bar's item with {@code id}, submenus included */
    protected javafx.scene.control.MenuItem menuItem(String id) {
        javafx.scene.control.MenuBar bar = lookup("#menu-bar").queryAs(javafx.scene.control.MenuBar.class);
        java.util.Deque<javafx.scene.control.MenuItem> todo = new java.util.ArrayDeque<>(bar.getMenus());
        while (!todo.isEmpty()) {
            javafx.scene.control.MenuItem it = todo.pop();
            if (id.equals(it.getId())) return it;
            if (it instanceof javafx.scene.control.Menu m) todo.addAll(m.getItems());
        }
        throw new AssertionError("no menu item " + id);
    }

    /** @return the open document's training run */
    protected org.strata.app.training.TrainingRun run() {
        return window.run().orElseThrow();
    }

    /** Waits until {@code condition}, checked on the JavaFX thread, holds. */
    protected static void waitFor(int seconds, Callable<Boolean> condition) throws Exception {
        WaitForAsyncUtils.waitFor(seconds, java.util.concurrent.TimeUnit.SECONDS, () -> fx(condition));
    }

    /**
     * Waits for the evaluation made after a run has ended (the test data's; while training, the confusion matrix
     * follows the validation data epoch by epoch).
     */
    protected void waitForFinalEvaluation(int seconds) throws Exception {
        waitFor(seconds, () -> !run().isActive() && run().evaluationEpoch() == 0
                && run().evaluationProperty().get() != null);
    }

    protected EditorPane editor() {
        return window.editor().orElseThrow(() -> new AssertionError("no project is open"));
    }

    /** Runs on the JavaFX thread and waits for the result. */
    protected static <T> T fx(Callable<T> task) {
        FutureTask<T> f = new FutureTask<>(task);
        Platform.runLater(f);
        try {
            return f.get();
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    /** Runs on the JavaFX thread, waits, then lets pending layout and events settle. */
    protected static void fxRun(Runnable r) {
        fx(() -> {
            r.run();
            return null;
        });
        WaitForAsyncUtils.waitForFxEvents();
    }

    protected static Path sample(String name) {
        return SAMPLES.resolve(name).resolve(name + ".strata");
    }

    /** Scrolls every scroll pane around the node that {@code query} finds until the node is in view, as a user would. */
    protected void scrollIntoView(String query) {
        fxRun(() -> {
            javafx.scene.Node n = lookup(query).query();
            for (javafx.scene.Node p = n.getParent(); p != null; p = p.getParent()) {
                if (!(p instanceof javafx.scene.control.ScrollPane sp)) continue;
                javafx.scene.Node content = sp.getContent();
                javafx.geometry.Bounds b = content.sceneToLocal(n.localToScene(n.getBoundsInLocal()));
                javafx.geometry.Bounds c = content.getLayoutBounds();
                javafx.geometry.Bounds v = sp.getViewportBounds();
                double dx = c.getWidth() - v.getWidth();
                double dy = c.getHeight() - v.getHeight();
                if (dx > 0) sp.setHvalue(Math.max(0, Math.min(1, (b.getCenterX() - v.getWidth() / 2) / dx)));
                if (dy > 0) sp.setVvalue(Math.max(0, Math.min(1, (b.getCenterY() - v.getHeight() / 2) / dy)));
                sp.layout();
            }
        });
    }
}
