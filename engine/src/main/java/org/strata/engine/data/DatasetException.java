package org.strata.engine.data;

import java.io.IOException;

/** Data could not be loaded; the message names the file (and line, column or value) and how to fix it. */
public final class DatasetException extends IOException {
    private static final long serialVersionUID = 1L;

    public DatasetException(String message) {
        super(message);
    }

    public DatasetException(String message, Throwable cause) {
        super(message, cause);
    }
}
