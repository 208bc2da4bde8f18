package org.strata.engine.runs;

import java.util.Map;

/**
 * How a run ended, as {@code run.json} (format 2 on) keeps it besides the curves: the final evaluations, the speed and
 * where it ran. Runs of format 1 have none.
 *
 * @param project               the project's name
 * @param message               why it ended, in English ("Finished 30 epochs")
 * @param bestEpoch             the epoch with the lowest validation loss (0 without a validation split)
 * @param train                 the final evaluation on the training split
 * @param validation            on the validation split, or null when it is empty
 * @param test                  on the test split, or null when it is empty
 * @param samplesPerSecond      training throughput over the whole run
 * @param firstIterationSeconds from the start of the run to the end of its first batch
 * @param device                where it computed ("CPU (oneDNN AVX-512)", "NVIDIA H200 (CUDA)")
 * @param nativeBuild           the native build of the engine
 * @param threads               native threads used (0 on a GPU)
 * @param parameters            the weights of a small model (at most {@link #SMALL_MODEL} values, e.g. w and b of
 *                              y = wx + b), by {@code <node>/<weight>}, row-major; empty for larger ones
 */
public record RunOutcome(String project, String message, int bestEpoch, Figures train, Figures validation,
                         Figures test, double samplesPerSecond, double firstIterationSeconds, String device,
                         String nativeBuild, int threads, Map<String, double[]> parameters) {
    /** Models of at most this many values have their weights written into {@code run.json}. */
    public static final int SMALL_MODEL = 64;

    /**
     * An evaluation's figures.
     *
     * @param loss    the loss over the split
     * @param metric  the metric (accuracy, or mean absolute error)
     * @param samples how many samples it counted
     */
    public record Figures(double loss, double metric, long samples) {
    }

    /** @return the weights of a model small enough to read (linear regression's w and b), else none */
    public static Map<String, double[]> small(org.strata.engine.model.TrainedModel model) {
        var params = model.weights();
        long total = params.values().stream().mapToLong(org.strata.engine.model.FloatArray::size).sum();
        Map<String, double[]> out = new java.util.LinkedHashMap<>();
        if (total > SMALL_MODEL) return out;
        params.forEach((k, v) -> {
            double[] d = new double[v.size()];
            for (int i = 0; i < d.length; i++) d[i] = v.values()[i];
            out.put(k, d);
        });
        return out;
    }
}
