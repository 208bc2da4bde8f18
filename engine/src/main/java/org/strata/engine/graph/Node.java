package org.strata.engine.graph;

import java.util.Objects;
import org.strata.engine.layers.LayerType;
import org.strata.engine.params.Params;

/**
 * One layer instance on the canvas: a stable id, a layer type, a display name, its parameter values and
 * its position in the editor.
 */
public final class Node {
    private final String id;
    private final LayerType type;
    private String name;
    private Params params;
    private double x;
    private double y;
    private boolean frozen;

    /**
     * @param id     stable id, unique in its graph
     * @param type   the layer type
     * @param name   display name (may equal the id)
     * @param params values for {@code type.params()}
     * @param x      editor position
     * @param y      editor position
     */
    public Node(String id, LayerType type, String name, Params params, double x, double y) {
        this.id = Objects.requireNonNull(id);
        this.type = Objects.requireNonNull(type);
        this.name = Objects.requireNonNull(name);
        this.params = Objects.requireNonNull(params);
        if (params.table() != type.params()) throw new IllegalArgumentException("params are not for " + type.id());
        this.x = x;
        this.y = y;
    }

    /** A node of {@code type} with default parameters at (0, 0). */
    public static Node of(String id, LayerType type) {
        return new Node(id, type, id, type.params().defaults(), 0, 0);
    }

    public String id() {
        return id;
    }

    public LayerType type() {
        return type;
    }

    public String name() {
        return name;
    }

    public void setName(String name) {
        this.name = Objects.requireNonNull(name);
    }

    /** @return the live parameter values (edits through {@link Params#set} are checked) */
    public Params params() {
        return params;
    }

    public void setParams(Params params) {
        if (params.table() != type.params()) throw new IllegalArgumentException("params are not for " + type.id());
        this.params = params;
    }

    /** @return whether training leaves this layer's parameters as they are (fine-tuning the layers after it) */
    public boolean frozen() {
        return frozen;
    }

    public void setFrozen(boolean frozen) {
        this.frozen = frozen;
    }

    public double x() {
        return x;
    }

    public double y() {
        return y;
    }

    public void moveTo(double x, double y) {
        this.x = x;
        this.y = y;
    }

    /** @return a deep copy with another id (frozen if this is) */
    public Node copyAs(String newId) {
        Node copy = new Node(newId, type, name, params.copy(), x, y);
        copy.frozen = frozen;
        return copy;
    }

    @Override
    public String toString() {
        return id + " (" + type.id() + ")";
    }
}
