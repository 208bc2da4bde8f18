package org.strata.engine.export;

/** What every proof does alike: comparing outputs, finding where two computations part. */
public final class Proofs {
    private Proofs() {
    }

    /**
     * How two sets of outputs compare.
     *
     * @param maxAbsDiff the largest |a − b| over every value (infinite where either is NaN)
     * @param sameClass  rows whose predicted class agrees (every row for regression)
     */
    public record Comparison(double maxAbsDiff, int sameClass) {
        /** @return whether the two agree within {@link Proof#TOLERANCE} with the same classes, over {@code rows} */
        public boolean agree(int rows) {
            return maxAbsDiff < Proof.TOLERANCE && sameClass == rows;
        }
    }

    /**
     * Compares the model's outputs {@code expected} with an export's {@code got}, row by row.
     *
     * @param classes the model's classes (0 for values): a row of more values than classes has a class at every
     *                step, and agrees when every step's class does
     */
    public static Comparison compare(float[][] expected, float[][] got, int classes) {
        double max = 0;
        int same = 0;
        for (int i = 0; i < expected.length; i++) {
            if (got[i].length != expected[i].length) return new Comparison(Double.POSITIVE_INFINITY, 0);
            for (int j = 0; j < expected[i].length; j++) {
                double d = Math.abs(expected[i][j] - got[i][j]);
                max = Double.isNaN(d) ? Double.POSITIVE_INFINITY : Math.max(max, d);
            }
            if (classes == 0 || sameClasses(expected[i], got[i], classes)) same++;
        }
        return new Comparison(max, same);
    }

    private static boolean sameClasses(float[] a, float[] b, int classes) {
        int run = Math.min(classes, a.length); // one output of two classes: one run of one value
        for (int from = 0; from < a.length; from += run) {
            if (argmax(a, from, run) != argmax(b, from, run)) return false;
        }
        return true;
    }

    /** @return whether two flattened tensors differ in size or beyond the tolerance anywhere */
    public static boolean differ(float[] a, float[] b) {
        if (a.length != b.length) return true;
        for (int i = 0; i < a.length; i++) if (!(Math.abs(a[i] - b[i]) < Proof.TOLERANCE)) return true;
        return false;
    }

    /** @return the predicted class of one output row: its largest value, or above one half for a single output */
    public static int argmax(float[] v) {
        return argmax(v, 0, v.length);
    }

    /** @return the predicted class of the {@code length} values from {@code from}, as {@link #argmax(float[])} */
    public static int argmax(float[] v, int from, int length) {
        if (length == 1) return v[from] > 0.5f ? 1 : 0;
        int best = 0;
        for (int i = 1; i < length; i++) if (v[from + i] > v[from + best]) best = i;
        return best;
    }
}
