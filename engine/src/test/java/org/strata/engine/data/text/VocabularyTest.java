package org.strata.engine.data.text;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;

class VocabularyTest {
    private static final List<List<String>> TRAINING = List.of(List.of("the", "cat", "sat"),
            List.of("the", "dog", "sat"), List.of("the", "cat"));

    @Test
    void padding_and_unknown_come_first_then_the_most_frequent_tokens_ties_in_text_order() {
        Vocabulary v = Vocabulary.build(TRAINING, 100, 1);
        assertEquals(List.of(Vocabulary.PAD, Vocabulary.UNKNOWN, "the", "cat", "sat", "dog"), v.tokens());
        assertEquals(List.of(0, 0, 3, 2, 2, 1), v.counts());
    }

    @Test
    void the_size_limit_and_the_minimum_count_drop_rare_tokens_which_then_read_as_unknown() {
        Vocabulary v = Vocabulary.build(TRAINING, 4, 1);
        assertEquals(List.of(Vocabulary.PAD, Vocabulary.UNKNOWN, "the", "cat"), v.tokens());
        assertEquals(1, v.number("sat"));
        assertEquals(List.of(Vocabulary.PAD, Vocabulary.UNKNOWN, "the", "cat", "sat"),
                Vocabulary.build(TRAINING, 100, 2).tokens());
    }

    @Test
    void a_text_is_numbered_then_padded_with_zeros_or_cut_to_its_length() {
        Vocabulary v = Vocabulary.build(TRAINING, 100, 1);
        float[] row = new float[5];
        v.encode(List.of("the", "bird", "sat"), 5, row, 0);
        assertArrayEquals(new float[]{2, 1, 4, 0, 0}, row);
        v.encode(List.of("the", "cat", "sat", "the", "dog", "sat"), 5, row, 0);
        assertArrayEquals(new float[]{2, 3, 4, 2, 5}, row);
    }

    @Test
    void a_saved_vocabulary_must_start_with_the_special_tokens_and_repeat_none() {
        assertThrows(IllegalArgumentException.class, () -> new Vocabulary(List.of("a", "b"), List.of(1, 1)));
        assertThrows(IllegalArgumentException.class, () -> new Vocabulary(
                List.of(Vocabulary.PAD, Vocabulary.UNKNOWN, "a", "a"), List.of(0, 0, 1, 1)));
    }
}
