package org.strata.engine.generate;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.strata.engine.data.text.TextEncoding;
import org.strata.engine.data.text.Tokenizer;
import org.strata.engine.data.text.Vocabulary;

/** Which tokens a language model reads to choose the next one. */
class ContextWindowTest {
    // <pad> 0, <unk> 1, "\n" 2, a 3, b 4, c 5
    private static final TextEncoding TEXT = new TextEncoding(Tokenizer.CHARACTERS, false, 4,
            new Vocabulary(List.of(Vocabulary.PAD, Vocabulary.UNKNOWN, "\n", "a", "b", "c"), List.of(0, 0, 5, 5, 5, 5)));

    @Test
    void a_model_of_windows_every_stride_reads_the_last_t_tokens() {
        ContextWindow w = new ContextWindow(TEXT, false);
        assertArrayEquals(new int[]{3, 4}, w.of(new int[]{3, 4}));
        assertArrayEquals(new int[]{2, 5, 3, 4}, w.of(new int[]{3, 4, 2, 5, 3, 4}));
        assertArrayEquals(new int[]{2}, w.of(new int[0]), "nothing yet: a line break to start from");
        assertArrayEquals(new float[]{3, 4, 0, 0}, w.input(w.of(new int[]{3, 4})), "padded with <pad> to T");
    }

    @Test
    void a_model_of_windows_at_line_breaks_reads_from_the_first_line_break_among_the_last_t_tokens() {
        ContextWindow w = new ContextWindow(TEXT, true);
        assertArrayEquals(new int[]{2, 5, 3}, w.of(new int[]{3, 4, 2, 5, 3}));
        assertArrayEquals(new int[]{2, 3, 2, 5}, w.of(new int[]{4, 2, 3, 2, 5}), "the first of two line breaks");
        assertArrayEquals(new int[]{2}, w.of(new int[0]));
    }

    @Test
    void a_model_of_windows_at_line_breaks_reads_a_prompt_without_one_as_the_start_of_a_line() {
        ContextWindow w = new ContextWindow(TEXT, true);
        assertArrayEquals(new int[]{2, 3, 4}, w.of(new int[]{3, 4}));
        assertArrayEquals(new int[]{2, 5, 3, 4}, w.of(new int[]{3, 4, 5, 5, 3, 4}), "a line break and the last T − 1");
        assertEquals(4, w.of(new int[]{3, 3, 3, 3, 3, 3, 3}).length);
    }
}
