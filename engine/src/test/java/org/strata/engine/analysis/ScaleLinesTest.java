package org.strata.engine.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.strata.engine.Graphs;
import org.strata.engine.graph.Graph;
import org.strata.engine.text.Message;

/** The scale lines of a small network, every figure checked by hand. */
class ScaleLinesTest {
    @Test
    void a_small_network_reads_below_the_line_with_its_memory_flops_and_the_time_its_measured_speed_gives() {
        // 4 → Dense 3 → Dense 2: 15 + 8 = 23 parameters, 2·4·3 + 2·3·2 = 36 FLOPs forward per sample
        Graph g = new Graphs().then("input", "Input", "kind", "vector", "size", 4).then("d1", "Dense", "units", 3)
                .then("d2", "Dense", "units", 2, "activation", "softmax").then("out", "Output").build();
        ScaleEstimate s = ScaleEstimate.of(g, GraphAnalyzer.analyze(g), 10, "adam");
        // measured: a pass of 36 FLOPs in 0.5 s is 72 FLOP/s; 1,000 samples × 3 × 36 FLOPs / 72 = 1,500 s
        List<Message> lines = ScaleLines.of(s, 10, "adam", Optional.of(1000L),
                Optional.of(new ScaleLines.Measured(0.5, "Strata")));
        assertEquals(List.of(
                "23 parameters: not a large model (2e-05 % of the 100,000,000 parameters where one begins)",
                "Memory to run one sample: at least 1 KB (weights 1 KB, outputs 1 KB)",
                "Memory to train a batch of 10 with adam: at least 1 KB (weights and gradients 1 KB, optimizer "
                        + "state 1 KB, outputs and their gradients 1 KB)",
                "FLOPs per sample: 36 forward (0.78 × 2 × parameters), 108 to train (3 × forward)",
                "One forward pass of one sample, measured here: 500 ms on Strata (72 FLOP/s)",
                "Training on 1,000 samples",
                "Estimated time to train here, at that speed: 25.0 min",
                // 108,000 FLOPs at 989 TFLOP/s × 40 %: 2.73 × 10⁻¹⁰ s
                "Estimated time to train on one GPU: 2.73e-07 ms (an assumption, not a measurement: an NVIDIA H100 "
                        + "at its 989 TFLOP/s dense BF16 peak, 40 % of it used)"),
                lines.stream().map(Message::english).toList());
        assertEquals("scale.notLarge", lines.get(0).code());
        assertEquals(List.of("23", "2e-05 %", "100,000,000"), lines.get(0).args());
    }

    @Test
    void the_window_s_lines_name_no_command_option_and_give_a_language_model_the_rule_s_tokens_and_the_gpu_time() {
        Graph lm = new TransformerSize(2, 64, 4, 32, 100).graph();
        ScaleEstimate s = ScaleEstimate.of(lm, GraphAnalyzer.analyze(lm), 8, "adam");
        List<Message> lines = ScaleLines.forWindow(s, 8, "adam");
        assertEquals(List.of("scale.notLarge", "scale.memory.run", "scale.memory.train", "scale.flops",
                "scale.tokens.rule", "scale.train.gpu"), lines.stream().map(Message::code).toList());
        String count = SummaryTable.group(20 * s.parameters());
        assertEquals("Training on " + count + " tokens (20 per parameter, the compute-optimal amount of Hoffmann et "
                + "al., 2022)", lines.get(4).english());
        lines.forEach(m -> assertFalse(m.english().contains("--"), m.english()));
        // a classifier: its size alone, no samples guessed for it
        Graph g = new Graphs().then("input", "Input", "kind", "vector", "size", 4).then("d1", "Dense", "units", 3)
                .then("out", "Output").build();
        ScaleEstimate c = ScaleEstimate.of(g, GraphAnalyzer.analyze(g), 10, "sgd");
        assertEquals(ScaleLines.size(c, 10, "sgd"), ScaleLines.forWindow(c, 10, "sgd"));
        assertEquals(4, ScaleLines.forWindow(c, 10, "sgd").size());
    }

    @Test
    void durations_read_in_the_unit_that_fits() {
        assertEquals("59.0 s", ScaleLines.duration(59));
        assertEquals("2.0 min", ScaleLines.duration(120));
        assertEquals("1.5 h", ScaleLines.duration(5400));
        assertEquals("2.0 days", ScaleLines.duration(2 * 86_400));
        assertEquals("3.0 years", ScaleLines.duration(3 * 365 * 86_400.0));
        assertEquals("133 GFLOP/s", ScaleLines.rate(133e9));
        // said as a message, the number its value, so that a window says the unit in its language
        Message years = ScaleLines.durationMessage(3 * 365 * 86_400.0);
        assertEquals("scale.duration.years", years.code());
        assertEquals(List.of("3.0"), years.args());
        assertEquals("0.484 ms", ScaleLines.durationMessage(0.000484).english());
    }
}
