package org.strata.engine.export.escape;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.strata.engine.HostileStrings;

/** A file name shown in a command to copy is one word to the shell: it prints as itself and runs nothing. */
class ShellTextTest {
    @TempDir
    Path dir;

    @Test
    void bash_reads_each_word_as_the_text_and_runs_nothing() throws Exception {
        for (String s : HostileStrings.all()) {
            String word = ShellText.word(s);
            assertTrue(word.lines().count() == 1, word);
            // a shell argument cannot hold NUL, and a lone surrogate is no text a file name can have
            if (s.contains("\u0000") || s.codePoints().anyMatch(c -> Character.getType(c) == Character.SURROGATE)) {
                continue;
            }
            Process p = new ProcessBuilder("bash", "-c", "printf %s " + word).directory(dir.toFile())
                    .redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertTrue(p.waitFor(30, TimeUnit.SECONDS));
            assertEquals(s, out, word);
        }
        assertFalse(Files.exists(dir.resolve(HostileStrings.MARKER)));
        assertEquals("iris.strata", ShellText.word("iris.strata"));
        assertEquals("'my project.strata'", ShellText.word("my project.strata"));
    }
}
