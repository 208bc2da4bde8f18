package org.strata.engine.export;

import static java.util.Map.entry;
import static org.strata.engine.export.NpzStep.last;

import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.strata.engine.analysis.PaddingMasks;
import org.strata.engine.graph.Node;
import org.strata.engine.graph.PortRef;
import org.strata.engine.layers.ActivationFn;
import org.strata.engine.layers.GlobalPoolLayer;
import org.strata.engine.layers.LossFn;
import org.strata.engine.layers.PositionalEncodingLayer;
import org.strata.engine.layers.TensorShape;

/**
 * How {@link NpzForward} computes each layer type of the catalogue from an {@code .npz} export, looked up by the
 * type's id: one {@link NpzLayer} per type, or a reason, said to the user, why the {@code .npz} reader does not take
 * it. A type with neither fails {@code NpzMappingTest}.
 */
final class NpzLayers {
    private NpzLayers() {
    }

    private static final Map<String, NpzLayer> BY_TYPE = Map.ofEntries(
            entry("Input", NpzLayers::input),
            entry("Output", NpzLayers::output),
            entry("Dense", NpzLayers::dense),
            entry("Activation", s -> NpzMath.activate(s.activation(), s.x(), last(s.shape()))),
            entry("Dropout", NpzStep::x), // inference: dropout does nothing
            entry("Flatten", NpzStep::x), // the same values in the same order
            entry("Reshape", NpzStep::x),
            entry("Conv2D", NpzConvolutions::conv2d),
            entry("DepthwiseConv2D", NpzConvolutions::depthwise),
            entry("ConvTranspose2D", NpzConvolutions::convTranspose),
            entry("Conv1D", NpzConvolutions::conv1d),
            entry("MaxPool1D", NpzConvolutions::pool1d),
            entry("AvgPool1D", NpzConvolutions::pool1d),
            entry("MaxPool2D", NpzConvolutions::pool2d),
            entry("AvgPool2D", NpzConvolutions::pool2d),
            entry("GlobalAvgPool", NpzLayers::globalPool),
            entry("GlobalMaxPool", NpzLayers::globalPool),
            entry("BatchNorm", s -> NpzMath.batchNorm(s, s.x(), (float) s.p().getDouble("epsilon"))),
            entry("LayerNorm", s -> NpzMath.layerNorm(s, s.x(), s.p().getDouble("epsilon"))),
            entry("Add", s -> {
                float[] y = s.x().clone();
                for (int k = 1; k < s.in().size(); k++) for (int i = 0; i < y.length; i++) y[i] += s.in().get(k)[i];
                return y;
            }),
            entry("Subtract", s -> {
                float[] y = s.x().clone();
                for (int i = 0; i < y.length; i++) y[i] -= s.in().get(1)[i];
                return y;
            }),
            entry("Multiply", s -> {
                float[] y = s.x().clone();
                for (int k = 1; k < s.in().size(); k++) for (int i = 0; i < y.length; i++) y[i] *= s.in().get(k)[i];
                return y;
            }),
            entry("Concatenate", s -> NpzMath.concat(s.in(), s.shapes())),
            entry("ZeroPadding2D", s -> NpzMath.zeroPad(s.x(), s.shape(), s.p().getTuple("padding"))),
            entry("UpSampling2D", s -> NpzMath.upSample(s.x(), s.shape(), s.p().getTuple("size"))),
            entry("LSTM", NpzRecurrent.of(NpzRecurrent::lstm)),
            entry("GRU", NpzRecurrent.of(NpzRecurrent::gru)),
            entry("SimpleRNN", NpzRecurrent.of(NpzRecurrent::simpleRnn)),
            entry("MultiHeadAttention", NpzAttention::of),
            entry("PositionalEncoding", s -> added(s.x(), PositionalEncodingLayer.table(s.shape().dim(0),
                    s.shape().dim(1)))),
            entry("PositionEmbedding", s -> added(s.x(), s.a("P"))),
            entry("Embedding", NpzLayers::embedding));

    /** Types the {@code .npz} reader does not compute, with the reason said to the user (none today). */
    private static final Map<String, String> DECLINED = Map.of();

