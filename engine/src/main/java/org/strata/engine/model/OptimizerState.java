package org.strata.engine.model;

/**
 * An optimizer's flat state (Adam's moments), as the engine that trained a model left it: it only means something
 * to that engine, so a network built on another starts its optimizer afresh.
 *
 * @param engine the title of the engine that wrote it ("" when unknown)
 * @param state  its values; empty for an optimizer without state
 */
public record OptimizerState(String engine, FloatArray state) {
    /** @return no state, from {@code engine} */
    public static OptimizerState none(String engine) {
        return new OptimizerState(engine, FloatArray.vector(new float[0]));
    }

    /** @return whether there is no state to keep */
    public boolean isEmpty() {
        return state.size() == 0;
    }
}
