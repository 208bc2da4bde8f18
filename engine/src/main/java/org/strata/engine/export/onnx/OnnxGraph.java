package org.strata.engine.export.onnx;

import ai.onnx.proto.OnnxMl;
import com.google.protobuf.ByteString;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.strata.engine.export.escape.OnnxText;
import org.strata.engine.export.escape.PythonNames;

/**
 * Builds an ONNX graph with ONNX's own generated protobuf classes: nodes with fresh output names, float and int64
 * initializers, inputs and outputs with a symbolic batch dimension.
 */
final class OnnxGraph {
    /** The opset the graph is written for. */
    static final int OPSET = 13;
    private final OnnxMl.GraphProto.Builder graph = OnnxMl.GraphProto.newBuilder();
    private final Set<String> used = new HashSet<>();
    /** Each layer's weight ({@code <nodeId>/<name>}) → its initializer's name, for a layer that reads another's. */
    private final java.util.Map<String, String> weights = new java.util.HashMap<>();

    /**
     * @param name     the graph's name (the project's: any text)
     * @param reserved names only {@link #opNamed} and {@link #input} give (the graph's inputs and outputs)
     */
    OnnxGraph(String name, String... reserved) {
        graph.setName(OnnxText.string(name));
        used.addAll(List.of(reserved));
    }

    /**
     * @return the initializer holding weight {@code <nodeId>/<name>}, written once (by {@code write} the first time
     *         it is asked for): the same initializer for every layer that reads it (an Embedding and the Dense tied
     *         to it)
     */
    String weightInitializer(String weight, java.util.function.Supplier<String> write) {
        String name = weights.get(weight);
        if (name == null) {
            name = write.get();
            weights.put(weight, name);
        }
        return name;
    }

    /**
     * @return a name not used yet, from {@code base} ("dense1", "dense1_2"…): a plain identifier whatever the
     *     layer's id holds (see {@link PythonNames#identifier}), never a graph input's or output's
     */
    String fresh(String base) {
        String plain = PythonNames.identifier(base, Set.of());
        String name = plain;
        for (int n = 2; !used.add(name); n++) name = plain + "_" + n;
        return name;
    }

    /** Adds a node with one output named after {@code name}; @return the output's name */
    String op(String opType, String name, List<String> inputs, OnnxMl.AttributeProto... attributes) {
        String out = fresh(name);
        graph.addNode(OnnxMl.NodeProto.newBuilder().setOpType(opType).setName(out).addAllInput(inputs).addOutput(out)
                .addAllAttribute(List.of(attributes)));
        return out;
    }

    /** Adds a node with {@code outputs} outputs named after {@code name}; @return their names, in order */
    List<String> ops(String opType, String name, List<String> inputs, int outputs,
                     OnnxMl.AttributeProto... attributes) {
        List<String> outs = new java.util.ArrayList<>();
        for (int i = 0; i < outputs; i++) outs.add(fresh(name + "_out" + i));
        graph.addNode(OnnxMl.NodeProto.newBuilder().setOpType(opType).setName(fresh(name)).addAllInput(inputs)
                .addAllOutput(outs).addAllAttribute(List.of(attributes)));
        return outs;
    }

    /** Adds a node whose output is named exactly {@code out} (a graph output's name). */
    void opNamed(String opType, String out, List<String> inputs, OnnxMl.AttributeProto... attributes) {
        used.add(out);
        graph.addNode(OnnxMl.NodeProto.newBuilder().setOpType(opType).setName(out).addAllInput(inputs).addOutput(out)
                .addAllAttribute(List.of(attributes)));
    }

    /** Adds a float32 initializer of shape {@code dims}; @return its name */
    String floats(String name, float[] values, long... dims) {
        String n = fresh(name);
        ByteBuffer b = ByteBuffer.allocate(4 * values.length).order(ByteOrder.LITTLE_ENDIAN);
        for (float v : values) b.putFloat(v);
        graph.addInitializer(OnnxMl.TensorProto.newBuilder().setName(n)
                .setDataType(OnnxMl.TensorProto.DataType.FLOAT.getNumber()).addAllDims(boxed(dims))
                .setRawData(ByteString.copyFrom(b.array())));
        return n;
    }

    /** Adds an int64 vector initializer (a shape, axes); @return its name */
    String longs(String name, long... values) {
        String n = fresh(name);
        ByteBuffer b = ByteBuffer.allocate(8 * values.length).order(ByteOrder.LITTLE_ENDIAN);
        for (long v : values) b.putLong(v);
        graph.addInitializer(OnnxMl.TensorProto.newBuilder().setName(n)
                .setDataType(OnnxMl.TensorProto.DataType.INT64.getNumber()).addDims(values.length)
                .setRawData(ByteString.copyFrom(b.array())));
        return n;
    }

    /** Declares a float32 graph input of shape [batch, dims…]. */
    void input(String name, int... dims) {
        used.add(name);
        graph.addInput(value(name, OnnxMl.TensorProto.DataType.FLOAT, dims));
    }

    /** Declares a graph output of shape [batch, dims…]. */
    void output(String name, OnnxMl.TensorProto.DataType type, int... dims) {
        graph.addOutput(value(name, type, dims));
    }

    private static OnnxMl.ValueInfoProto value(String name, OnnxMl.TensorProto.DataType type, int... dims) {
        OnnxMl.TensorShapeProto.Builder shape = OnnxMl.TensorShapeProto.newBuilder()
                .addDim(OnnxMl.TensorShapeProto.Dimension.newBuilder().setDimParam("batch"));
        for (int d : dims) shape.addDim(OnnxMl.TensorShapeProto.Dimension.newBuilder().setDimValue(d));
        return OnnxMl.ValueInfoProto.newBuilder().setName(name).setType(OnnxMl.TypeProto.newBuilder()
                .setTensorType(OnnxMl.TypeProto.Tensor.newBuilder().setElemType(type.getNumber()).setShape(shape)))
                .build();
    }

    /** @return the model: this graph, opset {@link #OPSET}, Strata as its producer */
    OnnxMl.ModelProto model(String producerVersion, String doc) {
        return OnnxMl.ModelProto.newBuilder().setIrVersion(7).setProducerName("Strata")
                .setProducerVersion(OnnxText.string(producerVersion)).setDocString(OnnxText.string(doc))
                .addOpsetImport(OnnxMl.OperatorSetIdProto.newBuilder().setDomain("").setVersion(OPSET))
                .setGraph(graph).build();
    }

    static OnnxMl.AttributeProto attr(String name, long value) {
        return OnnxMl.AttributeProto.newBuilder().setName(name).setType(OnnxMl.AttributeProto.AttributeType.INT)
                .setI(value).build();
    }

    static OnnxMl.AttributeProto attr(String name, float value) {
        return OnnxMl.AttributeProto.newBuilder().setName(name).setType(OnnxMl.AttributeProto.AttributeType.FLOAT)
                .setF(value).build();
    }

    static OnnxMl.AttributeProto attr(String name, String value) {
        return OnnxMl.AttributeProto.newBuilder().setName(name).setType(OnnxMl.AttributeProto.AttributeType.STRING)
                .setS(ByteString.copyFromUtf8(value)).build();
    }

    static OnnxMl.AttributeProto attr(String name, long... values) {
        OnnxMl.AttributeProto.Builder b = OnnxMl.AttributeProto.newBuilder().setName(name)
                .setType(OnnxMl.AttributeProto.AttributeType.INTS);
        for (long v : values) b.addInts(v);
        return b.build();
    }

    private static List<Long> boxed(long[] dims) {
        return java.util.Arrays.stream(dims).boxed().toList();
    }
}
