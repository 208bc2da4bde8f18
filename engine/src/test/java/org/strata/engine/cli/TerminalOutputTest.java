package org.strata.engine.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.strata.engine.Samples;
import org.strata.engine.text.TerminalText;

/** Text from data reaches the terminal escaped: a class name cannot retitle the terminal or reverse a line. */
class TerminalOutputTest {
    /** ESC ] 0 ; title BEL retitles a terminal; U+202E reverses what follows; U+0085 is a C1 line break. */
    static final String HOSTILE = "se\u001b]0;pwned\u0007tosa\u202eabc";
    static final String SHOWN = "se\\x1b]0;pwned\\x07tosa\\u202eabc";
    @TempDir
    static Path dir;
    static Path project;

    @BeforeAll
    static void iris_with_hostile_class_names() throws Exception {
        for (String f : new String[]{"iris.strata", "iris.csv"}) {
            Files.copy(Samples.root().resolve("iris").resolve(f), dir.resolve(f));
        }
        Path csv = dir.resolve("iris.csv");
        Files.writeString(csv, Files.readString(csv).replace(",setosa", "," + HOSTILE)
                .replace(",virginica", ",vir\tgin\u0085ica"));
        project = dir.resolve("iris.strata");
    }

    static CliTest.Result cli(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int status = StrataCli.run(new PrintWriter(out, true), new PrintWriter(err, true), args);
        return new CliTest.Result(status, out.toString(), err.toString());
    }

    /** Nothing below a space but line breaks, and none of the characters that act invisibly. */
    static void assertClean(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            assertTrue(c == '\n' || !TerminalText.acts(c), String.format("U+%04X at %d in:%n%s", (int) c, i, text));
        }
    }

    @Test
    void data_shows_class_names_with_their_control_characters_escaped() {
        CliTest.Result r = cli("data", project.toString(), "--rows", "150");
        assertEquals(0, r.status(), r.err());
        assertTrue(r.out().contains("classes (training samples): " + SHOWN + " "), r.out());
        assertTrue(r.out().contains("vir\\tgin\\x85ica"), r.out());
        assertTrue(r.out().contains("→  " + SHOWN + "\n"), r.out());
        assertClean(r.out());
        assertClean(r.err());
    }

    @Test
    void evaluate_shows_the_models_class_names_escaped_in_its_confusion_matrix() {
        Path run = dir.resolve("run");
        CliTest.Result trained = cli("train", project.toString(), "--epochs", "2", "--out", run.toString());
        assertEquals(0, trained.status(), trained.err());
        assertClean(trained.out());
        CliTest.Result r = cli("evaluate", project.toString(), "--model", run.resolve("model.zip").toString());
        assertEquals(0, r.status(), r.err());
        assertTrue(r.out().contains(" " + SHOWN + " "), r.out());
        assertTrue(r.out().contains(" vir\\tgin\\x85ica "), r.out());
        assertClean(r.out());
        assertClean(r.err());
    }

    @Test
    void an_error_naming_a_file_shows_the_files_control_characters_escaped() {
        CliTest.Result r = cli("data", dir.resolve("gone\u001b[2J\u202e.strata").toString());
        assertEquals(1, r.status());
        assertTrue(r.err().contains("gone\\x1b[2J\\u202e.strata"), r.err());
        assertClean(r.err());
    }

    @Test
    void the_escaper_shows_every_control_and_keeps_other_text_and_line_breaks_of_free_text() {
        assertEquals("a\\x00b\\x7f\\x9b\\u2066\\u200f\\u2028\\n\\t\\r é 中 \\", TerminalText.escape(
                "a\u0000b\u007f\u009b\u2066\u200f\u2028\n\t\r é 中 \\"));
        assertEquals("line 1\n\tline 2\\x1b[31m", TerminalText.escapeText("line 1\n\tline 2\u001b[31m"));
        StringWriter w = new StringWriter();
        try (PrintWriter t = new TerminalWriter(w)) {
            t.print("a\rb\r\nc\u001b");
            TerminalWriter.returnToLineStart(t);
            t.print("d");
        }
        assertEquals("a\\rb\r\nc\\x1b\rd", w.toString());
    }
}
