package org.strata.engine.train.dl4j;

import java.util.HashMap;
import java.util.Map;
import org.deeplearning4j.nn.api.Layer;
import org.deeplearning4j.nn.gradient.Gradient;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.factory.Nd4j;
import org.strata.engine.graph.Graph;
import org.strata.engine.backend.Engine;
import org.strata.engine.backend.NetworkBackend;
import org.strata.engine.backend.NetworkInspection;

/**
 * Runs a graph on Deeplearning4j's {@link ComputationGraph}: every layer type is supported. It cannot copy out a whole
 * step, so it does not implement {@link org.strata.engine.backend.NetworkTracing}.
 */
public final class Dl4jBackend implements NetworkBackend {
    private final Graph graph;
    private final Dl4jNetwork net;

    /** Set by {@link #keepNextGradient()}; the listener below copies the next gradient before the updater runs. */
    private volatile boolean keepGradient;
    private Map<String, float[]> keptGradient = Map.of();
    private int batchSize = 1;
    /** Frozen layers' parameters with the values they keep: put back after every step. */
    private final java.util.List<INDArray[]> frozen = new java.util.ArrayList<>();
    private java.util.Set<String> frozenNodes = java.util.Set.of();

    public Dl4jBackend(Graph graph, Dl4jNetwork net) {
        this.graph = graph;
        this.net = net;
        net.graph().addListeners(new org.deeplearning4j.optimize.api.BaseTrainingListener() {
            @Override
            public void onGradientCalculation(org.deeplearning4j.nn.api.Model model) {
                if (keepGradient) {
                    keepGradient = false;
                    keptGradient = gradientsByNode();
                }
            }
        });
    }

    /** Our node ids → DL4J's current gradient for their parameters, copied. */
    private Map<String, float[]> gradientsByNode() {
        Gradient g = net.graph().gradient();
        Map<String, INDArray> named = new java.util.LinkedHashMap<>();
        if (g == null) return Map.of();
        for (var n : graph.nodes()) {
            if (layerOf(n.id()) == null) continue;
            String prefix = net.vertexOf(n.id()) + "_";
            g.gradientForVariable().forEach((k, v) -> {
                boolean copy = net.ties().containsKey(n.id()) && k.equals(prefix + "W"); // E's, shown there
                if (k.startsWith(prefix) && !copy) named.put(n.id() + "/" + k.substring(prefix.length()), v);
            });
        }
        Map<String, float[]> out = NetworkInspection.byNode(named);
        // DL4J sums over the batch here and divides in its updater; show the mean gradient, as the fast engine does
        for (float[] v : out.values()) for (int i = 0; i < v.length; i++) v[i] /= batchSize;
        return out;
    }

    @Override
    public void freeze(java.util.Set<String> nodeIds) {
        frozenNodes = java.util.Set.copyOf(nodeIds);
        frozen.clear();
        for (String id : nodeIds) {
            Layer l = layerOf(id);
            if (l != null) frozen.add(new INDArray[]{l.params(), l.params().dup()});
        }
    }

    @Override
    public void keepNextGradient() {
        keepGradient = true;
    }

    @Override
    public Map<String, float[]> keptGradients() {
        return keptGradient;
    }

    /** @return the DL4J network (for DL4J export) */
    public Dl4jNetwork network() {
        return net;
    }

    @Override
    public Engine engine() {
        return Engine.DL4J;
    }

    @Override
    public double fit(INDArray features, INDArray labels) {
        ComputationGraph cg = net.graph();
        batchSize = (int) features.size(0);
        INDArray[] masks = net.masks(features);
        cg.fit(masks == null ? new DataSet(features, labels) : new DataSet(features, labels, masks[0], null));
        for (INDArray[] f : frozen) f[0].assign(f[1]);
        // a frozen Embedding keeps E, so a tied Dense's copy goes back to Eᵀ; a frozen tied Dense keeps only its b
        if (!frozen.isEmpty()) TiedWeightsDl4j.copy(net);
        return cg.score();
    }

    @Override
    public void setLearningRate(double lr) {
        net.graph().setLearningRate(lr);
    }

    @Override
    public INDArray predict(INDArray features) {
        return net.output(features).dup();
    }

    @Override
    public Map<String, INDArray> activations(INDArray features) {
        INDArray[] masks = net.masks(features);
        Map<String, INDArray> acts;
        if (masks == null) {
            acts = net.graph().feedForward(features, false);
        } else {
            net.graph().setLayerMaskArrays(masks, null);
            try {
                acts = net.graph().feedForward(features, false);
            } finally {
                net.graph().clearLayerMaskArrays(); // the next fit or prediction brings its own
            }
        }
        Map<String, INDArray> out = new HashMap<>();
        graph.nodes().forEach(n -> {
            INDArray a = acts.get(net.vertexOf(n.id()));
            if (a != null) out.put(n.id(), a.dup());
        });
        return out;
    }

    @Override
    public INDArray parameters() {
        return net.graph().params().dup();
    }

    @Override
    public void setParameters(INDArray flat) {
        net.graph().setParams(flat);
    }

    private Layer layerOf(String nodeId) {
        if (net.aliases().containsKey(nodeId)) return null; // folded into its producer, which owns the weights
        var v = net.graph().getVertex(net.vertexOf(nodeId));
        return v != null && v.hasLayer() && v.getLayer().numParams() > 0 ? v.getLayer() : null;
    }

    @Override
    public double paramNorm(String nodeId) {
        Layer l = layerOf(nodeId);
        return l == null ? 0 : l.params().norm2Number().doubleValue();
    }

    @Override
    public double updateNorm(String nodeId) {
        Layer l = layerOf(nodeId);
        Gradient g = net.graph().gradient(); // after fit, DL4J's gradient view holds the applied update
        if (l == null || g == null || frozenNodes.contains(nodeId)) return 0; // a frozen layer's update is undone
        String prefix = net.vertexOf(nodeId) + "_";
        double sq = 0;
        for (var e : g.gradientForVariable().entrySet()) {
            if (e.getKey().startsWith(prefix)) {
                double n = e.getValue().norm2Number().doubleValue();
                sq += n * n;
            }
        }
        return Math.sqrt(sq);
    }

    @Override
    public boolean paramsFinite(String nodeId) {
        Layer l = layerOf(nodeId);
        return l == null || (!l.params().isNaN().any() && !l.params().isInfinite().any());
    }

    @Override
    public Map<String, INDArray> exportParameters() {
        return ParamAccess.read(graph, net);
    }

    @Override
    public void importParameters(Map<String, INDArray> values) {
        ParamAccess.write(graph, net, values);
    }

    @Override
    public INDArray optimizerState() {
        INDArray s = net.graph().getUpdater().getStateViewArray();
        return s == null ? Nd4j.empty() : s.dup().reshape(s.length());
    }

    @Override
    public void setOptimizerState(INDArray state) {
        INDArray view = net.graph().getUpdater().getStateViewArray();
        if (view != null && state != null && state.length() == view.length()) view.assign(state.reshape(view.shape()));
    }

    @Override
    public long iterations() {
        return net.graph().getIterationCount();
    }

    @Override
    public void setIterations(long steps) {
        // DL4J counts in an int; a run of 2^31 steps is years of training
        net.graph().getConfiguration().setIterationCount((int) Math.min(Integer.MAX_VALUE, steps));
    }
}
