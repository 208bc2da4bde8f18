package org.strata.engine.train.fast;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;
import org.strata.engine.analysis.Analysis;
import org.strata.engine.graph.Edge;
import org.strata.engine.graph.Graph;
import org.strata.engine.graph.Node;
import org.strata.engine.graph.PortRef;
import org.strata.engine.layers.ActivationFn;
import org.strata.engine.layers.TensorShape;
import org.strata.engine.layers.Weight;
import org.strata.engine.layers.WeightInit;
import org.strata.engine.params.Params;
import org.strata.engine.runtime.HostMemory;
import org.strata.engine.backend.Engine;
import org.strata.engine.backend.NetworkBackend;
import org.strata.engine.text.Message;

/**
 * Strata's fast engine: a chain of supported layers run on libnd4j ops with flat parameter, gradient and optimizer
 * arrays and one preallocated {@link Plan} per batch size. {@link #unsupported} says why a graph cannot use it.
 */
public final class FastNetwork implements NetworkBackend {
    private static final int MAX_CACHED_PLANS = 6;

    private final Graph graph;
    private final Analysis analysis;
    private final List<String> order;
    private final String inputId;
    private final String outputId;
    private final Map<String, List<String>> producers = new HashMap<>();
    private final Map<String, Map<String, INDArray>> paramViews = new LinkedHashMap<>();
    /** Per node, ops writing its parameter views' and gradient views' squared L2 norms into scalars. */
    private final Map<String, SquaredNorms> paramSquares = new LinkedHashMap<>();
    private final Map<String, SquaredNorms> gradSquares = new LinkedHashMap<>();
    private final Map<String, Map<String, INDArray>> gradViews = new HashMap<>();
    private final INDArray params;
    private final INDArray grads;
    private final Optimizer optimizer;
    private final Map<Integer, Plan> trainPlans = new LinkedHashMap<>();
    private final Map<Integer, Plan> evalPlans = new LinkedHashMap<>();
    private long iteration;
    private final long seed;
    /** Set by {@link #keepNextGradient()}: the next fit copies its gradient before the optimizer step. */
    private boolean keepGradient;
    /** The training plan last used, at hand without a lookup (a boxed key per step for batches of 128 and more). */
    private Plan lastTrainPlan;
    /** Copies putting frozen nodes' parameters back after every optimizer step (built once, when frozen). */
    private final List<NativeOp> frozen = new ArrayList<>();
    private java.util.Set<String> frozenNodes = java.util.Set.of();
    /** A sample of the gradient kept by {@link #keepNextGradient()}, and the whole gradient's norm, per node. */
    private Map<String, float[]> keptGradient = Map.of();
    private Map<String, Double> keptGradientNorm = Map.of();
    /** Set by {@link #traceNextStep()}: the next fit is copied out into {@link #trace}. */
    private boolean traceNext;
    private org.strata.engine.backprop.StepTrace trace;

    /**
     * Says why the fast engine cannot run a graph ("… are not in Strata's fast engine yet"), or empty if it can (see
     * {@link FastSupport}).
     *
     * @param training values of {@link org.strata.engine.project.TrainingSettings#TABLE}
     */
    public static Optional<Message> unsupported(Graph graph, Analysis analysis, Params training) {
        return FastSupport.unsupported(graph, analysis, training);
    }

    /** Builds the network with Xavier-initialised weights and zero biases, seeded by the training settings. */
    private org.strata.engine.analysis.PaddingMasks paddingMasks;

    /** @return which padding each node's output carries */
    org.strata.engine.analysis.PaddingMasks paddingMasks() {
        if (paddingMasks == null) paddingMasks = org.strata.engine.analysis.PaddingMasks.of(graph, analysis);
        return paddingMasks;
    }

