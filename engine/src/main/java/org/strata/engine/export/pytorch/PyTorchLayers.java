package org.strata.engine.export.pytorch;

import static java.util.Map.entry;

import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.strata.engine.graph.Node;
import org.strata.engine.graph.PortRef;
import org.strata.engine.layers.ActivationFn;
import org.strata.engine.layers.GlobalPoolLayer;
import org.strata.engine.layers.LossFn;
import org.strata.engine.layers.TensorShape;

/**
 * How {@link PyTorchExport} writes each layer type of the catalogue into model.py, looked up by the type's id: one
 * emitter per type, which returns the layer's {@link PyTorchLayer} (module, forward expression, weight mapping), or
 * a reason, said to the user, why the PyTorch export does not take it. Families live beside this class
 * ({@link PyTorchConvolutions}, {@link PyTorchRecurrent}, {@link PyTorchAttention}). A type with neither an emitter
 * nor a reason fails {@code PyTorchMappingTest}.
 */
final class PyTorchLayers {
    /** One layer type written for PyTorch. */
    @FunctionalInterface
    interface Emitter {
        /** @return what the layer writes into model.py */
        PyTorchLayer emit(PyTorchNode node);
    }

    private PyTorchLayers() {
    }

    private static final Map<String, Emitter> BY_TYPE = Map.ofEntries(
            entry("Output", PyTorchLayers::output),
            entry("Dense", PyTorchLayers::dense),
            entry("Activation", c -> PyTorchLayer.expression(c.activated(c.x()))),
            entry("Dropout", c -> PyTorchLayer.of(c).module("self.%s = nn.Dropout(%s)", c.name(),
                    num(c.p().getDouble("rate"))).forward(c.call(c.x()))),
            entry("Flatten", c -> PyTorchLayer.expression(c.x() + ".flatten(1)")),
            entry("Reshape", PyTorchLayers::reshape),
            entry("Add", c -> PyTorchLayer.expression(String.join(" + ", c.inputs()))),
            entry("Subtract", c -> PyTorchLayer.expression(c.inputs().get(0) + " - " + c.inputs().get(1))),
            entry("Multiply", c -> PyTorchLayer.expression(String.join(" * ", c.inputs()))),
            entry("Concatenate", c -> PyTorchLayer.expression("torch.cat([" + String.join(", ", c.inputs())
                    + "], dim=-1)")),
            entry("Conv2D", PyTorchConvolutions::conv2d),
            entry("DepthwiseConv2D", PyTorchConvolutions::depthwise),
            entry("ConvTranspose2D", PyTorchConvolutions::convTranspose),
            entry("Conv1D", PyTorchConvolutions::conv1d),
            entry("MaxPool1D", PyTorchConvolutions::pool1d),
            entry("AvgPool1D", PyTorchConvolutions::pool1d),
            entry("MaxPool2D", PyTorchConvolutions::pool2d),
            entry("AvgPool2D", PyTorchConvolutions::pool2d),
            entry("GlobalAvgPool", PyTorchLayers::globalPool),
            entry("GlobalMaxPool", PyTorchLayers::globalPool),
            entry("ZeroPadding2D", c -> {
                int[] pad = c.p().getTuple("padding");
                // F.pad pads the last axes first: channels (none), width, height
                return PyTorchLayer.expression("F.pad(" + c.x() + ", (0, 0, " + pad[1] + ", " + pad[1] + ", " + pad[0]
                        + ", " + pad[0] + "))");
            }),
            entry("UpSampling2D", c -> {
                int[] s = c.p().getTuple("size");
                return PyTorchLayer.expression(c.x() + ".repeat_interleave(" + s[0] + ", dim=1).repeat_interleave("
                        + s[1] + ", dim=2)");
            }),
            entry("LayerNorm", c -> PyTorchLayer.of(c).module("self.%s = nn.LayerNorm(%d, eps=%s)", c.name(),
                    c.in().channels(), num(c.p().getDouble("epsilon"))).kept("gamma", ".weight").kept("beta", ".bias")
                    .forward(c.call(c.x()))),
            entry("BatchNorm", PyTorchLayers::batchNorm),
            entry("MultiHeadAttention", PyTorchAttention::attention),
            entry("PositionEmbedding", PyTorchAttention::positionEmbedding),
            entry("PositionalEncoding", PyTorchAttention::positionalEncoding),
            entry("LSTM", PyTorchRecurrent::lstm),
            entry("GRU", PyTorchRecurrent::gru),
            entry("SimpleRNN", PyTorchRecurrent::simpleRnn),
            entry("Embedding", c -> PyTorchLayer.of(c).module("self.%s = nn.Embedding(%d, %d)", c.name(),
                    c.p().getInt("vocabulary"), c.p().getInt("dimension")).drawn("E", ".weight", "", "", "")
                    .forward(c.call(c.x() + ".long()"))));

    /** Types without an emitter, with the reason said to the user. */
    private static final Map<String, String> DECLINED = Map.of(
            "Input", "the network's input is forward()'s x, written by the export itself, not a layer of its own");

    /** @return the emitter of the type with that id, if the PyTorch export writes it */
    static Optional<Emitter> of(String typeId) {
        return Optional.ofNullable(BY_TYPE.get(typeId));
    }

