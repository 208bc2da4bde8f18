package org.strata.engine.generate;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.strata.engine.model.TrainedModel;
import org.strata.engine.train.ModelNetwork;

/** A trained tiny language model continues prompts: windowing, the settings, the seed, what each step records. */
class GeneratorTest {
    @TempDir
    static Path dir;
    static TrainedModel model;
    static ModelNetwork network;
    static Generator generator;

    @BeforeAll
    static void train() throws Exception {
        model = TinyLanguageModel.trained(dir, 4);
        network = ModelNetwork.of(model);
        generator = Generator.of(network);
    }

    private static float[] row(float[] window) {
        return network.predict(new float[][]{window})[0];
    }

    @Test
    void a_short_context_is_read_at_its_last_position_of_a_padded_window_and_a_long_one_by_its_last_t_tokens() {
        int k = model.text().orElseThrow().vocabulary().size();
        int[] ids = model.text().orElseThrow().ids("床前明");
        float[] padded = row(new float[]{ids[0], ids[1], ids[2], 0, 0, 0, 0, 0});
        assertArrayEquals(java.util.Arrays.copyOfRange(padded, 2 * k, 3 * k), generator.next(ids), 1e-6f);
        int[] long10 = model.text().orElseThrow().ids("床前明月光，疑是地上");
        float[] last8 = new float[8];
        for (int i = 0; i < 8; i++) last8[i] = long10[i + 2];
        assertArrayEquals(java.util.Arrays.copyOfRange(row(last8), 7 * k, 8 * k), generator.next(long10), 1e-6f);
    }

    @Test
    void greedy_generation_writes_what_the_model_finds_most_probable_and_records_each_step() {
        Generation g = generator.generate("床前", 20, Sampling.GREEDY);
        assertEquals(20, g.steps().size());
        assertEquals("床前" + g.text(), g.whole());
        List<Integer> ids = new ArrayList<>();
        for (int id : model.text().orElseThrow().ids("床前")) ids.add(id);
        for (Generation.Step s : g.steps()) {
            float[] p = generator.next(ids.stream().mapToInt(Integer::intValue).toArray());
            assertEquals(Sampling.argmax(p), s.token());
            assertEquals(p[s.token()], s.probability(), 1e-6);
            assertEquals(1.0, s.chance(), 0, "greedy: the chosen token is certain");
            assertEquals(Generation.TOP, s.top().size());
            assertEquals(s.token(), s.top().get(0).token(), "the most probable token heads the bars");
            for (int i = 1; i < Generation.TOP; i++) {
                assertTrue(s.top().get(i - 1).probability() >= s.top().get(i).probability());
            }
            ids.add(s.token());
        }
        assertTrue(g.text().contains("\n") && g.text().length() >= 15, "the model writes lines: " + g.text());
    }

    @Test
    void a_seed_repeats_a_sampled_text_and_other_seeds_write_other_texts() {
        Sampling s = new Sampling(1.5, 0, 1, 7);
        Generation a = generator.generate("明月", 30, s);
        Generation b = generator.generate("明月", 30, s);
        assertArrayEquals(a.tokens(), b.tokens());
        Set<String> texts = new HashSet<>();
        for (long seed = 1; seed <= 4; seed++) texts.add(generator.generate("明月", 30, new Sampling(1.5, 0, 1, seed))
                .text());
        assertTrue(texts.size() > 1, "four seeds, one text: " + texts);
    }

    @Test
    void top_k_one_and_a_tiny_top_p_write_the_greedy_text() {
        int[] greedy = generator.generate("举头", 25, Sampling.GREEDY).tokens();
        assertArrayEquals(greedy, generator.generate("举头", 25, new Sampling(1.5, 1, 1, 3)).tokens());
        assertArrayEquals(greedy, generator.generate("举头", 25, new Sampling(1.5, 0, 1e-6, 3)).tokens());
        assertNotEquals(List.of(greedy), List.of(generator.generate("举头", 25, new Sampling(3, 0, 1, 3)).tokens()));
    }

    @Test
    void each_token_is_told_as_it_is_chosen() {
        List<Generation.Step> told = new ArrayList<>();
        Generation g = generator.generate("低头", 12, new Sampling(0.8, 5, 0.9, 11), told::add);
        assertEquals(g.steps(), told);
    }

    @Test
    void an_empty_prompt_starts_at_a_line_break_and_unknown_characters_read_as_unk() {
        int newline = model.text().orElseThrow().vocabulary().number("\n");
        assertArrayEquals(generator.next(new int[]{newline}), generator.next(new int[0]));
        Generation g = generator.generate("", 5, Sampling.GREEDY);
        assertEquals("", g.prompt());
        assertEquals(g.text(), g.whole());
        assertArrayEquals(generator.next(new int[]{1, 1}), generator.next(model.text().orElseThrow().ids("ab")));
        assertEquals("ab" + generator.generate("ab", 4, Sampling.GREEDY).text(),
                generator.generate("ab", 4, Sampling.GREEDY).whole());
    }

    @Test
    void the_number_of_tokens_is_bounded_with_a_message() {
        for (int n : new int[]{0, -1, Generator.MOST_TOKENS + 1}) {
            GenerationException e = assertThrows(GenerationException.class,
                    () -> generator.generate("床", n, Sampling.GREEDY));
            assertEquals("generate.tokens", e.text().code());
            assertEquals("cannot generate " + n + " tokens: ask for 1 to 10,000", e.getMessage());
        }
    }

    @Test
    void a_model_without_a_text_encoding_is_refused_as_not_a_language_model() {
        TrainedModel noText = new TrainedModel(model.project(), model.analysis(), model.weights(), model.optimizer(),
                model.classNames(), model.shift(), model.scale(), model.epochs(), java.util.Optional.empty());
        GenerationException e = assertThrows(GenerationException.class, () -> Generator.of(noText, w -> w));
        assertEquals("generate.notLanguageModel", e.text().code());
        assertEquals("poems is not a language model: generating text needs a model trained on language-model data "
                + "(a corpus) whose Output predicts the next token at every position", e.getMessage());
    }

    @Test
    void an_empty_prompt_is_refused_when_the_vocabulary_has_no_line_break() {
        var text = model.text().orElseThrow();
        List<String> tokens = new ArrayList<>(text.vocabulary().tokens());
        tokens.set(tokens.indexOf("\n"), "\t");
        var noBreak = new org.strata.engine.data.text.TextEncoding(text.tokenizer(), false, text.length(),
                new org.strata.engine.data.text.Vocabulary(tokens, text.vocabulary().counts()));
        TrainedModel m = new TrainedModel(model.project(), model.analysis(), model.weights(), model.optimizer(),
                tokens, model.shift(), model.scale(), model.epochs(), java.util.Optional.of(noBreak));
        Generator g = Generator.of(m, network::predict);
        GenerationException e = assertThrows(GenerationException.class, () -> g.generate("", 3, Sampling.GREEDY));
        assertEquals("generate.emptyPrompt", e.text().code());
        assertEquals("the prompt is empty and the model's vocabulary has no line break to start from: give a prompt "
                + "of at least one token", e.getMessage());
        assertEquals(3, g.generate("\t", 3, Sampling.GREEDY).steps().size(), "a prompt of one token is enough");
    }
}
