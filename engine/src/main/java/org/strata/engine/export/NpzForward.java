package org.strata.engine.export;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.strata.engine.analysis.Analysis;
import org.strata.engine.analysis.GraphAnalyzer;
import org.strata.engine.analysis.PaddingMasks;
import org.strata.engine.graph.Graph;
import org.strata.engine.graph.Node;
import org.strata.engine.layers.TensorShape;

/**
 * A network's forward pass computed from an {@code .npz} export alone, in plain Java loops over float arrays, one
 * sample at a time: a second implementation that shares no arithmetic with the engines (no libnd4j op), so that
 * an {@code .npz} export is proved against it. Follows the layouts docs/exports.md documents. Each layer type's
 * computation is its entry in {@link NpzLayers}.
 */
public final class NpzForward {
    private final Graph graph;
    private final Analysis analysis;
    private final Map<String, float[]> arrays;

    /**
     * @param arrays the export's arrays by name ({@code <nodeId>/<param>}, {@code <inputId>/shift}…), flattened
     *               row-major
     */
    public NpzForward(Graph graph, Map<String, float[]> arrays) {
        this(graph, GraphAnalyzer.analyze(graph), arrays);
    }

    /** As {@link #NpzForward(Graph, Map)}, with the graph's analysis already made (a trained model's). */
    public NpzForward(Graph graph, Analysis analysis, Map<String, float[]> arrays) {
        this.graph = graph;
        this.analysis = analysis;
        this.arrays = arrays;
        this.padding = PaddingMasks.of(graph, analysis);
    }

    private final PaddingMasks padding;
    /** The sample's real steps, by the id of each Embedding that marks padding (filled as the sample runs). */
    private final Map<String, Integer> realSteps = new HashMap<>();

    /** @return the real steps of the sequence {@code nodeId} reads, or all {@code steps} without padding */
    int realSteps(String nodeId, int steps) {
        return padding.ofInput(nodeId).map(realSteps::get).orElse(steps);
    }

    /** Each recurrent layer's h at every step of the last sample run, by node id: [steps, units (×2 both ways)]. */
    private final Map<String, float[]> stepStates = new HashMap<>();
    /** Each attention layer's weights for the last sample run, by node id: [heads, steps (queries), steps (keys)]. */
    private final Map<String, float[]> attentionWeights = new HashMap<>();

    /**
     * What a sequence layer does inside, for one sample: how a recurrent layer's memory moves step by step (also
     * when it passes on only its last step) and where each head of an attention layer looks.
     *
     * @param outputs   every layer's output, by node id, as {@link #run} gives them
     * @param steps     each recurrent layer's h at every step, [steps, units] (both readings side by side, the
     *                  forward one's first, when bidirectional); zeros on padding
     * @param attention each attention layer's weights, [heads, query steps, key steps]: row t of a head is how much
     *                  step t takes from each step (summing to 1; 0 where it may not look)
     */
    public record Inside(Map<String, float[]> outputs, Map<String, float[]> steps, Map<String, float[]> attention) {
    }

    /** @return every layer's output for one raw sample, and what its sequence layers do inside */
    public Inside inside(float[] raw) {
        Map<String, float[]> outputs = run(raw);
        return new Inside(outputs, Map.copyOf(stepStates), Map.copyOf(attentionWeights));
    }

    /** @return every layer's output for one raw sample, by node id (the Output's is the prediction) */
    public Map<String, float[]> run(float[] raw) {
        Map<String, float[]> out = new HashMap<>();
        realSteps.clear();
        stepStates.clear();
        attentionWeights.clear();
        for (String id : analysis.order()) {
            Node n = graph.require(id);
            LayerInputs wired = LayerInputs.of(graph, analysis, n);
            out.put(id, layer(n, wired.from().stream().map(out::get).toList(), wired.shapes(), raw));
        }
        return out;
    }

    /** @return the prediction for one raw sample */
    public float[] predict(float[] raw) {
        return run(raw).get(graph.outputNodes().get(0).id());
    }

    private float[] layer(Node n, List<float[]> in, List<TensorShape> shapes, float[] raw) {
        NpzLayer layer = NpzLayers.of(n.type().id()).orElseThrow(() -> new UnsupportedOperationException(
                n.name() + " (" + n.type().id() + ")" + NpzLayers.declined(n.type().id()).map(why -> ": " + why)
                        .orElse("")));
        return layer.forward(new NpzStep(this, n, in, shapes, raw));
    }

    Graph graph() {
        return graph;
    }

    Analysis analysis() {
        return analysis;
    }

    /** @return the export's array with that name ({@code <nodeId>/<param>}) */
    float[] array(String name) {
        float[] v = arrays.get(name);
        if (v == null) throw new IllegalArgumentException("the export has no array " + name);
        return v;
    }

    /** Keeps the real steps of the sample's sequences an Embedding that marks padding reads. */
    void markRealSteps(String embeddingId, int steps) {
        realSteps.put(embeddingId, steps);
    }

    /** Keeps a recurrent layer's h at every step of the sample, for {@link #inside}. */
    void keepSteps(String nodeId, float[] states) {
        stepStates.put(nodeId, states);
    }

    /** @return the h at every step kept for a recurrent layer */
    float[] keptSteps(String nodeId) {
        return stepStates.get(nodeId);
    }

    /** Keeps where each head of an attention layer looks, for {@link #inside}. */
    void keepAttention(String nodeId, float[] weights) {
        attentionWeights.put(nodeId, weights);
    }
}
