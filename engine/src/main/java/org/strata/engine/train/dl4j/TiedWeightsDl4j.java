package org.strata.engine.train.dl4j;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import org.deeplearning4j.nn.api.Model;
import org.deeplearning4j.nn.gradient.Gradient;
import org.deeplearning4j.optimize.api.BaseTrainingListener;
import org.deeplearning4j.optimize.api.TrainingListener;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Weight tying on Deeplearning4j, which shares no parameter between layers: a Dense tied to an Embedding keeps its
 * own W [inputs, units], held equal to Eᵀ. It is set to Eᵀ whenever parameters are set, and each step gives E and
 * every copy the same summed gradient (E's part plus each Dense's, transposed) before the updater runs, so the
 * element-wise updaters (SGD, momentum, Adam, RMSProp, weight decay) keep them equal. The copy is no declared
 * weight: {@link ParamAccess} neither reads nor writes it, so exports hold the matrix once.
 */
public final class TiedWeightsDl4j {
    private TiedWeightsDl4j() {
    }

    /** Sets each tied Dense's W to its Embedding's Eᵀ. */
    static void copy(Dl4jNetwork net) {
        for (var tie : net.ties().entrySet()) {
            INDArray e = net.graph().getParam(key(net, tie.getValue()));
            String w = key(net, tie.getKey());
            net.graph().setParam(w, e.transpose().dup('c').castTo(net.graph().getParam(w).dataType()));
        }
    }

    /**
     * Sums, in DL4J's gradient of the last computed step, each Embedding's gradient and the transposed gradients of
     * the Dense layers tied to it, and gives that sum to all of them. {@code fit} does it by itself (see
     * {@link #listener}); a caller that computes a gradient directly ({@code computeGradientAndScore}) calls it.
     */
    public static void sumGradients(Dl4jNetwork net) {
        Gradient g = net.graph().gradient();
        if (g == null || net.ties().isEmpty()) return;
        Map<String, INDArray> grads = g.gradientForVariable();
        Map<String, List<String>> byEmbedding = new TreeMap<>();
        for (String dense : new TreeSet<>(net.ties().keySet())) {
            byEmbedding.computeIfAbsent(net.ties().get(dense), k -> new java.util.ArrayList<>()).add(dense);
        }
        byEmbedding.forEach((embedding, denses) -> {
            INDArray gE = grads.get(key(net, embedding));
            for (String d : denses) gE.addi(grads.get(key(net, d)).transpose());
            for (String d : denses) grads.get(key(net, d)).assign(gE.transpose());
        });
    }

    /** @return a listener that sums the tied gradients after each gradient, before the updater */
    static TrainingListener listener(Dl4jNetwork net) {
        return new BaseTrainingListener() {
            @Override
            public void onGradientCalculation(Model model) {
                sumGradients(net);
            }
        };
    }

    /** @return how many values the copies add to DL4J's parameters (beyond the declared weights) */
    public static long copiedParams(Dl4jNetwork net) {
        long n = 0;
        for (String dense : net.ties().keySet()) n += net.graph().getParam(key(net, dense)).length();
        return n;
    }

    /** Both DL4J layers keep their matrix as "W": an Embedding's [vocabulary, dimension], a Dense's [inputs, units]. */
    private static String key(Dl4jNetwork net, String nodeId) {
        return net.vertexOf(nodeId) + "_W";
    }
}
