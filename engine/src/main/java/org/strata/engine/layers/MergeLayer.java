package org.strata.engine.layers;

import java.util.ArrayList;
import java.util.List;
import org.strata.engine.params.ParamSpec;
import org.strata.engine.params.ParamTable;
import org.strata.engine.params.Params;

/**
 * Joins branches: Add, Subtract and Multiply combine inputs of equal shape value by value; Concatenate stacks them
 * along the last axis.
 */
public final class MergeLayer extends LayerType {
    /** How the inputs are joined. */
    public enum Op {
        /** x₁ + x₂ + … */
        ADD,
        /** x₁ − x₂ */
        SUBTRACT,
        /** x₁ ⊙ x₂ ⊙ … */
        MULTIPLY,
        /** [x₁, x₂, …] along the last axis */
        CONCATENATE
    }

    private final Op op;

    private MergeLayer(String id, Op op, String description, String doc, ParamTable params) {
        super(id, Category.MERGE, description, doc, params);
        this.op = op;
    }

    private static ParamTable inputs() {
        return ParamTable.of(ParamSpec.integer("inputs", "Inputs", 2, 2, 16, "Number of input ports"));
    }

    /** @return the Add type */
    public static MergeLayer add() {
        return new MergeLayer("Add", Op.ADD, "Sums branches of equal shape (skip connections)",
                "y = x₁ + x₂ + … elementwise; every input must have the same shape.", inputs());
    }

    /** @return the Subtract type: two inputs */
    public static MergeLayer subtract() {
        return new MergeLayer("Subtract", Op.SUBTRACT, "Subtracts the second branch from the first (differences)",
                "y = x₁ − x₂ elementwise; both inputs must have the same shape.", ParamTable.of());
    }

    /** @return the Multiply type */
    public static MergeLayer multiply() {
        return new MergeLayer("Multiply", Op.MULTIPLY, "Multiplies branches of equal shape (gates)",
                "y = x₁ ⊙ x₂ ⊙ … elementwise; every input must have the same shape.", inputs());
    }

    /** @return the Concatenate type */
    public static MergeLayer concatenate() {
        return new MergeLayer("Concatenate", Op.CONCATENATE, "Stacks branches along the last axis",
                "y = [x₁, x₂, …] along features (vectors, sequences) or channels (images); other axes must match.",
                inputs());
    }

    /** @return how the inputs are joined */
    public Op op() {
        return op;
    }

    /** @return whether inputs are combined value by value (all but Concatenate), so their shapes must be equal */
    public boolean isElementwise() {
        return op != Op.CONCATENATE;
    }

    @Override
    public String outputRule() {
        return isElementwise() ? "same as each input" : "the inputs stacked on the last axis";
    }

    @Override
    public List<String> inputPorts(Params p) {
        List<String> ports = new ArrayList<>();
        int n = op == Op.SUBTRACT ? 2 : p.getInt("inputs");
        for (int i = 1; i <= n; i++) ports.add("in" + i);
        return ports;
    }

    @Override
    public TensorShape outputShape(List<TensorShape> in, Params p) throws ShapeException {
        TensorShape first = in.get(0);
        int channels = 0;
        for (int i = 0; i < in.size(); i++) {
            TensorShape s = in.get(i);
            if (op == Op.ADD && !s.equals(first)) {
                throw new ShapeException("shape.add", "Add needs inputs of equal shape but in1 is " + first + " and in"
                        + (i + 1) + " is " + s + ": change the layers on one branch so both give " + first
                        + " (e.g. a Dense or Conv2D of matching size)", first.toString(), "in" + (i + 1), s.toString());
            }
            if (isElementwise() && !s.equals(first)) {
                throw new ShapeException("shape.elementwise", id() + " combines its inputs value by value, so they "
                        + "need equal shapes, but in1 is " + first + " and in" + (i + 1) + " is " + s + ": change the "
                        + "layers on one branch so both give " + first, first.toString(), "in" + (i + 1), s.toString(),
                        id());
            }
            if (!isElementwise() && (s.kind() != first.kind() || !sameLeadingDims(s, first))) {
                throw new ShapeException("shape.concat", "Concatenate joins along the last axis, so all other axes "
                        + "must match, but in1 is " + first + " and in" + (i + 1) + " is " + s
                        + ": make them equal except for the last number", first.toString(), "in" + (i + 1),
                        s.toString());
            }
            channels += s.channels();
        }
        if (isElementwise()) return first;
        int[] dims = first.dims().clone();
        dims[dims.length - 1] = channels;
        return new TensorShape(first.kind(), dims);
    }

    private static boolean sameLeadingDims(TensorShape a, TensorShape b) {
        for (int i = 0; i < a.dims().length - 1; i++) if (a.dim(i) != b.dim(i)) return false;
        return true;
    }

    @Override
    public long flops(List<TensorShape> in, TensorShape out, Params p) {
        return isElementwise() ? (in.size() - 1L) * out.size() : 0;
    }

    @Override
    public String keyParams(Params p) {
        return op == Op.SUBTRACT ? "in1 − in2" : p.getInt("inputs") + " inputs";
    }

    @Override
    public boolean keepsSteps(Params p) {
        return true;
    }
}
