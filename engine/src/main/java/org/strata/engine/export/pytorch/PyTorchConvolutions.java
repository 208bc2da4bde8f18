package org.strata.engine.export.pytorch;

import static org.strata.engine.export.pytorch.PyTorchNode.bool;

import org.strata.engine.layers.Conv1DLayer;
import org.strata.engine.layers.Conv2DLayer;
import org.strata.engine.layers.ConvTranspose2DLayer;
import org.strata.engine.layers.Padding;
import org.strata.engine.layers.Pool1DLayer;
import org.strata.engine.layers.Pool2DLayer;
import org.strata.engine.layers.TensorShape;

/**
 * The convolutions and poolings in PyTorch ({@link PyTorchLayers}): Strata's tensors are channels last, PyTorch's
 * modules take them channels first, so each call is wrapped in two permutes; 'same' padding is an explicit
 * {@code F.pad}, half before and the odd one after, as Strata's engines do.
 */
final class PyTorchConvolutions {
    private PyTorchConvolutions() {
    }

    static PyTorchLayer conv2d(PyTorchNode c) {
        int[] k = c.p().getTuple("kernel");
        int[] s = c.p().getTuple("stride");
        boolean bias = c.p().getBool("useBias");
        int[] d = c.p().getTuple("dilation");
        PyTorchLayer.Builder b = PyTorchLayer.of(c).module("self.%s = nn.Conv2d(%d, %d, kernel_size=(%d, %d), "
                        + "stride=(%d, %d), dilation=(%d, %d), bias=%s)", c.name(), c.in().dim(2),
                        c.p().getInt("filters"), k[0], k[1], s[0], s[1], d[0], d[1], bool(bias))
                .drawn("W", ".weight", ".transpose(3, 2, 0, 1)", ".transpose(2, 3, 1, 0)", "Strata [kh, kw, in, out]");
        if (bias) b.drawn("b", ".bias", "", "", "");
        String padded = pad(c.x() + ".permute(0, 3, 1, 2)", c.in(), c.out(), Conv2DLayer.span(k, d), s, same(c),
                "0.0");
        return b.forward(c.activated(c.call(padded) + ".permute(0, 2, 3, 1)"));
    }

    /** One kernel per input channel and multiplier: a grouped nn.Conv2d. */
    static PyTorchLayer depthwise(PyTorchNode c) {
        int[] k = c.p().getTuple("kernel");
        int[] s = c.p().getTuple("stride");
        int ch = c.in().dim(2);
        int m = c.p().getInt("multiplier");
        boolean bias = c.p().getBool("useBias");
        PyTorchLayer.Builder b = PyTorchLayer.of(c).module("self.%s = nn.Conv2d(%d, %d, kernel_size=(%d, %d), "
                        + "stride=(%d, %d), groups=%d, bias=%s)", c.name(), ch, ch * m, k[0], k[1], s[0], s[1], ch,
                        bool(bias))
                .drawn("W", ".weight", ".transpose(2, 3, 0, 1).reshape(" + (ch * m) + ", 1, " + k[0] + ", " + k[1]
                        + ")", ".reshape(" + ch + ", " + m + ", " + k[0] + ", " + k[1] + ").transpose(2, 3, 0, 1)",
                        "Strata [kh, kw, in, multiplier]");
        if (bias) b.drawn("b", ".bias", "", "", "");
        String padded = pad(c.x() + ".permute(0, 3, 1, 2)", c.in(), c.out(), k, s, same(c), "0.0");
        return b.forward(c.activated(c.call(padded) + ".permute(0, 2, 3, 1)"));
    }

    /** nn.ConvTranspose2d; 'same' crops k − s rows and columns, half before, as Strata's engines do. */
    static PyTorchLayer convTranspose(PyTorchNode c) {
        int[] k = c.p().getTuple("kernel");
        int[] s = c.p().getTuple("stride");
        boolean bias = c.p().getBool("useBias");
        PyTorchLayer.Builder b = PyTorchLayer.of(c).module("self.%s = nn.ConvTranspose2d(%d, %d, kernel_size=(%d, %d), "
                        + "stride=(%d, %d), bias=%s)", c.name(), c.in().dim(2), c.p().getInt("filters"), k[0], k[1],
                        s[0], s[1], bool(bias))
                .drawn("W", ".weight", ".transpose(3, 2, 0, 1)", ".transpose(2, 3, 1, 0)", "Strata [kh, kw, out, in]");
        if (bias) b.drawn("b", ".bias", "", "", "");
        int top = ConvTranspose2DLayer.cropBefore(c.p(), 0);
        int left = ConvTranspose2DLayer.cropBefore(c.p(), 1);
        String full = c.call(c.x() + ".permute(0, 3, 1, 2)");
        String cropped = same(c)
                ? full + "[:, :, " + top + ":" + (top + c.out().dim(0)) + ", " + left + ":" + (left + c.out().dim(1))
                + "]"
                : full;
        return b.forward(c.activated(cropped + ".permute(0, 2, 3, 1)"));
    }

