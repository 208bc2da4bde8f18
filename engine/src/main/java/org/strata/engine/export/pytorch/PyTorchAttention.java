package org.strata.engine.export.pytorch;

import java.util.Locale;
import org.strata.engine.layers.TensorShape;

/**
 * Self-attention and the positions it reads, in PyTorch ({@link PyTorchLayers}): MultiHeadAttention as four
 * nn.Linear modules beside each other ({@code <name>__q}, {@code __k}, {@code __v}, {@code __o}) and model.py's
 * {@code attention} function; a learned position table as an nn.Parameter; the sine table as a buffer.
 */
final class PyTorchAttention {
    private PyTorchAttention() {
    }

    /** The projections q, k, v and back (o); a padded input's mask keeps every step from looking at padding. */
    static PyTorchLayer attention(PyTorchNode c) {
        int d = c.in().dim(1);
        int hk = c.p().getInt("heads") * c.p().getInt("keySize");
        PyTorchLayer.Builder b = PyTorchLayer.of(c);
        for (String part : new String[]{"q", "k", "v", "o"}) {
            boolean back = part.equals("o"); // the output projection, back to the input's width
            b.module("self.%s__%s = nn.Linear(%d, %d)", c.name(), part, back ? hk : d, back ? d : hk)
                    .drawn("W" + part, "__" + part + ".weight", ".T", ".T", "")
                    .drawn("b" + part, "__" + part + ".bias", "", "", "");
        }
        String n = c.name();
        return b.forward(String.format(Locale.ROOT,
                "attention(%s, self.%s__q, self.%s__k, self.%s__v, self.%s__o, %d, %d, %s%s)",
                c.x(), n, n, n, n, c.p().getInt("heads"), c.p().getInt("keySize"),
                PyTorchNode.bool(c.p().getBool("causal")), c.paddedBy() == null ? "" : ", " + c.paddedBy() + "__mask"));
    }

    /** A learned table P [steps, features] added to the input: the parameter is the layer. */
    static PyTorchLayer positionEmbedding(PyTorchNode c) {
        TensorShape s = c.in();
        return PyTorchLayer.of(c).module("self.%s = nn.Parameter(torch.zeros(%d, %d))", c.name(), s.dim(0), s.dim(1))
                .drawn("P", "", "", "", "").forward(c.x() + " + self." + c.name());
    }

    /** The fixed sine table, a buffer that is not saved with the weights. */
    static PyTorchLayer positionalEncoding(PyTorchNode c) {
        TensorShape s = c.in();
        return PyTorchLayer.of(c).module("self.register_buffer(\"%s__table\", positional_encoding(%d, %d), "
                + "persistent=False)", c.name(), s.dim(0), s.dim(1)).forward(c.x() + " + self." + c.name()
                + "__table");
    }
}
