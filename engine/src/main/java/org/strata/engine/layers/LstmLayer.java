package org.strata.engine.layers;

/** A long short-term memory layer over a sequence. */
public final class LstmLayer extends RecurrentLayer {
    public LstmLayer() {
        super("LSTM", "Reads a sequence step by step, keeping a memory",
                "Per step t: gates i, f, o = σ(x_t·W + h_{t−1}·U + b), c̃ = tanh(…), c_t = f⊙c_{t−1} + i⊙c̃, "
                        + "h_t = o⊙tanh(c_t). Outputs every h_t, or only the last; bidirectional adds a reading from "
                        + "the end, side by side.",
                4, "gate blocks in Deeplearning4j's order");
    }
}
