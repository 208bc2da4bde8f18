package org.strata.engine.train.fast;

import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.strata.engine.analysis.Analysis;
import org.strata.engine.backend.Engine;
import org.strata.engine.backend.NetworkBackend;
import org.strata.engine.backend.NetworkTracing;
import org.strata.engine.backprop.StepTrace;
import org.strata.engine.graph.Graph;
import org.strata.engine.params.Params;
import org.strata.engine.text.Message;

/**
 * Strata's fast engine: a chain of supported layers run on libnd4j ops with flat parameter, gradient and optimizer
 * arrays and one preallocated {@link Plan} per batch size. {@link #unsupported} says why a graph cannot use it.
 *
 * <p>A facade over the parts: {@link NetworkLayout} (the graph as the engine reads it), {@link FlatParameters}
 * (weights and gradients), {@link Plans} (plan building), {@link StepLoop} (training steps and traces) and
 * {@link FastInspection} (predictions and layer outputs).
 */
public final class FastNetwork implements NetworkBackend, NetworkTracing {
    private final FlatParameters parameters;
    private final Optimizer optimizer;
    private final StepLoop steps;
    private final FastInspection inspection;

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
    public FastNetwork(Graph graph, Analysis analysis, Params training) {
        Optional<Message> why = unsupported(graph, analysis, training);
        if (why.isPresent()) throw new IllegalArgumentException("the fast engine cannot run this graph: " + why.get());
        int seed = training.getInt("seed");
        NetworkLayout layout = new NetworkLayout(graph, analysis, seed);
        parameters = new FlatParameters(layout, seed);
        optimizer = new Optimizer(training, parameters.flat(), parameters.flatGradient(), parameters.decayed());
        Plans plans = new Plans(layout, parameters);
        steps = new StepLoop(layout, parameters, plans, optimizer);
        inspection = new FastInspection(layout, plans);
    }

    @Override
    public Engine engine() {
        return Engine.STRATA;
    }

    // --- training ---

    @Override
    public INDArray[] trainingInputs(int n) {
        return steps.inputs(n);
    }

    @Override
    public double fit(INDArray features, INDArray labels) {
        return steps.fit(features, labels);
    }

    @Override
    public void setLearningRate(double lr) {
        optimizer.setLearningRate(lr);
    }

    @Override
    public void freeze(Set<String> nodeIds) {
        steps.freeze(nodeIds);
    }

    /**
     * Computes the loss and the gradient on a batch without updating anything; for gradient checks.
     *
     * @return the batch's mean loss; {@link #exportGradients()} then holds dLoss/dParameters
     */
    public double computeGradient(INDArray features, INDArray labels) {
        return steps.computeGradient(features, labels);
    }

    /** @return the gradient (or, after {@link #fit}, the last update) by export name, as copies */
    public Map<String, INDArray> exportGradients() {
        return parameters.exportGradients();
    }

    @Override
    public INDArray parameters() {
        return NativeOp.copy(parameters.flat());
    }

    @Override
    public void setParameters(INDArray flat) {
        NativeOp.copy(flat.reshape(parameters.flat().shape()), parameters.flat());
    }

    @Override
    public void importParameters(Map<String, INDArray> values) {
        parameters.importFrom(values);
    }

    @Override
    public INDArray optimizerState() {
        return optimizer.state();
    }

    @Override
    public void setOptimizerState(INDArray state) {
        if (state != null) optimizer.setState(state);
    }

    @Override
    public long iterations() {
        return steps.iterations();
    }

    @Override
    public void setIterations(long n) {
        steps.setIterations(n);
    }

    // --- tracing ---

    @Override
    public void traceNextStep() {
        steps.traceNextStep();
    }

    @Override
    public Optional<StepTrace> takeTrace() {
        return steps.takeTrace();
    }

    // --- inspection ---

    @Override
    public INDArray predict(INDArray features) {
        return inspection.predict(features);
    }

    @Override
    public float[] predictValues(INDArray features) {
        return inspection.predictValues(features);
    }

    @Override
    public Map<String, INDArray> activations(INDArray features) {
        return inspection.activations(features);
    }

    @Override
    public Map<String, float[]> activationValues(INDArray features) {
        return inspection.activationValues(features);
    }

    @Override
    public Map<String, float[][]> activationSummary(INDArray features, int maxValues, int sampleValues) {
        return inspection.activationSummary(features, maxValues, sampleValues);
    }

    @Override
    public Map<String, INDArray> exportParameters() {
        return parameters.export();
    }

    @Override
    public Map<String, double[]> parameterNorms() {
        return parameters.norms(steps.frozenNodes());
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
        return parameters.finite(nodeId);
    }

    @Override
    public Map<String, float[]> parameterValues() {
        return parameters.sampleValues();
    }

    @Override
    public void keepNextGradient() {
        steps.keepNextGradient();
    }

    @Override
    public Map<String, float[]> keptGradients() {
        return steps.keptGradients();
    }

    @Override
    public Map<String, Double> keptGradientNorms() {
        return steps.keptGradientNorms();
    }
}
