package org.strata.engine.data;

import java.util.List;
import java.util.Random;
import org.strata.engine.params.Params;

/** The built-in 2-D datasets of the playground kind, and noisy linear data for y = w·x + b. */
public final class Generators {
    private Generators() {
    }

    /** A generated dataset before splitting. */
    record Generated(ArraySource source, List<String> classNames, int targets) {
    }

    static Generated generate(Params p) throws DatasetException {
        String kind = p.getString("generator");
        int n = p.getInt("samples");
        // a point and its target, each in a small array of its own (about 24 bytes a value with the array around it)
        DataBudget.check("generated " + kind, DataBudget.number(n) + " samples × 3 values", DataBudget.times(n, 3),
                24, false);
        double noise = p.getDouble("noise");
        Random r = new Random(p.getInt("seed"));
        float[][] x = new float[n][];
        int[] y = new int[n];
        switch (kind) {
            case "xor" -> {
                for (int i = 0; i < n; i++) {
                    double a = r.nextDouble() * 2 - 1;
                    double b = r.nextDouble() * 2 - 1;
                    y[i] = (a > 0) == (b > 0) ? 0 : 1;
                    x[i] = point(a + noise * r.nextGaussian(), b + noise * r.nextGaussian());
                }
                return new Generated(new ArraySource(x, y, null), List.of("same sign", "opposite sign"), 0);
            }
            case "circles" -> {
                for (int i = 0; i < n; i++) {
                    y[i] = i % 2;
                    double radius = y[i] == 0 ? r.nextDouble() * 0.5 : 0.7 + r.nextDouble() * 0.3;
                    double angle = r.nextDouble() * 2 * Math.PI;
                    x[i] = point(radius * Math.cos(angle) + noise * r.nextGaussian(),
                            radius * Math.sin(angle) + noise * r.nextGaussian());
                }
                return new Generated(new ArraySource(x, y, null), List.of("inner", "outer"), 0);
            }
            case "spirals" -> {
                for (int i = 0; i < n; i++) {
                    y[i] = i % 2;
                    double t = r.nextDouble();
                    double radius = t;
                    double angle = 1.75 * t * 2 * Math.PI + y[i] * Math.PI;
                    x[i] = point(radius * Math.sin(angle) + noise * r.nextGaussian(),
                            radius * Math.cos(angle) + noise * r.nextGaussian());
                }
                return new Generated(new ArraySource(x, y, null), List.of("spiral A", "spiral B"), 0);
            }
            case "blobs" -> {
                int k = p.getInt("classes");
                List<String> names = new java.util.ArrayList<>();
                for (int c = 0; c < k; c++) names.add("blob " + (c + 1));
                for (int i = 0; i < n; i++) {
                    y[i] = i % k;
                    double angle = 2 * Math.PI * y[i] / k;
                    x[i] = point(0.6 * Math.cos(angle) + noise * r.nextGaussian(),
                            0.6 * Math.sin(angle) + noise * r.nextGaussian());
                }
                return new Generated(new ArraySource(x, y, null), List.copyOf(names), 0);
            }
            case "linear" -> {
                double w = p.getDouble("slope");
                double b = p.getDouble("intercept");
                float[][] t = new float[n][];
                for (int i = 0; i < n; i++) {
                    double v = r.nextDouble() * 2 - 1;
                    x[i] = new float[]{(float) v};
                    t[i] = new float[]{(float) (w * v + b + noise * r.nextGaussian())};
                }
                return new Generated(new ArraySource(x, null, t), List.of(), 1);
            }
            default -> throw new IllegalArgumentException("unknown generator " + kind);
        }
    }

    private static float[] point(double a, double b) {
        return new float[]{(float) a, (float) b};
    }
}
