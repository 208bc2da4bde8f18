package org.strata.engine.data;

import java.util.List;
import java.util.Random;
import org.strata.engine.layers.TensorShape;
import org.strata.engine.params.Params;

/**
 * Generated sequence tasks that teach what recurrent layers and attention do, each small enough to learn in a
 * minute:
 * <ul>
 *   <li>{@code sine}: a noisy sine wave of random frequency and phase; forecast the next {@code horizon} values from
 *       the last {@code length} (a sequence of one feature → numbers);</li>
 *   <li>{@code parity}: a string of bits; is the number of ones even or odd (a sequence of one feature → 2
 *       classes; every bit matters, so nothing short of reading all of it works);</li>
 *   <li>{@code reverse} and {@code copy}: digits 0–9 as token numbers; give them back reversed (or as they are), one
 *       number per position (a vector of tokens → {@code length} numbers; attention's task: each position looks at
 *       another);</li>
 *   <li>{@code adding}: two numbers written digit by digit, least significant first, a pair of digits per step;
 *       give the digits of their sum, one per step (a sequence of two features → {@code length + 1} numbers; a
 *       recurrent layer must carry the one).</li>
 * </ul>
 */
final class SequenceTasks {
    private SequenceTasks() {
    }

    /** A generated task: its samples, their shape, and the classes (or how many numbers are predicted). */
    record Task(ArraySource source, TensorShape shape, List<String> classNames, int targets) {
    }

    static Task generate(Params p) throws DatasetException {
        String task = p.getString("task");
        int n = p.getInt("samples");
        int t = p.getInt("length");
        long perSample = switch (task) { // the sequence and its answer
            case "sine" -> (long) t + p.getInt("horizon");
            case "parity" -> (long) t + 1;
            case "adding" -> 3L * (t + 1);
            default -> 2L * t;
        };
        DataBudget.check("the " + task + " task", DataBudget.number(n) + " sequences × " + perSample + " values",
                DataBudget.times(n, perSample), Float.BYTES, false);
        Random r = new Random(p.getInt("seed"));
        float[][] x = new float[n][];
        switch (task) {
            case "sine" -> {
                int h = p.getInt("horizon");
                double noise = p.getDouble("noise");
                float[][] y = new float[n][h];
                for (int i = 0; i < n; i++) {
                    // a period of 8 to 24 steps: a few cycles fit in a window, and no two samples are alike
                    double w = 2 * Math.PI / (8 + 16 * r.nextDouble());
                    double phase = 2 * Math.PI * r.nextDouble();
                    x[i] = new float[t];
                    for (int s = 0; s < t; s++) x[i][s] = (float) (Math.sin(w * s + phase) + noise * r.nextGaussian());
                    for (int s = 0; s < h; s++) y[i][s] = (float) Math.sin(w * (t + s) + phase);
                }
                return new Task(new ArraySource(x, null, y), TensorShape.sequence(t, 1), List.of(), h);
            }
            case "parity" -> {
                int[] y = new int[n];
                for (int i = 0; i < n; i++) {
                    x[i] = new float[t];
                    int ones = 0;
                    for (int s = 0; s < t; s++) {
                        int bit = r.nextInt(2);
                        x[i][s] = bit;
                        ones += bit;
                    }
                    y[i] = ones % 2;
                }
                return new Task(new ArraySource(x, y, null), TensorShape.sequence(t, 1), List.of("even", "odd"), 0);
            }
            case "reverse", "copy" -> {
                float[][] y = new float[n][t];
                for (int i = 0; i < n; i++) {
                    x[i] = new float[t];
                    for (int s = 0; s < t; s++) x[i][s] = r.nextInt(10);
                    for (int s = 0; s < t; s++) y[i][s] = x[i][task.equals("reverse") ? t - 1 - s : s];
                }
                return new Task(new ArraySource(x, null, y), TensorShape.vector(t), List.of(), t);
            }
            case "adding" -> {
                float[][] y = new float[n][t + 1];
                for (int i = 0; i < n; i++) {
                    x[i] = new float[2 * (t + 1)]; // step s holds (a's digit s, b's digit s); the last step (0, 0)
                    int carry = 0;
                    for (int s = 0; s < t; s++) {
                        int a = r.nextInt(10);
                        int b = r.nextInt(10);
                        x[i][2 * s] = a;
                        x[i][2 * s + 1] = b;
                        y[i][s] = (a + b + carry) % 10;
                        carry = (a + b + carry) / 10;
                    }
                    y[i][t] = carry;
                }
                return new Task(new ArraySource(x, null, y), TensorShape.sequence(t + 1, 2), List.of(), t + 1);
            }
            default -> throw new IllegalArgumentException("unknown sequence task " + task);
        }
    }
}