    /** @return why the PyTorch export has no emitter for the type with that id, if it declines it */
    static Optional<String> declined(String typeId) {
        return Optional.ofNullable(DECLINED.get(typeId));
    }

    /** @return every type id named here, written or declined */
    static Set<String> typeIds() {
        Set<String> all = new TreeSet<>(BY_TYPE.keySet());
        all.addAll(DECLINED.keySet());
        return all;
    }

    /** The loss's squashing (softmax, sigmoid…), unless the layer before already applied it. */
    private static PyTorchLayer output(PyTorchNode c) {
        LossFn loss = LossFn.of(c.p());
        Node producer = c.graph().require(c.graph().incoming(new PortRef(c.node().id(), "in")).orElseThrow().from()
                .node());
        ActivationFn before = producer.type().outputActivation(producer.params());
        return PyTorchLayer.expression(loss.alreadySquashed(before) ? c.x() : activation(loss.squash(), c.x()));
    }

    /**
     * nn.Linear, row by row on a sequence; Strata's W is [inputs, units], PyTorch's its transpose. Tied to an
     * Embedding, its weight is the Embedding's (set in {@link PyTorchExport} once every module exists) and no W is
     * loaded, saved or drawn here.
     */
    private static PyTorchLayer dense(PyTorchNode c) {
        boolean bias = c.p().getBool("useBias");
        TensorShape xs = c.in();
        PyTorchLayer.Builder b = PyTorchLayer.of(c).module("self.%s = nn.Linear(%d, %d, bias=%s)", c.name(),
                xs.kind() == TensorShape.Kind.SEQUENCE ? xs.channels() : xs.size(), c.p().getInt("units"),
                PyTorchNode.bool(bias));
        if (!org.strata.engine.layers.DenseLayer.tied(c.p())) {
            b.drawn("W", ".weight", ".T", ".T", "Strata [inputs, units]");
        }
        if (bias) b.drawn("b", ".bias", "", "", "");
        return b.forward(c.activated(c.call(c.x())));
    }

    private static PyTorchLayer reshape(PyTorchNode c) {
        StringBuilder dims = new StringBuilder();
        for (int d : c.out().dims()) dims.append(", ").append(d);
        return PyTorchLayer.expression(c.x() + ".reshape(" + c.x() + ".shape[0]" + dims + ")");
    }

    /** Over an image's positions, or over a sequence's real steps alone when it is padded. */
    private static PyTorchLayer globalPool(PyTorchNode c) {
        boolean max = ((GlobalPoolLayer) c.node().type()).isMax();
        if (c.paddedBy() != null) {
            return PyTorchLayer.expression((max ? "masked_max(" : "masked_mean(") + c.x() + ", " + c.paddedBy()
                    + "__mask)");
        }
        String dims = c.in().kind() == TensorShape.Kind.IMAGE ? "(1, 2)" : "1";
        return PyTorchLayer.expression(c.x() + (max ? ".amax(dim=" : ".mean(dim=") + dims + ")");
    }

    /** nn.BatchNorm1d or 2d over the last axis, channels first around it; PyTorch's start is Strata's. */
    private static PyTorchLayer batchNorm(PyTorchNode c) {
        int rank = c.in().dims().length;
        int channels = c.in().dims()[rank - 1];
        PyTorchLayer.Builder b = PyTorchLayer.of(c).module("self.%s = nn.BatchNorm%dd(%d, eps=%s)", c.name(),
                rank == 3 ? 2 : 1, channels, num(c.p().getDouble("epsilon")))
                .kept("gamma", ".weight").kept("beta", ".bias").kept("mean", ".running_mean")
                .kept("var", ".running_var");
        return b.forward(switch (rank) {
            case 1 -> c.call(c.x());
            case 2 -> c.call(c.x() + ".permute(0, 2, 1)") + ".permute(0, 2, 1)";
            default -> c.call(c.x() + ".permute(0, 3, 1, 2)") + ".permute(0, 2, 3, 1)";
        });
    }

    /** @return {@code f(x)} in PyTorch, as Strata's engines compute it */
    static String activation(ActivationFn f, String x) {
        return switch (f) {
            case IDENTITY -> x;
            case RELU -> "F.relu(" + x + ")";
            case SIGMOID -> "torch.sigmoid(" + x + ")";
            case TANH -> "torch.tanh(" + x + ")";
            case SOFTMAX -> "F.softmax(" + x + ", dim=-1)";
            case ELU -> "F.elu(" + x + ")";
            case LEAKY_RELU -> "F.leaky_relu(" + x + ", 0.01)";
            case GELU -> "gelu(" + x + ")";
            case GELU_TANH -> "F.gelu(" + x + ", approximate=\"tanh\")";
            case SILU -> "F.silu(" + x + ")";
            case MISH -> "F.mish(" + x + ")";
            case SOFTPLUS -> "F.softplus(" + x + ")";
            // PyTorch's hardsigmoid is x/6 + 1/2; Strata's (Deeplearning4j's) is 0.2x + 0.5
            case HARD_SIGMOID -> "torch.clamp(0.2 * " + x + " + 0.5, 0.0, 1.0)";
        };
    }

    /** @return a parameter's number as Python reads it */
    static String num(double d) {
        return Double.toString(d);
    }
}
