package org.strata.app.window;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Where Save writes: a bundled sample is never overwritten. */
class FileActionsTest {
    private static final Path SAMPLES = Path.of("..", "sample-projects").toAbsolutePath().normalize();
    private String before;

    @BeforeEach
    void pointAtTheSamples() {
        before = System.getProperty("strata.samples");
        System.setProperty("strata.samples", SAMPLES.toString());
    }

    @AfterEach
    void restore() {
        if (before == null) System.clearProperty("strata.samples");
        else System.setProperty("strata.samples", before);
    }

    @Test
    void save_on_a_bundled_sample_asks_for_a_new_file_and_on_the_user_s_own_project_writes_it(@TempDir Path dir) {
        assertFalse(FileActions.savesInPlace(Optional.of(SAMPLES.resolve("gpt2-small/gpt2-small.strata"))));
        assertFalse(FileActions.savesInPlace(Optional.of(SAMPLES.resolve("xor/xor.strata"))));
        assertTrue(FileActions.savesInPlace(Optional.of(dir.resolve("xor.strata"))));
        assertTrue(FileActions.savesInPlace(Optional.of(SAMPLES.resolve("xor/my-xor.strata"))),
                "a file of the user's own beside a sample is theirs");
        assertFalse(FileActions.savesInPlace(Optional.empty()), "never saved: Save asks where");
    }
}
