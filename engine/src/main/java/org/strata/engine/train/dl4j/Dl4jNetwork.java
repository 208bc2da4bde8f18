package org.strata.engine.train.dl4j;

import java.util.List;
import java.util.Map;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.strata.engine.analysis.PaddingMasks;
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
 * @param padded  whether an Embedding marks padding: every call then passes the mask ({@link #masks})
 * @param ties    each Dense tied to an Embedding → that Embedding (the Dense keeps a copy: {@link TiedWeightsDl4j})
 */
public record Dl4jNetwork(ComputationGraph graph, List<String> inputs, List<String> outputs,
                          Map<String, String> aliases, Map<String, List<Weight>> weights, boolean padded,
                          Map<String, String> ties) {

    /**
     * @return Deeplearning4j's input masks for a batch of token indices [batch, T]: 1 up to each sample's last
     * non-zero token (at least the first step), 0 after; null when the network marks no padding
     */
    public INDArray[] masks(INDArray features) {
        return padded ? new INDArray[]{paddingMask(features)} : null;
    }

    /**
     * @return the padding mask of token indices [batch, T] as Deeplearning4j takes it: 1 up to each sample's last
     * non-zero token (at least the first step), 0 after
     */
    public static INDArray paddingMask(INDArray tokens) {
        float[][] t = tokens.castTo(org.nd4j.linalg.api.buffer.DataType.FLOAT).toFloatMatrix();
        float[][] mask = new float[t.length][];
        for (int i = 0; i < t.length; i++) {
            mask[i] = new float[t[i].length];
            java.util.Arrays.fill(mask[i], 0, PaddingMasks.realSteps(t[i], 0, t[i].length), 1f);
        }
        return Nd4j.create(mask);
    }

    /** @return the network's output for a batch, with its padding mask when it has one */
    public INDArray output(INDArray features) {
        return graph.output(false, new INDArray[]{features}, masks(features))[0];
    }

    /** @return the DL4J vertex computing our node {@code nodeId} */
    public String vertexOf(String nodeId) {
        return aliases.getOrDefault(nodeId, nodeId);
    }
}