    public FastNetwork(Graph graph, Analysis analysis, Params training) {
        Optional<Message> why = unsupported(graph, analysis, training);
        if (why.isPresent()) throw new IllegalArgumentException("the fast engine cannot run this graph: " + why.get());
        this.graph = graph;
        this.analysis = analysis;
        this.order = analysis.order();
        this.inputId = graph.inputNodes().get(0).id();
        this.seed = training.getInt("seed");
        this.outputId = graph.outputNodes().get(0).id();
        for (String id : order) {
            Node n = graph.require(id);
            producers.put(id, n.type().inputPorts(n.params()).stream()
                    .map(p -> graph.incoming(new PortRef(id, p)).orElseThrow().from().node()).toList());
        }

        Map<String, List<Weight>> defs = new LinkedHashMap<>();
        long total = 0;
        for (String id : order) {
            List<Weight> d = analysis.weightsOf(id);
            defs.put(id, d);
            for (Weight p : d) total = padded(total) + p.size();
        }
        params = Aligned.zeros(Math.max(1, total));
        grads = Aligned.zeros(Math.max(1, total));
        Nd4j.getRandom().setSeed(training.getInt("seed"));
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
                    WeightInit scheme = WeightInit.of(graph.require(e.getKey()).params());
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
        List<INDArray[]> weights = new ArrayList<>();
        for (var e : defs.entrySet()) {
            for (Weight p : e.getValue()) {
                if (p.init() == Weight.Init.XAVIER) weights.add(new INDArray[]{paramViews.get(e.getKey()).get(p.name()),
                        gradViews.get(e.getKey()).get(p.name())});
            }
        }
        optimizer = new Optimizer(training, params, grads, weights);
    }

    /** Each parameter starts on a 64-byte boundary (16 floats) inside the flat arrays. */
    private static long padded(long offset) {
        return (offset + 15) / 16 * 16;
    }

    // --- what plans and kernels read ---

    List<String> order() {
        return order;
    }

    String inputId() {
        return inputId;
    }

    String outputId() {
        return outputId;
    }

    Node node(String id) {
        return graph.require(id);
    }

    TensorShape shape(String id) {
        return analysis.shapeOf(id).orElseThrow();
    }

    /** @return the nodes feeding {@code id}'s input ports, in port order */
    List<String> producers(String id) {
        return producers.get(id);
    }

    /** @return how many layers read {@code id}'s output */
    int consumers(String id) {
        return graph.outgoing(id).size();
    }

    long seed() {
        return seed;
    }

    boolean feedsSquashingLoss(String id) {
        return FastSupport.feedsSquashingLoss(graph, id);
    }

    /** A Conv2D ending in ReLU whose only consumer is a MaxPool2D: the pool applies the ReLU instead. */
    boolean reluMovedPastPool(String id) {
        Node n = graph.require(id);
        if (!n.type().id().equals("Conv2D") || n.type().outputActivation(n.params()) != ActivationFn.RELU) return false;
        List<Edge> out = graph.outgoing(id);
        return out.size() == 1 && graph.require(out.get(0).to().node()).type().id().equals("MaxPool2D");
    }

    INDArray param(String node, String name) {
        return paramViews.get(node).get(name);
    }

    INDArray paramGradient(String node, String name) {
        return gradViews.get(node).get(name);
    }

    /** The training plan for {@code batch} samples; the last one is kept at hand (no boxed key per step). */
    private Plan trainPlan(int batch) {
        Plan last = lastTrainPlan;
        if (last != null && last.batch == batch) return last;
        lastTrainPlan = plan(trainPlans, batch, true);
        return lastTrainPlan;
    }

    private Plan plan(Map<Integer, Plan> cache, int batch, boolean training) {
        Plan p = cache.get(batch);
        if (p == null) {
            if (cache.size() >= MAX_CACHED_PLANS) {
                Plan evicted = cache.remove(cache.keySet().iterator().next());
                if (evicted == lastTrainPlan) lastTrainPlan = null;
            }
            p = Plan.build(this, batch, training);
            cache.put(batch, p);
        }
        return p;
    }

    // --- NetworkBackend ---

    @Override
    public Engine engine() {
        return Engine.STRATA;
    }

    @Override
    public INDArray[] trainingInputs(int n) {
        Plan p = trainPlan(n);
        return new INDArray[]{p.features, p.labels};
    }

