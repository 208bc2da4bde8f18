package org.strata.engine.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.strata.engine.cli.CliTest.cli;

import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtSession;
import java.nio.FloatBuffer;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.strata.engine.Samples;
import org.strata.engine.data.text.TextEncoding;
import org.strata.engine.export.onnx.OnnxExport;
import org.strata.engine.generate.Generator;
import org.strata.engine.generate.Sampling;
import org.strata.engine.generate.TinyLanguageModel;
import org.strata.engine.model.TrainedModel;

/** {@code strata generate}: a trained language model continues a prompt; what it refuses, and why. */
class GenerateCliTest {
    @TempDir
    static Path dir;
    static Path zip;

    @BeforeAll
    static void train() throws Exception {
        Path file = TinyLanguageModel.project(dir);
        CliTest.Result r = cli("train", file.toString(), "--epochs", "4", "--out", dir.resolve("run").toString());
        assertEquals(0, r.status(), r.err());
        zip = dir.resolve("run").resolve("model.zip");
    }

    @Test
    void generate_at_temperature_zero_writes_token_for_token_what_onnx_runtime_decodes_greedily_from_the_export()
            throws Exception {
        String prompt = "床前";
        int tokens = 20; // from 2 tokens to past the context of 8: padded windows first, then the last 8 tokens
        CliTest.Result r = cli("generate", zip.toString(), "--prompt", prompt, "--tokens", "" + tokens,
                "--temperature", "0");
        assertEquals(0, r.status(), r.err());

        TrainedModel model = TrainedModel.load(zip);
        TextEncoding text = model.text().orElseThrow();
        Path onnx = dir.resolve("poems.onnx");
        OnnxExport.write(model, onnx, "test");
        int[] ort = onnxGreedy(onnx, text.ids(prompt), tokens, TinyLanguageModel.CONTEXT, text.vocabulary().size());
        int[] strata = Generator.of(model).generate(prompt, tokens, Sampling.GREEDY).tokens();
        assertArrayEquals(ort, strata, "Strata's greedy tokens and ONNX Runtime's");
        assertEquals(prompt + text.text(ort) + System.lineSeparator(), r.out());
        assertTrue(text.text(ort).chars().distinct().count() > 3, "a trained model writes more than one character: "
                + r.out());
    }

    /**
     * Greedy decoding on ONNX Runtime, windowed as generation is: fewer than T tokens at positions 0..n−1 and the
     * rest 0 (read at n−1), else the last T (read at T−1); the most probable token, the lower number on a tie.
     */
    private static int[] onnxGreedy(Path onnx, int[] prompt, int tokens, int t, int k) throws Exception {
        OrtEnvironment env = OrtEnvironment.getEnvironment();
        int[] all = Arrays.copyOf(prompt, prompt.length + tokens);
        try (OrtSession s = env.createSession(onnx.toString(), new OrtSession.SessionOptions())) {
            for (int step = 0; step < tokens; step++) {
                int length = prompt.length + step;
                int n = Math.min(length, t);
                float[] window = new float[t];
                for (int i = 0; i < n; i++) window[i] = all[length - n + i];
                float[] p;
                try (OnnxTensor x = OnnxTensor.createTensor(env, FloatBuffer.wrap(window), new long[]{1, t});
                     OrtSession.Result out = s.run(Map.of(OnnxExport.INPUT, x))) {
                    FloatBuffer b = ((OnnxTensor) out.get(OnnxExport.PROBABILITIES).orElseThrow()).getFloatBuffer();
                    p = new float[b.remaining()];
                    b.get(p);
                }
                assertEquals(t * k, p.length, "probabilities [1, T, K]");
                int best = 0;
                for (int c = 1; c < k; c++) if (p[(n - 1) * k + c] > p[(n - 1) * k + best]) best = c;
                all[length] = best;
            }
        }
        return Arrays.copyOfRange(all, prompt.length, all.length);
    }

    @Test
    void a_seed_repeats_a_sampled_text_on_the_command_line() {
        String[] args = {"generate", zip.toString(), "--prompt", "明月", "--tokens", "30", "--temperature", "1.2",
                "--top-k", "5", "--top-p", "0.95", "--seed", "9"};
        CliTest.Result a = cli(args);
        assertEquals(0, a.status(), a.err());
        assertEquals(a.out(), cli(args).out());
        assertTrue(a.out().startsWith("明月"), a.out());
    }

    @Test
    void a_model_that_is_not_a_language_model_is_refused_naming_it() {
        CliTest.Result t = cli("train", Samples.file("xor").toString(), "--epochs", "1", "--out",
                dir.resolve("xor").toString());
        assertEquals(0, t.status(), t.err());
        CliTest.Result r = cli("generate", dir.resolve("xor").resolve("model.zip").toString(), "--tokens", "5");
        assertEquals(1, r.status());
        assertEquals("error: model.zip: XOR is not a language model: generating text needs a model trained on "
                + "language-model data (a corpus) whose Output predicts the next token at every position"
                + System.lineSeparator(), r.err());
    }

    @Test
    void settings_out_of_range_are_refused_with_the_value_and_the_range() {
        CliTest.Result hot = cli("generate", zip.toString(), "--tokens", "5", "--temperature", "-1");
        assertEquals(1, hot.status());
        assertTrue(hot.err().startsWith("error: the temperature is -1.0 but must be a number of at least 0"),
                hot.err());
        CliTest.Result many = cli("generate", zip.toString(), "--tokens", "20000");
        assertEquals(1, many.status());
        assertEquals("error: cannot generate 20000 tokens: ask for 1 to 10,000" + System.lineSeparator(), many.err());
        CliTest.Result p = cli("generate", zip.toString(), "--tokens", "5", "--top-p", "0");
        assertTrue(p.err().startsWith("error: top-p is 0.0 but must be more than 0 and at most 1"), p.err());
    }

    @Test
    void tokens_that_would_act_on_the_terminal_are_printed_escaped(@TempDir Path other) throws Exception {
        // a corpus where ESC follows every a: the model learns to write it, and the terminal must not obey it
        Path file = TinyLanguageModel.project(other, "xa\u001b[31mb\n".repeat(80), "characters", 100);
        assertEquals(0, cli("train", file.toString(), "--epochs", "4", "--out", other.resolve("run").toString())
                .status());
        CliTest.Result r = cli("generate", other.resolve("run").resolve("model.zip").toString(), "--prompt", "x",
                "--tokens", "12", "--temperature", "0");
        assertEquals(0, r.status(), r.err());
        assertTrue(r.out().contains("\\x1b[31m"), r.out());
        assertTrue(r.out().chars().noneMatch(c -> c == 0x1b), r.out());
    }
}
