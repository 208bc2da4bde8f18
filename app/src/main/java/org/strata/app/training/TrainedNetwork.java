package org.strata.app.training;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.factory.Nd4j;
import org.strata.engine.data.Dataset;
import org.strata.engine.data.Split;
import org.strata.engine.export.NpzForward;
import org.strata.engine.layers.TensorShape;
import org.strata.engine.train.TrainingSession;

/**
 * The network a run trained (or is training), as Try it and the Layers tab ask it things: predictions for a raw
 * sample, every layer's output for one sample. It answers from the run's own copy of the graph, so editing the graph
 * after the run changes nothing here; the questions run on the training thread between batches, or at once after the
 * run.
 */
public final class TrainedNetwork {
    private final TrainingSession session;

    TrainedNetwork(TrainingSession session) {
        this.session = session;
    }

    /** @return the Input node's id */
    public String inputNodeId() {
        return session.inputNode();
    }

    /** @return the data it trains on */
    public Dataset dataset() {
        return session.dataset();
    }

    /**
     * Predicts for one raw sample (pixel values or table values as in the data files, in the Input's order): the
     * sample is normalised as the training data was.
     *
     * @return class probabilities (or predicted values)
     */
    public CompletableFuture<float[]> predict(float[] raw) {
        float[] row = raw.clone();
        session.dataset().normalizer().apply(row, 0);
        long[] shape = inputShape();
        return session.probe(net -> net.predictValues(Nd4j.create(row, shape)));
    }

    /**
     * Predicts for several raw samples at once, as {@link #predict} does for one.
     *
     * @return one row of class probabilities (or predicted values) per sample
     */
    public CompletableFuture<float[][]> predictEach(float[][] raws) {
        long[] one = inputShape();
        long[] shape = one.clone();
        shape[0] = raws.length;
        float[] rows = new float[raws.length * raws[0].length];
        for (int i = 0; i < raws.length; i++) {
            float[] row = raws[i].clone();
            session.dataset().normalizer().apply(row, 0);
            System.arraycopy(row, 0, rows, i * row.length, row.length);
        }
        return session.probe(net -> {
            float[] all = net.predictValues(Nd4j.create(rows, shape));
            int width = all.length / raws.length;
            float[][] out = new float[raws.length][];
            for (int i = 0; i < raws.length; i++) out[i] = java.util.Arrays.copyOfRange(all, i * width, (i + 1) * width);
            return out;
        });
    }

    /** @return every layer's output for sample {@code i} of a split: by node id, row-major and channels last */
    public CompletableFuture<Map<String, float[]>> activationsOf(Split split, int i) {
        float[] row = features(split, session.dataset(), i);
        long[] shape = inputShape();
        return session.probe(net -> net.activationValues(Nd4j.create(row, shape)));
    }

    /** @return every layer's output for a raw sample (as the data files hold it), as {@link #activationsOf} */
    public CompletableFuture<Map<String, float[]>> activationsOf(float[] raw) {
        float[] row = raw.clone();
        session.dataset().normalizer().apply(row, 0);
        long[] shape = inputShape();
        return session.probe(net -> net.activationValues(Nd4j.create(row, shape)));
    }

    /**
     * What the network's sequence layers do inside for sample {@code i} of a split ({@link NpzForward.Inside}),
     * computed from a copy of its weights: the training thread only copies them, the rest runs on another thread.
     */
    public CompletableFuture<NpzForward.Inside> insideOf(Split split, int i) {
        float[] raw = new float[split.featureSize()];
        split.rawFeatures(i, raw, 0);
        return insideOf(raw);
    }

    /** @return as {@link #insideOf(Split, int)}, for a raw sample (as the data files hold it) */
    public CompletableFuture<NpzForward.Inside> insideOf(float[] raw) {
        var data = session.dataset();
        var graph = session.project().graph();
        return session.probe(net -> {
            Map<String, float[]> arrays = new java.util.HashMap<>();
            net.exportParameters().forEach((k, v) -> arrays.put(k, v.castTo(DataType.FLOAT).dup('c').data()
                    .asFloat()));
            return arrays;
        }).thenApplyAsync(arrays -> {
            arrays.put(session.inputNode() + "/shift", data.normalizer().shift());
            arrays.put(session.inputNode() + "/scale", data.normalizer().scale());
            return new NpzForward(graph, arrays).inside(raw);
        });
    }

    /**
     * @return the network as a trained model, its weights copied now (between two batches while it trains): a
     * network of its own can then answer without waiting for the training thread
     */
    public CompletableFuture<org.strata.engine.model.TrainedModel> snapshot() {
        return session.probe(net -> org.strata.engine.train.TrainedModels.of(session, session.epochsDone()));
    }

    /** @return the graph of the network this run trains (the run's own copy: later edits are not in it) */
    public org.strata.engine.graph.Graph graph() {
        return session.project().graph();
    }

    /** @return a node of the network this run trains, if it is in it */
    public Optional<org.strata.engine.graph.Node> nodeOf(String nodeId) {
        return session.project().graph().node(nodeId);
    }

    /** @return the held-out samples to look at: validation, else test, else training data */
    public Split sampleSplit() {
        var d = session.dataset();
        return d.validation().size() > 0 ? d.validation() : d.test().size() > 0 ? d.test() : d.train();
    }

    /** @return a node's output shape in this network, if the node is in it */
    public Optional<TensorShape> shapeOf(String nodeId) {
        return session.analysis().shapeOf(nodeId);
    }

    /** @return sample {@code i} of a split, normalised as the network sees it, in the dataset's shape */
    public static float[] features(Split split, Dataset data, int i) {
        float[] v = new float[(int) data.featureShape().size()];
        split.features(i, v, 0);
        return v;
    }

    /** The batch-of-one shape the network's Input takes (an MLP reads MNIST's 28×28×1 images as vectors of 784). */
    private long[] inputShape() {
        int[] dims = shapeOf(session.inputNode()).orElse(session.dataset().featureShape()).dims();
        long[] shape = new long[dims.length + 1];
        shape[0] = 1;
        for (int i = 0; i < dims.length; i++) shape[i + 1] = dims[i];
        return shape;
    }
}
