package org.strata.engine.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.strata.engine.Samples;

/**
 * {@code train --engine} and {@code -Dstrata.engine} choose the engine of that one run, as a parameter of its
 * session: nothing is left behind in the JVM for the next command (the window, a test, a second run).
 */
class EngineChoiceTest {
    @TempDir
    Path dir;

    /** Runs the CLI as its entry point does when {@code -Dstrata.engine} is {@code engineProperty} (or unset). */
    private static CliTest.Result cli(String engineProperty, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int status = StrataCli.runWith(new PrintWriter(out, true), new PrintWriter(err, true), engineProperty, args);
        return new CliTest.Result(status, out.toString(), err.toString());
    }

    private CliTest.Result trainXor(String engineProperty, String name, String... more) {
        String[] args = {"train", Samples.file("xor").toString(), "--epochs", "1", "--out", dir.resolve(name).toString()};
        String[] all = java.util.Arrays.copyOf(args, args.length + more.length);
        System.arraycopy(more, 0, all, args.length, more.length);
        return cli(engineProperty, all);
    }

    @Test
    void an_engine_asked_for_with_the_option_holds_for_that_run_only() {
        CliTest.Result forced = trainXor(null, "forced", "--engine", "dl4j");
        assertEquals(0, forced.status(), forced.err());
        assertTrue(forced.out().contains("Deeplearning4j (chosen with --engine or strata.engine)"), forced.out());
        assertNull(System.getProperty(StrataCli.ENGINE_PROPERTY), "the choice is not left in the JVM");

        CliTest.Result next = trainXor(null, "next");
        assertEquals(0, next.status(), next.err());
        assertTrue(next.out().contains("Strata's fast engine"), next.out());
        assertFalse(next.out().contains("Deeplearning4j"), next.out());
    }

    @Test
    void the_engine_property_read_at_the_entry_point_is_trains_default_and_the_option_wins_over_it() {
        CliTest.Result fromProperty = trainXor("dl4j", "property");
        assertEquals(0, fromProperty.status(), fromProperty.err());
        assertTrue(fromProperty.out().contains("Deeplearning4j (chosen with --engine or strata.engine)"),
                fromProperty.out());

        CliTest.Result option = trainXor("dl4j", "option", "--engine", "strata");
        assertEquals(0, option.status(), option.err());
        assertTrue(option.out().contains("Strata's fast engine"), option.out());
    }

    @Test
    void an_engine_property_that_names_no_engine_is_refused_with_the_values_it_takes() {
        CliTest.Result wrong = trainXor("gpu", "wrong");
        assertEquals(1, wrong.status(), wrong.out());
        assertEquals("error: strata.engine is 'gpu'; use auto, strata or dl4j", wrong.err().strip());
    }
}
