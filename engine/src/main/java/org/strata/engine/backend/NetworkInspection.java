package org.strata.engine.backend;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Looking at a compiled network without training it: predictions, every layer's output, parameters by name, their
 * norms and the gradients telemetry shows. Exports, Try it and the training views read a network through this. All
 * methods run on the training thread; arrays returned are copies.
 */
public interface NetworkInspection {
    /**
     * Parameter and gradient histograms are taken on at most about this many values per layer: enough for 30 bins,
     * and a snapshot then costs the training thread microseconds instead of a copy of every weight.
     */
    int PARAMETER_SAMPLE = 4096;

    /** @return predictions for a batch (after the Output's softmax or sigmoid), as a copy */
    INDArray predict(INDArray features);

    /** @return predictions for a batch as a plain float array (row-major); engines may skip the INDArray copy */
    default float[] predictValues(INDArray features) {
        return predict(features).data().asFloat();
    }

    /** @return every node's output on a batch, by node id, as copies (fused nodes share their producer's output) */
    Map<String, INDArray> activations(INDArray features);

    /**
     * Every node's output on a batch as plain float arrays (row-major, batch first), for telemetry: copied straight
     * out of the engine's memory without running ND4J ops, so that looking costs training as little as possible.
     */
    default Map<String, float[]> activationValues(INDArray features) {
        Map<String, float[]> out = new HashMap<>();
        activations(features).forEach((k, v) -> out.put(k, v.data().asFloat()));
        return out;
    }

    /**
     * Every node's output on a batch, summarised for telemetry without copying all of it: per node id,
     * {@code {at most maxValues evenly strided values, the first sample's first sampleValues values}}.
     */
    default Map<String, float[][]> activationSummary(INDArray features, int maxValues, int sampleValues) {
        Map<String, float[][]> out = new HashMap<>();
        long n = Math.max(1, features.size(0));
        activationValues(features).forEach((k, v) -> out.put(k, new float[][]{strided(v, maxValues),
                Arrays.copyOf(v, (int) Math.min(v.length / n, sampleValues))}));
        return out;
    }

    /** @return {@code v} itself, or every k-th value when it holds more than {@code max} */
    static float[] strided(float[] v, int max) {
        if (v.length <= max) return v;
        int stride = (v.length + max - 1) / max;
        float[] out = new float[(v.length + stride - 1) / stride];
        for (int i = 0, j = 0; i < v.length; i += stride) out[j++] = v[i];
        return out;
    }

    /** @return parameters by export name ({@code <nodeId>/<param>}) in the export layouts, as copies */
    Map<String, INDArray> exportParameters();

    /** @return L2 norm of a node's parameters, 0 if it has none */
    double paramNorm(String nodeId);

    /** @return L2 norm of a node's last update (what the optimizer added), 0 if none */
    double updateNorm(String nodeId);

    /** @return whether a node's parameters are all finite */
    boolean paramsFinite(String nodeId);

    /** @return per node with parameters: {L2 norm of its parameters, L2 norm of its last update} */
    default Map<String, double[]> parameterNorms() {
        Map<String, double[]> out = new HashMap<>();
        for (String id : exportParameters().keySet()) {
            String node = id.substring(0, id.indexOf('/'));
            out.computeIfAbsent(node, n -> new double[]{paramNorm(n), updateNorm(n)});
        }
        return out;
    }

    /**
     * @return per node with parameters, its parameter values one after another, or an evenly strided sample of at
     *     least {@link #PARAMETER_SAMPLE} of them (plain copies, for histograms)
     */
    default Map<String, float[]> parameterValues() {
        return byNode(exportParameters());
    }

    /**
     * Asks the engine to keep a copy of the gradient the next {@link TrainableNetwork#fit} computes, before the
     * optimizer turns it into an update; {@link #keptGradients()} then returns it. Costs one copy, once.
     */
    default void keepNextGradient() {
    }

    /**
     * @return per node with parameters, the gradient kept by {@link #keepNextGradient()}, or an evenly strided
     *     sample of at least {@link #PARAMETER_SAMPLE} of its values; empty if none was kept
     */
    default Map<String, float[]> keptGradients() {
        return Map.of();
    }

    /** @return per node with parameters, the L2 norm of the whole gradient kept by {@link #keepNextGradient()} */
    default Map<String, Double> keptGradientNorms() {
        Map<String, Double> out = new HashMap<>();
        keptGradients().forEach((node, g) -> {
            double s = 0;
            for (float f : g) s += (double) f * f;
            out.put(node, Math.sqrt(s));
        });
        return out;
    }

    /** Concatenates export-named arrays ({@code <nodeId>/<param>}) per node, as floats. */
    static Map<String, float[]> byNode(Map<String, INDArray> named) {
        Map<String, List<float[]>> parts = new LinkedHashMap<>();
        named.forEach((name, a) -> parts.computeIfAbsent(name.substring(0, name.indexOf('/')),
                k -> new ArrayList<>()).add(a.dup('c').data().asFloat()));
        Map<String, float[]> out = new LinkedHashMap<>();
        parts.forEach((node, list) -> {
            float[] all = new float[list.stream().mapToInt(f -> f.length).sum()];
            int at = 0;
            for (float[] f : list) {
                System.arraycopy(f, 0, all, at, f.length);
                at += f.length;
            }
            out.put(node, all);
        });
        return out;
    }
}
