package org.strata.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;
import javafx.scene.control.ProgressBar;
import javafx.stage.Window;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.strata.app.window.StartupSplash;
import org.strata.engine.runtime.NativeCache;
import org.strata.engine.runtime.NativeSetup;

/** The first start of an installed Strata: a splash with the unpacking progress, then the window. */
class StartupSplashTest extends AppTest {
    @Test
    void the_splash_shows_the_unpacking_progress_and_closes_when_the_engine_has_loaded(@TempDir Path cache)
            throws Exception {
        NativeSetup.configure();
        String before = System.getProperty(NativeCache.CACHE_DIR_PROPERTY);
        System.setProperty(NativeCache.CACHE_DIR_PROPERTY, cache.toString()); // nothing unpacked there yet
        try {
            NativeCache natives = NativeCache.forChosenBuild();
            CompletableFuture<Void> engine = new CompletableFuture<>();
            AtomicBoolean then = new AtomicBoolean();
            fxRun(() -> StartupSplash.show(natives, engine, () -> then.set(true)));
            waitFor(10, () -> lookup("#splash-progress").tryQuery().isPresent());
            assertThat(fx(() -> lookup("#splash-progress").queryAs(ProgressBar.class).getProgress())).isZero();
            assertThat(fx(() -> lookup(".label").queryAll().stream().map(n -> ((javafx.scene.control.Label) n)
                    .getText()).filter(t -> t != null && t.contains("unpacking the engine")).count())).isEqualTo(1);
            engine.complete(null);
            waitFor(10, then::get);
            assertThat(fx(() -> Window.getWindows().stream().anyMatch(w -> w.getScene() != null
                    && w.getScene().lookup("#splash-progress") != null))).isFalse();
            assertThat(StartupSplash.shownSeconds()).isGreaterThanOrEqualTo(0);
        } finally {
            if (before == null) System.clearProperty(NativeCache.CACHE_DIR_PROPERTY);
            else System.setProperty(NativeCache.CACHE_DIR_PROPERTY, before);
        }
    }

    @Test
    void the_launcher_opens_the_window_for_nothing_a_project_or_the_smoke_test_and_else_the_command_line() {
        assertThat(Launcher.opensWindow(new String[0])).isTrue();
        assertThat(Launcher.opensWindow(new String[]{"my.strata"})).isTrue();
        assertThat(Launcher.opensWindow(new String[]{"--smoke-test"})).isTrue();
        assertThat(Launcher.opensWindow(new String[]{"train", "my.strata"})).isFalse();
        assertThat(Launcher.opensWindow(new String[]{"--help"})).isFalse();
    }
}
