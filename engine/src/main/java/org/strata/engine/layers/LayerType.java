package org.strata.engine.layers;

import java.util.List;
import org.strata.engine.params.ParamTable;
import org.strata.engine.params.Params;

/**
 * Everything about one layer type that does not depend on an engine, in one place: its parameter table, ports,
 * shape rule, weights, FLOPs and documentation with its formula. The palette, inspector, validator, project format,
 * summary, docs and exporters read it from here. Each engine and each format maps a type in its own package
 * (looked up by {@link #id()}), so this package knows no engine: adding a layer type is one subclass listed in
 * {@link LayerCatalogue}, one entry per engine that runs it ({@code train.fast.Kernels} and a kernel, or a reason it
 * declines; {@code train.dl4j.Dl4jLayers}), one per format ({@code export.onnx.OnnxLayers},
 * {@code export.pytorch.PyTorchLayers}, the {@code .npz} reader's {@code export.NpzLayers}: an entry or a reason it
 * declines), its icon ({@code app.palette.LayerIcons}) and its translations. A guard test per place fails until the
 * entry is there.
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
        this.params = params.ownedBy(id);
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

    /**
     * The arrays this layer holds, declared once: everything that counts, creates, exports or documents them reads
     * this.
     *
     * @param in one shape per input port, valid for this type (its {@link #outputShape} accepted them)
     * @return the weights, learned and running statistics, in export order
     */
    public List<Weight> weights(List<TensorShape> in, Params p) {
        return List.of();
    }

    /** @return the number of values in {@link #weights}, for valid inputs */
    public final long paramCount(List<TensorShape> in, Params p) {
        long n = 0;
        for (Weight w : weights(in, p)) n += w.size();
        return n;
    }

    /** @return the output's shape in a few words, for the layer reference ("[units]", "same as the input") */
    public String outputRule() {
        return "same as the input";
    }

    /** @return floating-point operations of one forward pass for one sample (a multiply-add counts 2) */
    public long flops(List<TensorShape> in, TensorShape out, Params p) {
        return 0;
    }

    /**
     * @return values per sample that this layer keeps beside its output for the backward pass (attention's weights
     *         over the steps, T² per head), which a memory estimate counts; 0 for a layer that keeps only its output
     */
    public long keptValues(List<TensorShape> in, TensorShape out, Params p) {
        return 0;
    }

    /** @return the activation applied last by this layer (the loss uses it to avoid squashing twice) */
    public ActivationFn outputActivation(Params p) {
        return ActivationFn.IDENTITY;
    }

    /**
     * @return true if each step of the output is the same step of the input (a per-step Dense, a normalisation,
     * attention, a recurrent layer returning sequences), so that the padding an Embedding marks passes through it
     */
    public boolean keepsSteps(Params p) {
        return false;
    }

    /** @return the key parameters in a few characters, for the node face ("32 · 3×3") */
    public String keyParams(Params p) {
        return "";
    }

    @Override
    public String toString() {
        return id;
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
