package org.strata.bench;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import javafx.application.Platform;

/** What the window benchmarks share: running on the JavaFX thread and reading their command-line options. */
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
