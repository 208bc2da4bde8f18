package org.strata.engine.data.text;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A language model's text encoding: tokens that give the text back, saved and read with its merges. */
class LanguageModelEncodingTest {
    private static final String TEXT = "The moon, bright.\n  床前明月光，疑是地上霜。\nEnd\tnow!\n";

    private static TextEncoding encoding(Tokenizer t, String text) {
        List<String> tokens = t.split(text, false);
        BytePairEncoding merges = t == Tokenizer.BPE ? BytePairEncoding.learn(tokens, 10) : BytePairEncoding.NONE;
        List<String> all = merges.apply(tokens);
        return new TextEncoding(t, false, 8, Vocabulary.build(List.of(all), 1000, 1), merges);
    }

    @Test
    void characters_words_and_byte_pairs_give_the_text_back_chinese_included() {
        for (Tokenizer t : List.of(Tokenizer.CHARACTERS, Tokenizer.WORDS_AND_SPACES, Tokenizer.BPE)) {
            TextEncoding e = encoding(t, TEXT);
            assertEquals(TEXT, e.text(e.ids(TEXT)), t.key());
        }
        assertEquals(List.of("The", " ", "moon", ",", " ", "bright", ".", "\n"),
                Tokenizer.WORDS_AND_SPACES.split("The moon, bright.\n", false));
        assertEquals(List.of("床", "前", "明"), Tokenizer.WORDS_AND_SPACES.split("床前明", false));
    }

    @Test
    void a_token_the_training_text_never_had_reads_as_unknown() {
        TextEncoding e = encoding(Tokenizer.CHARACTERS, "abc");
        assertArrayEquals(new int[]{e.vocabulary().number("a"), 1, e.vocabulary().number("c")}, e.ids("azc"));
        assertEquals("a<unk>c", e.text(e.ids("azc")));
    }

    @Test
    void the_saved_encoding_keeps_the_tokenizer_and_its_merges_in_order() throws IOException {
        for (Tokenizer t : List.of(Tokenizer.CHARACTERS, Tokenizer.WORDS_AND_SPACES, Tokenizer.BPE)) {
            TextEncoding e = encoding(t, TEXT + TEXT);
            TextEncoding back = TextEncoding.fromJson(e.toJson());
            assertEquals(t, back.tokenizer());
            assertEquals(e.length(), back.length());
            assertEquals(e.vocabulary().tokens(), back.vocabulary().tokens());
            assertEquals(e.vocabulary().counts(), back.vocabulary().counts());
            assertEquals(e.merges().merges(), back.merges().merges(), t.key());
            assertArrayEquals(e.ids(TEXT), back.ids(TEXT));
        }
        assertTrue(encoding(Tokenizer.BPE, TEXT + TEXT).merges().merges().size() > 3);
    }

    @Test
    void a_text_json_written_before_merges_existed_still_loads() throws IOException {
        String old = "{\"tokenizer\":\"words\",\"lowercase\":true,\"length\":4,"
                + "\"tokens\":[\"<pad>\",\"<unk>\",\"good\"],\"counts\":[0,0,3]}";
        TextEncoding e = TextEncoding.fromJson(old.getBytes(StandardCharsets.UTF_8));
        assertEquals(Tokenizer.WORDS, e.tokenizer());
        assertEquals(BytePairEncoding.NONE, e.merges());
        assertArrayEquals(new float[]{2, 1, 0, 0}, e.encode("Good film"));
    }

    @Test
    void a_damaged_merge_is_refused_saying_which() {
        String bad = "{\"tokenizer\":\"bpe\",\"lowercase\":false,\"length\":4,"
                + "\"tokens\":[\"<pad>\",\"<unk>\",\"a\"],\"counts\":[0,0,3],\"merges\":[[\"a\",\"a\",2],[\"a\"]]}";
        IOException e = assertThrows(IOException.class, () -> TextEncoding.fromJson(bad.getBytes(
                StandardCharsets.UTF_8)));
        assertTrue(e.getMessage().contains("merge 2"), e.getMessage());
    }
}