    static PyTorchLayer conv1d(PyTorchNode c) {
        int k = c.p().getInt("kernel");
        int st = c.p().getInt("stride");
        boolean bias = c.p().getBool("useBias");
        PyTorchLayer.Builder b = PyTorchLayer.of(c).module("self.%s = nn.Conv1d(%d, %d, kernel_size=%d, stride=%d, "
                        + "dilation=%d, bias=%s)", c.name(), c.in().dim(1), c.p().getInt("filters"), k, st,
                        c.p().getInt("dilation"), bool(bias))
                .drawn("W", ".weight", ".transpose(2, 1, 0)", ".transpose(2, 1, 0)", "Strata [k, in, out]");
        if (bias) b.drawn("b", ".bias", "", "", "");
        String padded = pad1d(c.x() + ".permute(0, 2, 1)", c.in(), c.out(), Conv1DLayer.span(c.p()), st, same(c),
                "0.0");
        return b.forward(c.activated(c.call(padded) + ".permute(0, 2, 1)"));
    }

    /** 'same' pads with -inf for max; an average counts only the steps inside, as for {@link #pool2d}. */
    static PyTorchLayer pool1d(PyTorchNode c) {
        int k = c.p().getInt("pool");
        int st = c.p().getInt("stride");
        boolean max = ((Pool1DLayer) c.node().type()).isMax();
        PyTorchLayer.Builder b = PyTorchLayer.of(c).module("self.%s = nn.%s(kernel_size=%d, stride=%d)", c.name(),
                max ? "MaxPool1d" : "AvgPool1d", k, st);
        String ncw = c.x() + ".permute(0, 2, 1)";
        String padded = pad1d(ncw, c.in(), c.out(), k, st, same(c), max ? "float(\"-inf\")" : "0.0");
        if (!max && !padded.equals(ncw)) {
            String inside = pad1d("torch.ones_like(" + ncw + ")", c.in(), c.out(), k, st, true, "0.0");
            return b.forward("(" + c.call(padded) + " / " + c.call(inside) + ").permute(0, 2, 1)");
        }
        return b.forward(c.call(padded) + ".permute(0, 2, 1)");
    }

    /**
     * 'same' pads with -inf for max (padding never wins); an average counts only the cells inside the image, as
     * Strata's engines do: the padded average divided by the share of cells inside.
     */
    static PyTorchLayer pool2d(PyTorchNode c) {
        int[] k = c.p().getTuple("pool");
        int[] s = c.p().getTuple("stride");
        boolean max = ((Pool2DLayer) c.node().type()).isMax();
        PyTorchLayer.Builder b = PyTorchLayer.of(c).module("self.%s = nn.%s(kernel_size=(%d, %d), stride=(%d, %d))",
                c.name(), max ? "MaxPool2d" : "AvgPool2d", k[0], k[1], s[0], s[1]);
        String nchw = c.x() + ".permute(0, 3, 1, 2)";
        String padded = pad(nchw, c.in(), c.out(), k, s, same(c), max ? "float(\"-inf\")" : "0.0");
        if (!max && !padded.equals(nchw)) {
            String inside = pad("torch.ones_like(" + nchw + ")", c.in(), c.out(), k, s, true, "0.0");
            return b.forward("(" + c.call(padded) + " / " + c.call(inside) + ").permute(0, 2, 3, 1)");
        }
        return b.forward(c.call(padded) + ".permute(0, 2, 3, 1)");
    }

    private static boolean same(PyTorchNode c) {
        return Conv2DLayer.padding(c.p()) == Padding.SAME;
    }

    /** Pads an NCW tensor for 'same' (half before, the odd one after, as Strata does); as it is for 'valid'. */
    private static String pad1d(String ncw, TensorShape in, TensorShape out, int k, int s, boolean same,
                                String value) {
        if (!same) return ncw;
        int pw = Math.max((out.dim(0) - 1) * s + k - in.dim(0), 0);
        if (pw == 0) return ncw;
        return "F.pad(" + ncw + ", (" + pw / 2 + ", " + (pw - pw / 2) + "), value=" + value + ")";
    }

    /** Pads an NCHW tensor for 'same' (half before, the odd one after, as Strata does); as it is for 'valid'. */
    private static String pad(String nchw, TensorShape in, TensorShape out, int[] k, int[] s, boolean same,
                              String value) {
        if (!same) return nchw;
        int ph = Math.max((out.dim(0) - 1) * s[0] + k[0] - in.dim(0), 0);
        int pw = Math.max((out.dim(1) - 1) * s[1] + k[1] - in.dim(1), 0);
        if (ph == 0 && pw == 0) return nchw;
        return "F.pad(" + nchw + ", (" + pw / 2 + ", " + (pw - pw / 2) + ", " + ph / 2 + ", " + (ph - ph / 2)
                + "), value=" + value + ")";
    }
}
