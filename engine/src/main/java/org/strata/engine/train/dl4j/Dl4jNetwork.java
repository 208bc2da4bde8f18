package org.strata.engine.train.dl4j;

import java.util.List;
import java.util.Map;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.strata.engine.layers.Weight;

/**
 * A compiled Deeplearning4j network with the names of its input and output vertices, and which of our nodes were
 * folded into another vertex (an Output fused into the Dense before it).
 *
 * @param graph   the DL4J network
 * @param inputs  DL4J input names (our Input node ids)
 * @param outputs DL4J output vertex names
 * @param aliases our node id → the DL4J vertex that computes it, for fused nodes
 * @param weights our node id → its arrays as the catalogue declares them, in graph order
 */
public record Dl4jNetwork(ComputationGraph graph, List<String> inputs, List<String> outputs,
                          Map<String, String> aliases, Map<String, List<Weight>> weights) {

    /** @return the DL4J vertex computing our node {@code nodeId} */
    public String vertexOf(String nodeId) {
        return aliases.getOrDefault(nodeId, nodeId);
    }
}
