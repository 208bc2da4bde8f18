package org.strata.engine.params;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class ParamSpecTest {
    private final ParamTable table = ParamTable.of(
            ParamSpec.integer("units", "Units", 128, 1, 1000, "outputs"),
            ParamSpec.real("rate", "Rate", 0.5, 0.0, 0.95, "dropped"),
            ParamSpec.choice("act", "Activation", "relu", List.of("relu", "tanh"), "fn"),
            ParamSpec.tuple("kernel", "Kernel", new int[]{3, 3}, 1, 100, "size"),
            ParamSpec.bool("flag", "Flag", false, "b"),
            ParamSpec.integer("patience", "Patience", 3, 1, 10, "p").when("flag", "true"));

    @Test
    void out_of_range_value_is_refused_with_the_range_not_clamped() {
        Params p = table.defaults();
        var e = assertThrows(IllegalArgumentException.class, () -> p.set("units", 0));
        assertEquals("Units must be between 1 and 1000 (was 0)", e.getMessage());
        assertEquals(128, p.getInt("units"));
    }

    @Test
    void wrong_type_and_unknown_choice_are_refused() {
        Params p = table.defaults();
        assertThrows(IllegalArgumentException.class, () -> p.set("units", 1.5));
        var e = assertThrows(IllegalArgumentException.class, () -> p.set("act", "swish"));
        assertTrue(e.getMessage().contains("relu, tanh"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> p.set("kernel", new int[]{3}));
        assertThrows(IllegalArgumentException.class, () -> p.set("kernel", new int[]{0, 3}));
    }

    @Test
    void doubles_accept_whole_numbers_and_tuples_accept_int_arrays() {
        Params p = table.defaults().set("rate", 0).set("kernel", new int[]{5, 1});
        assertEquals(0.0, p.getDouble("rate"));
        assertEquals(5, p.getTuple("kernel")[0]);
    }

    @Test
    void conditional_parameter_applies_only_when_its_condition_holds() {
        Params p = table.defaults();
        assertTrue(!p.applicable().containsKey("patience"));
        p.set("flag", true);
        assertTrue(p.applicable().containsKey("patience"));
    }

    @Test
    void copies_are_independent() {
        Params a = table.defaults();
        Params b = a.copy().set("units", 7);
        assertEquals(128, a.getInt("units"));
        assertEquals(7, b.getInt("units"));
    }
}
