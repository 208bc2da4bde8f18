package org.strata.engine.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.strata.engine.cli.CliTest.cli;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.strata.engine.Graphs;
import org.strata.engine.params.Params;
import org.strata.engine.project.DatasetKind;
import org.strata.engine.project.DatasetSpec;
import org.strata.engine.project.Project;
import org.strata.engine.project.ProjectFile;
import org.strata.engine.project.TrainingSettings;

/** A language-model project on the command line: its data shown as windows, trained and kept with its tokens. */
class LanguageModelCliTest {
    @TempDir
    Path dir;

    @Test
    void data_shows_windows_as_text_and_train_keeps_the_tokenizer_with_the_model() throws Exception {
        Files.writeString(dir.resolve("poems.txt"), "床前明月光，疑是地上霜。\n举头望明月，低头思故乡。\n".repeat(30),
                StandardCharsets.UTF_8);
        Params p = DatasetKind.LANGUAGE_MODEL.params().defaults();
        p.set("corpus", "poems.txt");
        p.set("tokenizer", "bpe");
        p.set("vocabularySize", 30);
        p.set("context", 8);
        var graph = new Graphs().then("input", "Input", "kind", "vector", "size", 8)
                .then("embedding", "Embedding", "vocabulary", 30, "dimension", 8, "maskPadding", false)
                .then("position", "PositionEmbedding")
                .then("attention", "MultiHeadAttention", "heads", 2, "keySize", 4, "causal", true)
                .then("step", "Dense", "units", 30, "activation", "identity")
                .then("output", "Output", "loss", "softmax_cross_entropy", "metric", "accuracy").build();
        Project project = new Project("poems", "", graph, new DatasetSpec(DatasetKind.LANGUAGE_MODEL, p),
                TrainingSettings.defaults());
        Path file = dir.resolve("poems.strata");
        ProjectFile.save(project, file);

        CliTest.Result data = cli("data", file.toString(), "--rows", "1");
        assertEquals(0, data.status(), data.err());
        assertTrue(data.out().contains("predicts the next token at each of 8 positions: a class of 30 (the "
                + "vocabulary)"), data.out());
        assertTrue(data.out().contains("vocabulary: 30 tokens (bpe, 8 per text)"), data.out());

        CliTest.Result train = cli("train", file.toString(), "--epochs", "1", "--out", dir.resolve("run").toString());
        assertEquals(0, train.status(), train.err());
        try (ZipFile zip = new ZipFile(dir.resolve("run").resolve("model.zip").toFile())) {
            String text = new String(zip.getInputStream(zip.getEntry("text.json")).readAllBytes(),
                    StandardCharsets.UTF_8);
            assertTrue(text.contains("\"tokenizer\" : \"bpe\"") && text.contains("\"merges\""), text);
        }
    }
}
