package org.strata.engine.analysis;

import org.strata.engine.graph.Graph;
import org.strata.engine.graph.Node;
import org.strata.engine.layers.OutputLayerType;
import org.strata.engine.layers.TensorShape;

/**
 * How large a network is and what running and training it costs, counted from its layers: parameters against the
 * primer's line for a large model, memory to run one sample and to train a batch, FLOPs per token (per position of
 * an Output with a class at every step; per sample otherwise) forward and in training, and the time training takes
 * at a given speed. Plain arithmetic: the speed of this machine is measured elsewhere and passed in.
 *
 * @param parameters   the network's parameters (a tied matrix once)
 * @param positions    tokens per sample: the steps of an Output with a class at every step, else 1
 * @param forwardFlops forward FLOPs for one sample, summed over the layers ({@link Analysis#totalFlops()})
 * @param toRun        memory to run one sample forward
 * @param toTrain      memory to train a batch with the project's optimizer
 */
public record ScaleEstimate(long parameters, long positions, long forwardFlops, MemoryEstimate toRun,
                            MemoryEstimate toTrain) {
    /** The primer's line: "a large model: more than 100 million parameters". */
    public static final long LARGE_MODEL = 100_000_000L;

    /** A training step costs about three forward passes: the backward pass computes two products for each one. */
    public static final int TRAINING_PASSES = 3;

    /**
     * The throughput assumed for a GPU, not measured: one NVIDIA H100 SXM's dense BF16 peak, 989 TFLOP/s, of which
     * training commonly uses about 40 %.
     */
    public static final double GPU_PEAK = 989e12;
    /** The share of {@link #GPU_PEAK} assumed to be used. */
    public static final double GPU_UTILISATION = 0.40;

    /**
     * @param batch     samples per batch (the project's)
     * @param optimizer the project's optimizer
     */
    public static ScaleEstimate of(Graph g, Analysis a, int batch, String optimizer) {
        return new ScaleEstimate(a.totalParams(), positions(g, a), a.totalFlops(), MemoryEstimate.toRun(g, a),
                MemoryEstimate.of(g, a, batch, optimizer));
    }

    /** @return the steps of the first Output that predicts a class at every step, else 1 */
    static long positions(Graph g, Analysis a) {
        for (Node n : g.outputNodes()) {
            if (!(n.type() instanceof OutputLayerType)) continue;
            TensorShape s = a.shapeOf(n.id()).orElse(null);
            if (s != null && OutputLayerType.perStep(s)) return s.dim(0);
        }
        return 1;
    }

    /** @return whether the counts are per token (an Output with a class at every step) rather than per sample */
    public boolean perToken() {
        return positions > 1;
    }

    /** @return whether it is a large model in the primer's sense: more than {@link #LARGE_MODEL} parameters */
    public boolean large() {
        return parameters > LARGE_MODEL;
    }

    /** @return forward FLOPs per token (per sample where the Output is not per step) */
    public double forwardPerToken() {
        return forwardFlops / (double) positions;
    }

    /** @return the forward FLOPs counted from the layers over the rule of thumb 2 × parameters (NaN without any) */
    public double ratioToTwiceParameters() {
        return parameters == 0 ? Double.NaN : forwardPerToken() / (2.0 * parameters);
    }

    /** @return FLOPs to train on one token: forward and backward, {@link #TRAINING_PASSES} × forward */
    public double trainingPerToken() {
        return TRAINING_PASSES * forwardPerToken();
    }

    /** @return seconds to train on {@code tokens} tokens (samples where not per token) at {@code flopsPerSecond} */
    public double secondsToTrain(long tokens, double flopsPerSecond) {
        return tokens * trainingPerToken() / flopsPerSecond;
    }

    /** @return the FLOP/s a forward pass of one sample reached, measured in {@code seconds} */
    public double flopsPerSecond(double seconds) {
        return forwardFlops / seconds;
    }

    /** @return the GPU's assumed effective throughput: {@link #GPU_PEAK} × {@link #GPU_UTILISATION} */
    public static double gpuFlopsPerSecond() {
        return GPU_PEAK * GPU_UTILISATION;
    }
}
