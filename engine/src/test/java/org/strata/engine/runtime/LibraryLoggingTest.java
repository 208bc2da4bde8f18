package org.strata.engine.runtime;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The libraries' log (logback.xml) keeps their warnings and errors, without the ones that say nothing to a user. */
class LibraryLoggingTest {

    @Test
    void nd4js_duplicate_op_name_warnings_are_not_shown_but_its_errors_are() {
        Logger mapping = LoggerFactory.getLogger("org.nd4j.imports.converters.ImportClassMapping");
        assertFalse(mapping.isWarnEnabled(), "ND4J's duplicate TensorFlow/ONNX op names are warned at every start-up");
        assertTrue(mapping.isErrorEnabled());
    }

    @Test
    void the_other_libraries_warnings_are_shown() {
        assertTrue(LoggerFactory.getLogger("org.nd4j.imports.converters.SomethingElse").isWarnEnabled());
        assertTrue(LoggerFactory.getLogger("org.nd4j.linalg.factory.Nd4j").isWarnEnabled());
        assertTrue(LoggerFactory.getLogger("org.deeplearning4j.nn.graph.ComputationGraph").isWarnEnabled());
    }
}
