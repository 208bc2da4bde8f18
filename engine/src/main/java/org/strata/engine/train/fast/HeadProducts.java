package org.strata.engine.train.fast;

import org.bytedeco.javacpp.FloatPointer;
import org.bytedeco.openblas.global.openblas_nolapack;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Attention's products, one per sample and head, each a call of OpenBLAS's sgemm from Java on the plan's arrays in
 * place. libnd4j's batched matmul computes small matrices with its own loops: [64, 4, 28, 16]·[64, 4, 28, 16]ᵀ took
 * 680 µs (~7 GFLOP/s), 256 sgemm calls take 240 (measured). sgemm also reads a head's columns of the projections
 * [batch·T, heads·keySize] with a leading dimension, so no copy into head-major arrays is needed.
 */
final class HeadProducts {
    /**
     * Where each product's matrix lies in an array.
     *
     * @param array the array
     * @param rowsLayout true for [batch·T, heads·keySize] rows (a head's block at row b·T, column h·keySize, leading
     *                   dimension heads·keySize); false for [batch, heads, T, T] (matrix b·heads + h, leading
     *                   dimension T)
     */
    record Operand(INDArray array, boolean rowsLayout) {
    }

    private final FloatPointer[] a;
    private final FloatPointer[] b;
    private final FloatPointer[] c;
    private final boolean ta;
    private final boolean tb;
    private final int m;
    private final int n;
    private final int k;
    private final int lda;
    private final int ldb;
    private final int ldc;
    private final float alpha;
    /** The operands' arrays, held: ND4J frees an array's memory once nothing refers to it, views included. */
    private final INDArray[] held;

    private HeadProducts(int batch, int heads, int steps, int keySize, Operand a, boolean ta, Operand b, boolean tb,
                         Operand c, float alpha) {
        this.ta = ta;
        this.tb = tb;
        this.alpha = alpha;
        this.held = new INDArray[]{a.array(), b.array(), c.array()};
        this.a = pointers(a, batch, heads, steps, keySize);
        this.b = pointers(b, batch, heads, steps, keySize);
        this.c = pointers(c, batch, heads, steps, keySize);
        int hk = heads * keySize;
        lda = a.rowsLayout() ? hk : steps;
        ldb = b.rowsLayout() ? hk : steps;
        ldc = c.rowsLayout() ? hk : steps;
        int aCols = a.rowsLayout() ? keySize : steps; // every matrix has T rows
        int bCols = b.rowsLayout() ? keySize : steps;
        m = ta ? aCols : steps;
        k = ta ? steps : aCols;
        n = tb ? steps : bCols;
        if ((tb ? bCols : steps) != k) throw new IllegalArgumentException("products of mismatched sides");
    }

    private static FloatPointer[] pointers(Operand o, int batch, int heads, int steps, int keySize) {
        HostView view = HostView.of(o.array());
        FloatPointer[] p = new FloatPointer[batch * heads];
        for (int s = 0; s < batch; s++) {
            for (int h = 0; h < heads; h++) {
                long at = o.rowsLayout() ? (long) s * steps * heads * keySize + (long) h * keySize
                        : (long) (s * heads + h) * steps * steps;
                p[s * heads + h] = view.pointer(at);
            }
        }
        return p;
    }

    /**
     * @return a step of the plan computing {@code C = alpha · op(A) · op(B)} for every sample and head, where op
     *         transposes when asked
     */
    static NativeOp step(String name, int batch, int heads, int steps, int keySize, Operand a, boolean ta, Operand b,
                         boolean tb, Operand c, double alpha) {
        HeadProducts p = new HeadProducts(batch, heads, steps, keySize, a, ta, b, tb, c, (float) alpha);
        return NativeOp.onHost(name, p::run);
    }

    private void run() {
        int transA = ta ? openblas_nolapack.CblasTrans : openblas_nolapack.CblasNoTrans;
        int transB = tb ? openblas_nolapack.CblasTrans : openblas_nolapack.CblasNoTrans;
        for (int i = 0; i < a.length; i++) {
            openblas_nolapack.cblas_sgemm(openblas_nolapack.CblasRowMajor, transA, transB, m, n, k, alpha, a[i], lda,
                    b[i], ldb, 0f, c[i], ldc);
        }
    }
}