    @Override
    public double fit(INDArray features, INDArray labels) {
        Plan p = trainPlan((int) features.size(0));
        p.load(features, labels);
        p.beforeStep(iteration);
        p.forward();
        TraceRecorder recorder = traceNext ? new TraceRecorder(this, p) : null;
        traceNext = false;
        if (recorder != null) recorder.afterForward();
        p.backward();
        if (recorder != null) recorder.afterBackward(paramViews, gradViews);
        if (keepGradient) { // before the optimizer turns the gradient into the update
            keepGradient = false;
            keptGradient = sample(grads, gradViews);
            Map<String, Double> norms = new HashMap<>();
            gradSquares.forEach((node, sq) -> norms.put(node, Math.sqrt(sq.total())));
            keptGradientNorm = norms;
        }
        optimizer.step(iteration++);
        for (int i = 0; i < frozen.size(); i++) frozen.get(i).run(); // indexed: an iterator per step is garbage
        if (recorder != null) trace = recorder.afterUpdate(paramViews, p.loss.getDouble(0), optimizer);
        return p.loss.getDouble(0);
    }

    @Override
    public boolean canTrace() {
        return true;
    }

    @Override
    public void traceNextStep() {
        traceNext = true;
    }

    @Override
    public Optional<org.strata.engine.backprop.StepTrace> takeTrace() {
        org.strata.engine.backprop.StepTrace t = trace;
        trace = null;
        return Optional.ofNullable(t);
    }

