package org.strata.engine.layers;

import java.util.ArrayList;
import java.util.List;
import org.strata.engine.params.ParamSpec;
import org.strata.engine.params.ParamTable;
import org.strata.engine.params.Params;

/**
 * What the recurrent layers (LSTM, GRU, SimpleRNN) share: a sequence in, h at every step or only the last out, the
 * units and the weight initialiser as settings, and W [features, gates·units], U [units, gates·units] and b. With
 * {@code bidirectional} a second reading runs from the sequence's end with arrays of its own (the same names with
 * {@value #REVERSE}); its h sits after the first's in the output, and its "last" h is the one it reaches at the
 * sequence's start, as in PyTorch, Keras and ONNX.
 */
public abstract class RecurrentLayer extends LayerType {
    /** Appended to the names of the backward reading's arrays ("W_reverse"), as PyTorch names them. */
    public static final String REVERSE = "_reverse";
    private final int gates;

    /**
     * @param gates the number of gate blocks side by side in W, U and b (4 for LSTM, 3 for GRU, 1 for SimpleRNN)
     * @param order how the blocks are laid out, e.g. "gate blocks r, z, n"
     */
    protected RecurrentLayer(String id, String description, String doc, int gates, String order) {
        super(id, Category.SEQUENCE, description, doc, ParamTable.of(
                ParamSpec.integer("units", "Units", 64, 1, 100_000, "Size of the memory h"),
                ParamSpec.bool("returnSequences", "Return sequences", false,
                        "Output h at every step (a sequence) instead of only the last (a vector)"),
                ParamSpec.bool("bidirectional", "Bidirectional", false,
                        "Also read the sequence from its end with weights of its own; both readings side by side "
                                + "(2·units wide)"),
                WeightInit.param()));
        this.gates = gates;
        this.order = order;
    }

    private final String order;

    @Override
    public TensorShape outputShape(List<TensorShape> in, Params p) throws ShapeException {
        TensorShape x = single(in, TensorShape.Kind.SEQUENCE,
                "set the Input's kind to sequence, or put an Embedding before it");
        int u = width(p);
        return p.getBool("returnSequences") ? TensorShape.sequence(x.dim(0), u) : TensorShape.vector(u);
    }

    /** @return the output's width: the units, twice over when bidirectional */
    public static int width(Params p) {
        return p.getInt("units") * directions(p);
    }

    /** @return 2 when the layer reads both ways, else 1 */
    public static int directions(Params p) {
        return p.getBool("bidirectional") ? 2 : 1;
    }

    /** The forward reading's arrays and, when bidirectional, the backward reading's under the same names + REVERSE. */
    @Override
    public final List<Weight> weights(List<TensorShape> in, Params p) {
        List<Weight> all = new ArrayList<>(directionWeights(in, p));
        if (p.getBool("bidirectional")) {
            for (Weight w : directionWeights(in, p)) all.add(w.renamed(w.name() + REVERSE));
        }
        return all;
    }

    /** W, U and b of one reading, with the blocks side by side; a cell with more arrays adds them. */
    protected List<Weight> directionWeights(List<TensorShape> in, Params p) {
        long u = p.getInt("units");
        long f = in.get(0).channels();
        long g = (long) gates * u;
        String width = gates == 1 ? "units" : gates + "·units";
        return List.of(Weight.xavier("W", "[features, " + width + "]" + (gates == 1 ? "" : " (" + order + ")"), f, g,
                        f, g),
                Weight.xavier("U", "[units, " + width + "] (recurrent" + (gates == 1 ? ")" : ", same order)"), u, g, u,
                        g),
                Weight.vector("b", "[" + width + "]", Weight.Init.ZERO, g));
    }

    @Override
    public String outputRule() {
        return "[units], or [T, units] with returnSequences; 2·units when bidirectional";
    }

    @Override
    public long flops(List<TensorShape> in, TensorShape out, Params p) {
        long u = p.getInt("units");
        long f = in.get(0).channels();
        return directions(p) * in.get(0).dim(0) * (2L * gates * (f * u + u * u) + 10 * u);
    }

    @Override
    public String keyParams(Params p) {
        return p.getInt("units") + (p.getBool("bidirectional") ? " ↔" : "")
                + (p.getBool("returnSequences") ? " · seq" : "");
    }

    @Override
    public boolean keepsSteps(Params p) {
        return p.getBool("returnSequences");
    }
}
