package org.strata.engine.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.strata.engine.backend.NetworkBackend;
import org.strata.engine.backend.NetworkInspection;
import org.strata.engine.backend.NetworkTracing;
import org.strata.engine.backend.TrainableNetwork;
import org.strata.engine.train.dl4j.Dl4jBackend;
import org.strata.engine.train.fast.FastNetwork;

/**
 * A backend is split by purpose: training, inspection, and tracing for the engines that can trace. What an engine
 * can do is said by the interfaces it implements, never by a method answering a capability question.
 */
class BackendInterfacesTest {
    @Test
    void only_the_engine_that_can_trace_a_step_implements_tracing() {
        assertTrue(NetworkTracing.class.isAssignableFrom(FastNetwork.class));
        assertFalse(NetworkTracing.class.isAssignableFrom(Dl4jBackend.class));
    }

    @Test
    void no_backend_interface_answers_a_capability_question() {
        List<String> questions = new ArrayList<>();
        for (Class<?> c : List.of(NetworkBackend.class, NetworkTracing.class)) {
            for (Method m : c.getMethods()) {
                boolean yesNo = m.getReturnType() == boolean.class && m.getParameterCount() == 0;
                if (yesNo && m.getName().matches("(can|supports|has)[A-Z].*")) questions.add(m.getName());
            }
        }
        assertEquals(List.of(), questions, "implement an interface (like NetworkTracing) instead");
    }

    @Test
    void training_inspection_and_tracing_declare_no_method_twice_and_the_backend_adds_only_its_engine() {
        Set<String> seen = new HashSet<>();
        List<String> twice = new ArrayList<>();
        for (Class<?> c : List.of(TrainableNetwork.class, NetworkInspection.class, NetworkTracing.class)) {
            for (Method m : c.getDeclaredMethods()) {
                if (!Modifier.isStatic(m.getModifiers()) && !seen.add(m.getName())) twice.add(m.getName());
            }
        }
        assertEquals(List.of(), twice);
        List<String> own = new ArrayList<>();
        for (Method m : NetworkBackend.class.getDeclaredMethods()) {
            if (!Modifier.isStatic(m.getModifiers())) own.add(m.getName());
        }
        assertEquals(List.of("engine"), own);
    }
}
