package org.strata.engine.layers;

/** A layer cannot accept its inputs; the message says what is wrong and how to fix it. */
public final class ShapeException extends Exception {
    private static final long serialVersionUID = 1L;

    public ShapeException(String message) {
        super(message);
    }
}
