package org.strata.engine.train.fast;

/**
 * A GRU's steps computed in Java, each in a few passes over its numbers, where libnd4j needs 11 ops forward and 13
 * backward per step (see {@link LstmCellOnHost} for why that is slow). Gate blocks as in {@link GruKernel}: r, z, n,
 * the reset gate on the recurrent product. Every array of a step is [batch·units], indexed alike.
 */
final class GruCellOnHost {
    private static final int R = 0;
    private static final int Z = 1;
    private static final int N = 2;
    private final int batch;
    private final int units;
    private final int n;
    /** Per time: r, z, n, the recurrent product's block n with bh (hu_n), and h_t. */
    private final float[][] r;
    private final float[][] zg;
    private final float[][] ng;
    private final float[][] hun;
    private final float[][] h;
    /** One step's x·W + b blocks, h·U blocks, and gradients of three blocks (for dzx, then dzh). */
    private final float[][] x3;
    private final float[][] u3;
    private final float[][] d3;
    private final float[] dh;
    private final float[] dhz;
    private final float[] bh;
    private final float[] bhRow;
    private final float[] keep;
    private final float[] maskColumn;
    private final float[] zero;

    GruCellOnHost(int steps, int batch, int units) {
        this.batch = batch;
        this.units = units;
        this.n = batch * units;
        r = new float[steps][n];
        zg = new float[steps][n];
        ng = new float[steps][n];
        hun = new float[steps][n];
        h = new float[steps][n];
        x3 = new float[3][n];
        u3 = new float[3][n];
        d3 = new float[3][n];
        dh = new float[n];
        dhz = new float[n];
        bh = new float[units];
        bhRow = new float[n];
        keep = new float[n];
        maskColumn = new float[batch];
        zero = new float[n];
    }

    /**
     * Step t: reads x_t·W + b and h_{t−1}·U (none for the first step), keeps the gates, writes h_t.
     *
     * @param hut  h_{t−1}·U [batch, 3·units], or null for the first step taken (h_{−1} = 0)
     * @param bias the recurrent bias bh [units]
     * @param prev the time of the step before, or −1
     */
    void forward(HostView zxt, HostView hut, HostView bias, HostView m, int t, int prev, HostView ht) {
        zxt.readBlocks(x3, units);
        if (prev < 0) { // bh changes between passes, not between steps: spread over the batch once per pass
            bias.read(bh, 0);
            for (int b = 0; b < batch; b++) System.arraycopy(bh, 0, bhRow, b * units, units);
        }
        HostView.spreadColumn(m, maskColumn, keep, units);
        float[] hn = hun[t];
        float[] rt = r[t];
        float[] zt = zg[t];
        float[] nt = ng[t];
        float[] out = h[t];
        float[] hPrev = prev < 0 ? zero : h[prev];
        if (hut == null) {
            HostMath.sigmoid(x3[R], rt, n);
            HostMath.sigmoid(x3[Z], zt, n);
            System.arraycopy(bhRow, 0, hn, 0, n);
        } else {
            hut.readBlocks(u3, units);
            float[] ur = u3[R];
            float[] uz = u3[Z];
            float[] un = u3[N];
            float[] xr = x3[R];
            float[] xz = x3[Z];
            for (int k = 0; k < n; k++) {
                ur[k] += xr[k];
                uz[k] += xz[k];
                hn[k] = un[k] + bhRow[k];
            }
            HostMath.sigmoid(ur, rt, n);
            HostMath.sigmoid(uz, zt, n);
        }
        float[] pre = u3[N]; // free now: n's pre-activation
        float[] xn = x3[N];
        for (int k = 0; k < n; k++) pre[k] = xn[k] + rt[k] * hn[k];
        HostMath.tanh(pre, nt, n);
        for (int k = 0; k < n; k++) out[k] = (nt[k] + zt[k] * (hPrev[k] - nt[k])) * keep[k];
        ht.write(out, 0);
    }

    /**
     * The gradient of step t: reads dLoss/dh_t, writes dLoss/d(x_t·W + b) and dLoss/d(h_{t−1}·U) and adds the part of
     * dLoss/dh_{t−1} that skips the gates (dh·z) into {@code dhPrev}.
     *
     * @param dhPrev dLoss/dh_{t−1} [batch, units], or null for the first step taken
     */
    void backward(HostView dht, HostView m, int t, int prev, HostView dzxt, HostView dzht, HostView dhPrev) {
        dht.read(dh, 0);
        HostView.spreadColumn(m, maskColumn, keep, units);
        float[] rt = r[t];
        float[] zt = zg[t];
        float[] nt = ng[t];
        float[] hn = hun[t];
        float[] hPrev = prev < 0 ? zero : h[prev];
        float[] dr = d3[R];
        float[] dz = d3[Z];
        float[] dn = d3[N];
        for (int k = 0; k < n; k++) {
            float g = dh[k] * keep[k];
            float skip = g * zt[k];
            dhz[k] = skip;
            float dnt = (g - skip) * (1f - nt[k] * nt[k]); // through n = tanh(…): x_n's gradient
            dn[k] = dnt;
            dr[k] = dnt * hn[k] * rt[k] * (1f - rt[k]);
            dz[k] = g * (hPrev[k] - nt[k]) * zt[k] * (1f - zt[k]);
        }
        dzxt.writeBlocks(d3, units);
        for (int k = 0; k < n; k++) dn[k] *= rt[k]; // h·U's block n reaches n through r
        dzht.writeBlocks(d3, units);
        if (dhPrev != null) {
            dhPrev.read(dh, 0);
            for (int k = 0; k < n; k++) dh[k] += dhz[k];
            dhPrev.write(dh, 0);
        }
    }
}
