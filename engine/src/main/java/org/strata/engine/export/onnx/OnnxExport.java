package org.strata.engine.export.onnx;

import ai.onnx.proto.OnnxMl;
import java.io.IOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.strata.engine.analysis.Analysis;
import org.strata.engine.export.LayerInputs;
import org.strata.engine.export.escape.OnnxText;
import org.strata.engine.graph.Edge;
import org.strata.engine.graph.Graph;
import org.strata.engine.graph.Node;
import org.strata.engine.graph.PortRef;
import org.strata.engine.layers.ActivationFn;
import org.strata.engine.layers.LossFn;
import org.strata.engine.layers.TensorShape;
import org.strata.engine.model.TrainedModel;

/**
 * Writes a trained model as an ONNX file (opset {@value OnnxGraph#OPSET}) that takes what the project's data files
 * hold: input {@code input} is [batch, …] raw values in Strata's layout (an image channels last, [batch, height,
 * width, channels]), normalised inside the graph as in training. A classifier's outputs are {@code probabilities}
 * [batch, classes] and {@code prediction} (the class index, int64), or, with a class at every step (a language
 * model), [batch, T, classes] and [batch, T]; a regression's is {@code prediction}.
 * Dropout is left out (inference), BatchNorm is in its inference form.
 */
public final class OnnxExport {
    /** The graph input's name. */
    public static final String INPUT = "input";
    /** The class probabilities' (or a regression's values') output name. */
    public static final String PROBABILITIES = "probabilities";
    /** The predicted class index (int64), or a regression's predicted values. */
    public static final String PREDICTION = "prediction";

    /** Metadata key prefix: {@code strata.layer.<nodeId>} names the tensor a layer outputs. */
    static final String LAYER_KEY = "strata.layer.";

    private OnnxExport() {
    }

    /** Writes {@code model} to {@code out} (temporary file, then rename). */
    public static void write(TrainedModel model, Path out, String version) throws IOException {
        org.strata.engine.project.AtomicFiles.write(out, build(model, version).toByteArray());
    }

    /**
     * @throws UnsupportedOperationException naming the layer and why, when a layer cannot be written yet
     */
    public static OnnxMl.ModelProto build(TrainedModel model, String version) {
        Graph graph = model.project().graph();
        Analysis a = model.analysis();
        OnnxGraph g = new OnnxGraph(model.project().name(), INPUT, PROBABILITIES, PREDICTION);
        Node input = graph.inputNodes().get(0);
        int[] dims = a.shapeOf(input.id()).orElseThrow().dims();
        long[] dimsL = java.util.Arrays.stream(dims).asLongStream().toArray();
        g.input(INPUT, dims);
        // x' = (x − shift)·scale, as the project's data was normalised for training
        String shifted = g.op("Sub", input.id() + "_shift", List.of(INPUT, g.floats(input.id() + "_shift_by",
                model.shift(), dimsL)));
        String normalised = g.op("Mul", input.id() + "_scale", List.of(shifted, g.floats(input.id() + "_scale_by",
                model.scale(), dimsL)));
        Map<String, String> tensors = new HashMap<>();
        tensors.put(input.id(), normalised);
        Map<String, INDArray> weights = org.strata.engine.train.ModelArrays.nd4j(model.weights());
        org.strata.engine.analysis.PaddingMasks padding = org.strata.engine.analysis.PaddingMasks.of(graph, a);
        Map<String, OnnxPadding> paddings = new HashMap<>(); // by the id of the Embedding that marks it
        for (String id : a.order()) {
            Node node = graph.require(id);
            String type = node.type().id();
            if (node == input) continue;
            LayerInputs wired = LayerInputs.of(graph, a, node);
            List<String> ins = wired.from().stream().map(tensors::get).toList();
            List<TensorShape> shapes = wired.shapes();
            if (type.equals("Output")) {
                outputs(g, model, node, graph, ins.get(0), a.shapeOf(id).orElseThrow());
                continue;
            }
            OnnxLayers.Mapping m = OnnxLayers.of(type).orElseThrow(() -> new UnsupportedOperationException(
                    node.name() + " (" + type + "): " + OnnxLayers.declined(type).filter(s -> !s.isBlank())
                            .orElse("no ONNX mapping")));
            OnnxPadding pad = padding.ofInput(id).map(paddings::get).orElse(null);
            tensors.put(id, m.add(new OnnxLayers.Ctx(g, node, ins, shapes, a.shapeOf(id).orElseThrow(), weights,
                    pad, a.tiedEmbedding(id).orElse(null))));
            if (padding.carriedBy(id).filter(id::equals).isPresent()) {
                paddings.put(id, OnnxPadding.of(g, id + "_padding", ins.get(0), shapes.get(0).dim(0)));
            }
        }
        Map<String, String> layers = new java.util.LinkedHashMap<>();
        for (String id : a.order()) if (tensors.containsKey(id) && !id.equals(input.id())) layers.put(id, tensors.get(id));
        String doc = "Exported by Strata from '" + model.project().name() + "'. Input '" + INPUT + "': [batch, "
                + String.join(", ", java.util.Arrays.stream(dims).mapToObj(Integer::toString).toList())
                + "] raw values as in the project's data (images channels last), normalised inside.";
        OnnxMl.ModelProto.Builder m = g.model(version, doc).toBuilder();
        // which tensor is each layer's output: a proof that fails looks inside the file for where it parts
        layers.forEach((id, tensor) -> m.addMetadataProps(OnnxMl.StringStringEntryProto.newBuilder()
                .setKey(LAYER_KEY + OnnxText.string(id)).setValue(tensor)));
        return m.build();
    }

