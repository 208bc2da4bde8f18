package org.strata.engine.export.escape;

import java.util.regex.Pattern;

/**
 * Puts any text into a shell command shown to a user to copy (a README's or docstring's
 * {@code strata import-weights … --project FILE}) as one word: pasted into a POSIX shell it is that text, never a
 * second command, a variable or a glob.
 */
public final class ShellText {
    private static final Pattern PLAIN = Pattern.compile("[A-Za-z0-9_./:@%+=,-]+");

    private ShellText() {
    }

    /**
     * @return {@code s} as it is when it needs no quoting; else single-quoted (a quote inside as {@code '\''}); and
     *     when it holds an invisible or line-breaking character, bash's {@code $'…'} with that character escaped,
     *     so the word stays on one line
     */
    public static String word(String s) {
        if (PLAIN.matcher(s).matches() && !s.startsWith("-")) return s;
        if (s.codePoints().allMatch(c -> c == ' ' || PythonText.visible(c))) {
            return "'" + s.replace("'", "'\\''") + "'";
        }
        StringBuilder b = new StringBuilder("$'");
        for (int i = 0; i < s.length(); ) {
            int c = s.codePointAt(i);
            i += Character.charCount(c);
            if (c == '\\' || c == '\'') {
                b.append('\\').append((char) c);
            } else if (c == ' ' || PythonText.visible(c)) {
                b.appendCodePoint(c);
            } else if (c < 0x80) {
                PythonText.hex(b.append("\\x"), c, 2);
            } else {
                PythonText.hex(b.append(c < 0x10000 ? "\\u" : "\\U"), c, c < 0x10000 ? 4 : 8);
            }
        }
        return b.append('\'').toString();
    }
}
