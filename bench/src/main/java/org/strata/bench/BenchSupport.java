package org.strata.bench;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import javafx.application.Platform;

/**
 * What the window benchmarks share: starting JavaFX headless with the main window, running on the JavaFX thread, and
 * reading their command-line options.
 */
final class BenchSupport {
    private BenchSupport() {
    }

    /** Runs {@code r} on the JavaFX thread and waits for it (two minutes at most). */
    static void onFx(Runnable r) throws Exception {
        CompletableFuture<Void> f = new CompletableFuture<>();
        Platform.runLater(() -> {
            try {
                r.run();
                f.complete(null);
            } catch (Throwable t) {
                f.completeExceptionally(t);
            }
        });
        f.get(120, TimeUnit.SECONDS);
    }

    /** JavaFX without a screen (Monocle, software rendering), test settings and a recovery folder of its own. */
    static void headless() throws java.io.IOException {
        System.setProperty("glass.platform", "Monocle");
        System.setProperty("monocle.platform", "Headless");
        System.setProperty("prism.order", "sw");
        System.setProperty("headless.geometry", "1600x1000-32");
        testSettings();
    }

    /** The app's settings and crash-recovery folder kept apart from the user's. */
    static void testSettings() throws java.io.IOException {
        System.setProperty("strata.settings", "test");
        System.setProperty("strata.recovery",
                java.nio.file.Files.createTempDirectory("strata-bench-recovery").toString());
    }

    /** Starts JavaFX and shows the main window, 1400 × 900, in English. */
    static org.strata.app.window.MainWindow openWindow() throws Exception {
        CompletableFuture<Void> started = new CompletableFuture<>();
        Platform.startup(() -> started.complete(null));
        started.get(30, TimeUnit.SECONDS);
        org.strata.app.window.MainWindow[] window = new org.strata.app.window.MainWindow[1];
        onFx(() -> {
            org.strata.app.i18n.Messages.setLocale(java.util.Locale.ENGLISH);
            javafx.stage.Stage stage = new javafx.stage.Stage();
            window[0] = new org.strata.app.window.MainWindow(stage, org.strata.app.window.AppSettings.load());
            stage.setWidth(1400);
            stage.setHeight(900);
            stage.show();
        });
        return window[0];
    }

    /** @return the value after {@code name} in {@code args}, or {@code def} */
    static String stringArg(String[] args, String name, String def) {
        for (int i = 0; i + 1 < args.length; i++) if (args[i].equals(name)) return args[i + 1];
        return def;
    }

    static int intArg(String[] args, String name, int def) {
        String v = stringArg(args, name, null);
        return v == null ? def : Integer.parseInt(v);
    }
}
