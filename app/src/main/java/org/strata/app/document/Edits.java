package org.strata.app.document;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.strata.app.i18n.Catalogue;
import org.strata.app.i18n.Messages;
import org.strata.engine.graph.Edge;
import org.strata.engine.graph.Graph;
import org.strata.engine.graph.Node;
import org.strata.engine.params.Params;
import org.strata.engine.project.DatasetSpec;
import org.strata.engine.project.Project;

/** The document's commands: one small class per kind of edit, made through the factory methods here. */
public final class Edits {
    /** Edits of the same value closer together than this are one undo step (typing "128" is not three edits). */
    private static final long MERGE_WINDOW_NANOS = 2_000_000_000L;

    private Edits() {
    }

    /** Adds nodes and the edges among them (a dropped layer, a paste, a duplicate). */
    public static Command addNodes(Graph graph, List<Node> nodes, List<Edge> edges, String description) {
        return new AddNodes(graph, List.copyOf(nodes), List.copyOf(edges), description);
    }

    /** Removes nodes with every edge touching them, and the given edges. */
    public static Command remove(Graph graph, List<String> nodeIds, List<Edge> edges) {
        return new Remove(graph, List.copyOf(nodeIds), List.copyOf(edges));
    }

    /** Moves nodes from where they were to new positions ({id → {x, y}}). */
    public static Command move(Graph graph, Map<String, double[]> to, String description) {
        Map<String, double[]> from = new LinkedHashMap<>();
        to.keySet().forEach(id -> {
            Node n = graph.require(id);
            from.put(id, new double[]{n.x(), n.y()});
        });
        return new Move(graph, from, new LinkedHashMap<>(to), description);
    }

    public static Command connect(Graph graph, Edge edge) {
        return new Connect(graph, edge, true);
    }

    public static Command disconnect(Graph graph, Edge edge) {
        return new Connect(graph, edge, false);
    }

    /** Sets one layer parameter; typing into the same field again merges into one undo step. */
    public static Command setParam(Graph graph, String nodeId, String param, Object value) {
        Node n = graph.require(nodeId);
        Params after = n.params().copy().set(param, value); // throws with the allowed range if invalid
        String label = n.params().table().spec(param).map(s -> Catalogue.label(n.params().table().owner(), s))
                .orElse(param);
        return new SetParams(graph, nodeId, n.params().copy(), after, param,
                Messages.get("edit.changeParam", label.toLowerCase(Messages.locale())));
    }

    public static Command rename(Graph graph, String nodeId, String name) {
        return new Rename(graph, nodeId, graph.require(nodeId).name(), name);
    }

    /** Renames the project (its title, not its file). */
    public static Command renameProject(Project project, String name) {
        return new RenameProject(project, project.name(), name);
    }

    private record RenameProject(Project project, String before, String after) implements Command {
        @Override
        public void execute() {
            project.setName(after);
        }

        @Override
        public void undo() {
            project.setName(before);
        }

        @Override
        public String description() {
            return Messages.get("edit.renameProject");
        }
    }

    /** Sets one training setting of the project. */
    public static Command setTraining(Project project, String param, Object value) {
        Params after = project.training().copy().set(param, value);
        String label = after.table().spec(param).map(s -> Catalogue.label(after.table().owner(), s)).orElse(param);
        return new SetProject(project, project.training().copy(), after, project.dataset().orElse(null),
                project.dataset().orElse(null), param, Messages.get("edit.changeParam", label.toLowerCase(
                Messages.locale())));
    }

    /** Freezes a layer (training leaves its weights as they are) or thaws it; allowed while a run is paused. */
    public static Command setFrozen(Graph graph, String nodeId, boolean frozen) {
        String name = graph.require(nodeId).name();
        return new SetFrozen(graph, nodeId, frozen, Messages.get(frozen ? "edit.freeze" : "edit.thaw", name));
    }

    private record SetFrozen(Graph graph, String nodeId, boolean frozen, String description) implements Command {
        @Override
        public void execute() {
            graph.require(nodeId).setFrozen(frozen);
        }

        @Override
        public void undo() {
            graph.require(nodeId).setFrozen(!frozen);
        }

        @Override
        public boolean allowedWhilePaused() {
            return true;
        }
    }

    /**
     * Applies a problem's one-click fix: sets the values it names on its node or on the project's dataset, as one
     * undoable step.
     */
    public static Command applyFix(Project project, org.strata.engine.analysis.Fix fix) {
        String description = Messages.get("edit.fix", Catalogue.fix(fix));
        if (fix.target() == org.strata.engine.analysis.Fix.Target.NODE) {
            Node n = project.graph().require(fix.nodeId());
            Params after = n.params().copy();
            fix.values().forEach(after::set);
            return new SetParams(project.graph(), n.id(), n.params().copy(), after, fix.code(), description);
        }
        DatasetSpec before = project.dataset().orElseThrow();
        Params after = before.params().copy();
        fix.values().forEach(after::set);
        return new SetProject(project, project.training().copy(), project.training().copy(), before,
                new DatasetSpec(before.kind(), after), fix.code(), description);
    }

    /** Replaces the project's dataset. */
    public static Command setDataset(Project project, DatasetSpec dataset, String param) {
        return new SetProject(project, project.training().copy(), project.training().copy(),
                project.dataset().orElse(null), dataset, "dataset." + param, Messages.get("edit.changeDataset"));
    }

    private record AddNodes(Graph graph, List<Node> nodes, List<Edge> edges, String description) implements Command {
        @Override
        public void execute() {
            nodes.forEach(graph::add);
            edges.forEach(e -> graph.connect(e.from(), e.to()));
        }

