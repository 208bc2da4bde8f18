package org.strata.app;

import static org.assertj.core.api.Assertions.assertThat;

import javafx.scene.control.Label;
import javafx.scene.control.MenuItem;
import org.controlsfx.control.StatusBar;
import org.junit.jupiter.api.Test;
import org.strata.app.window.AppSettings;
import org.strata.engine.runtime.ComputeDevice;

/** Train › Compute Device and the status bar's device item, in a build without CUDA (CI's). */
class DeviceTest extends AppTest {
    @Test
    void the_status_bar_says_training_runs_on_the_cpu_and_which_build() throws Exception {
        waitFor(60, () -> !lookup("#status-device").queryAs(Label.class).getText().isEmpty());
        String text = fx(() -> lookup("#status-device").queryAs(Label.class).getText());
        assertThat(text).startsWith("Device: CPU (");
        fxRun(() -> window.open(sample("xor")));
        assertThat(fx(() -> lookup("#status-engine").queryAs(Label.class).getText())).isEqualTo("Engine: Strata");
        assertThat(fx(() -> lookup("#status-device").queryAs(Label.class).getText())).isEqualTo(text);
    }

    @Test
    void choosing_a_device_keeps_it_for_the_next_start_and_a_missing_cuda_cannot_be_chosen() {
        clickOn("Train");
        clickOn("Compute Device");
        MenuItem gpu = menuItem("menu-train-device-cuda");
        assertThat(gpu.isDisable()).isTrue();
        assertThat(gpu.getText()).isEqualTo("NVIDIA GPU (CUDA): not in this build");
        assertThat(((javafx.scene.control.RadioMenuItem) menuItem("menu-train-device-auto")).isSelected()).isTrue();
        moveTo("Automatic (a GPU when one is usable)"); // along the row: a diagonal would cross CPU Threads
        clickOn("CPU");
        assertThat(AppSettings.load().device()).isEqualTo(ComputeDevice.Choice.CPU);
        assertThat(fx(() -> lookup("#status-bar").queryAs(StatusBar.class).getText()))
                .isEqualTo("Strata will compute on \"CPU\" from its next start");
    }
}
