package org.strata.engine.train.fast;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.strata.engine.analysis.PaddingMasks;
import org.strata.engine.graph.Node;
import org.strata.engine.layers.TensorShape;

/**
 * Everything one batch size needs, allocated once: activations, gradients and scratch arrays, and the ops that
 * read and write them, in order. Running a plan allocates nothing.
 */
final class Plan {
    final int batch;
    final INDArray features;
    final INDArray labels;
    final INDArray loss;
    final Map<String, INDArray> activations = new HashMap<>();
    /** The padding each marking Embedding fills, by its id. */
    private final Map<String, StepMask> paddings = new HashMap<>();
    private PaddingMasks paddingMasks;
    private final NativeOp copyFeatures;
    private final NativeOp copyLabels;
    private final List<NativeOp> forward = new ArrayList<>();
    private final List<List<NativeOp>> backward = new ArrayList<>();
    /** A training plan's Output forward ops, which training skips: run only to show a traced step's predictions. */
    private final List<NativeOp> outputForward = new ArrayList<>();
    /** Where the backward pass leaves each node's output gradient (empty in an inference plan). */
    private Grads grads = new Grads();

    private Plan(int batch, INDArray features, INDArray labels, INDArray loss) {
        this.batch = batch;
        this.features = features;
        this.labels = labels;
        this.loss = loss;
        this.copyFeatures = NativeOp.of("identity").in(features).out(features).build();
        this.copyLabels = NativeOp.of("identity").in(labels).out(labels).build();
    }

    private final Map<Long, INDArray> ones = new HashMap<>();

    private INDArray onesOf(long n) {
        return ones.computeIfAbsent(n, k -> {
            INDArray a = Aligned.zeros(1, k);
            NativeOp.of("ones_as").in(a).out(a).build().run();
            return a;
        });
    }

    /**
     * Copies a batch into the plan's input arrays (labels may be null for inference); a batch already written into
     * them (see {@link FastNetwork#trainingInputs(int)}) is not copied.
     */
    void load(INDArray x, INDArray y) {
        if (x != features) {
            copyFeatures.setInput(0, x);
            copyFeatures.run();
        }
        if (y != null && y != labels) {
            copyLabels.setInput(0, y);
            copyLabels.run();
        }
    }

    void forward() {
        for (int i = 0; i < forward.size(); i++) forward.get(i).run(); // indexed: no iterator per step
    }

    private final List<java.util.function.LongConsumer> stepHooks = new ArrayList<>();

    /** Prepares per-step state (random masks) for training step {@code iteration}. */
    void beforeStep(long iteration) {
        for (int i = 0; i < stepHooks.size(); i++) stepHooks.get(i).accept(iteration);
    }

    /** Runs the backward ops, last node first. */
    void backward() {
        for (int i = backward.size() - 1; i >= 0; i--) {
            List<NativeOp> ops = backward.get(i);
            for (int k = 0; k < ops.size(); k++) ops.get(k).run();
        }
    }

    /** Computes the Output's predictions in a training plan (see {@link #outputForward}). */
    void outputForward() {
        for (NativeOp op : outputForward) op.run();
    }

    /** @return dLoss/d(output of {@code id}) as the last backward pass left it, or null if nothing holds it */
    INDArray gradientOf(String id) {
        return grads.outputs.get(id);
    }

    /**
     * Builds a plan.
     *
     * @param parameters the weights and gradients the kernels read and write
     * @param training   also build the backward pass (gradients, loss)
     */
    static Plan build(NetworkLayout net, FlatParameters parameters, int batch, boolean training) {
        TensorShape in = net.shape(net.inputId());
        TensorShape out = net.shape(net.outputId());
        // labels as the Output's shape: [batch, K], or [batch, T, K] for a class at every step
        Plan plan = new Plan(batch, Aligned.zeros(withBatch(batch, in)), out.kind() == TensorShape.Kind.SEQUENCE
                ? Aligned.zeros(withBatch(batch, out)) : Aligned.zeros(batch, out.size()), Nd4j.scalar(0f));
        Grads g = plan.grads;
        plan.paddingMasks = net.paddingMasks();
        Map<String, Kernel> kernels = new HashMap<>();
        for (String id : net.order()) {
            Node node = net.node(id);
            Kernel kernel = Kernels.create(node.type());
            kernels.put(id, kernel);
            TensorShape shape = net.shape(id);
            if (id.equals(net.inputId())) {
                plan.activations.put(id, plan.features);
                continue;
            }
            List<String> producers = net.producers(id);
            for (int port = 0; port < producers.size(); port++) {
                g.edges.put(id + "#" + port, training ? g.edgeGradient(net, producers.get(port), batch) : null);
            }
            Ctx ctx = plan.new Ctx(net, parameters, node, g, training);
            if (kernel.isView(ctx)) {
                plan.activations.put(id, ctx.input().reshape('c', withBatch(batch, shape)));
                INDArray edge = g.edges.get(id + "#0");
                if (edge != null) g.outputs.put(id, edge.reshape('c', withBatch(batch, shape)));
            } else {
                plan.activations.put(id, Aligned.zeros(withBatch(batch, shape)));
                if (training) g.outputs.put(id, Aligned.zeros(withBatch(batch, shape)));
                // Training never reads the Output's probabilities (its loss ops start from the logits): kept aside.
                int from = plan.forward.size();
                kernel.forward(ctx);
                if (training && id.equals(net.outputId())) {
                    List<NativeOp> mine = plan.forward.subList(from, plan.forward.size());
                    plan.outputForward.addAll(mine);
                    mine.clear();
                }
            }
        }
        if (training) {
            for (String id : net.order()) {
                Kernel kernel = kernels.get(id);
                Ctx ctx = plan.new Ctx(net, parameters, net.node(id), g, true);
                plan.backward.add(ctx.backwardOps);
                // A node feeding several layers gets the sum of their gradients, before its own backward ops.
                List<INDArray> parts = g.fanIn.getOrDefault(id, List.of());
                for (int k = 0; k < parts.size(); k++) {
                    INDArray total = g.outputs.get(id);
                    ctx.backwardOp(k == 0 ? NativeOp.of("identity").in(parts.get(0)).out(total).build()
                            : NativeOp.of("add").in(total, parts.get(k)).out(total).build());
                }
                if (!id.equals(net.inputId()) && !kernel.isView(ctx)) kernel.backward(ctx);
            }
        }
        return plan;
    }

