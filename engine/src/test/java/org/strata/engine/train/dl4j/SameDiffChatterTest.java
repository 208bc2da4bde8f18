package org.strata.engine.train.dl4j;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.factory.Nd4j;
import org.strata.engine.Graphs;
import org.strata.engine.analysis.Analysis;
import org.strata.engine.analysis.GraphAnalyzer;
import org.strata.engine.graph.Graph;
import org.strata.engine.project.TrainingSettings;

/** SameDiff's "Added differentiated op" lines stay out of standard output; everything else gets through as it was. */
class SameDiffChatterTest {

    @Test
    void training_a_samediff_layer_prints_nothing_to_standard_output() {
        Graph g = new Graphs().then("input", "Input", "size", 4).then("d1", "Dense", "units", 6, "activation", "tanh")
                .then("ln", "LayerNorm").then("d2", "Dense", "units", 3, "activation", "softmax")
                .then("out", "Output").build();
        Analysis a = GraphAnalyzer.analyze(g);
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        PrintStream before = System.out;
        System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
        try {
            Dl4jNetwork net = Dl4jCompiler.compile(g, a, TrainingSettings.defaults());
            var x = Nd4j.rand(DataType.FLOAT, 8, 4);
            var y = Nd4j.zeros(DataType.FLOAT, 8, 3);
            for (int i = 0; i < 8; i++) y.putScalar(i, i % 3, 1);
            net.graph().fit(new DataSet(x, y)); // the first step builds LayerNorm's gradient function
        } finally {
            System.setOut(before);
        }
        String text = captured.toString(StandardCharsets.UTF_8);
        assertFalse(text.contains("differentiated"), "standard output while training:\n" + text);
    }

    @Test
    void everything_but_samediffs_lines_reaches_the_replaced_stream_unchanged() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        PrintStream filtered = SameDiffChatter.filtering(new PrintStream(bytes, true, StandardCharsets.UTF_8));
        filtered.println("Added differentiated op matmul_3");
        filtered.println("第 1 轮 loss 0.5");
        filtered.print("\r12%");
        filtered.printf(Locale.ROOT, "%.2f%n", 0.125);
        filtered.println((Object) "Added differentiated op, said by someone else");
        filtered.println((String) null);
        filtered.flush();
        String nl = System.lineSeparator();
        assertEquals("第 1 轮 loss 0.5" + nl + "\r12%" + "0.13" + nl + "Added differentiated op, said by someone else"
                + nl + "null" + nl, bytes.toString(StandardCharsets.UTF_8));
    }
}
