package org.strata.engine.graph;

/**
 * One port of one node, written {@code nodeId:port} in the project file.
 *
 * @param node the node's stable id
 * @param port the port's name on that node ("out", "in", "in1"…)
 */
public record PortRef(String node, String port) {

    /** Parses {@code nodeId:port}. */
    public static PortRef parse(String text) {
        int colon = text.lastIndexOf(':');
        if (colon <= 0 || colon == text.length() - 1) {
            throw new IllegalArgumentException("'" + text + "' is not of the form nodeId:port");
        }
        return new PortRef(text.substring(0, colon), text.substring(colon + 1));
    }

    @Override
    public String toString() {
        return node + ":" + port;
    }
}
