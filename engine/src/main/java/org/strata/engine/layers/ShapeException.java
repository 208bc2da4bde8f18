package org.strata.engine.layers;

import java.util.List;

/**
 * A layer cannot accept its inputs; the message says what is wrong and how to fix it. The code and arguments name
 * the same thing for translation (see {@link org.strata.engine.analysis.Problem}).
 */
public final class ShapeException extends Exception {
    private static final long serialVersionUID = 1L;
    private final String code;
    private final transient List<Object> args;

    public ShapeException(String code, String message, Object... args) {
        super(message);
        this.code = code;
        this.args = List.of(args);
    }

    /** @return the kind of mismatch, e.g. {@code shape.kind.Dense} */
    public String code() {
        return code;
    }

    /** @return the values the message names */
    public List<Object> args() {
        return args;
    }
}
