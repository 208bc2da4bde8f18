package org.strata.engine.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.strata.engine.cli.CliTest.cli;

import org.junit.jupiter.api.Test;
import org.strata.engine.Samples;

/**
 * {@code strata summary}'s scale lines: GPT-2 small's counts (analysed only: never built in a test), a small
 * network's mark below the 100-million line, and a forward pass measured on a small network with {@code --measure}.
 */
class SummaryScaleCliTest {
    @Test
    void gpt2_small_prints_124439808_parameters_a_large_model_its_memory_flops_per_token_and_an_assumed_gpu_time() {
        CliTest.Result r = cli("summary", Samples.file("gpt2-small").toString());
        assertEquals(0, r.status(), r.err());
        String out = r.out();
        assertTrue(out.contains("Total params: 124,439,808\n"), out);
        assertTrue(out.contains("124,439,808 parameters: a large model (more than 100,000,000 parameters)"), out);
        assertTrue(out.contains("head (Dense, W tied to embedding)"), out);
        // 291,766,272,000 FLOPs per sample of 1,024 tokens: 284,928,000 per token, 1.14 × 2 × 124,439,808
        assertTrue(out.contains("FLOPs per token: 285M forward (1.14 × 2 × parameters), 855M to train "
                + "(3 × forward)"), out);
        assertTrue(out.contains("Memory to run one sample: at least "), out);
        assertTrue(out.contains("Memory to train a batch of 8 with adam: at least "), out);
        assertTrue(out.contains("Training on 2,488,796,160 tokens (20 per parameter"), out);
        assertTrue(out.contains("not measured (add --measure"), out);
        // 2,488,796,160 × 854,784,000 FLOPs at 989 TFLOP/s × 40 % = 5,377 s
        assertTrue(out.contains("Estimated time to train on one GPU: 1.5 h (an assumption, not a measurement: an "
                + "NVIDIA H100 at its 989 TFLOP/s dense BF16 peak, 40 % of it used)"), out);
        assertFalse(out.contains("measured here"), out);
    }

    @Test
    void the_memory_lines_of_gpt2_small_count_its_weights_and_attentions_steps_squared() {
        CliTest.Result r = cli("summary", Samples.file("gpt2-small").toString(), "--tokens", "1000000");
        // weights 124,439,808 × 4 bytes = 474.7 MiB to run; × 2 with gradients, Adam 2 more copies
        assertTrue(r.out().contains("(weights 474 MB, outputs "), r.out());
        assertTrue(r.out().contains("(weights and gradients 949 MB, optimizer state 949 MB, outputs and their "
                + "gradients "), r.out());
        assertTrue(r.out().contains("Training on 1,000,000 tokens\n"), r.out());
    }

    @Test
    void a_small_network_is_marked_below_the_line_and_counted_per_sample() {
        CliTest.Result r = cli("summary", Samples.file("iris").toString(), "--tokens", "1000");
        assertEquals(0, r.status(), r.err());
        assertTrue(r.out().matches("(?s).*\n[0-9,]+ parameters: not a large model \\([0-9.e-]+ % of the 100,000,000 "
                + "parameters where one begins\\)\n.*"), r.out());
        assertTrue(r.out().contains("FLOPs per sample: "), r.out());
        assertTrue(r.out().contains("Training on 1,000 samples\n"), r.out());
        // without --tokens: no language model's 20 tokens per parameter for a classifier, but how to ask
        CliTest.Result none = cli("summary", Samples.file("iris").toString());
        assertTrue(none.out().contains("Time to train: give the samples to train on with --tokens N\n"), none.out());
        assertFalse(none.out().contains("Estimated time to train"), none.out());
    }

    @Test
    void measure_times_a_forward_pass_here_and_estimates_the_training_time_from_it() {
        CliTest.Result r = cli("summary", Samples.file("attention-reverse").toString(), "--measure", "--tokens", "100000");
        assertEquals(0, r.status(), r.err());
        assertTrue(r.out().matches("(?s).*\nOne forward pass of one sample, measured here: [0-9.]+ m?s on "
                + "(Strata|Deeplearning4j) \\([0-9.]+ [KMGT]?FLOP/s\\)\n.*"), r.out());
        assertTrue(r.out().contains("Estimated time to train here, at that speed: "), r.out());
        assertFalse(r.out().contains("not measured"), r.out());
    }

    @Test
    void tokens_below_one_are_refused_with_the_value() {
        CliTest.Result r = cli("summary", Samples.file("iris").toString(), "--tokens", "0");
        assertEquals(1, r.status());
        assertTrue(r.err().contains("--tokens must be at least 1, not 0"), r.err());
    }
}
