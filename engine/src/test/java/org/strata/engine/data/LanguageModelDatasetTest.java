package org.strata.engine.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.strata.engine.data.text.TextEncoding;
import org.strata.engine.data.text.Tokenizer;
import org.strata.engine.project.DatasetKind;
import org.strata.engine.project.Project;

/** The {@code language-model} dataset kind: a corpus cut into blocks, served as windows of next-token targets. */
class LanguageModelDatasetTest {
    static final String POEM = "床前明月光，疑是地上霜。\n举头望明月，低头思故乡。\n";

    @TempDir
    Path dir;

    private Project project(String corpus, Object... kv) throws Exception {
        Files.writeString(dir.resolve("corpus.txt"), corpus, StandardCharsets.UTF_8);
        List<Object> all = new ArrayList<>(List.of("corpus", "corpus.txt"));
        all.addAll(List.of(kv));
        return DatasetTestSupport.project(dir, DatasetKind.LANGUAGE_MODEL, all.toArray());
    }

    private static String text(TextEncoding e, Split s, int i, boolean target) {
        int[] ids = new int[s.featureSize()];
        if (target) {
            s.labels(i, ids, 0);
            return e.text(ids);
        }
        float[] f = new float[s.featureSize()];
        s.rawFeatures(i, f, 0);
        for (int t = 0; t < f.length; t++) ids[t] = Math.round(f[t]);
        return e.text(ids);
    }

    @Test
    void every_window_lies_in_its_own_block_and_its_targets_are_its_tokens_one_later() throws Exception {
        String corpus = (POEM + "the moon is bright\n").repeat(20);
        for (String tokenizer : List.of("characters", "words", "bpe")) {
            Dataset d = DatasetLoader.load(project(corpus, "tokenizer", tokenizer, "context", 6, "stride", 1,
                    "validationSplit", 0.2, "testSplit", 0.1, "vocabularySize", 80));
            TextEncoding e = d.text().orElseThrow();
            assertEquals(6, d.featureShape().size());
            assertEquals(6, d.labelSteps(), "a class at every position");
            assertEquals(e.vocabulary().tokens(), d.classNames(), "the classes are the tokens");
            String[] blocks = LanguageModelDatasets.blocks(corpus + "", 0.2, 0.1);
            Split[] splits = {d.train(), d.validation(), d.test()};
            for (int b = 0; b < 3; b++) {
                assertTrue(splits[b].size() > 0, tokenizer + " block " + b);
                int[] block = e.ids(blocks[b]);
                assertEquals(block.length - 6, splits[b].size(), "stride 1: a window at every token but the last 6");
                for (int i = 0; i < splits[b].size(); i++) {
                    float[] x = new float[6];
                    splits[b].rawFeatures(i, x, 0);
                    int[] y = new int[6];
                    splits[b].labels(i, y, 0);
                    for (int t = 0; t < 6; t++) {
                        assertEquals(block[i + t], (int) x[t], tokenizer + " input of block " + b);
                        assertEquals(block[i + t + 1], y[t], tokenizer + " target of block " + b);
                    }
                }
            }
            // the windows of the blocks, run together, are the corpus: nothing crosses, nothing is lost
            assertEquals(corpus, blocks[0] + blocks[1] + blocks[2]);
        }
    }

