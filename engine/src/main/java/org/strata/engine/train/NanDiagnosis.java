package org.strata.engine.train;

import java.util.Map;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.DataSet;
import org.strata.engine.analysis.Analysis;
import org.strata.engine.backend.NetworkBackend;
import org.strata.engine.graph.Graph;
import org.strata.engine.graph.Node;
import org.strata.engine.text.Message;

/** Why the loss stopped being a number: the layer to look at, and what to change. */
final class NanDiagnosis {
    private NanDiagnosis() {
    }

    /**
     * Names the first layer whose output or parameters hold NaN/Inf or, when the loss overflowed on finite values,
     * the first layer whose outputs exploded (|x| > 1e6), so the message points at where to look.
     */
    static TrainingException diagnose(NetworkBackend backend, Analysis analysis, Graph graph, String outputNode,
                                      DataSet batch, int epoch, int b, double loss, double lr) {
        String culprit = null;
        String what = "producing NaN or infinite values";
        double explodedTo = 0; // the largest output of the layer named, when it exploded rather than went NaN
        try {
            Map<String, INDArray> acts = backend.activations(batch.getFeatures());
            String exploded = null;
            double explodedMax = 0;
            for (String id : analysis.order()) {
                INDArray a = acts.get(id);
                if ((a != null && !finite(a)) || !backend.paramsFinite(id)) {
                    culprit = id;
                    break;
                }
                double max = a == null ? 0 : a.amaxNumber().doubleValue();
                if (exploded == null && max > 1e6) {
                    exploded = id;
                    explodedMax = max;
                }
            }
            if (culprit == null && exploded != null) {
                culprit = exploded;
                explodedTo = explodedMax;
                what = String.format(java.util.Locale.ROOT, "whose outputs exploded (up to %.3g)", explodedMax);
            }
        } catch (RuntimeException ignored) {
            // Diagnosis is best effort; the message below still names the value and the fix.
        }
        if (culprit == null) culprit = outputNode;
        Node n = graph.require(culprit);
        String english = "The loss became " + loss + " at epoch " + epoch + ", batch " + b + "; the first layer "
                + what + " is '" + n.name() + "' (" + n.type().id() + "). Lower the learning rate (now " + lr
                + "), check the data's normalisation, or add a BatchNorm before it.";
        Message text = explodedTo > 0
                ? Message.of("loss.exploded", english, loss, epoch, b, n.name(), n.type().id(), lr,
                        String.format(java.util.Locale.ROOT, "%.3g", explodedTo))
                : Message.of("loss.nan", english, loss, epoch, b, n.name(), n.type().id(), lr);
        return new TrainingException(text, culprit, null);
    }

    private static boolean finite(INDArray a) {
        return !a.isNaN().any() && !a.isInfinite().any();
    }
}
