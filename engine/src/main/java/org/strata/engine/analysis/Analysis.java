package org.strata.engine.analysis;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.strata.engine.graph.Edge;
import org.strata.engine.layers.TensorShape;
import org.strata.engine.layers.Weight;

/**
 * What the analyzer found: shapes, sizes and problems. Immutable.
 *
 * @param order        the nodes in a topological order (only nodes outside cycles)
 * @param outputShapes each node's output shape, where it could be inferred
 * @param edgeShapes   each edge's tensor shape, where known
 * @param paramCounts  each node's parameter count, where its inputs are known
 * @param weights      each node's arrays as its layer type declares them, where its inputs are known
 * @param flops        each node's forward FLOPs per sample, where known
 * @param problems     everything wrong, errors first
 * @param ties         each Dense tied to an Embedding (see {@link WeightTies}) → that Embedding's id
 */
public record Analysis(List<String> order, Map<String, TensorShape> outputShapes, Map<Edge, TensorShape> edgeShapes,
                       Map<String, Long> paramCounts, Map<String, List<Weight>> weights, Map<String, Long> flops,
                       List<Problem> problems, Map<String, String> ties) {

    /**
     * @return this analysis with {@code more} problems (the data's, found beside the graph's), errors still first
     */
    public Analysis with(List<Problem> more) {
        if (more.isEmpty()) return this;
        List<Problem> all = new java.util.ArrayList<>(problems);
        all.addAll(more);
        all.sort(java.util.Comparator.comparing(Problem::severity));
        return new Analysis(order, outputShapes, edgeShapes, paramCounts, weights, flops, List.copyOf(all),
                ties);
    }

    /** @return the arrays a node holds (none for a node whose inputs are unknown) */
    public List<Weight> weightsOf(String nodeId) {
        return weights.getOrDefault(nodeId, List.of());
    }

    /** @return the Embedding whose matrix (transposed) a tied Dense uses as its W; empty for any other node */
    public Optional<String> tiedEmbedding(String denseId) {
        return Optional.ofNullable(ties.get(denseId));
    }

    /** @return the Dense nodes tied to an Embedding, in graph order; empty for any other node */
    public List<String> tiedTo(String embeddingId) {
        return order.stream().filter(id -> embeddingId.equals(ties.get(id))).toList();
    }

    /** @return whether there is no ERROR problem (warnings allowed) */
    public boolean isValid() {
        return problems.stream().noneMatch(p -> p.severity() == Problem.Severity.ERROR);
    }

    /** @return the errors only */
    public List<Problem> errors() {
        return problems.stream().filter(p -> p.severity() == Problem.Severity.ERROR).toList();
    }

    /** @return the problems on one node */
    public List<Problem> problemsOf(String nodeId) {
        return problems.stream().filter(p -> nodeId.equals(p.nodeId())).toList();
    }

    /** @return the node's output shape, if known */
    public Optional<TensorShape> shapeOf(String nodeId) {
        return Optional.ofNullable(outputShapes.get(nodeId));
    }

    /** @return the sum of all parameter counts */
    public long totalParams() {
        return paramCounts.values().stream().mapToLong(Long::longValue).sum();
    }

    /** @return the sum of all forward FLOPs per sample */
    public long totalFlops() {
        return flops.values().stream().mapToLong(Long::longValue).sum();
    }
}
