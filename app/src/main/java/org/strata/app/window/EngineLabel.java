package org.strata.app.window;

import org.strata.app.document.EditorDocument;
import org.strata.app.i18n.Messages;
import org.strata.engine.train.Backends;

/** The status bar's engine item: which engine a valid graph will train on (and why, if not the fast one). */
final class EngineLabel {
    private EngineLabel() {
    }

    static String describe(EditorDocument d) {
        if (!d.analysis().isValid() || d.graph().nodes().isEmpty()) return "";
        try {
            Backends.Choice c = Backends.choose(d.graph(), d.analysis(), d.project().training(),
                    Backends.Preference.AUTO);
            return c.reason().isEmpty() ? Messages.get("status.engine.fast")
                    : Messages.get("status.engine.dl4j", org.strata.app.i18n.Catalogue.message(c.reason().get()));
        } catch (RuntimeException e) {
            return "";
        }
    }
}
