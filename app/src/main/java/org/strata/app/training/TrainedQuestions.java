package org.strata.app.training;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import org.strata.engine.data.Dataset;
import org.strata.engine.data.Split;
import org.strata.engine.layers.TensorShape;

/**
 * What the views ask of the network the last run trained (or is training): Try it's predictions, the Layers tab's
 * activations and shapes, the samples to look at. Each answer comes from {@link #network()}; before a run there is
 * none, and a future fails.
 */
public interface TrainedQuestions {
    /** @return the network the last run trained (or is training), or empty before a run */
    Optional<TrainedNetwork> network();

    /** @return the Input node of the network last trained, or null before a run */
    default String inputNodeId() {
        return network().map(TrainedNetwork::inputNodeId).orElse(null);
    }

    /** @return the dataset of the last run, or null before one */
    default Dataset dataset() {
        return network().map(TrainedNetwork::dataset).orElse(null);
    }

    /** @see TrainedNetwork#predict */
    default CompletableFuture<float[]> predict(float[] raw) {
        return network().map(n -> n.predict(raw)).orElseGet(TrainedQuestions::noRun);
    }

    /** @see TrainedNetwork#predictEach */
    default CompletableFuture<float[][]> predictEach(float[][] raws) {
        return network().map(n -> n.predictEach(raws)).orElseGet(TrainedQuestions::noRun);
    }

    /** @see TrainedNetwork#insideOf */
    default CompletableFuture<org.strata.engine.export.NpzForward.Inside> insideOf(Split split, int i) {
        return network().map(n -> n.insideOf(split, i)).orElseGet(TrainedQuestions::noRun);
    }

    /** @see TrainedNetwork#insideOf(float[]) */
    default CompletableFuture<org.strata.engine.export.NpzForward.Inside> insideOf(float[] raw) {
        return network().map(n -> n.insideOf(raw)).orElseGet(TrainedQuestions::noRun);
    }

    /** @see TrainedNetwork#activationsOf(float[]) */
    default CompletableFuture<Map<String, float[]>> activationsOf(float[] raw) {
        return network().map(n -> n.activationsOf(raw)).orElseGet(TrainedQuestions::noRun);
    }

    /** @see TrainedNetwork#nodeOf */
    default java.util.Optional<org.strata.engine.graph.Node> nodeOf(String nodeId) {
        return network().flatMap(n -> n.nodeOf(nodeId));
    }

    /** @see TrainedNetwork#activationsOf */
    default CompletableFuture<Map<String, float[]>> activationsOf(Split split, int i) {
        return network().map(n -> n.activationsOf(split, i)).orElseGet(TrainedQuestions::noRun);
    }

    /** @return the held-out samples to look at ({@link TrainedNetwork#sampleSplit}), or null before a run */
    default Split sampleSplit() {
        return network().map(TrainedNetwork::sampleSplit).orElse(null);
    }

    /** @return a node's output shape in the network last trained (edits after a run change nothing), if in it */
    default Optional<TensorShape> shapeOf(String nodeId) {
        return network().flatMap(n -> n.shapeOf(nodeId));
    }

    private static <T> CompletableFuture<T> noRun() {
        return CompletableFuture.failedFuture(new IllegalStateException("no run"));
    }
}
