package org.strata.engine.runs;

import java.io.IOException;
import org.strata.engine.text.Message;

/** Weights could not be imported; the message names the file and how to fix it, with a code for other languages. */
public final class ImportException extends IOException {
    private static final long serialVersionUID = 1L;
    private final transient Message text;

    /** @param text the message, with its code and values */
    public ImportException(Message text) {
        super(text.english());
        this.text = text;
    }

    /** @return the message, with its code and values */
    public Message text() {
        return text;
    }
}
