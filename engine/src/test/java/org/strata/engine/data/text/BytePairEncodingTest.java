package org.strata.engine.data.text;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Byte-pair encoding over characters: merges learned in order, deterministic, applied to give the text back. */
class BytePairEncodingTest {
    private static List<String> chars(String s) {
        return Tokenizer.CHARACTERS.split(s, false);
    }

    @Test
    void learns_the_most_frequent_pair_first_and_breaks_ties_by_the_pairs_text() {
        // aa occurs 4 times; then (a, b) and (aa, a) twice each: "a" sorts before "aa", so (a, b) comes first
        BytePairEncoding bpe = BytePairEncoding.learn(chars("aaabdaaabac"), 10);
        assertEquals(List.of(new BytePairEncoding.Merge("a", "a", 4), new BytePairEncoding.Merge("a", "b", 2),
                new BytePairEncoding.Merge("aa", "ab", 2)), bpe.merges());
        // no pair is left twice: learning stops before the 10 asked for
        assertEquals(List.of("aaab", "d", "aaab", "a", "c"), bpe.apply(chars("aaabdaaabac")));
    }

    @Test
    void merges_stop_at_the_number_asked_for_and_learning_twice_gives_the_same_merges() {
        String text = "the cat sat on the mat, the hat on the cat\n";
        assertEquals(3, BytePairEncoding.learn(chars(text), 3).merges().size());
        assertEquals(BytePairEncoding.learn(chars(text), 20), BytePairEncoding.learn(chars(text), 20));
    }

    @Test
    void encoding_gives_the_text_back_and_no_merge_crosses_into_a_space() {
        String text = "the cat sat on the mat\nthe hat\n床前明月光，疑是地上霜。\n举头望明月，低头思故乡。\n";
        BytePairEncoding bpe = BytePairEncoding.learn(chars(text), 50);
        for (BytePairEncoding.Merge m : bpe.merges()) {
            assertFalse(m.right().isBlank() || m.joined().substring(1).chars().anyMatch(Character::isWhitespace),
                    "a white-space character only starts a token: " + m);
        }
        assertEquals(text, String.join("", bpe.apply(chars(text))));
        assertEquals("the moon 明月", String.join("", bpe.apply(chars("the moon 明月"))));
    }
}
