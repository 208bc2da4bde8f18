package org.strata.engine.runs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** PyTorch's metrics.json is checked, not trusted: absent is "nothing to check", anything else unusable is refused. */
class PyTorchMetricsTest {
    @TempDir
    Path dir;

    private static final String TRAIN = "\"train\": {\"loss\": 0.5, \"metric\": 0.9, \"samples\": 120}";

    @Test
    void an_absent_file_is_nothing_to_check_and_texts_are_kept_in_visible_form() throws Exception {
        assertNull(PyTorchMetrics.read(dir.resolve("metrics.json")));
        Path f = Files.writeString(dir.resolve("metrics.json"), "{\"torch\": \"2.4\\u001b]0;pwned\\u0007\", "
                + "\"device\": \"GPU\\u202e\", " + TRAIN + "}");
        var m = PyTorchMetrics.read(f);
        assertEquals("2.4\\x1b]0;pwned\\x07", m.path("torch").asText());
        assertEquals("GPU\\u202e", m.path("device").asText());
    }

    @Test
    void figures_without_the_training_splits_or_with_an_infinite_metric_are_refused() throws Exception {
        Path f = Files.writeString(dir.resolve("metrics.json"), "{\"epochs\": 3}");
        ImportException none = assertThrows(ImportException.class, () -> PyTorchMetrics.read(f));
        assertEquals("import.metrics", none.text().code());
        assertTrue(none.getMessage().contains("it holds no figures to check against"), none.getMessage());
        Files.writeString(f, "{\"train\": {\"loss\": 0.5, \"metric\": 0.9}, \"test\": {\"loss\": Infinity, "
                + "\"metric\": 0.1}}");
        ImportException inf = assertThrows(ImportException.class, () -> PyTorchMetrics.read(f));
        assertEquals("import.diverged", inf.text().code());
        assertTrue(inf.getMessage().contains("the PyTorch run diverged (loss Infinity on the test split"),
                inf.getMessage());
    }
}