    @Test
    void a_small_causal_transformer_trains_on_the_windows_its_loss_falls_and_its_model_keeps_the_merges()
            throws Exception {
        Project p = project(POEM.repeat(40), "context", 8, "stride", 2, "validationSplit", 0.1, "testSplit", 0.0,
                "tokenizer", "bpe", "vocabularySize", 30);
        int vocabulary = DatasetLoader.load(p).text().orElseThrow().vocabulary().size();
        // the next token at every position: causal attention, then a Dense to the vocabulary at every step
        org.strata.engine.graph.Graph g = new org.strata.engine.Graphs()
                .then("input", "Input", "kind", "vector", "size", 8)
                .then("embedding", "Embedding", "vocabulary", vocabulary, "dimension", 16, "maskPadding", false)
                .then("position", "PositionEmbedding")
                .then("attention", "MultiHeadAttention", "heads", 2, "keySize", 8, "causal", true)
                .then("step", "Dense", "units", vocabulary, "activation", "identity")
                .then("output", "Output", "loss", "softmax_cross_entropy", "metric", "accuracy").build();
        Project lm = new Project("lm", "", g, p.dataset().orElseThrow(), org.strata.engine.project.TrainingSettings
                .defaults());
        lm.setFile(p.file().orElseThrow());
        lm.training().set("learningRate", 0.01).set("optimizer", "adam");
        org.strata.engine.train.TrainingSession s = org.strata.engine.train.TrainingSession.create(lm);
        List<Double> losses = new ArrayList<>();
        s.addListener(new org.strata.engine.train.TrainingEvent.Handler() {
            public void onIteration(org.strata.engine.train.TrainingEvent.Iteration e) {
            }

            public void onEpoch(org.strata.engine.train.TrainingEvent.Epoch e) {
                losses.add(e.trainLoss());
            }

            public void onSnapshot(org.strata.engine.train.TrainingEvent.Snapshot e) {
            }

            public void onStateChanged(org.strata.engine.train.TrainingEvent.StateChanged e) {
            }
        });
        s.setEpochs(6);
        s.run();
        assertEquals(6, losses.size(), losses.toString());
        assertTrue(losses.get(5) < 0.5 * losses.get(0), "the loss falls: " + losses);

        // the model file keeps the tokenizer and its merges in order: a later generate reads a prompt alike
        Dataset data = s.dataset();
        TextEncoding trained = data.text().orElseThrow();
        assertEquals(8, trained.merges().merges().size(), "30 tokens: 20 characters, <pad>, <unk> and 8 merges");
        Path file = dir.resolve("model.zip");
        org.strata.engine.train.TrainedModels.of(lm, s.backend(), data.classNames(), data.normalizer().shift(),
                data.normalizer().scale(), 6, data.text()).save(file);
        TextEncoding back = org.strata.engine.model.TrainedModel.load(file).text().orElseThrow();
        assertEquals(Tokenizer.BPE, back.tokenizer());
        assertEquals(trained.merges().merges(), back.merges().merges());
        assertEquals(trained.vocabulary().tokens(), back.vocabulary().tokens());
        assertArrayEquals(trained.ids(POEM), back.ids(POEM));
        assertEquals(POEM, back.text(back.ids(POEM)));
    }

    @Test
    void windows_do_not_overlap_unless_a_stride_says_so() throws Exception {
        String corpus = "abcdefghij".repeat(10); // 100 characters, a line break added: 101
        Dataset d = DatasetLoader.load(project(corpus, "context", 10, "validationSplit", 0.0, "testSplit", 0.0));
        assertEquals((101 - 11) / 10 + 1, d.train().size());
        assertEquals("abcdefghij", text(d.text().orElseThrow(), d.train(), 1, false));
        assertEquals("bcdefghija", text(d.text().orElseThrow(), d.train(), 1, true));
        assertEquals(0, d.validation().size());
    }

    @Test
    void windows_that_start_at_line_breaks_start_every_window_at_one_whatever_the_stride() throws Exception {
        // 40 lines of 13 characters and a line break; training keeps the first 36 lines' worth (validation 0.1)
        Dataset d = DatasetLoader.load(project(POEM.repeat(20), "context", 16, "windowStart", "lines", "stride", 3,
                "validationSplit", 0.1, "testSplit", 0.0));
        TextEncoding e = d.text().orElseThrow();
        assertTrue(d.train().size() >= 30, "a window at (nearly) every line break: " + d.train().size());
        for (int i = 0; i < d.train().size(); i++) {
            String window = text(e, d.train(), i, false);
            assertTrue(window.startsWith("\n"), "window " + i + ": " + window);
            assertEquals(window.substring(1), text(e, d.train(), i, true).substring(0, 15), "targets: one token on");
        }
        assertTrue(text(e, d.train(), 0, false).startsWith("\n举头望明月，"), text(e, d.train(), 0, false));
        assertTrue(d.validation().size() > 0 && text(e, d.validation(), 0, false).startsWith("\n"));
    }

