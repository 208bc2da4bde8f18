package org.strata.engine.train.fast;

import java.util.HashMap;
import java.util.Map;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.strata.engine.graph.Node;
import org.strata.engine.layers.ActivationFn;
import org.strata.engine.runtime.HostMemory;

/**
 * Runs a batch forward through an inference plan and reads what users see: the predictions and every node's
 * output, as copies, plain float arrays or strided summaries read straight from the engine's memory.
 */
final class FastInspection {
    private final NetworkLayout layout;
    private final Plans plans;

    FastInspection(NetworkLayout layout, Plans plans) {
        this.layout = layout;
        this.plans = plans;
    }

    private Plan evaluate(INDArray features) {
        Plan p = plans.inference((int) features.size(0));
        p.load(features, null);
        p.forward();
        return p;
    }

    /**
     * The array to show as a node's output. A softmax or sigmoid that the loss applies shows as the probabilities,
     * as users expect of "Dense 10 softmax". (A ReLU moved past pooling is applied by the callers.)
     */
    private INDArray shown(Plan p, String id) {
        Node n = layout.node(id);
        boolean squashedByLoss = layout.feedsSquashingLoss(id)
                && n.type().outputActivation(n.params()) != ActivationFn.IDENTITY;
        return p.activations.get(squashedByLoss ? layout.outputId() : id);
    }

    INDArray predict(INDArray features) {
        return NativeOp.copy(evaluate(features).activations.get(layout.outputId()));
    }

    float[] predictValues(INDArray features) {
        INDArray a = evaluate(features).activations.get(layout.outputId());
        float[] v = new float[(int) a.length()];
        HostMemory.beforeRead(a);
        a.data().asNioFloat().get(v); // a plain copy; evaluation between epochs runs no extra ND4J op
        return v;
    }

    Map<String, INDArray> activations(INDArray features) {
        Plan p = evaluate(features);
        Map<String, INDArray> out = new HashMap<>();
        for (String id : layout.order()) {
            INDArray a = NativeOp.copy(shown(p, id));
            if (layout.reluMovedPastPool(id)) NativeOp.of("relu").in(a).out(a).targs(0.0).build().run(); // as shown
            out.put(id, a);
        }
        return out;
    }

    Map<String, float[]> activationValues(INDArray features) {
        Plan p = evaluate(features);
        Map<String, float[]> out = new HashMap<>();
        for (String id : layout.order()) {
            INDArray a = shown(p, id);
            float[] v = new float[(int) a.length()];
            HostMemory.beforeRead(a);
            a.data().asNioFloat().position((int) a.offset()).get(v); // a plain copy; no op runs
            if (layout.reluMovedPastPool(id)) for (int i = 0; i < v.length; i++) v[i] = Math.max(0f, v[i]);
            out.put(id, v);
        }
        return out;
    }

    /**
     * Reads the summary straight from the engine's memory: every k-th value and the first sample's, so that a
     * convolution's million outputs cost a snapshot no million-value copy (nor the garbage collector's time).
     */
    Map<String, float[][]> activationSummary(INDArray features, int maxValues, int sampleValues) {
        Plan p = evaluate(features);
        long n = Math.max(1, features.size(0));
        Map<String, float[][]> out = new HashMap<>();
        for (String id : layout.order()) {
            INDArray a = shown(p, id);
            HostMemory.beforeRead(a);
            java.nio.FloatBuffer buf = a.data().asNioFloat();
            int from = (int) a.offset();
            int length = (int) a.length();
            int stride = Math.max(1, (length + maxValues - 1) / maxValues);
            float[] strided = new float[(length + stride - 1) / stride];
            for (int i = 0, j = 0; i < length; i += stride) strided[j++] = buf.get(from + i);
            float[] first = new float[(int) Math.min(length / n, sampleValues)];
            buf.position(from);
            buf.get(first);
            if (layout.reluMovedPastPool(id)) {
                for (int i = 0; i < strided.length; i++) strided[i] = Math.max(0f, strided[i]);
                for (int i = 0; i < first.length; i++) first[i] = Math.max(0f, first[i]);
            }
            out.put(id, new float[][]{strided, first});
        }
        return out;
    }
}