    /** Where gradients go: each node's output gradient, and the per-edge buffers of nodes that feed several. */
    private static final class Grads {
        final Map<String, INDArray> outputs = new HashMap<>();
        final Map<String, INDArray> edges = new HashMap<>();
        final Map<String, List<INDArray>> fanIn = new HashMap<>();

        /** @return where a consumer writes dLoss/dInput for an edge from {@code producer}; null if nobody needs it */
        INDArray edgeGradient(NetworkLayout net, String producer, int batch) {
            INDArray target = outputs.get(producer);
            if (target == null) return null; // the network input, or a view of it
            if (net.consumers(producer) == 1) return target;
            INDArray part = Aligned.zeros(target.shape());
            fanIn.computeIfAbsent(producer, k -> new ArrayList<>()).add(part);
            return part;
        }
    }

    static long[] withBatch(int batch, TensorShape s) {
        long[] shape = new long[s.dims().length + 1];
        shape[0] = batch;
        for (int i = 0; i < s.dims().length; i++) shape[i + 1] = s.dim(i);
        return shape;
    }

    /** The kernel's view of this plan, for one node. */
    private final class Ctx implements KernelContext {
        private final NetworkLayout net;
        private final FlatParameters parameters;
        private final Node node;
        private final Grads grads;
        private final boolean training;
        private final List<NativeOp> backwardOps = new ArrayList<>();

        Ctx(NetworkLayout net, FlatParameters parameters, Node node, Grads grads, boolean training) {
            this.net = net;
            this.parameters = parameters;
            this.node = node;
            this.grads = grads;
            this.training = training;
        }

        @Override
        public Node node() {
            return node;
        }

        @Override
        public int batch() {
            return batch;
        }

        @Override
        public int inputCount() {
            return net.producers(node.id()).size();
        }

        @Override
        public TensorShape inputShape(int port) {
            return net.shape(net.producers(node.id()).get(port));
        }

        @Override
        public TensorShape outputShape() {
            return net.shape(node.id());
        }

        @Override
        public INDArray input(int port) {
            return activations.get(net.producers(node.id()).get(port));
        }

        @Override
        public INDArray output() {
            return activations.get(node.id());
        }

        @Override
        public INDArray outputGradient() {
            return grads.outputs.get(node.id());
        }

        @Override
        public INDArray inputGradient(int port) {
            return training ? grads.edges.get(node.id() + "#" + port) : null;
        }

        @Override
        public StepMask padding() {
            return paddingMasks.ofInput(node.id()).map(paddings::get).orElse(null);
        }

        @Override
        public StepMask marksPadding() {
            if (!paddingMasks.carriedBy(node.id()).filter(node.id()::equals).isPresent()) return null;
            return paddings.computeIfAbsent(node.id(), k -> new StepMask(batch, outputShape().dim(0)));
        }

        @Override
        public INDArray param(String name) {
            return parameters.param(node.id(), name);
        }

        @Override
        public INDArray paramGradient(String name) {
            return parameters.paramGradient(node.id(), name);
        }

        @Override
        public INDArray tiedWeight() {
            return net.analysis().tiedEmbedding(node.id()).map(e -> parameters.param(e, "E")).orElse(null);
        }

        @Override
        public INDArray tiedWeightGradient() {
            return net.analysis().tiedEmbedding(node.id()).map(e -> parameters.paramGradient(e, "E")).orElse(null);
        }

        @Override
        public boolean addsToSharedGradient() {
            var a = net.analysis();
            String embedding = a.tiedEmbedding(node.id()).orElse(node.id());
            List<String> sharing = new ArrayList<>(a.tiedTo(embedding));
            sharing.add(embedding);
            int mine = net.order().indexOf(node.id());
            return sharing.size() > 1 && sharing.stream().anyMatch(id -> net.order().indexOf(id) > mine);
        }

        @Override
        public INDArray labels() {
            return labels;
        }

        @Override
        public INDArray loss() {
            return loss;
        }

        @Override
        public boolean feedsSquashingLoss() {
            return net.feedsSquashingLoss(node.id());
        }

        @Override
        public boolean reluMovedPastPool() {
            return net.reluMovedPastPool(node.id());
        }

        @Override
        public boolean training() {
            return training;
        }

        @Override
        public long seed() {
            return net.seed() * 1_000_003L + net.order().indexOf(node.id());
        }

        @Override
        public void beforeStep(java.util.function.LongConsumer hook) {
            stepHooks.add(hook);
        }

        @Override
        public boolean appliesMovedRelu() {
            List<String> producers = net.producers(node.id());
            return producers.size() == 1 && net.reluMovedPastPool(producers.get(0));
        }

        @Override
        public INDArray ones(long n) {
            return onesOf(n);
        }

        @Override
        public INDArray scratch(long... shape) {
            return Aligned.zeros(shape);
        }

        @Override
        public void forwardOp(NativeOp op) {
            forward.add(op);
        }

        @Override
        public void backwardOp(NativeOp op) {
            backwardOps.add(op);
        }
    }
}
