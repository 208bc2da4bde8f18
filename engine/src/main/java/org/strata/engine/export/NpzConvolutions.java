package org.strata.engine.export;

import org.strata.engine.layers.Conv2DLayer;
import org.strata.engine.layers.ConvTranspose2DLayer;
import org.strata.engine.layers.Padding;
import org.strata.engine.layers.Pool1DLayer;
import org.strata.engine.layers.Pool2DLayer;
import org.strata.engine.layers.TensorShape;
import org.strata.engine.params.Params;

/**
 * The {@code .npz} reader's convolutions and poolings over images [h, w, c]; the 1-D ones run over a sequence seen
 * as an image of one row.
 */
final class NpzConvolutions {
    private NpzConvolutions() {
    }

    static float[] conv2d(NpzStep s) {
        Params p = s.p();
        TensorShape out = s.out();
        return NpzMath.activate(s.activation(), conv(s, s.x(), s.shape(), out, p.getTuple("kernel"),
                p.getTuple("stride"), p.getTuple("dilation")), out.dim(2));
    }

    /** A 1 × k convolution over the sequence seen as an image of one row. */
    static float[] conv1d(NpzStep s) {
        Params p = s.p();
        TensorShape out = asRow(s.out());
        return NpzMath.activate(s.activation(), conv(s, s.x(), asRow(s.shape()), out, new int[]{1, p.getInt("kernel")},
                new int[]{1, p.getInt("stride")}, new int[]{1, p.getInt("dilation")}), out.dim(2));
    }

    static float[] depthwise(NpzStep s) {
        TensorShape out = s.out();
        return NpzMath.activate(s.activation(), depthwise(s, s.x(), s.shape(), out), out.dim(2));
    }

    static float[] convTranspose(NpzStep s) {
        TensorShape out = s.out();
        return NpzMath.activate(s.activation(), convTranspose(s, s.x(), s.shape(), out), out.dim(2));
    }

    static float[] pool1d(NpzStep s) {
        Params p = s.p();
        return pool(s.x(), asRow(s.shape()), asRow(s.out()), p, new int[]{1, p.getInt("pool")},
                new int[]{1, p.getInt("stride")}, ((Pool1DLayer) s.type()).isMax());
    }

    static float[] pool2d(NpzStep s) {
        Params p = s.p();
        return pool(s.x(), s.shape(), s.out(), p, p.getTuple("pool"), p.getTuple("stride"),
                ((Pool2DLayer) s.type()).isMax());
    }

    /** Zero padding before the first row (or column) for 'same': half the total, the odd one after. */
    private static int padBefore(int in, int out, int k, int s, boolean same) {
        return same ? Math.max((out - 1) * s + k - in, 0) / 2 : 0;
    }

    /**
     * Where a sliding window goes over an image [h, w, c]: its size, step, the output's size and the zero padding
     * before the first row and column.
     */
    private record Window(int[] k, int[] s, int h, int w, int c, int oh, int ow, int pt, int pl) {
        static Window of(int[] k, int[] s, Params p, TensorShape in, TensorShape out) {
            return of(k, s, new int[]{1, 1}, p, in, out);
        }

        /** @param d the dilation: the padding is that of the span the dilated filter covers */
        static Window of(int[] k, int[] s, int[] d, Params p, TensorShape in, TensorShape out) {
            boolean same = Conv2DLayer.padding(p) == Padding.SAME;
            int[] span = Conv2DLayer.span(k, d);
            return new Window(k, s, in.dim(0), in.dim(1), in.dim(2), out.dim(0), out.dim(1),
                    padBefore(in.dim(0), out.dim(0), span[0], s[0], same),
                    padBefore(in.dim(1), out.dim(1), span[1], s[1], same));
        }
    }

    /** Each channel c filtered on its own by W[·, ·, c, k] into output channel c·m + k. */
    private static float[] depthwise(NpzStep st, float[] x, TensorShape in, TensorShape out) {
        Params p = st.p();
        Window win = Window.of(p.getTuple("kernel"), p.getTuple("stride"), p, in, out);
        int[] k = win.k();
        int c = win.c();
        int m = p.getInt("multiplier");
        float[] wt = st.a("W"); // [kh, kw, c, m]
        float[] b = p.getBool("useBias") ? st.a("b") : new float[c * m];
        float[] y = new float[win.oh() * win.ow() * c * m];
        for (int oy = 0; oy < win.oh(); oy++) {
            for (int ox = 0; ox < win.ow(); ox++) {
                for (int ci = 0; ci < c; ci++) {
                    for (int j = 0; j < m; j++) {
                        double sum = b[ci * m + j];
                        for (int ky = 0; ky < k[0]; ky++) {
                            int iy = oy * win.s()[0] + ky - win.pt();
                            if (iy < 0 || iy >= win.h()) continue;
                            for (int kx = 0; kx < k[1]; kx++) {
                                int ix = ox * win.s()[1] + kx - win.pl();
                                if (ix < 0 || ix >= win.w()) continue;
                                sum += x[(iy * win.w() + ix) * c + ci] * wt[((ky * k[1] + kx) * c + ci) * m + j];
                            }
                        }
                        y[((oy * win.ow() + ox) * c + ci) * m + j] = (float) sum;
                    }
                }
            }
        }
        return y;
    }

