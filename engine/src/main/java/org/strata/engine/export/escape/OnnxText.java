package org.strata.engine.export.escape;

/**
 * Text for an ONNX file's strings (its doc string, graph name, metadata): protobuf keeps a string exactly when it
 * is well-formed Unicode, and nothing in ONNX interprets one, so only what cannot be written as UTF-8 changes.
 */
public final class OnnxText {
    private OnnxText() {
    }

    /**
     * @return {@code s} with every lone surrogate (which UTF-8 cannot hold, and protobuf would write as '?') replaced
     *     by U+FFFD; the same text always gives the same string, so a reader finds a key by its id
     */
    public static String string(String s) {
        StringBuilder b = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); ) {
            int c = s.codePointAt(i);
            i += Character.charCount(c);
            b.appendCodePoint(Character.getType(c) == Character.SURROGATE ? 0xFFFD : c);
        }
        return b.toString();
    }
}
