package org.strata.engine.export.pytorch;

import java.util.List;
import java.util.Locale;
import org.strata.engine.layers.RecurrentLayer;

/**
 * LSTM, GRU and SimpleRNN in PyTorch ({@link PyTorchLayers}): nn.LSTM, nn.GRU or nn.RNN with batch_first, one
 * reading or two (bidirectional), and each reading's arrays turned between Strata's layout (Deeplearning4j's gate
 * order, one bias per gate) and PyTorch's (its own gate order, two biases).
 */
final class PyTorchRecurrent {
    private PyTorchRecurrent() {
    }

    /**
     * One reading's arrays: PyTorch's parameters (after {@code net.}) and Strata's keys in weights.npz (without the
     * quotes of {@code w["…"]}), both with the reading's suffix ("" or {@link RecurrentLayer#REVERSE}).
     */
    private record Reading(String ih, String hh, String bih, String bhh, String w, String r, String b, String bh) {
    }

    /** How one cell turns a reading's arrays, given its units. */
    @FunctionalInterface
    private interface Cell {
        void weights(PyTorchLayer.Builder b, Reading a, int units);
    }

    /** Strata's gate blocks are Deeplearning4j's: block input g, forget f, output o, input i; PyTorch's are i, f, g, o. */
    static PyTorchLayer lstm(PyTorchNode c) {
        PyTorchLayer.Builder b = PyTorchLayer.of(c)
                .load("order = [3, 1, 0, 2]  # PyTorch's i, f, g, o from Strata's g, f, o, i")
                .load("blocks = lambda a: np.concatenate([np.split(a, 4, axis=-1)[k] for k in order], axis=-1)")
                .save("back = [2, 1, 3, 0]  # Strata's g, f, o, i from PyTorch's i, f, g, o")
                .save("unblocks = lambda a: np.concatenate([np.split(a, 4, axis=-1)[k] for k in back], axis=-1)");
        return of(c, "LSTM", b, (l, a, u) -> l
                .load("put(%s, blocks(w[\"%s\"]).T)", a.ih(), a.w())
                .load("put(%s, blocks(w[\"%s\"]).T)", a.hh(), a.r())
                .load("put(%s, blocks(w[\"%s\"]))", a.bih(), a.b())
                .load("put(%s, np.zeros(%d))  # one bias per gate in Strata", a.bhh(), 4 * u)
                .save("w[\"%s\"] = unblocks(get(%s).T)", a.w(), a.ih())
                .save("w[\"%s\"] = unblocks(get(%s).T)", a.r(), a.hh())
                .save("w[\"%s\"] = unblocks(get(%s) + get(%s))", a.b(), a.bih(), a.bhh()));
    }

    /** The same blocks r, z, n; PyTorch's recurrent biases of r and z add to the input's (one here). */
    static PyTorchLayer gru(PyTorchNode c) {
        return of(c, "GRU", PyTorchLayer.of(c), (l, a, u) -> l
                .load("put(%s, w[\"%s\"].T)", a.ih(), a.w())
                .load("put(%s, w[\"%s\"].T)", a.hh(), a.r())
                .load("put(%s, w[\"%s\"])", a.bih(), a.b())
                .load("put(%s, np.concatenate([np.zeros(%d), w[\"%s\"]]))", a.bhh(), 2 * u, a.bh())
                .save("w[\"%s\"] = get(%s).T", a.w(), a.ih())
                .save("w[\"%s\"] = get(%s).T", a.r(), a.hh())
                .save("w[\"%s\"] = get(%s) + np.concatenate([get(%s)[:%d], np.zeros(%d)])", a.b(), a.bih(), a.bhh(),
                        2 * u, u)
                .save("w[\"%s\"] = get(%s)[%d:]", a.bh(), a.bhh(), 2 * u));
    }

    /** One bias in Strata, PyTorch's two added. */
    static PyTorchLayer simpleRnn(PyTorchNode c) {
        return of(c, "RNN", PyTorchLayer.of(c), (l, a, u) -> l
                .load("put(%s, w[\"%s\"].T)", a.ih(), a.w())
                .load("put(%s, w[\"%s\"].T)", a.hh(), a.r())
                .load("put(%s, w[\"%s\"])", a.bih(), a.b())
                .load("put(%s, np.zeros(%d))  # one bias in Strata", a.bhh(), u)
                .save("w[\"%s\"] = get(%s).T", a.w(), a.ih())
                .save("w[\"%s\"] = get(%s).T", a.r(), a.hh())
                .save("w[\"%s\"] = get(%s) + get(%s)", a.b(), a.bih(), a.bhh()));
    }

    /** PyTorch's module for the layer, each reading's arrays by {@code cell}, and its value in forward. */
    private static PyTorchLayer of(PyTorchNode c, String module, PyTorchLayer.Builder b, Cell cell) {
        int u = c.p().getInt("units");
        boolean both = c.p().getBool("bidirectional");
        b.module("self.%s = nn.%s(%d, %d, batch_first=True%s)", c.name(), module, c.in().dim(1), u,
                both ? ", bidirectional=True" : "");
        for (String reading : both ? List.of("", RecurrentLayer.REVERSE) : List.of("")) {
            // PyTorch's arrays of the reading (weight_ih_l0, weight_ih_l0_reverse…), Strata's (W, W_reverse…)
            String net = "net." + c.name();
            String id = c.key();
            cell.weights(b, new Reading(net + ".weight_ih_l0" + reading, net + ".weight_hh_l0" + reading,
                    net + ".bias_ih_l0" + reading, net + ".bias_hh_l0" + reading, id + "/W" + reading,
                    id + "/U" + reading, id + "/b" + reading, id + "/bh" + reading), u);
            // init_weights draws W, U and b as Strata does and zeroes PyTorch's second bias (a GRU's bh too)
            b.drawnOnly("W" + reading, ".weight_ih_l0" + reading).drawnOnly("U" + reading, ".weight_hh_l0" + reading)
                    .drawnOnly("b" + reading, ".bias_ih_l0" + reading);
        }
        b.zeroed(".bias_hh_l0");
        if (both) b.zeroed(".bias_hh_l0" + RecurrentLayer.REVERSE);
        if (c.paddedBy() != null) {
            return b.forward(String.format(Locale.ROOT, "padded_recurrent(self.%s, %s, %s__lengths, %s)", c.name(),
                    c.x(), c.paddedBy(), PyTorchNode.bool(c.p().getBool("returnSequences"))));
        }
        return b.forward(output(c));
    }

    /** @return a recurrent module's every h (returnSequences), or the last h each of its readings reached */
    private static String output(PyTorchNode c) {
        String y = c.call(c.x()) + "[0]";
        if (c.p().getBool("returnSequences")) return y;
        return c.p().getBool("bidirectional") ? "last_of_both(" + y + ", " + c.p().getInt("units") + ")"
                : y + "[:, -1]";
    }
}
