package org.strata.app.i18n;

import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;

/**
 * OK and Cancel in the window's language. JavaFX's own {@link ButtonType#OK} takes its text from the system's
 * language once, when the class loads: a Chinese window on an English system said "OK", and the reverse.
 */
public final class DialogButtons {
    private DialogButtons() {
    }

    /** @return an OK button in the window's language */
    public static ButtonType ok() {
        return new ButtonType(Messages.get("button.ok"), ButtonBar.ButtonData.OK_DONE);
    }

    /** @return a Cancel button in the window's language */
    public static ButtonType cancel() {
        return new ButtonType(Messages.get("button.cancel"), ButtonBar.ButtonData.CANCEL_CLOSE);
    }
}
