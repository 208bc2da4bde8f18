package org.strata.engine.export;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.strata.engine.model.TrainedModel;
import org.strata.engine.train.ModelNetwork;

/**
 * Proves a Deeplearning4j export with Deeplearning4j itself: the written zip is loaded as any DL4J user would load
 * it ({@code ComputationGraph.load}) and run on held-out samples (normalised as in training: the zip holds the
 * network, not the normalisation), and its outputs are compared with the trained model's. A network whose Embedding
 * marks padding gets the padding mask a DL4J user passes ({@code output(false, inputs, masks)}).
 */
public final class Dl4jProof {
    private Dl4jProof() {
    }

    /** Loads {@code zip} and compares its outputs on {@code samples} with {@code model}'s. */
    public static Proof check(TrainedModel model, Path zip, ProofSamples samples) throws IOException {
        float[][] raw = samples.raw();
        ModelNetwork net = ModelNetwork.of(model); // built once: predictions, then activations where they part
        float[][] expected = net.predict(raw);
        ComputationGraph loaded = ComputationGraph.load(zip.toFile(), false);
        INDArray x = net.inputs(raw);
        var graph = model.project().graph();
        INDArray[] masks = org.strata.engine.analysis.PaddingMasks.marks(graph)
                ? new INDArray[]{org.strata.engine.train.dl4j.Dl4jNetwork.paddingMask(x)} : null;
        float[][] got = loaded.output(false, new INDArray[]{x}, masks)[0].castTo(DataType.FLOAT)
                .reshape(raw.length, -1).toFloatMatrix();
        Proofs.Comparison c = Proofs.compare(expected, got, model.classNames().size());
        String differing = "";
        if (!c.agree(raw.length)) {
            if (masks != null) loaded.setLayerMaskArrays(masks, null);
            differing = firstDiffering(net, loaded.feedForward(x, false), x);
        }
        String version = ComputationGraph.class.getPackage().getImplementationVersion();
        return new Proof("dl4j", "Deeplearning4j", version == null ? "1.0.0-M2.1" : version, raw.length,
                samples.from(), c.maxAbsDiff(), c.sameClass(), differing);
    }

    /** The first layer (by the graph's order) whose DL4J activations differ from the model's own. */
    private static String firstDiffering(ModelNetwork net, Map<String, INDArray> theirs, INDArray x) {
        TrainedModel model = net.model();
        Map<String, INDArray> ours = net.network().activations(x);
        for (String id : model.analysis().order()) {
            INDArray a = theirs.get(id);
            INDArray b = ours.get(id);
            if (a == null || b == null) continue;
            if (Proofs.differ(a.castTo(DataType.FLOAT).dup('c').data().asFloat(),
                    b.castTo(DataType.FLOAT).dup('c').data().asFloat())) {
                return model.project().graph().require(id).name();
            }
        }
        return "(the outputs)";
    }
}
