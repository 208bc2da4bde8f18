package org.strata.engine.train.fast;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.strata.engine.backprop.StepTrace;

/**
 * One training step on a batch: load it into the batch size's plan, forward, backward, then the optimizer's update
 * and the frozen layers put back. On request a step also keeps its gradient for telemetry or is copied out whole
 * for the step-through view; other steps allocate nothing.
 */
final class StepLoop {
    private final NetworkLayout layout;
    private final FlatParameters parameters;
    private final Plans plans;
    private final Optimizer optimizer;
    private long iteration;
    /** Copies putting frozen nodes' parameters back after every optimizer step (built once, when frozen). */
    private final List<NativeOp> frozen = new ArrayList<>();
    private Set<String> frozenNodes = Set.of();
    /** Set by {@link #keepNextGradient()}: the next fit copies its gradient before the optimizer step. */
    private boolean keepGradient;
    /** A sample of the gradient kept by {@link #keepNextGradient()}, and the whole gradient's norm, per node. */
    private Map<String, float[]> keptGradient = Map.of();
    private Map<String, Double> keptGradientNorm = Map.of();
    /** Set by {@link #traceNextStep()}: the next fit is copied out into {@link #trace}. */
    private boolean traceNext;
    private StepTrace trace;

    StepLoop(NetworkLayout layout, FlatParameters parameters, Plans plans, Optimizer optimizer) {
        this.layout = layout;
        this.parameters = parameters;
        this.plans = plans;
        this.optimizer = optimizer;
    }

    /** @return the arrays a batch of {@code n} may be written into before {@link #fit} */
    INDArray[] inputs(int n) {
        Plan p = plans.training(n);
        return new INDArray[]{p.features, p.labels};
    }

    /** One optimisation step. @return the batch's loss */
    double fit(INDArray features, INDArray labels) {
        Plan p = plans.training((int) features.size(0));
        p.load(features, labels);
        p.beforeStep(iteration);
        p.forward();
        TraceRecorder recorder = traceNext ? new TraceRecorder(layout, p) : null;
        traceNext = false;
        if (recorder != null) recorder.afterForward();
        p.backward();
        if (recorder != null) recorder.afterBackward(parameters.views(), parameters.gradientViews());
        if (keepGradient) { // before the optimizer turns the gradient into the update
            keepGradient = false;
            keptGradient = parameters.sampleGradients();
            keptGradientNorm = parameters.gradientNorms();
        }
        optimizer.step(iteration++);
        for (int i = 0; i < frozen.size(); i++) frozen.get(i).run(); // indexed: an iterator per step is garbage
        if (recorder != null) trace = recorder.afterUpdate(parameters.views(), p.loss.getDouble(0), optimizer);
        return p.loss.getDouble(0);
    }

    /** The loss and gradient on a batch, nothing updated (no step counted, no dropout mask drawn anew). */
    double computeGradient(INDArray features, INDArray labels) {
        Plan p = plans.training((int) features.size(0));
        p.load(features, labels);
        p.forward();
        p.backward();
        return p.loss.getDouble(0);
    }

    /** Freezes exactly these nodes: their parameters as they are now are put back after every step. */
    void freeze(Set<String> nodeIds) {
        frozenNodes = Set.copyOf(nodeIds);
        frozen.clear();
        for (String id : nodeIds) {
            for (INDArray v : parameters.views().getOrDefault(id, Map.of()).values()) {
                frozen.add(NativeOp.of("identity").in(v.dup('c')).out(v).build());
            }
        }
    }

    Set<String> frozenNodes() {
        return frozenNodes;
    }

    void keepNextGradient() {
        keepGradient = true;
    }

    Map<String, float[]> keptGradients() {
        return keptGradient;
    }

    Map<String, Double> keptGradientNorms() {
        return keptGradientNorm;
    }

    void traceNextStep() {
        traceNext = true;
    }

    /** @return the step recorded after {@link #traceNextStep()}, once */
    Optional<StepTrace> takeTrace() {
        StepTrace t = trace;
        trace = null;
        return Optional.ofNullable(t);
    }

    long iterations() {
        return iteration;
    }

    void setIterations(long steps) {
        iteration = steps;
    }
}
