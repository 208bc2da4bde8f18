package org.strata.engine.layers;

import java.util.ArrayList;
import java.util.List;
import org.strata.engine.params.ParamSpec;
import org.strata.engine.params.ParamTable;
import org.strata.engine.params.Params;

/** Joins branches: Add sums equal shapes, Concatenate stacks along the last axis. */
public final class MergeLayer extends LayerType {
    private final boolean add;

    private MergeLayer(String id, boolean add, String description, String doc) {
        super(id, Category.MERGE, description, doc, ParamTable.of(
                ParamSpec.integer("inputs", "Inputs", 2, 2, 16, "Number of input ports")));
        this.add = add;
    }

    /** @return the Add type */
    public static MergeLayer add() {
        return new MergeLayer("Add", true, "Sums branches of equal shape (skip connections)",
                "y = x₁ + x₂ + … elementwise; every input must have the same shape.");
    }

    /** @return the Concatenate type */
    public static MergeLayer concatenate() {
        return new MergeLayer("Concatenate", false, "Stacks branches along the last axis",
                "y = [x₁, x₂, …] along features (vectors, sequences) or channels (images); other axes must match.");
    }

    /** @return true for Add, false for Concatenate */
    public boolean isAdd() {
        return add;
    }

    @Override
    public String outputRule() {
        return add ? "same as each input" : "the inputs stacked on the last axis";
    }

    @Override
    public List<String> inputPorts(Params p) {
        List<String> ports = new ArrayList<>();
        for (int i = 1; i <= p.getInt("inputs"); i++) ports.add("in" + i);
        return ports;
    }

    @Override
    public TensorShape outputShape(List<TensorShape> in, Params p) throws ShapeException {
        TensorShape first = in.get(0);
        int channels = 0;
        for (int i = 0; i < in.size(); i++) {
            TensorShape s = in.get(i);
            if (add && !s.equals(first)) {
                throw new ShapeException("shape.add", "Add needs inputs of equal shape but in1 is " + first + " and in"
                        + (i + 1) + " is " + s + ": change the layers on one branch so both give " + first
                        + " (e.g. a Dense or Conv2D of matching size)", first.toString(), "in" + (i + 1), s.toString());
            }
            if (!add && (s.kind() != first.kind() || !sameLeadingDims(s, first))) {
                throw new ShapeException("shape.concat", "Concatenate joins along the last axis, so all other axes "
                        + "must match, but in1 is " + first + " and in" + (i + 1) + " is " + s
                        + ": make them equal except for the last number", first.toString(), "in" + (i + 1),
                        s.toString());
            }
            channels += s.channels();
        }
        if (add) return first;
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
        return add ? (in.size() - 1L) * out.size() : 0;
    }

    @Override
    public String keyParams(Params p) {
        return p.getInt("inputs") + " inputs";
    }


}
