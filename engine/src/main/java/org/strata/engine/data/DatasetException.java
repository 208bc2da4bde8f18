package org.strata.engine.data;

import java.io.IOException;
import org.strata.engine.text.Message;

/** Data could not be loaded; the message names the file (and line, column or value) and how to fix it. */
public final class DatasetException extends IOException {
    private static final long serialVersionUID = 1L;
    private final transient Message text;

    public DatasetException(String message) {
        this(Message.plain(message), null);
    }

    public DatasetException(String message, Throwable cause) {
        this(Message.plain(message), cause);
    }

    /** @param text the message, with a code where a user interface can say it in another language */
    public DatasetException(Message text) {
        this(text, null);
    }

    /** @param text the message, with a code where a user interface can say it in another language */
    public DatasetException(Message text, Throwable cause) {
        super(text.english(), cause);
        this.text = text;
    }

    /** @return the message, with its code and values where it has them */
    public Message text() {
        return text == null ? Message.plain(getMessage()) : text;
    }
}