    @Override
    public void freeze(java.util.Set<String> nodeIds) {
        frozenNodes = java.util.Set.copyOf(nodeIds);
        frozen.clear();
        for (String id : nodeIds) {
            for (INDArray v : paramViews.getOrDefault(id, Map.of()).values()) {
                frozen.add(NativeOp.of("identity").in(v.dup('c')).out(v).build());
            }
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

    @Override
    public Map<String, Double> keptGradientNorms() {
        return keptGradientNorm;
    }

    @Override
    public Map<String, float[]> parameterValues() {
        return sample(params, paramViews);
    }

    /**
     * Reads, per node, every k-th value of its views of {@code flat} (padding left out), at most about
     * {@link #PARAMETER_SAMPLE}: a snapshot's histograms need no copy of every weight.
     */
    private static Map<String, float[]> sample(INDArray flat, Map<String, Map<String, INDArray>> views) {
        HostMemory.beforeRead(flat);
        java.nio.FloatBuffer buf = flat.data().asNioFloat();
        Map<String, float[]> out = new LinkedHashMap<>();
        views.forEach((node, mine) -> {
            long n = 0;
            for (INDArray v : mine.values()) n += v.length();
            if (n == 0) return;
            long stride = Math.max(1, (n + PARAMETER_SAMPLE - 1) / PARAMETER_SAMPLE);
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

    /**
     * Computes the loss and the gradient on a batch without updating anything; for gradient checks.
     *
     * @return the batch's mean loss; {@link #exportGradients()} then holds dLoss/dParameters
     */
    public double computeGradient(INDArray features, INDArray labels) {
        Plan p = trainPlan((int) features.size(0));
        p.load(features, labels);
        p.forward();
        p.backward();
        return p.loss.getDouble(0);
    }

    /** @return the gradient (or, after {@link #fit}, the last update) by export name, as copies */
    public Map<String, INDArray> exportGradients() {
        Map<String, INDArray> out = new LinkedHashMap<>();
        gradViews.forEach((node, views) -> views.forEach((name, v) -> out.put(node + "/" + name, v.dup('c'))));
        return out;
    }

    @Override
    public void setLearningRate(double lr) {
        optimizer.setLearningRate(lr);
    }

    private Plan evaluate(INDArray features) {
        Plan p = plan(evalPlans, (int) features.size(0), false);
        p.load(features, null);
        p.forward();
        return p;
    }

    /**
     * The array to show as a node's output. A softmax or sigmoid that the loss applies shows as the probabilities,
     * as users expect of "Dense 10 softmax". (A ReLU moved past pooling is applied by the callers.)
     */
    private INDArray shown(Plan p, String id) {
        Node n = graph.require(id);
        boolean squashedByLoss = feedsSquashingLoss(id)
                && n.type().outputActivation(n.params()) != ActivationFn.IDENTITY;
        return p.activations.get(squashedByLoss ? outputId : id);
    }

    @Override
    public INDArray predict(INDArray features) {
        return NativeOp.copy(evaluate(features).activations.get(outputId));
    }

    @Override
    public Map<String, INDArray> activations(INDArray features) {
        Plan p = evaluate(features);
        Map<String, INDArray> out = new HashMap<>();
        for (String id : order) {
            INDArray a = NativeOp.copy(shown(p, id));
            if (reluMovedPastPool(id)) NativeOp.of("relu").in(a).out(a).targs(0.0).build().run(); // as users see it
            out.put(id, a);
        }
        return out;
    }

    @Override
    public float[] predictValues(INDArray features) {
        INDArray a = evaluate(features).activations.get(outputId);
        float[] v = new float[(int) a.length()];
        HostMemory.beforeRead(a);
        a.data().asNioFloat().get(v); // a plain copy; evaluation between epochs runs no extra ND4J op
        return v;
    }

    @Override
    public Map<String, float[]> activationValues(INDArray features) {
        Plan p = evaluate(features);
        Map<String, float[]> out = new HashMap<>();
        for (String id : order) {
            INDArray a = shown(p, id);
            float[] v = new float[(int) a.length()];
            HostMemory.beforeRead(a);
            a.data().asNioFloat().position((int) a.offset()).get(v); // a plain copy; no op runs
            if (reluMovedPastPool(id)) for (int i = 0; i < v.length; i++) v[i] = Math.max(0f, v[i]);
            out.put(id, v);
        }
        return out;
    }

    /**
     * Reads the summary straight from the engine's memory: every k-th value and the first sample's, so that a
     * convolution's million outputs cost a snapshot no million-value copy (nor the garbage collector's time).
     */
    @Override
    public Map<String, float[][]> activationSummary(INDArray features, int maxValues, int sampleValues) {
        Plan p = evaluate(features);
        long n = Math.max(1, features.size(0));
        Map<String, float[][]> out = new HashMap<>();
        for (String id : order) {
            INDArray a = shown(p, id);
            HostMemory.beforeRead(a);
            java.nio.FloatBuffer buf = a.data().asNioFloat();
            int from = (int) a.offset();
            int length = (int) a.length();
            int stride = Math.max(1, (length + maxValues - 1) / maxValues);
            float[] strided = new float[(length + stride - 1) / stride];
            for (int i = 0, j = 0; i < length; i += stride) strided[j++] = buf.get(from + i);
            float[] first = new float[(int) Math.min(length / n, sampleValues)];
            buf.position(from);
            buf.get(first);
            if (reluMovedPastPool(id)) {
                for (int i = 0; i < strided.length; i++) strided[i] = Math.max(0f, strided[i]);
                for (int i = 0; i < first.length; i++) first[i] = Math.max(0f, first[i]);
            }
            out.put(id, new float[][]{strided, first});
        }
        return out;
    }

    @Override
    public Map<String, double[]> parameterNorms() {
        Map<String, double[]> out = new HashMap<>();
        paramSquares.forEach((node, sq) -> {
            // after a step the gradient array holds the update; a frozen layer's is thrown away: it got nothing
            double update = frozenNodes.contains(node) ? 0 : Math.sqrt(gradSquares.get(node).total());
            out.put(node, new double[]{Math.sqrt(sq.total()), update});
        });
        return out;
    }

    @Override
    public INDArray parameters() {
        return NativeOp.copy(params);
    }

    @Override
    public void setParameters(INDArray flat) {
        NativeOp.copy(flat.reshape(params.shape()), params);
    }

    @Override
    public double paramNorm(String nodeId) {
        return parameterNorms().getOrDefault(nodeId, new double[2])[0];
    }

    @Override
    public double updateNorm(String nodeId) {
        return parameterNorms().getOrDefault(nodeId, new double[2])[1];
    }

    @Override
    public boolean paramsFinite(String nodeId) {
        for (INDArray v : paramViews.getOrDefault(nodeId, Map.of()).values()) {
            if (v.isNaN().any() || v.isInfinite().any()) return false;
        }
        return true;
    }

    @Override
    public Map<String, INDArray> exportParameters() {
        Map<String, INDArray> out = new LinkedHashMap<>();
        paramViews.forEach((node, views) -> views.forEach((name, v) -> out.put(node + "/" + name, v.dup('c'))));
        return out;
    }

    @Override
    public void importParameters(Map<String, INDArray> values) {
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

    @Override
    public INDArray optimizerState() {
        return optimizer.state();
    }

    @Override
    public long iterations() {
        return iteration;
    }

    @Override
    public void setIterations(long steps) {
        iteration = steps;
    }

    @Override
    public void setOptimizerState(INDArray state) {
        if (state != null) optimizer.setState(state);
    }
}
