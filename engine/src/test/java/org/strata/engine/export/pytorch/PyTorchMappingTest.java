package org.strata.engine.export.pytorch;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.strata.engine.layers.LayerCatalogue;
import org.strata.engine.layers.LayerType;

/**
 * A catalogue type that the PyTorch export neither writes (an emitter in {@link PyTorchLayers}) nor declines with a
 * reason fails here, named; so does a type named there that the catalogue lacks, or one both written and declined.
 */
class PyTorchMappingTest {
    @Test
    void every_layer_type_is_written_to_pytorch_or_declined_with_a_reason() {
        List<String> missing = new ArrayList<>();
        for (LayerType t : LayerCatalogue.all()) {
            boolean declined = PyTorchLayers.declined(t.id()).filter(why -> !why.isBlank()).isPresent();
            if (PyTorchLayers.of(t.id()).isEmpty() && !declined) missing.add(t.id());
        }
        assertTrue(missing.isEmpty(), "no PyTorch emitter in PyTorchLayers for " + missing);
    }

    @Test
    void every_type_the_pytorch_export_names_is_in_the_catalogue() {
        Set<String> stray = new TreeSet<>(PyTorchLayers.typeIds());
        LayerCatalogue.all().forEach(t -> stray.remove(t.id()));
        assertTrue(stray.isEmpty(), "PyTorchLayers names types the catalogue does not have: " + stray);
    }

    @Test
    void no_type_is_both_written_and_declined() {
        List<String> both = new ArrayList<>();
        for (String id : PyTorchLayers.typeIds()) {
            if (PyTorchLayers.of(id).isPresent() && PyTorchLayers.declined(id).isPresent()) both.add(id);
        }
        assertTrue(both.isEmpty(), "PyTorchLayers both writes and declines " + both);
    }
}
