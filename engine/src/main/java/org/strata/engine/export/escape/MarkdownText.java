package org.strata.engine.export.escape;

/**
 * Puts any text into a Markdown document (a README written with an export) as plain text: no emphasis, link,
 * heading, table, code span or HTML it could start, and no line it could break, whatever it holds.
 */
public final class MarkdownText {
    private MarkdownText() {
    }

    /**
     * @return {@code s} as Markdown that renders as {@code s} on one line: every ASCII punctuation mark
     *     backslash-escaped (so {@code <}, {@code &}, {@code *}, {@code [}, {@code `}, {@code #}, {@code |} are
     *     plain characters and no raw HTML or entity survives), and every invisible or line-breaking character
     *     shown as its code point (a backslash, u and four hex digits)
     */
    public static String text(String s) {
        StringBuilder b = new StringBuilder(s.length() + 8);
        for (int i = 0; i < s.length(); ) {
            int c = s.codePointAt(i);
            i += Character.charCount(c);
            if (c < 0x7F && c > 0x20 && !Character.isLetterOrDigit(c)) {
                b.append('\\').append((char) c); // CommonMark's escapable punctuation is exactly ASCII's
            } else if (c == ' ' || PythonText.visible(c)) {
                b.appendCodePoint(c);
            } else {
                // a backslash Markdown shows, then the code point: "\u2028" on the page
                PythonText.hex(b.append(c < 0x10000 ? "\\\\u" : "\\\\U"), c, c < 0x10000 ? 4 : 8);
            }
        }
        return b.toString();
    }
}