        @Override
        public void undo() {
            nodes.forEach(n -> graph.remove(n.id()));
        }
    }

    private static final class Remove implements Command {
        private final Graph graph;
        private final List<String> ids;
        private final List<Edge> looseEdges;
        private final List<Node> removedNodes = new ArrayList<>();
        private final List<Edge> removedEdges = new ArrayList<>();
        private List<String> nodeOrder = List.of();
        private List<Edge> edgeOrder = List.of();

        Remove(Graph graph, List<String> ids, List<Edge> edges) {
            this.graph = graph;
            this.ids = ids;
            this.looseEdges = edges;
        }

        @Override
        public void execute() {
            removedNodes.clear();
            removedEdges.clear();
            nodeOrder = graph.nodes().stream().map(Node::id).toList();
            edgeOrder = List.copyOf(graph.edges());
            for (Edge e : looseEdges) if (graph.disconnect(e)) removedEdges.add(e);
            for (String id : ids) {
                graph.node(id).ifPresent(n -> {
                    removedNodes.add(n);
                    removedEdges.addAll(graph.remove(id));
                });
            }
        }

        @Override
        public void undo() {
            removedNodes.forEach(graph::add);
            removedEdges.forEach(e -> graph.connect(e.from(), e.to()));
            graph.restoreOrder(nodeOrder, edgeOrder);
        }

        @Override
        public String description() {
            return ids.isEmpty() ? Messages.get("edit.deleteEdges", looseEdges.size())
                    : Messages.get("edit.deleteNodes", ids.size());
        }
    }

    private record Move(Graph graph, Map<String, double[]> from, Map<String, double[]> to, String description)
            implements Command {
        @Override
        public void execute() {
            to.forEach((id, p) -> graph.require(id).moveTo(p[0], p[1]));
        }

        @Override
        public void undo() {
            from.forEach((id, p) -> graph.require(id).moveTo(p[0], p[1]));
        }
    }

    private static final class Connect implements Command {
        private final Graph graph;
        private final Edge edge;
        private final boolean connect;
        private List<Edge> edgeOrder = List.of();

        Connect(Graph graph, Edge edge, boolean connect) {
            this.graph = graph;
            this.edge = edge;
            this.connect = connect;
        }

        @Override
        public void execute() {
            edgeOrder = List.copyOf(graph.edges());
            if (connect) graph.connect(edge.from(), edge.to());
            else graph.disconnect(edge);
        }

        @Override
        public void undo() {
            if (connect) graph.disconnect(edge);
            else graph.connect(edge.from(), edge.to());
            graph.restoreOrder(List.of(), edgeOrder);
        }

        @Override
        public String description() {
            return Messages.get(connect ? "edit.connect" : "edit.disconnect");
        }
    }

    private static final class SetParams implements Command {
        private final Graph graph;
        private final String nodeId;
        private final Params before;
        private Params after;
        private final String param;
        private final String description;
        private long at = System.nanoTime();

        SetParams(Graph graph, String nodeId, Params before, Params after, String param, String description) {
            this.graph = graph;
            this.nodeId = nodeId;
            this.before = before;
            this.after = after;
            this.param = param;
            this.description = description;
        }

        @Override
        public void execute() {
            graph.require(nodeId).setParams(after.copy());
        }

        @Override
        public void undo() {
            graph.require(nodeId).setParams(before.copy());
        }

        @Override
        public String description() {
            return description;
        }

        @Override
        public boolean mergeWith(Command next) {
            if (!(next instanceof SetParams s) || !s.nodeId.equals(nodeId) || !s.param.equals(param)
                    || s.at - at > MERGE_WINDOW_NANOS) return false;
            after = s.after;
            at = s.at;
            return true;
        }
    }

    private record Rename(Graph graph, String nodeId, String before, String after) implements Command {
        @Override
        public void execute() {
            graph.require(nodeId).setName(after);
        }

        @Override
        public void undo() {
            graph.require(nodeId).setName(before);
        }

        @Override
        public String description() {
            return Messages.get("edit.rename");
        }
    }

    private static final class SetProject implements Command {
        private final Project project;
        private final Params trainingBefore;
        private Params trainingAfter;
        private final DatasetSpec datasetBefore;
        private DatasetSpec datasetAfter;
        private final String key;
        private final String description;
        private long at = System.nanoTime();

        SetProject(Project project, Params trainingBefore, Params trainingAfter, DatasetSpec datasetBefore,
                   DatasetSpec datasetAfter, String key, String description) {
            this.project = project;
            this.trainingBefore = trainingBefore;
            this.trainingAfter = trainingAfter;
            this.datasetBefore = datasetBefore;
            this.datasetAfter = datasetAfter;
            this.key = key;
            this.description = description;
        }

        @Override
        public void execute() {
            project.setTraining(trainingAfter.copy());
            project.setDataset(datasetAfter);
        }

        @Override
        public boolean allowedWhilePaused() {
            return key.equals("learningRate");
        }

        @Override
        public void undo() {
            project.setTraining(trainingBefore.copy());
            project.setDataset(datasetBefore);
        }

        @Override
        public String description() {
            return description;
        }

        @Override
        public boolean mergeWith(Command next) {
            if (!(next instanceof SetProject s) || !Objects.equals(s.key, key) || s.at - at > MERGE_WINDOW_NANOS) {
                return false;
            }
            at = s.at;
            trainingAfter = s.trainingAfter;
            datasetAfter = s.datasetAfter;
            return true;
        }
    }
}