    /** The loss's squashing function unless the layer before applied it, then the named outputs. */
    private static void outputs(OnnxGraph g, TrainedModel model, Node output, Graph graph, String x,
                                TensorShape shape) {
        LossFn loss = LossFn.of(output.params());
        Edge in = graph.incoming(new PortRef(output.id(), "in")).orElseThrow();
        Node producer = graph.require(in.from().node());
        ActivationFn before = producer.type().outputActivation(producer.params());
        String y = loss.alreadySquashed(before) ? x : OnnxLayers.activation(g, x, loss.squash(), output.id());
        int width = (int) shape.size();
        if (model.classNames().isEmpty()) {
            g.opNamed("Identity", PREDICTION, List.of(y));
            g.output(PREDICTION, OnnxMl.TensorProto.DataType.FLOAT, width);
            return;
        }
        g.opNamed("Identity", PROBABILITIES, List.of(y));
        if (org.strata.engine.layers.OutputLayerType.perStep(shape)) { // a class at every step: [batch, T, K]
            g.output(PROBABILITIES, OnnxMl.TensorProto.DataType.FLOAT, shape.dim(0), shape.channels());
            g.opNamed("ArgMax", PREDICTION, List.of(y), OnnxGraph.attr("axis", -1L), OnnxGraph.attr("keepdims", 0L));
            g.output(PREDICTION, OnnxMl.TensorProto.DataType.INT64, shape.dim(0));
            return;
        }
        g.output(PROBABILITIES, OnnxMl.TensorProto.DataType.FLOAT, width);
        if (width == 1) {
            // two classes on one sigmoid: class 1 where its probability passes one half
            String over = g.op("Greater", output.id() + "_over_half", List.of(y, g.floats(output.id() + "_half",
                    new float[]{0.5f})));
            g.opNamed("Cast", PREDICTION, List.of(over), OnnxGraph.attr("to",
                    (long) OnnxMl.TensorProto.DataType.INT64.getNumber()));
            g.output(PREDICTION, OnnxMl.TensorProto.DataType.INT64, 1);
        } else {
            g.opNamed("ArgMax", PREDICTION, List.of(y), OnnxGraph.attr("axis", -1L), OnnxGraph.attr("keepdims", 0L));
            g.output(PREDICTION, OnnxMl.TensorProto.DataType.INT64);
        }
    }
}
