package org.strata.engine.backend;

import java.util.Optional;
import org.strata.engine.backprop.StepTrace;

/**
 * An engine that can copy out one whole training step for the step-through view: its inputs, every layer's output,
 * the loss, the gradients that flowed back, each weight before and after the update. Only engines that can do so
 * implement it (Strata's fast engine; Deeplearning4j does not), so callers ask {@code backend instanceof
 * NetworkTracing} instead of a capability flag.
 */
public interface NetworkTracing {
    /**
     * Asks the engine to copy out everything the next {@link TrainableNetwork#fit} computes (see {@link StepTrace}),
     * for {@link #takeTrace()}.
     */
    void traceNextStep();

    /** @return the step recorded after {@link #traceNextStep()}, once; empty if none */
    Optional<StepTrace> takeTrace();
}
