package org.strata.engine.text;

/**
 * Shows text that comes from data (class names, tokens, file and project names, fields of files written elsewhere)
 * so that it cannot act on the terminal or the window: control characters become visible escapes instead of
 * retitling a terminal, moving its cursor or hiding text ({@code ESC} → {@code \x1b}), and the characters that
 * reorder or break text invisibly become theirs ({@code U+202E} → {@code \}{@code u202e}).
 *
 * <p>Escaped are the C0 controls, DEL, the C1 controls U+0080–U+009F, the bidirectional controls U+061C,
 * U+200E/U+200F, U+202A–U+202E and U+2066–U+2069, and the line and paragraph separators U+2028/U+2029. A backslash
 * is left as it is: the escapes are for reading, not for reading back.
 */
public final class TerminalText {
    private static final char[] HEX = "0123456789abcdef".toCharArray();

    private TerminalText() {
    }

    /**
     * @return {@code value} (one name, token or field) with every character that acts rather than shows escaped,
     *     line breaks and tabs too: one value stays on its line and in its column; null stays null
     */
    public static String escape(String value) {
        return escape(value, false);
    }

    /**
     * @return {@code text} (free text of several lines) escaped as {@link #escape} does, but keeping its line breaks
     *     ({@code \n}) and tabs; null stays null
     */
    public static String escapeText(String text) {
        return escape(text, true);
    }

    /** @return whether {@code c} is escaped in a value ({@link #escape}) */
    public static boolean acts(char c) {
        return c < 0x20 || c >= 0x7f && c <= 0x9f || c == 0x061c || c == 0x200e || c == 0x200f
                || c >= 0x2028 && c <= 0x202e || c >= 0x2066 && c <= 0x2069;
    }

    private static String escape(String s, boolean keepLines) {
        if (s == null) return null;
        int i = 0;
        while (i < s.length() && !mustEscape(s.charAt(i), keepLines)) i++;
        if (i == s.length()) return s; // the usual case: nothing to escape, nothing copied
        StringBuilder b = new StringBuilder(s.length() + 16).append(s, 0, i);
        for (; i < s.length(); i++) {
            char c = s.charAt(i);
            if (mustEscape(c, keepLines)) {
                append(b, c);
            } else {
                b.append(c);
            }
        }
        return b.toString();
    }

    private static boolean mustEscape(char c, boolean keepLines) {
        return acts(c) && !(keepLines && (c == '\n' || c == '\t'));
    }

    /** Appends the visible form of one character that acts: {@code \n}, {@code \x1b}, {@code \}{@code u202e}. */
    public static void append(StringBuilder b, char c) {
        switch (c) {
            case '\n' -> b.append("\\n");
            case '\t' -> b.append("\\t");
            case '\r' -> b.append("\\r");
            default -> {
                if (c <= 0xff) {
                    b.append("\\x").append(HEX[c >> 4]).append(HEX[c & 0xf]);
                } else {
                    b.append("\\u").append(HEX[c >> 12]).append(HEX[c >> 8 & 0xf]).append(HEX[c >> 4 & 0xf])
                            .append(HEX[c & 0xf]);
                }
            }
        }
    }
}
