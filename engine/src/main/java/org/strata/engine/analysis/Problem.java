package org.strata.engine.analysis;

import java.util.List;

/**
 * Something wrong with a graph, attached to the node it concerns.
 *
 * @param severity ERROR stops training; WARNING does not
 * @param nodeId   the node to mark, or null for the graph as a whole
 * @param message  what is wrong and how to fix it, in one or two sentences (English)
 * @param code     a stable name of the kind of problem ({@code port.unconnected}, {@code shape.kind.Dense}…) with
 *                 {@code args} the values in the message, so a user interface can say it in another language
 * @param args     the values the message names (node names, shapes, sizes), in a fixed order per code
 * @param fix      a one-click repair, or null when the fix needs the user's judgement
 */
public record Problem(Severity severity, String nodeId, String message, String code, List<Object> args, Fix fix) {

    /** How bad a problem is. */
    public enum Severity { ERROR, WARNING }

    public Problem {
        args = List.copyOf(args);
    }

    /** A problem without a one-click fix. */
    public Problem(Severity severity, String nodeId, String message, String code, List<Object> args) {
        this(severity, nodeId, message, code, args, null);
    }

    /** @return this problem offering {@code fix} */
    public Problem withFix(Fix fix) {
        return new Problem(severity, nodeId, message, code, args, fix);
    }

    static Problem error(String nodeId, String code, String message, Object... args) {
        return new Problem(Severity.ERROR, nodeId, message, code, List.of(args));
    }

    static Problem warning(String nodeId, String code, String message, Object... args) {
        return new Problem(Severity.WARNING, nodeId, message, code, List.of(args));
    }

    @Override
    public String toString() {
        return (severity == Severity.ERROR ? "error" : "warning") + (nodeId == null ? "" : " [" + nodeId + "]")
                + ": " + message;
    }
}
