package org.strata.engine.export.escape;

/**
 * Puts any text into Python source where it stays text: a string literal that gives back exactly the text (any
 * Unicode, NUL and lone surrogates included), the inside of a docstring, or a comment that cannot end before its line
 * does. Nothing a project holds can close the literal, start a statement or change how the file is read.
 */
public final class PythonText {
    private PythonText() {
    }

    /**
     * @return a double-quoted Python {@code str} literal equal to {@code s}, code point for code point; ASCII only
     *     (everything outside printable ASCII is a {@code \\x}, {@code \\u} or {@code \\U} escape), so the file's
     *     encoding, an editor or a terminal cannot change it
     */
    public static String literal(String s) {
        return '"' + inQuotes(s) + '"';
    }

    /**
     * @return what stands between the quotes of {@link #literal}{@code (s)}: to build a literal around it
     *     ({@code "w[\"" + inQuotes(id) + "/W\"]"} is the literal of {@code id + "/W"})
     */
    public static String inQuotes(String s) {
        StringBuilder b = new StringBuilder(s.length());
        escape(s, false, b);
        return b.toString();
    }

    /**
     * @return {@code s} to stand between the quotes of a (non-raw, double-quoted) {@code """…"""} docstring: one
     *     line, no double quote or backslash left unescaped, readable letters (Chinese, accents) kept as they are
     *     and every invisible or line-breaking character escaped, so the docstring reads as {@code s} and cannot
     *     end early
     */
    public static String docstring(String s) {
        StringBuilder b = new StringBuilder(s.length());
        escape(s, true, b);
        return b.toString();
    }

    /**
     * @return {@code s} to follow a {@code #} on one line: as {@link #docstring} shows it (line breaks of every kind,
     *     NUL, control and bidirectional characters written as escapes), so the comment ends where its line ends.
     *     Not for the first two lines of a file (where Python reads an encoding declaration from a comment)
     */
    public static String comment(String s) {
        return docstring(s);
    }

    /**
     * Escapes {@code s} into {@code b}: quotes and backslashes, then what is not printable ASCII (or, with
     * {@code readable}, not a visible character) as Python escapes.
     */
    private static void escape(String s, boolean readable, StringBuilder b) {
        for (int i = 0; i < s.length(); ) {
            int c = s.codePointAt(i);
            i += Character.charCount(c);
            switch (c) {
                case '\\' -> b.append("\\\\");
                case '"' -> b.append("\\\"");
                case '\n' -> b.append("\\n");
                case '\r' -> b.append("\\r");
                case '\t' -> b.append("\\t");
                default -> {
                    if (c >= 0x20 && c < 0x7F || readable && visible(c)) {
                        b.appendCodePoint(c);
                    } else if (c < 0x100) {
                        hex(b.append("\\x"), c, 2);
                    } else if (c < 0x10000) {
                        hex(b.append("\\u"), c, 4); // a lone surrogate too: Python keeps it in a str
                    } else {
                        hex(b.append("\\U"), c, 8);
                    }
                }
            }
        }
    }

    /** Appends {@code c} as {@code digits} lower-case hexadecimal digits. */
    static void hex(StringBuilder b, int c, int digits) {
        String h = Integer.toHexString(c);
        b.append("0".repeat(Math.max(0, digits - h.length()))).append(h);
    }

    /**
     * @return whether {@code c} (not ASCII) is a character a reader sees as itself: a letter, digit, mark, symbol,
     *     punctuation or plain space; not a control, format (bidirectional overrides, zero widths), line or
     *     paragraph separator, surrogate, private or unassigned code point
     */
    static boolean visible(int c) {
        if (c < 0x80) return c >= 0x20 && c < 0x7F;
        return switch (Character.getType(c)) {
            case Character.CONTROL, Character.FORMAT, Character.LINE_SEPARATOR, Character.PARAGRAPH_SEPARATOR,
                    Character.SURROGATE, Character.PRIVATE_USE, Character.UNASSIGNED -> false;
            case Character.SPACE_SEPARATOR -> c == 0xA0 || c == 0x3000; // others look like nothing
            default -> true;
        };
    }
}
