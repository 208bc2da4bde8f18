package org.strata.engine.export.pytorch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.strata.engine.HostileStrings;
import org.strata.engine.PythonTools;
import org.strata.engine.Samples;
import org.strata.engine.data.text.TextEncoding;
import org.strata.engine.generate.Generator;
import org.strata.engine.generate.Sampling;
import org.strata.engine.generate.TinyLanguageModel;
import org.strata.engine.model.TrainedModel;
import org.strata.engine.project.ProjectFile;

/** A language model's PyTorch export writes generate.py, which reads prompts and writes text as Strata does. */
class PyTorchGenerateTest {
    @TempDir
    Path dir;

    /** Runs generate.py in {@code folder}; returns what it printed. */
    private static String generate(String python, Path folder, String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of(python, "generate.py"));
        command.addAll(List.of(args));
        ProcessBuilder b = new ProcessBuilder(command).directory(folder.toFile()).redirectErrorStream(true);
        b.environment().put("OMP_NUM_THREADS", "1");
        b.environment().put("LC_ALL", "C.UTF-8"); // the prompt reaches Python as UTF-8 whatever the machine's locale
        Process p = b.start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(300, TimeUnit.SECONDS), "generate.py did not finish");
        assertEquals(0, p.exitValue(), out);
        return out;
    }

    @Test
    void generate_py_writes_strata_s_greedy_text_and_for_a_seed_strata_s_sampled_text() throws Exception {
        String python = PythonTools.with("torch", "python3-torch");
        TrainedModel model = TinyLanguageModel.trained(dir, 4);
        Path out = dir.resolve("pytorch");
        PyTorchExport.write(model, out, "test");
        assertTrue(Files.readString(out.resolve("README.md")).contains("python3 generate.py --prompt"));
        Generator g = Generator.of(model);
        String greedy = g.generate("床前", 20, Sampling.GREEDY).whole();
        assertEquals(greedy + "\n", generate(python, out, "--prompt", "床前", "--tokens", "20", "--temperature", "0"));
        // hot enough that the draws, not the model, choose most tokens: the same seed draws the same numbers
        String sampled = g.generate("明月", 30, new Sampling(2.5, 12, 0.98, 9)).whole();
        assertFalse(sampled.equals(g.generate("明月", 30, Sampling.GREEDY).whole()), sampled);
        assertEquals(sampled + "\n", generate(python, out, "--prompt", "明月", "--tokens", "30", "--temperature", "2.5",
                "--top-k", "12", "--top-p", "0.98", "--seed", "9"));
        assertEquals(g.generate("", 10, Sampling.GREEDY).whole() + "\n", generate(python, out, "--tokens", "10",
                "--temperature", "0"), "an empty prompt starts at a line break");
    }

    @Test
    void generate_py_reads_a_context_that_starts_at_a_line_break_as_strata_does_for_a_model_of_line_windows()
            throws Exception {
        String python = PythonTools.with("torch", "python3-torch");
        Path file = TinyLanguageModel.project(dir);
        org.strata.engine.project.Project p = org.strata.engine.project.ProjectFile.load(file);
        p.dataset().orElseThrow().params().set("windowStart", "lines");
        org.strata.engine.project.ProjectFile.save(p, file);
        TrainedModel model = TinyLanguageModel.trainedFrom(file, 3);
        Path out = dir.resolve("pytorch");
        PyTorchExport.write(model, out, "test");
        assertTrue(Files.readString(out.resolve("generate.py")).contains("FROM_LINE_START = True"));
        Generator g = Generator.of(model);
        // "明月" is not at a line's start, and 30 tokens go past T = 8: the context is cut at line breaks
        String sampled = g.generate("明月", 30, new Sampling(2.5, 12, 0.98, 9)).whole();
        assertEquals(sampled + "\n", generate(python, out, "--prompt", "明月", "--tokens", "30", "--temperature", "2.5",
                "--top-k", "12", "--top-p", "0.98", "--seed", "9"));
        assertEquals(g.generate("明月", 30, Sampling.GREEDY).whole() + "\n", generate(python, out, "--prompt", "明月",
                "--tokens", "30", "--temperature", "0"));
    }

    @Test
    void generate_py_splits_a_prompt_into_the_tokens_strata_reads_for_each_tokenizer_of_language_models() throws Exception {
        String python = PythonTools.with("numpy", "python3-numpy");
        String corpus = ("the cat sat on the mat, and the rat sat too.\n" + TinyLanguageModel.POEM).repeat(30);
        String prompt = "the  cat's mat!\n床前 明月光，zebra ünïcode ｶﾀｶﾅ ー々";
        for (String tokenizer : List.of("bpe", "characters", "words")) {
            Path folder = Files.createDirectories(dir.resolve(tokenizer));
            Path file = TinyLanguageModel.project(folder, corpus, tokenizer, 40);
            var p = ProjectFile.load(file);
            String name = HostileStrings.all().get(4); // a name that would run Python if it were not escaped
            p.setName(name);
            ProjectFile.save(p, file);
            TrainedModel model = TinyLanguageModel.trainedFrom(file, 0);
            Path out = folder.resolve("pytorch");
            PyTorchExport.write(model, out, "test");
            TextEncoding text = model.text().orElseThrow();
            assertEquals(Arrays.toString(text.ids(prompt)), generate(python, out, "--ids", "--prompt", prompt)
                    .strip(), tokenizer);
            assertFalse(Files.exists(out.resolve(HostileStrings.MARKER)), "the project's name ran as code");
            if (tokenizer.equals("bpe")) assertFalse(text.merges().merges().isEmpty(), "merges were learned");
        }
    }

    @Test
    void a_model_that_is_not_a_language_model_gets_no_generate_py() throws Exception {
        var s = Samples.trained("xor", 1);
        var data = s.dataset();
        TrainedModel model = org.strata.engine.train.TrainedModels.of(s.project(), s.backend(), data.classNames(),
                data.normalizer().shift(), data.normalizer().scale(), 1, data.text());
        Path out = dir.resolve("xor");
        PyTorchExport.write(model, out, "test");
        assertTrue(Files.exists(out.resolve("model.py")));
        assertFalse(Files.exists(out.resolve("generate.py")));
        assertFalse(Files.readString(out.resolve("README.md")).contains("generate.py"));
    }
}
