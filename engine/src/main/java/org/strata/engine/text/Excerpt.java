package org.strata.engine.text;

/** Text from a user's file, made safe to quote in a message: short, one line, no control characters. */
public final class Excerpt {
    /** The most characters quoted. */
    public static final int MAX = 60;

    private Excerpt() {
    }

    /**
     * @return at most {@link #MAX} characters of {@code s}, control characters (escape sequences a terminal would
     *     obey, line breaks, NULs of a binary file) shown as '?', and "…" when cut
     */
    public static String of(String s) {
        if (s == null) return "";
        String printable = s.codePoints().map(c -> Character.isISOControl(c) || c == 0xFFFD ? '?' : c)
                .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append).toString().strip();
        return printable.length() <= MAX ? printable
                : printable.substring(0, printable.offsetByCodePoints(0, MAX - 1)) + "…";
    }
}