    @Test
    void windows_at_line_breaks_of_a_corpus_without_lines_long_enough_are_refused_naming_the_fix() throws Exception {
        DatasetException e = assertThrows(DatasetException.class, () -> DatasetLoader.load(project(
                "abcdefghij".repeat(30), "context", 16, "windowStart", "lines", "validationSplit", 0.0,
                "testSplit", 0.0)));
        assertEquals("dataset.corpus.noLines", e.text().code());
        assertTrue(e.getMessage().contains("no line break with 17 tokens after it"), e.getMessage());
        assertTrue(e.getMessage().contains("every Stride tokens"), e.getMessage());
    }

    @Test
    void the_vocabulary_comes_from_the_training_block_and_later_text_reads_unknown_tokens_as_unk() throws Exception {
        // 141 characters: training the first 78, all a and b; validation the next 42 ("ab", then x, y and z)
        String corpus = "abab".repeat(20) + "xyz".repeat(20);
        Dataset d = DatasetLoader.load(project(corpus, "context", 4, "validationSplit", 0.3, "testSplit", 0.15));
        TextEncoding e = d.text().orElseThrow();
        assertEquals(List.of("<pad>", "<unk>", "a", "b"), e.vocabulary().tokens());
        float[] x = new float[4];
        d.validation().rawFeatures(1, x, 0);
        assertArrayEquals(new float[]{1, 1, 1, 1}, x);
    }

    @Test
    void byte_pairs_are_learned_on_the_training_block_up_to_the_vocabulary_size() throws Exception {
        String corpus = "the cat sat on the mat\n".repeat(30) + "zzzz zzzz zzzz\n".repeat(10);
        Dataset d = DatasetLoader.load(project(corpus, "tokenizer", "bpe", "vocabularySize", 20, "context", 4,
                "validationSplit", 0.2, "testSplit", 0.0));
        TextEncoding e = d.text().orElseThrow();
        assertEquals(Tokenizer.BPE, e.tokenizer());
        assertEquals(20, e.vocabulary().size());
        assertTrue(e.merges().merges().stream().noneMatch(m -> m.joined().contains("z")), "z is validation text");
        assertEquals(corpus, e.text(e.ids(corpus)).replace("<unk>", "z"));
    }

    @Test
    void a_trained_model_reads_a_new_corpus_with_its_own_tokens_and_merges() throws Exception {
        Dataset first = DatasetLoader.load(project(POEM.repeat(10), "tokenizer", "bpe", "vocabularySize", 26,
                "context", 4));
        TextEncoding model = first.text().orElseThrow();
        ReadAs read = new ReadAs(List.of(), java.util.Optional.of(model), java.util.Optional.empty());
        // another text, another vocabulary size: the model's numbers are used, its context too
        Dataset again = DatasetLoader.load(project("明月光 moon\n".repeat(20), "tokenizer", "characters",
                "vocabularySize", 1000, "context", 16, "validationSplit", 0.0, "testSplit", 0.0), read);
        assertEquals(model, again.text().orElseThrow());
        float[] x = new float[4];
        again.train().rawFeatures(0, x, 0);
        int[] expected = model.ids("明月光 moon");
        for (int t = 0; t < 4; t++) assertEquals(expected[t], (int) x[t]);
    }

