package org.strata.engine.train.fast;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;
import org.strata.engine.backend.NetworkInspection;
import org.strata.engine.layers.Weight;
import org.strata.engine.layers.WeightInit;
import org.strata.engine.runtime.HostMemory;

/**
 * The fast engine's parameters and gradients: two flat arrays, each node's weights views into them (every one on a
 * 64-byte boundary), initialised as Deeplearning4j would. The optimizer works on the flat arrays; kernels, plans and
 * inspection on the views.
 */
final class FlatParameters {
    private static final int SAMPLE = NetworkInspection.PARAMETER_SAMPLE;

    private final INDArray params;
    private final INDArray grads;
    private final Map<String, Map<String, INDArray>> paramViews = new LinkedHashMap<>();
    private final Map<String, Map<String, INDArray>> gradViews = new HashMap<>();
    /** Per node, ops writing its parameter views' and gradient views' squared L2 norms into scalars. */
    private final Map<String, SquaredNorms> paramSquares = new LinkedHashMap<>();
    private final Map<String, SquaredNorms> gradSquares = new LinkedHashMap<>();
    /** Pairs of {weight view, its gradient view} for the weights (not biases), which weight decay applies to. */
    private final List<INDArray[]> weights = new ArrayList<>();

    /** Lays out every node's weights and initialises them: Xavier (or the node's own scheme), ones, or zeros. */
    FlatParameters(NetworkLayout layout, int seed) {
        Map<String, List<Weight>> defs = new LinkedHashMap<>();
        long total = 0;
        for (String id : layout.order()) {
            List<Weight> d = layout.analysis().weightsOf(id);
            defs.put(id, d);
            for (Weight p : d) total = padded(total) + p.size();
        }
        params = Aligned.zeros(Math.max(1, total));
        grads = Aligned.zeros(Math.max(1, total));
        Nd4j.getRandom().setSeed(seed);
        long offset = 0;
        for (var e : defs.entrySet()) {
            Map<String, INDArray> pv = new LinkedHashMap<>();
            Map<String, INDArray> gv = new LinkedHashMap<>();
            for (Weight p : e.getValue()) {
                long n = p.size();
                offset = padded(offset);
                INDArray view = params.get(NDArrayIndex.interval(offset, offset + n)).reshape('c', p.shape());
                INDArray gview = grads.get(NDArrayIndex.interval(offset, offset + n)).reshape('c', p.shape());
                if (p.init() == Weight.Init.XAVIER) {
                    // the node's initialiser (Xavier unless it chose another), as Deeplearning4j's WeightInit
                    WeightInit scheme = WeightInit.of(layout.node(e.getKey()).params());
                    double scale = scheme.scale(p.fanIn(), p.fanOut());
                    view.assign(scheme.uniform() ? Nd4j.rand(DataType.FLOAT, p.shape()).muli(2 * scale).subi(scale)
                            : Nd4j.randn(DataType.FLOAT, p.shape()).muli(scale));
                } else if (p.init() == Weight.Init.ONE) {
                    view.assign(1);
                }
                pv.put(p.name(), view);
                gv.put(p.name(), gview);
                offset += n;
            }
            paramViews.put(e.getKey(), pv);
            gradViews.put(e.getKey(), gv);
            if (!pv.isEmpty()) {
                paramSquares.put(e.getKey(), new SquaredNorms(pv.values()));
                gradSquares.put(e.getKey(), new SquaredNorms(gv.values()));
            }
        }
        for (var e : defs.entrySet()) {
            for (Weight p : e.getValue()) {
                if (p.init() == Weight.Init.XAVIER) weights.add(new INDArray[]{param(e.getKey(), p.name()),
                        paramGradient(e.getKey(), p.name())});
            }
        }
    }

    /** Each parameter starts on a 64-byte boundary (16 floats) inside the flat arrays. */
    private static long padded(long offset) {
        return (offset + 15) / 16 * 16;
    }

    /** @return every parameter, flat (padding included) */
    INDArray flat() {
        return params;
    }

    /** @return every parameter's gradient (after an optimizer step: its update), flat */
    INDArray flatGradient() {
        return grads;
    }

    /** @return pairs of {weight view, its gradient view}: the arrays weight decay applies to */
    List<INDArray[]> decayed() {
        return weights;
    }

    INDArray param(String node, String name) {
        return paramViews.get(node).get(name);
    }

