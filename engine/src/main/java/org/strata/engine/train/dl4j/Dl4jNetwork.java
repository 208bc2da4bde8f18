package org.strata.engine.train.dl4j;

import java.util.List;
import java.util.Map;
import org.deeplearning4j.nn.graph.ComputationGraph;

/**
 * A compiled Deeplearning4j network with the names of its input and output vertices, and which of our nodes were
 * folded into another vertex (an Output fused into the Dense before it).
 *
 * @param graph   the DL4J network
 * @param inputs  DL4J input names (our Input node ids)
 * @param outputs DL4J output vertex names
 * @param aliases our node id → the DL4J vertex that computes it, for fused nodes
 */
public record Dl4jNetwork(ComputationGraph graph, List<String> inputs, List<String> outputs,
                          Map<String, String> aliases) {

    /** @return the DL4J vertex computing our node {@code nodeId} */
    public String vertexOf(String nodeId) {
        return aliases.getOrDefault(nodeId, nodeId);
    }
}
