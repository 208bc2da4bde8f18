package org.strata.engine.backprop;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.strata.engine.layers.LayerCatalogue;
import org.strata.engine.layers.LayerType;

/** The types whose step is worked out with numbers are found in one registry, by catalogue id. */
class StepFormulasRegistryTest {
    @Test
    void every_worked_out_type_is_a_catalogue_type() {
        Set<String> catalogue = LayerCatalogue.all().stream().map(LayerType::id).collect(Collectors.toSet());
        Set<String> stray = StepFormulas.workedOutTypes().stream().filter(id -> !catalogue.contains(id))
                .collect(Collectors.toSet());
        assertTrue(stray.isEmpty(), "StepFormulas works out types the catalogue does not have: " + stray);
    }

    @Test
    void dense_activation_and_conv2d_are_worked_out_with_their_numbers() {
        assertEquals(Set.of("Dense", "Activation", "Conv2D"), StepFormulas.workedOutTypes());
    }
}
