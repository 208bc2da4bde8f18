package org.strata.app;

import org.strata.engine.train.TrainingState;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import javafx.scene.control.RadioMenuItem;
import org.controlsfx.control.StatusBar;
import org.junit.jupiter.api.Test;
import org.strata.app.training.TrainingRun;
import org.strata.app.window.AppSettings;
import org.strata.engine.runtime.Threads;

/** Train › CPU Threads: measured by default, or a count the user fixes for the next runs. */
class ThreadsTest extends AppTest {
    @Test
    void the_menu_offers_automatic_and_every_count_up_to_the_cores() {
        assertThat(((RadioMenuItem) menuItem("menu-train-threads-auto")).isSelected()).isTrue();
        assertThat(menuItem("menu-train-threads-1").getText()).isEqualTo("1 thread");
        int cores = Threads.available();
        if (cores > 1) assertThat(menuItem("menu-train-threads-" + cores).getText()).isEqualTo(cores + " threads");
    }

    @Test
    void a_count_chosen_is_kept_and_the_next_run_trains_with_it() throws Exception {
        fxRun(() -> window.open(sample("xor")));
        clickOn("Train");
        clickOn("CPU Threads");
        clickOn("1 thread");
        assertThat(AppSettings.load().threads()).isEqualTo(1);
        assertThat(fx(() -> lookup("#status-bar").queryAs(StatusBar.class).getText()))
                .isEqualTo("Training on the CPU uses \"1 thread\" from the next run");
        List<String> messages = new CopyOnWriteArrayList<>();
        fxRun(() -> run().messageProperty().addListener((o, a, b) -> messages.add(b)));
        clickOn("#tool-train-start");
        waitFor(120, () -> run().phase() == TrainingState.FINISHED);
        assertThat(messages).anyMatch(m -> m.startsWith("Training XOR with") && m.endsWith(", 1 thread"));
    }
}
