package org.strata.engine.runs;

import java.util.ArrayList;
import java.util.List;

/**
 * How loss curves are smoothed and kept bounded, the same in the window's chart and in a kept run: points are
 * {@code (x, y)} pairs, oldest first.
 */
public final class Curves {
    /** Weight of the newest batch in a smoothed loss curve (an exponential moving average). */
    public static final double SMOOTHING = 0.05;

    private Curves() {
    }

    /** @return {@code previous} moved towards {@code value} by {@link #SMOOTHING}; the value itself to start with */
    public static double smooth(double previous, double value) {
        return Double.isNaN(previous) ? value : previous + SMOOTHING * (value - previous);
    }

    /** @return about {@code max} evenly spaced points of a curve (all of them if fewer), its last point kept */
    public static List<double[]> thinned(List<double[]> points, int max) {
        if (points.size() <= max) return points;
        List<double[]> out = new ArrayList<>(max + 1);
        double step = (double) points.size() / max;
        for (double i = 0; i < points.size(); i += step) out.add(points.get((int) i));
        if (out.get(out.size() - 1) != points.get(points.size() - 1)) out.add(points.get(points.size() - 1));
        return out;
    }

    /**
     * Halves the older half of a curve in place, each pair of neighbours becoming their average: a long run keeps its
     * shape, and its recent part its detail, without growing without end.
     */
    public static void thinOlderHalf(List<double[]> points) {
        int half = points.size() / 2;
        List<double[]> out = new ArrayList<>(points.size());
        for (int i = 0; i + 1 < half; i += 2) {
            double[] a = points.get(i);
            double[] b = points.get(i + 1);
            out.add(new double[]{(a[0] + b[0]) / 2, (a[1] + b[1]) / 2});
        }
        out.addAll(points.subList(half - half % 2, points.size()));
        points.clear();
        points.addAll(out);
    }
}
