package org.strata.engine.export;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.strata.engine.layers.LayerCatalogue;
import org.strata.engine.layers.LayerType;

/** A catalogue type that the {@code .npz} reader neither computes nor declines with a reason fails here, named. */
class NpzMappingTest {
    @Test
    void every_layer_type_is_computed_by_the_npz_reader_or_declined_with_a_reason() {
        List<String> missing = new ArrayList<>();
        for (LayerType t : LayerCatalogue.all()) {
            boolean declined = NpzLayers.declined(t.id()).filter(why -> !why.isBlank()).isPresent();
            if (NpzLayers.of(t.id()).isEmpty() && !declined) missing.add(t.id());
        }
        assertTrue(missing.isEmpty(), "no .npz forward pass in NpzLayers for " + missing);
    }

    @Test
    void every_type_the_npz_reader_names_is_in_the_catalogue() {
        Set<String> stray = new TreeSet<>(NpzLayers.typeIds());
        LayerCatalogue.all().forEach(t -> stray.remove(t.id()));
        assertTrue(stray.isEmpty(), "NpzLayers names types the catalogue does not have: " + stray);
    }

    @Test
    void no_type_is_both_computed_and_declined() {
        List<String> both = new ArrayList<>();
        for (String id : NpzLayers.typeIds()) {
            if (NpzLayers.of(id).isPresent() && NpzLayers.declined(id).isPresent()) both.add(id);
        }
        assertTrue(both.isEmpty(), "NpzLayers both computes and declines " + both);
    }
}
