package org.strata.engine.export.escape;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.strata.engine.HostileStrings;

/** Text in a README renders as itself: no markup, HTML, entity or line break survives {@link MarkdownText}. */
class MarkdownTextTest {
    /** @return {@code md} read as CommonMark reads text: a backslash before ASCII punctuation shows the mark */
    private static String rendered(String md) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < md.length(); i++) {
            char c = md.charAt(i);
            boolean punctuation = c > 0x20 && c < 0x7F && !Character.isLetterOrDigit(c);
            if (c == '\\' && i + 1 < md.length()) {
                char next = md.charAt(i + 1);
                if (next > 0x20 && next < 0x7F && !Character.isLetterOrDigit(next)) {
                    b.append(next);
                    i++;
                    continue;
                }
            }
            assertTrue(!punctuation, "an unescaped '" + c + "' at " + i + " of " + md);
            b.append(c);
        }
        return b.toString();
    }

    @Test
    void every_mark_is_escaped_and_the_text_renders_as_itself_on_one_line() {
        for (String s : HostileStrings.all()) {
            String md = MarkdownText.text(s);
            assertTrue(md.codePoints().allMatch(c -> c == ' ' || PythonText.visible(c)), md);
            boolean visible = s.codePoints().allMatch(c -> c == ' ' || PythonText.visible(c));
            if (visible) assertEquals(s, rendered(md));
            else rendered(md); // still no unescaped mark
        }
        assertEquals("\\<b\\> \\*x\\* \\&amp\\;", MarkdownText.text("<b> *x* &amp;"));
        assertEquals("a\\\\u2028b \\\\u000ac", MarkdownText.text("a\u2028b \nc"));
    }
}