    /** @return the forward pass of the type with that id, if the reader computes it */
    static Optional<NpzLayer> of(String typeId) {
        return Optional.ofNullable(BY_TYPE.get(typeId));
    }

    /** @return why the reader does not compute the type with that id, if it declines it */
    static Optional<String> declined(String typeId) {
        return Optional.ofNullable(DECLINED.get(typeId));
    }

    /** @return every type id named here, computed or declined */
    static Set<String> typeIds() {
        Set<String> all = new TreeSet<>(BY_TYPE.keySet());
        all.addAll(DECLINED.keySet());
        return all;
    }

    /** The raw sample normalised with the export's shift and scale. */
    private static float[] input(NpzStep s) {
        float[] shift = s.a("shift");
        float[] scale = s.a("scale");
        float[] raw = s.raw();
        float[] x = new float[raw.length];
        for (int i = 0; i < x.length; i++) x[i] = (raw[i] - shift[i]) * scale[i];
        return x;
    }

    /** The loss's squashing (softmax, sigmoid…), unless the layer before already applied it. */
    private static float[] output(NpzStep s) {
        LossFn loss = LossFn.of(s.p());
        Node producer = s.forward().graph().require(s.forward().graph().incoming(new PortRef(s.id(), "in"))
                .orElseThrow().from().node());
        ActivationFn before = producer.type().outputActivation(producer.params());
        return loss.alreadySquashed(before) ? s.x() : NpzMath.activate(loss.squash(), s.x(), last(s.shape()));
    }

    /** x·W + b, row by row on a sequence; tied to an Embedding, x·Eᵀ + b with the Embedding's E. */
    private static float[] dense(NpzStep s) {
        int units = s.p().getInt("units");
        boolean bias = s.p().getBool("useBias");
        TensorShape x = s.shape();
        var tied = s.forward().analysis().tiedEmbedding(s.id());
        if (tied.isPresent()) {
            boolean seq = x.kind() == TensorShape.Kind.SEQUENCE;
            return NpzMath.activate(s.activation(), NpzMath.rowsTimesTransposed(s.x(), seq ? x.dim(0) : 1,
                    seq ? x.dim(1) : (int) x.size(), s.forward().array(tied.get() + "/E"),
                    bias ? s.a("b") : new float[units], units), units);
        }
        return NpzMath.activate(s.activation(), x.kind() == TensorShape.Kind.SEQUENCE
                ? NpzMath.rowsTimes(s.x(), x.dim(0), x.dim(1), s.a("W"), bias ? s.a("b") : new float[units], units)
                : NpzMath.dense(s, s.x(), units, bias), units);
    }

    /** Over an image's positions, or over a sequence's real steps alone when it is padded. */
    private static float[] globalPool(NpzStep s) {
        TensorShape x = s.shape();
        boolean max = ((GlobalPoolLayer) s.type()).isMax();
        int real = x.kind() == TensorShape.Kind.SEQUENCE ? s.realSteps(x.dim(0)) : 0;
        return real > 0 ? NpzMath.globalPool(Arrays.copyOf(s.x(), real * x.dim(1)), TensorShape.sequence(real,
                x.dim(1)), max) : NpzMath.globalPool(s.x(), x, max);
    }

    /** Each token's row of E; marks the sample's real steps when token 0 pads. */
    private static float[] embedding(NpzStep s) {
        float[] e = s.a("E");
        int d = s.p().getInt("dimension");
        float[] tokens = s.x();
        float[] y = new float[tokens.length * d];
        for (int t = 0; t < tokens.length; t++) System.arraycopy(e, (int) tokens[t] * d, y, t * d, d);
        if (s.p().getBool("maskPadding")) {
            s.forward().markRealSteps(s.id(), PaddingMasks.realSteps(tokens, 0, tokens.length));
        }
        return y;
    }

    /** x plus a table of the same shape. */
    private static float[] added(float[] x, float[] table) {
        float[] y = x.clone();
        for (int i = 0; i < y.length; i++) y[i] += table[i];
        return y;
    }
}
