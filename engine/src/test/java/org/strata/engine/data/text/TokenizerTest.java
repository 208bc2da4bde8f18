package org.strata.engine.data.text;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class TokenizerTest {
    @Test
    void characters_are_every_character_including_spaces_and_letters_outside_the_basic_plane() {
        assertEquals(List.of("c", "a", "f", "é", " ", "𝔸"), Tokenizer.CHARACTERS.split("Café 𝔸", true));
        assertEquals(List.of("C", "a"), Tokenizer.CHARACTERS.split("Ca", false));
    }

    @Test
    void words_split_at_spaces_and_keep_punctuation_as_tokens_of_their_own() {
        assertEquals(List.of("don", "'", "t", "stop", ",", "it", "'", "s", "42", "km", "!"),
                Tokenizer.WORDS.split("Don't stop,  it's 42 km!", true));
        assertEquals(List.of("naïve", "über", "straße"), Tokenizer.WORDS.split("naïve\tÜber\nStraße", true));
    }

    @Test
    void chinese_and_japanese_are_split_by_character_and_latin_words_around_them_stay_whole() {
        assertEquals(List.of("我", "喜", "欢", "deep", "learning", "。"), Tokenizer.WORDS.split("我喜欢deep learning。",
                true));
        assertEquals(List.of("ひ", "ら", "が", "な"), Tokenizer.WORDS.split("ひらがな", true));
    }

    @Test
    void lowercasing_is_the_same_on_every_machine() {
        assertEquals(List.of("istanbul"), Tokenizer.WORDS.split("ISTANBUL", true)); // not the Turkish dotless ı
    }

    @Test
    void a_project_file_names_each_tokenizer() {
        assertEquals(Tokenizer.WORDS, Tokenizer.of(Tokenizer.WORDS.key()));
        assertEquals(Tokenizer.CHARACTERS, Tokenizer.of("characters"));
    }
}
