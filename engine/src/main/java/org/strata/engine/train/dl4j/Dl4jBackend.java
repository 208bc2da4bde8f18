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
import org.strata.engine.train.NetworkBackend;

/** Runs a graph on Deeplearning4j's {@link ComputationGraph}: every layer type is supported. */
public final class Dl4jBackend implements NetworkBackend {
    private final Graph graph;
    private final Dl4jNetwork net;

    public Dl4jBackend(Graph graph, Dl4jNetwork net) {
        this.graph = graph;
        this.net = net;
    }

    /** @return the DL4J network (for DL4J export) */
    public Dl4jNetwork network() {
        return net;
    }

    @Override
    public String engineName() {
        return "Deeplearning4j";
    }

    @Override
    public double fit(INDArray features, INDArray labels) {
        ComputationGraph cg = net.graph();
        cg.fit(new DataSet(features, labels));
        return cg.score();
    }

    @Override
    public void setLearningRate(double lr) {
        net.graph().setLearningRate(lr);
    }

    @Override
    public INDArray predict(INDArray features) {
        return net.graph().outputSingle(false, features).dup();
    }

    @Override
    public Map<String, INDArray> activations(INDArray features) {
        Map<String, INDArray> acts = net.graph().feedForward(features, false);
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
        if (l == null || g == null) return 0;
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
}
