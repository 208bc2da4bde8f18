package org.strata.engine.data.text;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Byte-pair encoding over characters: learned on the training text by joining, again and again, the two adjacent
 * tokens seen together most often into one new token. The merges are kept in the order they were learned; a text
 * is encoded by applying them in that order, so the same merges always cut a text the same way.
 *
 * <p>Merges never cross the start of a white-space character: the text is cut into chunks, each a white-space
 * character (if any) and the run of other characters after it, so {@code " the"} can become one token but
 * {@code "e t"} cannot. Chinese, written without spaces, is one chunk per line, and its frequent pairs merge.
 * Ties between pairs seen equally often go to the pair whose left token, then right token, sorts first
 * (Java's {@link String#compareTo}), so learning is deterministic.
 */
public final class BytePairEncoding {
    /** No merges: the characters stay as they are. */
    public static final BytePairEncoding NONE = new BytePairEncoding(List.of());

    /**
     * One learned merge: {@code left} followed by {@code right} becomes {@code left + right}.
     *
     * @param count how often the pair occurred in the training text when it was learned (0 when not known)
     */
    public record Merge(String left, String right, int count) {
        /** @return the token the merge makes */
        public String joined() {
            return left + right;
        }
    }

    private final List<Merge> merges;
    private final Map<String, Integer> rank = new HashMap<>();

    /** @param merges in the order they were learned (and are applied) */
    public BytePairEncoding(List<Merge> merges) {
        this.merges = List.copyOf(merges);
        for (int i = 0; i < this.merges.size(); i++) rank.putIfAbsent(key(this.merges.get(i)), i);
    }

    /** @return the merges, in the order they are applied */
    public List<Merge> merges() {
        return merges;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof BytePairEncoding b && b.merges.equals(merges);
    }

    @Override
    public int hashCode() {
        return merges.hashCode();
    }

    @Override
    public String toString() {
        return merges.size() + " merges";
    }

    /**
     * Learns at most {@code most} merges from {@code characters} (a training text split into characters), stopping
     * early when no pair occurs twice.
     */
    public static BytePairEncoding learn(List<String> characters, int most) {
        Map<List<String>, Integer> chunks = new LinkedHashMap<>();
        for (List<String> chunk : chunks(characters)) chunks.merge(chunk, 1, Integer::sum);
        List<List<String>> words = new ArrayList<>();
        List<Integer> counts = new ArrayList<>();
        chunks.forEach((w, c) -> {
            words.add(new ArrayList<>(w));
            counts.add(c);
        });
        List<Merge> learned = new ArrayList<>();
        while (learned.size() < most) {
            Map<Merge, Integer> pairs = new HashMap<>();
            for (int w = 0; w < words.size(); w++) {
                List<String> s = words.get(w);
                for (int i = 0; i + 1 < s.size(); i++) pairs.merge(new Merge(s.get(i), s.get(i + 1), 0), counts.get(w),
                        Integer::sum);
            }
            Merge best = null;
            int bestCount = 1; // a pair seen once saves nothing
            for (Map.Entry<Merge, Integer> e : pairs.entrySet()) {
                int c = e.getValue();
                if (c > bestCount || c == bestCount && best != null && before(e.getKey(), best)) {
                    best = e.getKey();
                    bestCount = c;
                }
            }
            if (best == null) break;
            learned.add(new Merge(best.left(), best.right(), bestCount));
            for (List<String> s : words) mergeAll(s, best.left(), best.right());
        }
        return new BytePairEncoding(learned);
    }

    /** @return {@code characters} with the merges applied, in their order, within each chunk */
    public List<String> apply(List<String> characters) {
        if (merges.isEmpty()) return characters;
        Map<List<String>, List<String>> done = new HashMap<>(); // a text repeats its words: each is merged once
        List<String> out = new ArrayList<>(characters.size());
        for (List<String> chunk : chunks(characters)) out.addAll(done.computeIfAbsent(chunk, this::applyChunk));
        return out;
    }

    private List<String> applyChunk(List<String> chunk) {
        List<String> s = new ArrayList<>(chunk);
        while (s.size() > 1) {
            int best = -1;
            int bestRank = Integer.MAX_VALUE;
            for (int i = 0; i + 1 < s.size(); i++) {
                Integer r = rank.get(s.get(i) + '\u0000' + s.get(i + 1));
                if (r != null && r < bestRank) {
                    bestRank = r;
                    best = i;
                }
            }
            if (best < 0) break;
            Merge m = merges.get(bestRank);
            mergeAll(s, m.left(), m.right());
        }
        return s;
    }

    /** Joins every occurrence of {@code left right} in {@code s}, left to right. */
    private static void mergeAll(List<String> s, String left, String right) {
        int w = 0; // written in place: removing one by one would cost the length of a long chunk per merge
        for (int i = 0; i < s.size(); i++) {
            if (i + 1 < s.size() && s.get(i).equals(left) && s.get(i + 1).equals(right)) {
                s.set(w++, left + right);
                i++;
            } else {
                s.set(w++, s.get(i));
            }
        }
        s.subList(w, s.size()).clear();
    }

    private static boolean before(Merge a, Merge b) {
        int c = a.left().compareTo(b.left());
        return c < 0 || c == 0 && a.right().compareTo(b.right()) < 0;
    }

    private static String key(Merge m) {
        return m.left() + '\u0000' + m.right();
    }

    /** Cuts characters into chunks, a new one at each white-space character. */
    private static List<List<String>> chunks(List<String> characters) {
        List<List<String>> out = new ArrayList<>();
        List<String> chunk = new ArrayList<>();
        for (String c : characters) {
            if (!chunk.isEmpty() && space(c)) {
                out.add(chunk);
                chunk = new ArrayList<>();
            }
            chunk.add(c);
        }
        if (!chunk.isEmpty()) out.add(chunk);
        return out;
    }

    private static boolean space(String c) {
        int cp = c.codePointAt(0);
        return Character.isWhitespace(cp) || Character.isSpaceChar(cp);
    }
}
