package org.strata.engine.generate;

import java.util.Arrays;
import java.util.Random;
import org.strata.engine.text.Message;

/**
 * How the next token is chosen from the model's probabilities. First the temperature: each probability p becomes
 * p^(1/temperature), renormalised (below 1 the likely tokens gain, above 1 the distribution flattens; 0 is greedy:
 * always the most probable token, ties to the lower number). Then top-k keeps the k most probable tokens, and top-p
 * (nucleus sampling) the smallest set of most probable tokens whose probability reaches p. A token is then drawn
 * from what is left with a {@link Random} of the seed, so the same seed always writes the same text.
 *
 * @param temperature 0 for greedy, else how much the probabilities are sharpened (below 1) or flattened (above 1)
 * @param topK        keep only the k most probable tokens; 0 keeps all
 * @param topP        keep the most probable tokens until their probability reaches topP; 1 keeps all
 * @param seed        the seed of the draws
 */
public record Sampling(double temperature, int topK, double topP, long seed) {
    /** Always the most probable token. */
    public static final Sampling GREEDY = new Sampling(0, 0, 1, 0);

    /** @throws GenerationException naming the setting out of range and the range it must be in */
    public Sampling {
        if (!(temperature >= 0) || Double.isInfinite(temperature)) {
            throw new GenerationException(Message.of("generate.temperature", "the temperature is " + temperature
                    + " but must be a number of at least 0 (0 chooses the most probable token; 1 samples the model's "
                    + "probabilities as they are)", String.valueOf(temperature)));
        }
        if (topK < 0) {
            throw new GenerationException(Message.of("generate.topK", "top-k is " + topK + " but must be at least 0 "
                    + "(0 keeps every token)", topK));
        }
        if (!(topP > 0 && topP <= 1)) {
            throw new GenerationException(Message.of("generate.topP", "top-p is " + topP + " but must be more than "
                    + "0 and at most 1 (1 keeps every token)", String.valueOf(topP)));
        }
    }

    /**
     * @return the draws of a generation with this seed. The seed is mixed first: {@link Random}'s first draw barely
     * moves between nearby seeds (seeds 1 to 100 all drew the same first token), so "another seed" would not mean
     * another text.
     */
    public Random random() {
        return new Random(new java.util.SplittableRandom(seed).nextLong());
    }

    /** @return whether the most probable token is always chosen (temperature 0) */
    public boolean greedy() {
        return temperature == 0;
    }

    /**
     * @param probabilities the model's probability of every token
     * @return the distribution a token is drawn from: the temperature, top-k and top-p applied, summing to 1
     */
    public double[] adjust(float[] probabilities) {
        int n = probabilities.length;
        double[] w = new double[n];
        if (greedy()) {
            w[argmax(probabilities)] = 1;
            return w;
        }
        // p^(1/T) in log space: a small temperature would send the powers of small probabilities to 0 or beyond
        double max = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < n; i++) {
            w[i] = probabilities[i] > 0 ? Math.log(probabilities[i]) / temperature : Double.NEGATIVE_INFINITY;
            max = Math.max(max, w[i]);
        }
        if (max == Double.NEGATIVE_INFINITY) { // nothing has a probability: the first token, as greedy would
            w[0] = 1;
            return w;
        }
        for (int i = 0; i < n; i++) w[i] = Math.exp(w[i] - max);
        normalise(w);
        Integer[] order = order(w);
        int keep = topK == 0 ? n : Math.min(topK, n);
        if (topP < 1) {
            double sum = 0;
            for (int r = 0; r < keep; r++) {
                sum += w[order[r]];
                if (sum >= topP * (1 - 1e-6)) { // within float32's rounding: a token of 0.5 alone reaches 0.5
                    keep = r + 1;
                    break;
                }
            }
        }
        for (int r = keep; r < n; r++) w[order[r]] = 0;
        normalise(w);
        return w;
    }

    /** @return a token drawn from {@code distribution} (as {@link #adjust} gives it) with {@code random} */
    public static int draw(double[] distribution, Random random) {
        double u = random.nextDouble();
        double sum = 0;
        int last = 0;
        for (int i = 0; i < distribution.length; i++) {
            if (distribution[i] <= 0) continue;
            sum += distribution[i];
            last = i;
            if (u < sum) return i;
        }
        return last; // the sum fell short of u by rounding
    }

    /** @return the most probable token, the lower number on a tie */
    static int argmax(float[] p) {
        int best = 0;
        for (int i = 1; i < p.length; i++) if (p[i] > p[best]) best = i;
        return best;
    }

    /** @return the token numbers, most probable first, the lower number first on a tie */
    static Integer[] order(double[] w) {
        Integer[] order = new Integer[w.length];
        Arrays.setAll(order, i -> i);
        Arrays.sort(order, (a, b) -> w[a] != w[b] ? Double.compare(w[b], w[a]) : Integer.compare(a, b));
        return order;
    }

    private static void normalise(double[] w) {
        double sum = 0;
        for (double v : w) sum += v;
        for (int i = 0; i < w.length; i++) w[i] /= sum;
    }
}