    /** Each input pixel stamps W[u, v, o, c]·x into the output at (i·s + u − crop, j·s + v − crop). */
    private static float[] convTranspose(NpzStep st, float[] x, TensorShape in, TensorShape out) {
        Params p = st.p();
        int[] k = p.getTuple("kernel");
        int[] s = p.getTuple("stride");
        int h = in.dim(0);
        int w = in.dim(1);
        int c = in.dim(2);
        int oh = out.dim(0);
        int ow = out.dim(1);
        int f = out.dim(2);
        int top = ConvTranspose2DLayer.cropBefore(p, 0);
        int left = ConvTranspose2DLayer.cropBefore(p, 1);
        float[] wt = st.a("W"); // [kh, kw, f, c]
        float[] b = p.getBool("useBias") ? st.a("b") : new float[f];
        double[] acc = new double[oh * ow * f];
        for (int i = 0; i < h; i++) {
            for (int j = 0; j < w; j++) {
                for (int u = 0; u < k[0]; u++) {
                    int oy = i * s[0] + u - top;
                    if (oy < 0 || oy >= oh) continue;
                    for (int v = 0; v < k[1]; v++) {
                        int ox = j * s[1] + v - left;
                        if (ox < 0 || ox >= ow) continue;
                        for (int o = 0; o < f; o++) {
                            double sum = 0;
                            for (int ci = 0; ci < c; ci++) {
                                sum += x[(i * w + j) * c + ci] * wt[((u * k[1] + v) * f + o) * c + ci];
                            }
                            acc[(oy * ow + ox) * f + o] += sum;
                        }
                    }
                }
            }
        }
        float[] y = new float[acc.length];
        for (int i = 0; i < y.length; i++) y[i] = (float) (acc[i] + b[i % f]);
        return y;
    }

    /** @return a sequence [T, C] as an image of one row [1, T, C] (the same values in the same order) */
    private static TensorShape asRow(TensorShape sequence) {
        return TensorShape.image(1, sequence.dim(0), sequence.dim(1));
    }

    private static float[] conv(NpzStep st, float[] x, TensorShape in, TensorShape out, int[] kernel,
                                int[] stride, int[] dilation) {
        Params p = st.p();
        Window win = Window.of(kernel, stride, dilation, p, in, out);
        int[] k = win.k();
        int[] s = win.s();
        int h = win.h();
        int w = win.w();
        int c = win.c();
        int oh = win.oh();
        int ow = win.ow();
        int f = out.dim(2);
        int pt = win.pt();
        int pl = win.pl();
        float[] wt = st.a("W"); // [kh, kw, c, f]
        float[] b = p.getBool("useBias") ? st.a("b") : new float[f];
        float[] y = new float[oh * ow * f];
        for (int oy = 0; oy < oh; oy++) {
            for (int ox = 0; ox < ow; ox++) {
                for (int o = 0; o < f; o++) {
                    double sum = b[o];
                    for (int ky = 0; ky < k[0]; ky++) {
                        int iy = oy * s[0] + ky * dilation[0] - pt;
                        if (iy < 0 || iy >= h) continue;
                        for (int kx = 0; kx < k[1]; kx++) {
                            int ix = ox * s[1] + kx * dilation[1] - pl;
                            if (ix < 0 || ix >= w) continue;
                            for (int ci = 0; ci < c; ci++) {
                                sum += x[(iy * w + ix) * c + ci] * wt[((ky * k[1] + kx) * c + ci) * f + o];
                            }
                        }
                    }
                    y[(oy * ow + ox) * f + o] = (float) sum;
                }
            }
        }
        return y;
    }

    private static float[] pool(float[] x, TensorShape in, TensorShape out, Params p, int[] window, int[] stride,
                                boolean max) {
        Window win = Window.of(window, stride, p, in, out);
        int[] k = win.k();
        int[] s = win.s();
        int h = win.h();
        int w = win.w();
        int c = win.c();
        int oh = win.oh();
        int ow = win.ow();
        int pt = win.pt();
        int pl = win.pl();
        float[] y = new float[oh * ow * c];
        for (int oy = 0; oy < oh; oy++) {
            for (int ox = 0; ox < ow; ox++) {
                for (int ci = 0; ci < c; ci++) {
                    double acc = max ? Double.NEGATIVE_INFINITY : 0;
                    int counted = 0;
                    for (int ky = 0; ky < k[0]; ky++) {
                        int iy = oy * s[0] + ky - pt;
                        for (int kx = 0; kx < k[1]; kx++) {
                            int ix = ox * s[1] + kx - pl;
                            boolean inside = iy >= 0 && iy < h && ix >= 0 && ix < w;
                            float v = inside ? x[(iy * w + ix) * c + ci] : 0f;
                            if (max) {
                                if (inside) acc = Math.max(acc, v);
                            } else if (inside) {
                                acc += v; // the padding is not counted in the divisor, as in Strata's engines
                                counted++;
                            }
                        }
                    }
                    y[(oy * ow + ox) * c + ci] = (float) (max ? acc : acc / Math.max(1, counted));
                }
            }
        }
        return y;
    }
}
