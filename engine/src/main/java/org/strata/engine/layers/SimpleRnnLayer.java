package org.strata.engine.layers;

/** The plain (Elman) recurrent layer: one tanh of the input and the previous state per step. */
public final class SimpleRnnLayer extends RecurrentLayer {
    public SimpleRnnLayer() {
        super("SimpleRNN", "Reads a sequence step by step; the simplest memory",
                "Per step t: h_t = tanh(x_t·W + h_{t−1}·U + b). Outputs every h_t, or only the last; bidirectional "
                        + "adds a reading from the end, side by side.", 1, "");
    }
}