    INDArray paramGradient(String node, String name) {
        return gradViews.get(node).get(name);
    }

    /** @return per node, its parameter views by name (empty for a node without parameters) */
    Map<String, Map<String, INDArray>> views() {
        return paramViews;
    }

    /** @return per node, its gradient views by name */
    Map<String, Map<String, INDArray>> gradientViews() {
        return gradViews;
    }

    /**
     * @return per node with parameters: {L2 norm of its parameters, L2 norm of its gradient}; after an optimizer
     *     step the gradient array holds the update, and a frozen node's update, thrown away, counts as 0
     */
    Map<String, double[]> norms(java.util.Set<String> frozen) {
        Map<String, double[]> out = new HashMap<>();
        paramSquares.forEach((node, sq) -> {
            double update = frozen.contains(node) ? 0 : Math.sqrt(gradSquares.get(node).total());
            out.put(node, new double[]{Math.sqrt(sq.total()), update});
        });
        return out;
    }

    /** @return per node with parameters, the L2 norm of its whole gradient */
    Map<String, Double> gradientNorms() {
        Map<String, Double> out = new HashMap<>();
        gradSquares.forEach((node, sq) -> out.put(node, Math.sqrt(sq.total())));
        return out;
    }

    /** @return per node with parameters, a sample of its values (see {@link #sample}) */
    Map<String, float[]> sampleValues() {
        return sample(params, paramViews);
    }

    /** @return per node with parameters, a sample of its gradient (see {@link #sample}) */
    Map<String, float[]> sampleGradients() {
        return sample(grads, gradViews);
    }

    /**
     * Reads, per node, every k-th value of its views of {@code flat} (padding left out), at most about
     * {@link NetworkInspection#PARAMETER_SAMPLE}: a snapshot's histograms need no copy of every weight.
     */
    private static Map<String, float[]> sample(INDArray flat, Map<String, Map<String, INDArray>> views) {
        HostMemory.beforeRead(flat);
        java.nio.FloatBuffer buf = flat.data().asNioFloat();
        Map<String, float[]> out = new LinkedHashMap<>();
        views.forEach((node, mine) -> {
            long n = 0;
            for (INDArray v : mine.values()) n += v.length();
            if (n == 0) return;
            long stride = Math.max(1, (n + SAMPLE - 1) / SAMPLE);
            float[] values = new float[(int) ((n + stride - 1) / stride)];
            int j = 0;
            long skip = 0; // how far into the next view the next sampled value lies
            for (INDArray v : mine.values()) {
                long from = v.offset();
                long i = skip;
                for (; i < v.length(); i += stride) values[j++] = buf.get((int) (from + i));
                skip = i - v.length();
            }
            out.put(node, values);
        });
        return out;
    }

    /** @return whether a node's parameters are all finite */
    boolean finite(String nodeId) {
        for (INDArray v : paramViews.getOrDefault(nodeId, Map.of()).values()) {
            if (v.isNaN().any() || v.isInfinite().any()) return false;
        }
        return true;
    }

    /** @return parameters by export name ({@code <nodeId>/<param>}), as copies */
    Map<String, INDArray> export() {
        return export(paramViews);
    }

    /** @return gradients by export name ({@code <nodeId>/<param>}), as copies */
    Map<String, INDArray> exportGradients() {
        return export(gradViews);
    }

    private static Map<String, INDArray> export(Map<String, Map<String, INDArray>> views) {
        Map<String, INDArray> out = new LinkedHashMap<>();
        views.forEach((node, mine) -> mine.forEach((name, v) -> out.put(node + "/" + name, v.dup('c'))));
        return out;
    }

    /**
     * Sets parameters from export names.
     *
     * @throws IllegalArgumentException naming the first missing or wrongly shaped parameter
     */
    void importFrom(Map<String, INDArray> values) {
        List<String> problems = new ArrayList<>();
        paramViews.forEach((node, views) -> views.forEach((name, v) -> {
            INDArray given = values.get(node + "/" + name);
            if (given == null) {
                problems.add("the model file has no parameter " + node + "/" + name);
            } else if (!Arrays.equals(given.shape(), v.shape())) {
                problems.add(node + "/" + name + " has shape " + Arrays.toString(given.shape())
                        + " in the model file but the network needs " + Arrays.toString(v.shape()));
            } else {
                v.assign(given);
            }
        }));
        if (!problems.isEmpty()) throw new IllegalArgumentException(problems.get(0));
    }
}
