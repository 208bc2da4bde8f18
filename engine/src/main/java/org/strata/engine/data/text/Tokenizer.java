package org.strata.engine.data.text;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Splits a text into tokens: every character (a word's letters, for a character-level model), or words, where a word
 * is a run of letters, digits and combining marks, each other visible character (punctuation, a symbol) is a token of
 * its own, white space separates, and Chinese and Japanese characters, written without spaces, are a token each.
 */
public enum Tokenizer {
    /** Every character, white space included (a space between words is part of what a model reads). */
    CHARACTERS("characters"),
    /** Words, punctuation marks and CJK characters. */
    WORDS("words"),
    /**
     * As {@link #WORDS}, but every white-space character (a space, a line break) is a token too, so that the tokens
     * run together give the text back: a language model writes its spaces and line breaks.
     */
    WORDS_AND_SPACES("words-and-spaces"),
    /**
     * Byte-pair encoding: the text's characters, which the encoding's learned merges ({@link BytePairEncoding})
     * then join into longer tokens; split alone gives the characters the merges start from.
     */
    BPE("bpe");

    private final String key;

    Tokenizer(String key) {
        this.key = key;
    }

    /** @return the name in the project file: "characters" or "words" */
    public String key() {
        return key;
    }

    /** @return the tokenizer named {@code key} in a project file */
    public static Tokenizer of(String key) {
        for (Tokenizer t : values()) if (t.key.equals(key)) return t;
        throw new IllegalArgumentException("unknown tokenizer " + key + ": use characters, words, words-and-spaces "
                + "or bpe");
    }

    /**
     * @param lowercase fold case first (in the root locale, so that a Turkish machine reads "I" as others do)
     * @return the tokens of {@code text}, in order
     */
    public List<String> split(String text, boolean lowercase) {
        String s = lowercase ? text.toLowerCase(Locale.ROOT) : text;
        List<String> out = new ArrayList<>();
        if (this == CHARACTERS || this == BPE) {
            s.codePoints().forEach(cp -> out.add(new String(Character.toChars(cp))));
            return out;
        }
        StringBuilder word = new StringBuilder();
        for (int i = 0; i < s.length(); ) {
            int cp = s.codePointAt(i);
            i += Character.charCount(cp);
            if (wordPart(cp) && !ideograph(cp)) {
                word.appendCodePoint(cp);
                continue;
            }
            if (word.length() > 0) {
                out.add(word.toString());
                word.setLength(0);
            }
            boolean space = Character.isWhitespace(cp) || Character.isSpaceChar(cp);
            if (!space || this == WORDS_AND_SPACES) out.add(new String(Character.toChars(cp)));
        }
        if (word.length() > 0) out.add(word.toString());
        return out;
    }

    /** @return whether the tokens run together give the text back (true for all but {@link #WORDS}) */
    public boolean rebuildsText() {
        return this != WORDS;
    }

    private static boolean wordPart(int cp) {
        int type = Character.getType(cp);
        return Character.isLetterOrDigit(cp) || type == Character.NON_SPACING_MARK
                || type == Character.COMBINING_SPACING_MARK || type == Character.ENCLOSING_MARK;
    }

    /** Scripts written without spaces between words: each character is a token. */
    private static boolean ideograph(int cp) {
        Character.UnicodeScript script = Character.UnicodeScript.of(cp);
        return script == Character.UnicodeScript.HAN || script == Character.UnicodeScript.HIRAGANA
                || script == Character.UnicodeScript.KATAKANA;
    }
}
