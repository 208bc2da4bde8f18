package org.strata.engine.data.text;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Numbers the tokens a model knows: 0 is {@value #PAD} (what fills a short text up to its length, and what an
 * Embedding with "token 0 pads" skips), 1 is {@value #UNKNOWN} (any token not kept), then the kept tokens, most
 * frequent first (ties in the order of their text, so that the same training texts always give the same numbers).
 * It is built from the training split only: a model must not learn words from its test texts.
 */
public final class Vocabulary {
    /** The padding token, number 0. */
    public static final String PAD = "<pad>";
    /** The token that stands for every token not in the vocabulary, number 1. */
    public static final String UNKNOWN = "<unk>";
    private final List<String> tokens;
    private final List<Integer> counts;
    private final Map<String, Integer> numbers = new HashMap<>();

    /**
     * A vocabulary as saved: its tokens in number order, the first two {@value #PAD} and {@value #UNKNOWN}.
     *
     * @param counts how often each token occurred in the training texts (0 for the two special ones)
     * @throws IllegalArgumentException when the special tokens are not first, a token repeats or the lists differ
     */
    public Vocabulary(List<String> tokens, List<Integer> counts) {
        if (tokens.size() < 2 || !tokens.get(0).equals(PAD) || !tokens.get(1).equals(UNKNOWN)) {
            throw new IllegalArgumentException("a vocabulary starts with " + PAD + " and " + UNKNOWN);
        }
        if (counts.size() != tokens.size()) {
            throw new IllegalArgumentException(tokens.size() + " tokens but " + counts.size() + " counts");
        }
        this.tokens = List.copyOf(tokens);
        this.counts = List.copyOf(counts);
        for (int i = 0; i < tokens.size(); i++) {
            if (numbers.put(tokens.get(i), i) != null) {
                throw new IllegalArgumentException("the token '" + tokens.get(i) + "' appears twice");
            }
        }
    }

    /**
     * Counts the tokens of the training texts and keeps the most frequent.
     *
     * @param maxSize  the most tokens kept, the two special ones included
     * @param minCount the fewest occurrences a kept token has
     */
    public static Vocabulary build(Iterable<List<String>> texts, int maxSize, int minCount) {
        Map<String, Integer> count = new HashMap<>();
        for (List<String> text : texts) for (String t : text) count.merge(t, 1, Integer::sum);
        count.remove(PAD);
        count.remove(UNKNOWN);
        List<Map.Entry<String, Integer>> order = new ArrayList<>(count.entrySet());
        order.sort(Map.Entry.<String, Integer>comparingByValue(Collections.reverseOrder())
                .thenComparing(Map.Entry.comparingByKey()));
        List<String> tokens = new ArrayList<>(List.of(PAD, UNKNOWN));
        List<Integer> counts = new ArrayList<>(List.of(0, 0));
        for (Map.Entry<String, Integer> e : order) {
            if (tokens.size() >= maxSize || e.getValue() < minCount) break;
            tokens.add(e.getKey());
            counts.add(e.getValue());
        }
        return new Vocabulary(tokens, counts);
    }

    /** @return the number of tokens, the two special ones included (an Embedding's vocabulary size) */
    public int size() {
        return tokens.size();
    }

    /** @return the tokens in number order */
    public List<String> tokens() {
        return tokens;
    }

    /** @return how often each token occurred in the training texts, in number order */
    public List<Integer> counts() {
        return counts;
    }

    /**
     * @return for every token number, whether the token begins with a line break: the tokens a window that starts
     * at a line break starts with (a character's "\n"; a byte-pair piece that joined it to what follows)
     */
    public boolean[] lineBreaks() {
        boolean[] out = new boolean[tokens.size()];
        for (int i = 2; i < out.length; i++) out[i] = tokens.get(i).startsWith("\n");
        return out;
    }

    /** @return the number of {@code token}, or 1 ({@value #UNKNOWN}) for a token not kept */
    public int number(String token) {
        return numbers.getOrDefault(token, 1);
    }

    /**
     * Writes a text's numbers into {@code dst}: its first {@code length} tokens, then 0 ({@value #PAD}) up to
     * {@code length}.
     */
    public void encode(List<String> text, int length, float[] dst, int offset) {
        int n = Math.min(length, text.size());
        for (int i = 0; i < n; i++) dst[offset + i] = number(text.get(i));
        for (int i = n; i < length; i++) dst[offset + i] = 0;
    }
}
