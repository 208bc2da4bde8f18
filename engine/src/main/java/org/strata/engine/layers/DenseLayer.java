package org.strata.engine.layers;

import java.util.List;
import org.strata.engine.params.ParamSpec;
import org.strata.engine.params.ParamTable;
import org.strata.engine.params.Params;

/** A fully connected layer: y = f(xW + b). */
public final class DenseLayer extends LayerType {
    /** The parameter that ties W to the Embedding's matrix (see {@code analysis.WeightTies}). */
    public static final String TIE = "tieEmbedding";

    public DenseLayer() {
        super("Dense", Category.CORE, "Fully connected: every output sees every input",
                "y = f(x·W + b), W of shape [inputs, units], b of shape [units], f the activation. On a sequence it "
                        + "applies to each step on its own (the same W and b): [T, inputs] → [T, units]. Tied to the "
                        + "embedding: y = f(x·Eᵀ + b), the Embedding's E [vocabulary, dimension] used as W, so the "
                        + "network holds that matrix once (GPT-2's output layer).",
                ParamTable.of(
                        ParamSpec.integer("units", "Units", 128, 1, 1_000_000, "Number of outputs (neurons)"),
                        ParamSpec.choice("activation", "Activation", ActivationFn.RELU,
                                "Function applied to each output"),
                        ParamSpec.bool("useBias", "Use bias", true, "Add a learned bias b to each output"),
                        ParamSpec.bool(TIE, "Tie to embedding", false, "Use the transpose of the network's "
                                + "Embedding matrix as W, as GPT-2 does: the units must equal the Embedding's "
                                + "vocabulary, the inputs its dimension"),
                        WeightInit.param()));
    }

    @Override
    public TensorShape outputShape(List<TensorShape> in, Params p) throws ShapeException {
        if (in.get(0).kind() == TensorShape.Kind.SEQUENCE) { // step by step, as a transformer's feed-forward part
            return TensorShape.sequence(in.get(0).dim(0), p.getInt("units"));
        }
        single(in, TensorShape.Kind.VECTOR, "add a Flatten (or GlobalAvgPool) before it");
        return TensorShape.vector(p.getInt("units"));
    }

    @Override
    public List<Weight> weights(List<TensorShape> in, Params p) {
        long inputs = inputs(in.get(0));
        long units = p.getInt("units");
        Weight b = Weight.vector("b", "[units]", Weight.Init.ZERO, units);
        if (tied(p)) return useBias(p) ? List.of(b) : List.of(); // W is the Embedding's E, counted there
        Weight w = Weight.xavier("W", "[inputs, units]", inputs, units, inputs, units);
        return useBias(p) ? List.of(w, b) : List.of(w);
    }

    /** @return the inputs of each product: a vector's size, or a sequence step's features */
    private static long inputs(TensorShape x) {
        return x.kind() == TensorShape.Kind.SEQUENCE ? x.channels() : x.size();
    }

    /** @return whether a node with these parameters adds a bias */
    public static boolean useBias(Params p) {
        return p.getBool("useBias");
    }

    /** @return whether a node with these parameters uses the transpose of the Embedding's E as its W */
    public static boolean tied(Params p) {
        return p.getBool(TIE);
    }

    /** @return the activation a node with these parameters applies */
    public static ActivationFn activation(Params p) {
        return p.getChoice("activation", ActivationFn.class);
    }

    @Override
    public String outputRule() {
        return "[units], or [T, units] on a sequence";
    }

    @Override
    public long flops(List<TensorShape> in, TensorShape out, Params p) {
        return 2L * in.get(0).size() * p.getInt("units"); // a sequence: T products of its steps' features
    }

    @Override
    public ActivationFn outputActivation(Params p) {
        return activation(p);
    }

    @Override
    public String keyParams(Params p) {
        return p.getInt("units") + " · " + p.getString("activation") + (tied(p) ? " · tied" : "");
    }

    @Override
    public boolean keepsSteps(Params p) {
        return true;
    }
}
