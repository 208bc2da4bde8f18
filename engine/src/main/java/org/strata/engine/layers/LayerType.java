package org.strata.engine.layers;

import java.util.List;
import java.util.function.UnaryOperator;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.strata.engine.graph.Node;
import org.strata.engine.params.ParamTable;
import org.strata.engine.params.Params;
import org.strata.engine.train.dl4j.Dl4jContext;

/**
 * Everything about one layer type, in one place: its parameter table, ports, shape rule, parameter count,
 * FLOPs, documentation with its formula, and its mapping to the engine. The palette, inspector, validator,
 * project format, summary, docs, training backend and exporters all read it from here, so adding a layer type
 * is adding one subclass and listing it in {@link LayerCatalogue}.
 */
public abstract class LayerType {
    private final String id;
    private final Category category;
    private final String description;
    private final String doc;
    private final ParamTable params;

    /**
     * @param id          type name in project files and the palette ("Conv2D")
     * @param category    palette group
     * @param description one line for tooltips
     * @param doc         a short explanation with its formula
     * @param params      the parameter table
     */
    protected LayerType(String id, Category category, String description, String doc, ParamTable params) {
        this.id = id;
        this.category = category;
        this.description = description;
        this.doc = doc;
        this.params = params;
    }

    public final String id() {
        return id;
    }

    public final Category category() {
        return category;
    }

    /** @return one line for tooltips */
    public final String description() {
        return description;
    }

    /** @return a short explanation with the layer's formula */
    public final String doc() {
        return doc;
    }

    /** @return the parameter table */
    public final ParamTable params() {
        return params;
    }

    /** @return input port names for the given parameters; most layers have one, "in" */
    public List<String> inputPorts(Params p) {
        return List.of("in");
    }

    /** @return output port names; most layers have one, "out" */
    public List<String> outputPorts() {
        return List.of("out");
    }

    /**
     * The shape rule.
     *
     * @param in one shape per input port, in port order
     * @return the output shape (for an Output node: the prediction's shape)
     * @throws ShapeException saying what is wrong and how to fix it
     */
    public abstract TensorShape outputShape(List<TensorShape> in, Params p) throws ShapeException;

    /** @return trainable and running-statistic values this layer holds, for valid inputs */
    public long paramCount(List<TensorShape> in, Params p) {
        return 0;
    }

    /** @return floating-point operations of one forward pass for one sample (a multiply-add counts 2) */
    public long flops(List<TensorShape> in, TensorShape out, Params p) {
        return 0;
    }

    /** @return the activation applied last by this layer (the loss uses it to avoid squashing twice) */
    public ActivationFn outputActivation(Params p) {
        return ActivationFn.IDENTITY;
    }

    /** @return the key parameters in a few characters, for the node face ("32 · 3×3") */
    public String keyParams(Params p) {
        return "";
    }

    /**
     * Adds this node to a Deeplearning4j graph under the node's id (or fuses it into a neighbour; see
     * {@link Dl4jContext#alias}).
     */
    public abstract void toDl4j(Node node, Dl4jContext ctx);

    /**
     * @return a new kernel running this layer type in Strata's fast engine, or null if the fast engine does not
     *         support it (then the graph trains through Deeplearning4j)
     */
    public org.strata.engine.train.fast.Kernel fastKernel() {
        return null;
    }

    /** How one parameter array is named in exports and converted from the engine's layout. */
    public record ExportedParam(String name, String engineKey, UnaryOperator<INDArray> toExport,
                                UnaryOperator<INDArray> fromExport, String layout) {
    }

    /** @return the parameter arrays a node with these parameters exports as {@code <nodeId>/<name>}, in order */
    public List<ExportedParam> exportedParams(Params p) {
        return List.of();
    }

    @Override
    public String toString() {
        return id;
    }

    /** Shared helper: a row vector [1, n] in the engine is [n] in exports. */
    protected static ExportedParam vectorParam(String name, String key, String layout) {
        return new ExportedParam(name, key, a -> a.reshape(a.length()), a -> a.reshape(1, a.length()), layout);
    }

    /** Shared helper: the one input shape, which must be of the given kind. */
    protected final TensorShape single(List<TensorShape> in, TensorShape.Kind kind, String fix) throws ShapeException {
        TensorShape s = in.get(0);
        if (s.kind() != kind) {
            throw new ShapeException("shape.kind." + id, id + " expects " + TensorShape.articleOf(kind)
                    + " but gets " + s.article() + " of shape " + s + ": " + fix, s.kind(), s.toString());
        }
        return s;
    }
}
