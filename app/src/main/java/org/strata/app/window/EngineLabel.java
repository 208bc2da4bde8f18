package org.strata.app.window;

import org.strata.app.document.EditorDocument;
import org.strata.app.i18n.Messages;
import org.strata.engine.train.Backends;

/** The status bar's engine item: which engine a valid graph will train on (and why, if not the fast one). */
final class EngineLabel {
    private EngineLabel() {
    }

    /**
     * Shows the engine a valid graph will train on in {@code label}: its name, short enough for the status bar
     * at every text size, and why it is not the fast engine in the tooltip (a long reason truncated every field).
     */
    static void show(javafx.scene.control.Label label, EditorDocument d) {
        label.setText("");
        label.setTooltip(null);
        if (!d.analysis().isValid() || d.graph().nodes().isEmpty()) return;
        try {
            Backends.Choice c = Backends.choose(d.graph(), d.analysis(), d.project().training(),
                    Backends.Preference.AUTO);
            label.setText(Messages.get("status.engine", c.engine().title()));
            String why = c.reason().isEmpty() ? Messages.get("status.engine.fast")
                    : Messages.get("status.engine.dl4j", org.strata.app.i18n.Catalogue.message(c.reason().get()));
            label.setTooltip(new javafx.scene.control.Tooltip(why));
        } catch (RuntimeException e) {
            // an engine that cannot be chosen says so when training starts
        }
    }
}
