package org.strata.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import javafx.scene.control.Alert;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.DialogPane;
import javafx.scene.text.Text;
import org.junit.jupiter.api.Test;
import org.strata.app.i18n.DialogButtons;
import org.testfx.util.WaitForAsyncUtils;

/**
 * A dialog shown at the projector's text size keeps its buttons' words: its button bar had fixed their widths with
 * the text size the dialog was built with, and cut "Resume" to "Res…".
 */
class DialogsAtProjectorSizeTest extends AppTest {
    @Test
    void a_dialog_at_the_projector_size_shows_its_buttons_words_whole() throws Exception {
        fxRun(() -> window.setFontSize(20));
        fxRun(() -> {
            Alert a = new Alert(Alert.AlertType.CONFIRMATION, "A run was interrupted.",
                    new ButtonType("Resume", ButtonBar.ButtonData.YES),
                    new ButtonType("Discard", ButtonBar.ButtonData.NO), DialogButtons.cancel());
            a.initOwner(window.stage());
            a.getDialogPane().setId("projector-dialog");
            a.show();
        });
        WaitForAsyncUtils.waitForFxEvents();
        List<String> shown = fx(() -> {
            DialogPane pane = lookup("#projector-dialog").queryAs(DialogPane.class);
            List<String> words = new ArrayList<>();
            for (ButtonType t : pane.getButtonTypes()) {
                Button b = (Button) pane.lookupButton(t);
                words.add(((Text) b.lookup(".text")).getText());
            }
            ((javafx.stage.Stage) pane.getScene().getWindow()).close();
            return words;
        });
        assertThat(shown).containsExactly("Resume", "Discard", "Cancel");
        fxRun(() -> window.setFontSize(13));
    }
}
