package org.strata.engine.export.escape;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.strata.engine.HostileStrings;
import org.strata.engine.PythonTools;

/** Every hostile string put in Python by {@link PythonText} is read back by Python as that string, and runs nothing. */
class PythonTextTest {
    @TempDir
    Path dir;

    /** @return each code point of {@code s}, a lone surrogate as itself (as Python's str holds it) */
    private static String codePoints(String s) {
        return s.codePoints().mapToObj(Integer::toString).collect(Collectors.joining(" "));
    }

    /** Runs {@code source} (UTF-8) with python3 in {@code dir}; @return what it printed */
    private String python(String source) throws Exception {
        String python = PythonTools.with("json", "python3");
        Path file = dir.resolve("check.py");
        Files.writeString(file, source, StandardCharsets.UTF_8);
        Process p = new ProcessBuilder(python, file.toString()).directory(dir.toFile()).redirectErrorStream(true)
                .start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(60, TimeUnit.SECONDS));
        assertEquals(0, p.exitValue(), out);
        assertFalse(Files.exists(dir.resolve(HostileStrings.MARKER)), "a hostile string ran as code");
        return out;
    }

    @Test
    void a_literal_is_read_back_by_python_as_exactly_the_string() throws Exception {
        List<String> strings = HostileStrings.all();
        StringBuilder src = new StringBuilder("values = [\n");
        for (String s : strings) src.append("    ").append(PythonText.literal(s)).append(",\n");
        src.append("]\nfor v in values:\n    print(' '.join(str(ord(c)) for c in v))\n");
        List<String> got = python(src.toString()).lines().toList();
        List<String> expected = new ArrayList<>();
        for (String s : strings) expected.add(codePoints(s));
        assertEquals(expected, got);
    }

    @Test
    void a_literal_is_printable_ascii_on_one_line() {
        for (String s : HostileStrings.all()) {
            String lit = PythonText.literal(s);
            assertTrue(lit.chars().allMatch(c -> c >= 0x20 && c < 0x7F), lit);
        }
        assertEquals("\"\\\"\\\"\\\"\"", PythonText.literal("\"\"\""));
        assertEquals("\"\\x00\\u2028\\ud800\\U0001f600\"", PythonText.literal("\u0000\u2028\uD800😀"));
    }

    @Test
    void a_docstring_or_comment_cannot_end_early_and_keeps_readable_letters() throws Exception {
        StringBuilder src = new StringBuilder();
        int i = 0;
        for (String s : HostileStrings.all()) {
            String doc = PythonText.docstring(s);
            String comment = PythonText.comment(s);
            for (String t : List.of(doc, comment)) {
                assertTrue(t.lines().count() <= 1 && !t.contains("\"\"\"") && t.codePoints().allMatch(
                        c -> c == ' ' || PythonText.visible(c)), t);
            }
            src.append("def f").append(i).append("():\n    \"\"\"").append(doc).append("\"\"\"\n")
                    .append("    return ").append(i).append("  # ").append(comment).append('\n');
            src.append("assert f").append(i).append(".__doc__ == ").append(PythonText.literal(s)).append('\n');
            src.append("assert f").append(i).append("() == ").append(i).append('\n');
            i++;
        }
        src.append("print('ok')\n");
        assertEquals("ok", python(src.toString()).strip());
        assertEquals("隐藏层 \\u202e", PythonText.comment("隐藏层 \u202E"));
    }
}
