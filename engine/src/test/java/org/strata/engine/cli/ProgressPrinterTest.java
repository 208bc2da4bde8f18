package org.strata.engine.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;
import org.strata.engine.train.TrainingEvent;

class ProgressPrinterTest {
    private static TrainingEvent.Iteration first() {
        return new TrainingEvent.Iteration(1, 1, 1, 125, 2.3, 179, 1e-3);
    }

    @Test
    void a_terminal_shows_the_bar_at_once_but_no_eta_before_a_second_of_training() {
        StringWriter text = new StringWriter();
        new ProgressPrinter(new PrintWriter(text), true, 2).onIteration(first());
        assertTrue(text.toString().contains("epoch 1/2 ["), text.toString());
        assertTrue(text.toString().contains("ETA …"), text.toString());
    }

    @Test
    void a_log_gets_no_line_for_the_first_batches() {
        StringWriter text = new StringWriter();
        ProgressPrinter p = new ProgressPrinter(new PrintWriter(text), false, 2);
        p.onIteration(first());
        p.onIteration(new TrainingEvent.Iteration(1, 40, 40, 125, 1.1, 5000, 1e-3));
        assertEquals("", text.toString());
    }
}
