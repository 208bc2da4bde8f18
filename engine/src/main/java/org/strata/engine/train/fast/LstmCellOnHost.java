package org.strata.engine.train.fast;

/**
 * An LSTM's steps computed in Java, each in one pass over its numbers, where libnd4j needs 9 ops forward and 14
 * backward per step (most on strided gate blocks, which its element-wise ops run 4× slower than whole arrays) and
 * spends most of the time in its tanh and sigmoid. The matrix products stay libnd4j's; this computes what lies
 * between them. Gate blocks as in {@link LstmKernel}: g, f, o, i. Every array of a step is [batch·units], indexed
 * alike, so that the JIT vectorizes each loop.
 */
final class LstmCellOnHost {
    private static final int G = 0;
    private static final int F = 1;
    private static final int O = 2;
    private static final int I = 3;
    private final int n;
    private final int units;
    /** Per time: the gate activations g, f, o, i, the cell state c_t and tanh(c_t). */
    private final float[][][] gates;
    private final float[][] c;
    private final float[][] tc;
    /** One step's pre-activations of the four gates, or their gradients. */
    private final float[][] z;
    /** One step's h or dLoss/dh, dLoss/dc carried back from the step after, the padding per number. */
    private final float[] hs;
    private final float[] dcCarry;
    private final float[] keep;
    private final float[] maskColumn;
    private final float[] zero;

    LstmCellOnHost(int steps, int batch, int units) {
        this.units = units;
        this.n = batch * units;
        gates = new float[steps][4][n];
        c = new float[steps][n];
        tc = new float[steps][n];
        z = new float[4][n];
        hs = new float[n];
        dcCarry = new float[n];
        keep = new float[n];
        maskColumn = new float[batch];
        zero = new float[n];
    }

    /**
     * Step t: reads z_t = x_t·W + b + h_{t−1}·U, keeps the gates and the cell state, writes h_t.
     *
     * @param prev the time of the step before, or −1 for the first step taken (c_{t−1} = 0)
     * @param m    the step's padding column [batch, 1], or null without padding
     */
    void forward(HostView zt, HostView m, int t, int prev, HostView ht) {
        zt.readBlocks(z, units);
        HostView.spreadColumn(m, maskColumn, keep, units);
        float[] zg = z[G];
        float[] zf = z[F];
        float[] zo = z[O];
        float[] zi = z[I];
        float[] g = gates[t][G];
        float[] f = gates[t][F];
        float[] o = gates[t][O];
        float[] in = gates[t][I];
        float[] cPrev = prev < 0 ? zero : c[prev];
        float[] ct = c[t];
        float[] th = tc[t];
        HostMath.tanh(zg, g, n); // one function a loop: a loop of several is not vectorized (measured)
        HostMath.sigmoid(zf, f, n);
        HostMath.sigmoid(zo, o, n);
        HostMath.sigmoid(zi, in, n);
        for (int k = 0; k < n; k++) ct[k] = (f[k] * cPrev[k] + in[k] * g[k]) * keep[k];
        HostMath.tanh(ct, th, n);
        for (int k = 0; k < n; k++) hs[k] = o[k] * th[k];
        ht.write(hs, 0);
    }

    /**
     * The gradient of step t: reads dLoss/dh_t (the output's and the later step's), writes dLoss/dz_t.
     *
     * @param prev the time of the step before, or −1 for the first step taken
     * @param next the time of the step after, or −1 for the last step taken (no dc carried back)
     */
    void backward(HostView dht, HostView m, int t, int prev, int next, HostView dzt) {
        dht.read(hs, 0);
        HostView.spreadColumn(m, maskColumn, keep, units);
        float[] g = gates[t][G];
        float[] f = gates[t][F];
        float[] o = gates[t][O];
        float[] in = gates[t][I];
        float[] fNext = next < 0 ? zero : gates[next][F];
        float[] cPrev = prev < 0 ? zero : c[prev];
        float[] th = tc[t];
        float[] dg = z[G];
        float[] df = z[F];
        float[] dO = z[O];
        float[] di = z[I];
        for (int k = 0; k < n; k++) {
            float dh = hs[k];
            float dc = (dh * o[k] * (1f - th[k] * th[k]) + dcCarry[k] * fNext[k]) * keep[k];
            dcCarry[k] = dc;
            dg[k] = dc * in[k] * (1f - g[k] * g[k]);
            df[k] = dc * cPrev[k] * f[k] * (1f - f[k]);
            dO[k] = dh * th[k] * o[k] * (1f - o[k]);
            di[k] = dc * g[k] * in[k] * (1f - in[k]);
        }
        dzt.writeBlocks(z, units);
    }
}
