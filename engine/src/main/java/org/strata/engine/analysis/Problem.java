package org.strata.engine.analysis;

/**
 * Something wrong with a graph, attached to the node it concerns.
 *
 * @param severity ERROR stops training; WARNING does not
 * @param nodeId   the node to mark, or null for the graph as a whole
 * @param message  what is wrong and how to fix it, in one or two sentences
 */
public record Problem(Severity severity, String nodeId, String message) {

    /** How bad a problem is. */
    public enum Severity { ERROR, WARNING }

    static Problem error(String nodeId, String message) {
        return new Problem(Severity.ERROR, nodeId, message);
    }

    static Problem warning(String nodeId, String message) {
        return new Problem(Severity.WARNING, nodeId, message);
    }

    @Override
    public String toString() {
        return (severity == Severity.ERROR ? "error" : "warning") + (nodeId == null ? "" : " [" + nodeId + "]")
                + ": " + message;
    }
}
