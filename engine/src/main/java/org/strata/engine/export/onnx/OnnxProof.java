package org.strata.engine.export.onnx;

import ai.onnx.proto.OnnxMl;
import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import java.nio.FloatBuffer;
import java.nio.file.Path;
import java.util.Map;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.strata.engine.export.Proof;
import org.strata.engine.export.ProofSamples;
import org.strata.engine.export.Proofs;
import org.strata.engine.model.TrainedModel;
import org.strata.engine.train.ModelNetwork;

/**
 * Proves an ONNX export with ONNX Runtime, a runtime that shares no code with Strata: it runs the written file on
 * held-out samples and compares its outputs with the trained model's. When they differ, a second run with every
 * layer's output names the layer where they first part.
 */
public final class OnnxProof {
    private OnnxProof() {
    }

    /** Runs {@code file} on {@code samples} and compares with {@code model}. */
    public static Proof check(TrainedModel model, Path file, ProofSamples samples)
            throws OrtException, java.io.IOException {
        float[][] raw = samples.raw();
        ModelNetwork net = ModelNetwork.of(model); // built once: predictions, then activations where they part
        float[][] expected = net.predict(raw);
        boolean classes = !model.classNames().isEmpty();
        OrtEnvironment env = OrtEnvironment.getEnvironment();
        float[][] got;
        try (OrtSession s = env.createSession(file.toString(), new OrtSession.SessionOptions());
             OnnxTensor x = input(env, model, raw);
             OrtSession.Result r = s.run(Map.of(OnnxExport.INPUT, x))) {
            got = rows((OnnxTensor) r.get(classes ? OnnxExport.PROBABILITIES : OnnxExport.PREDICTION)
                    .orElseThrow(), raw.length);
        }
        Proofs.Comparison c = Proofs.compare(expected, got, model.classNames().size());
        String differing = "";
        if (!c.agree(raw.length)) {
            try {
                differing = firstDiffering(net, file, raw, env);
            } catch (java.io.IOException e) {
                differing = "(the outputs)";
            }
        }
        return new Proof("onnx", "ONNX Runtime", env.getVersion(), raw.length, samples.from(), c.maxAbsDiff(),
                c.sameClass(), differing);
    }

    /**
     * The first layer, in the graph's order, whose outputs in the file differ beyond the tolerance from the model's
     * own (its name): the file is run again with every layer's tensor (named in its metadata) as an output.
     */
    private static String firstDiffering(ModelNetwork net, Path file, float[][] raw, OrtEnvironment env)
            throws OrtException, java.io.IOException {
        TrainedModel model = net.model();
        OnnxMl.ModelProto.Builder probe = OnnxMl.ModelProto.parseFrom(java.nio.file.Files.readAllBytes(file))
                .toBuilder();
        Map<String, String> outputs = new java.util.LinkedHashMap<>();
        for (OnnxMl.StringStringEntryProto e : probe.getMetadataPropsList()) {
            if (!e.getKey().startsWith(OnnxExport.LAYER_KEY)) continue;
            String id = e.getKey().substring(OnnxExport.LAYER_KEY.length());
            outputs.put(id, e.getValue());
            probe.getGraphBuilder().addOutput(OnnxMl.ValueInfoProto.newBuilder().setName(e.getValue())
                    .setType(OnnxMl.TypeProto.newBuilder().setTensorType(OnnxMl.TypeProto.Tensor.newBuilder()
                            .setElemType(OnnxMl.TensorProto.DataType.FLOAT.getNumber()))));
        }
        Map<String, INDArray> ours = net.activations(raw);
        try (OrtSession s = env.createSession(probe.build().toByteArray(), new OrtSession.SessionOptions());
             OnnxTensor x = input(env, model, raw);
             OrtSession.Result r = s.run(Map.of(OnnxExport.INPUT, x))) {
            for (String id : model.analysis().order()) {
                String tensor = outputs.get(org.strata.engine.export.escape.OnnxText.string(id));
                INDArray mine = ours.get(id);
                if (tensor == null || mine == null || r.get(tensor).isEmpty()) continue;
                float[] theirs = flat((OnnxTensor) r.get(tensor).get());
                float[] own = mine.castTo(org.nd4j.linalg.api.buffer.DataType.FLOAT).dup('c').data().asFloat();
                if (Proofs.differ(own, theirs)) return model.project().graph().require(id).name();
            }
        }
        return "(the outputs)";
    }

    /** @return the tensor's values as {@code n} rows, whatever its rank (a class at every step: [n, T, K]) */
    private static float[][] rows(OnnxTensor t, int n) {
        float[] all = flat(t);
        int width = n == 0 ? 0 : all.length / n;
        float[][] out = new float[n][];
        for (int i = 0; i < n; i++) out[i] = java.util.Arrays.copyOfRange(all, i * width, (i + 1) * width);
        return out;
    }

    private static float[] flat(OnnxTensor t) {
        FloatBuffer b = t.getFloatBuffer();
        float[] f = new float[b.remaining()];
        b.get(f);
        return f;
    }

    private static OnnxTensor input(OrtEnvironment env, TrainedModel model, float[][] raw) throws OrtException {
        long[] shape = model.batchShape(raw.length);
        int features = raw.length == 0 ? 0 : raw[0].length;
        FloatBuffer buf = FloatBuffer.allocate(raw.length * features);
        for (float[] row : raw) buf.put(row);
        buf.rewind();
        return OnnxTensor.createTensor(env, buf, shape);
    }

}
