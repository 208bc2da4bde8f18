package org.strata.engine.export;

import java.io.IOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.strata.engine.model.NpzIO;
import org.strata.engine.model.TrainedModel;
import org.strata.engine.train.ModelNetwork;

/**
 * Proves an {@code .npz} export: the file is read back and the network run from its arrays alone by
 * {@link NpzForward} (plain Java, no engine arithmetic), on held-out raw samples, and compared with the model.
 */
public final class NpzProof {
    private NpzProof() {
    }

    /** Reads {@code npz} and compares the forward pass from its arrays with {@code model}'s on {@code samples}. */
    public static Proof check(TrainedModel model, Path npz, ProofSamples samples) throws IOException {
        Map<String, float[]> arrays = new HashMap<>();
        NpzIO.read(npz).forEach((k, v) -> arrays.put(k, v.values()));
        NpzForward forward = new NpzForward(model.project().graph(), model.analysis(), arrays);
        float[][] raw = samples.raw();
        ModelNetwork net = ModelNetwork.of(model); // built once: predictions, then activations where they part
        float[][] expected = net.predict(raw);
        float[][] got = new float[raw.length][];
        for (int i = 0; i < raw.length; i++) got[i] = forward.predict(raw[i]);
        Proofs.Comparison c = Proofs.compare(expected, got, model.classNames().size());
        String differing = c.agree(raw.length) ? "" : firstDiffering(net, forward, raw);
        return new Proof("npz", "Strata's plain-Java reader of the .npz", "1", raw.length, samples.from(),
                c.maxAbsDiff(), c.sameClass(), differing);
    }

    /** The first layer, in the graph's order, where the reader and the model part on some sample. */
    private static String firstDiffering(ModelNetwork net, NpzForward forward, float[][] raw) {
        TrainedModel model = net.model();
        Map<String, INDArray> ours = net.activations(raw);
        var order = model.analysis().order();
        String first = null;
        int firstAt = Integer.MAX_VALUE;
        for (int i = 0; i < raw.length; i++) {
            Map<String, float[]> theirs = forward.run(raw[i]);
            for (int k = 0; k < order.size() && k < firstAt; k++) {
                String id = order.get(k);
                INDArray mine = ours.get(id);
                if (mine == null || !theirs.containsKey(id)) continue;
                float[] own = mine.slice(i).castTo(DataType.FLOAT).dup('c').data().asFloat();
                if (Proofs.differ(own, theirs.get(id))) {
                    first = model.project().graph().require(id).name();
                    firstAt = k;
                }
            }
        }
        return first == null ? "(the outputs)" : first;
    }
}
