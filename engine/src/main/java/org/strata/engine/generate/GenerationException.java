package org.strata.engine.generate;

import org.strata.engine.text.Message;

/**
 * A generation that cannot be done as asked (a model that is not a language model, a setting out of range, an empty
 * prompt with nothing to start from); the message names the value and how to fix it.
 */
public final class GenerationException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;
    private final transient Message text;

    /** @param text the message, with its code and values so that a user interface can say it in another language */
    public GenerationException(Message text) {
        super(text.english());
        this.text = text;
    }

    /** @return the message, with its code and values */
    public Message text() {
        return text;
    }
}
