package org.strata.app.document;

import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import javafx.beans.property.ReadOnlyLongProperty;
import javafx.beans.property.ReadOnlyLongWrapper;
import org.strata.engine.graph.Edge;
import org.strata.engine.graph.Graph;

/**
 * The selected nodes (by id) and edges. Not part of the undo history; changes are announced through
 * {@link #versionProperty()}.
 */
public final class Selection {
    private final Set<String> nodes = new LinkedHashSet<>();
    private final Set<Edge> edges = new LinkedHashSet<>();
    private final ReadOnlyLongWrapper version = new ReadOnlyLongWrapper(this, "version");

    public ReadOnlyLongProperty versionProperty() {
        return version.getReadOnlyProperty();
    }

    /** @return the selected node ids, in the order they were selected */
    public List<String> nodes() {
        return List.copyOf(nodes);
    }

    public List<Edge> edges() {
        return List.copyOf(edges);
    }

    public boolean isEmpty() {
        return nodes.isEmpty() && edges.isEmpty();
    }

    public boolean contains(String nodeId) {
        return nodes.contains(nodeId);
    }

    public boolean contains(Edge edge) {
        return edges.contains(edge);
    }

    /** Selects exactly these nodes. */
    public void set(Collection<String> nodeIds) {
        nodes.clear();
        edges.clear();
        nodes.addAll(nodeIds);
        bump();
    }

    /** Selects exactly this edge. */
    public void setEdge(Edge edge) {
        nodes.clear();
        edges.clear();
        edges.add(edge);
        bump();
    }

    /** Adds the node if absent, removes it if present (Shift-click). */
    public void toggle(String nodeId) {
        if (!nodes.remove(nodeId)) nodes.add(nodeId);
        bump();
    }

    /** Adds nodes to the selection (Shift with the rubber band). */
    public void add(Collection<String> nodeIds) {
        nodes.addAll(nodeIds);
        bump();
    }

    public void clear() {
        if (isEmpty()) return;
        nodes.clear();
        edges.clear();
        bump();
    }

    /** Forgets what no longer exists (after a delete or an undo). */
    void retainExisting(Graph graph) {
        boolean changed = nodes.removeIf(id -> graph.node(id).isEmpty());
        changed |= edges.retainAll(graph.edges());
        if (changed) bump();
    }

    private void bump() {
        version.set(version.get() + 1);
    }
}
