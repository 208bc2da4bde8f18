package org.strata.engine.graph;

/**
 * A connection from one node's output port to another node's input port.
 *
 * @param from the output port
 * @param to   the input port
 */
public record Edge(PortRef from, PortRef to) {
    @Override
    public String toString() {
        return from + " → " + to;
    }
}