    @Test
    void a_folder_corpus_reads_its_txt_files_in_name_order() throws Exception {
        Path folder = Files.createDirectories(dir.resolve("poems"));
        Files.writeString(folder.resolve("b.txt"), "bbbb", StandardCharsets.UTF_8);
        Files.writeString(folder.resolve("a.txt"), "aaaa\n", StandardCharsets.UTF_8);
        Files.writeString(folder.resolve("notes.md"), "ignored", StandardCharsets.UTF_8);
        Dataset d = DatasetLoader.load(DatasetTestSupport.project(dir, DatasetKind.LANGUAGE_MODEL, "corpus", "poems",
                "context", 9, "validationSplit", 0.0, "testSplit", 0.0));
        assertEquals("aaaa\nbbbb", text(d.text().orElseThrow(), d.train(), 0, false));
    }

    @Test
    void a_missing_corpus_is_refused_naming_it() throws Exception {
        Project p = DatasetTestSupport.project(dir, DatasetKind.LANGUAGE_MODEL, "corpus", "nowhere.txt");
        DatasetException e = assertThrows(DatasetException.class, () -> DatasetLoader.load(p));
        assertEquals("dataset.fileNotFound", e.text().code());
        assertTrue(e.getMessage().contains("nowhere.txt") && e.getMessage().contains("check"), e.getMessage());
        Files.createDirectories(dir.resolve("empty"));
        Project q = DatasetTestSupport.project(dir, DatasetKind.LANGUAGE_MODEL, "corpus", "empty");
        assertEquals("dataset.corpus.noFiles", assertThrows(DatasetException.class, () -> DatasetLoader.load(q))
                .text().code());
    }

    @Test
    void a_corpus_larger_than_memory_is_refused_before_it_is_read() throws Exception {
        Project p = project("abcdefghij".repeat(100));
        DataBudget.testBytes = 10_000;
        try {
            DatasetException e = assertThrows(DatasetException.class, () -> DatasetLoader.load(p));
            assertEquals("data.tooLarge", e.text().code());
            assertTrue(e.getMessage().startsWith("corpus.txt: 1,000 bytes of text"), e.getMessage());
        } finally {
            DataBudget.testBytes = -1;
        }
    }

    @Test
    void a_corpus_that_is_not_utf8_is_refused_naming_the_line() throws Exception {
        byte[] gbk = "第一行\n月光\n".getBytes("GBK");
        Files.write(dir.resolve("gbk.txt"), gbk);
        Project p = DatasetTestSupport.project(dir, DatasetKind.LANGUAGE_MODEL, "corpus", "gbk.txt");
        DatasetException e = assertThrows(DatasetException.class, () -> DatasetLoader.load(p));
        assertEquals("dataset.encoding.undecodable", e.text().code());
        assertTrue(e.getMessage().startsWith("gbk.txt, line 1"), e.getMessage());
    }

    @Test
    void a_corpus_too_short_for_one_window_is_refused_with_the_numbers() throws Exception {
        // "short text" and its line break: 11 characters, of which training keeps 8 (validation 0.1, test 0.2)
        DatasetException e = assertThrows(DatasetException.class, () -> DatasetLoader.load(project("short text",
                "context", 64)));
        assertEquals("dataset.corpus.tooShort", e.text().code());
        assertTrue(e.getMessage().contains("holds 8 tokens but a window needs 65"), e.getMessage());
        assertTrue(e.getMessage().contains("smaller context"), e.getMessage());
    }

    @Test
    void a_vocabulary_too_small_for_byte_pairs_is_refused_with_the_least_size() throws Exception {
        DatasetException e = assertThrows(DatasetException.class, () -> DatasetLoader.load(project(POEM.repeat(5),
                "tokenizer", "bpe", "vocabularySize", 10, "context", 4, "validationSplit", 0.0, "testSplit", 0.0)));
        assertEquals("dataset.corpus.vocabularyTooSmall", e.text().code());
        // 床前明月光疑是地上霜举头望低思故乡 (17), ，。 and the line break: 20 characters
        assertTrue(e.getMessage().contains("20 different characters") && e.getMessage().contains("at least 22")
                && e.getMessage().contains("vocabularySize is 10: set vocabularySize to 22"), e.getMessage());
    }
}
