package org.strata.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.util.List;
import java.util.stream.Stream;
import javafx.application.Platform;
import javafx.scene.control.DialogPane;
import javafx.scene.input.KeyCode;
import org.junit.jupiter.api.Test;
import org.strata.app.window.AppSettings;
import org.strata.app.window.MainWindow;
import org.strata.engine.project.ProjectFile;
import org.testfx.util.WaitForAsyncUtils;

/** Unsaved changes survive a crash: autosaved, offered back at the next start, and gone once saved or refused. */
class RecoveryTest extends AppTest {
    @Test
    void unsaved_changes_are_offered_back_after_a_crash() throws Exception {
        fxRun(() -> window.open(sample("xor")));
        var doc = editor().document();
        clickOn("#node-hidden");
        push(KeyCode.DELETE);
        String edited = ProjectFile.toJson(doc.project());
        fxRun(window::autosaveNow);
        assertThat(files()).hasSize(2); // the project and its .origin

        // "Crash": a new window starts without the old one having closed.
        Platform.runLater(() -> {
            window.dispose(); // its timer only; the recovery file stays, as after a crash
            window = new MainWindow(window.stage(), AppSettings.load());
        });
        WaitForAsyncUtils.waitForFxEvents();
        DialogPane dialog = lookup("#recovery-dialog").queryAs(DialogPane.class);
        assertThat(dialog.getHeaderText()).contains("XOR");
        clickOn("Recover");
        var recovered = editor().document();
        assertThat(ProjectFile.toJson(recovered.project())).isEqualTo(edited);
        assertThat(recovered.isDirty()).isTrue();
        assertThat(recovered.file()).contains(sample("xor").toAbsolutePath().normalize());
        assertThat(window.stage().getTitle()).startsWith("*");
        assertThat(files()).isEmpty();
    }

    @Test
    void a_saved_project_leaves_no_recovery_file(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) {
        fxRun(() -> window.open(sample("xor")));
        clickOn("#node-hidden");
        push(KeyCode.DELETE);
        fxRun(window::autosaveNow);
        assertThat(files()).isNotEmpty();
        assertThat(fx(() -> window.saveTo(dir.resolve("xor.strata")))).isTrue();
        assertThat(files()).isEmpty();
    }

    private static List<java.nio.file.Path> files() {
        try (Stream<java.nio.file.Path> s = Files.list(RECOVERY)) {
            return s.toList();
        } catch (java.io.IOException e) {
            throw new AssertionError(e);
        }
    }
}
