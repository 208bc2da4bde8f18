package org.strata.engine.export.onnx;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.strata.engine.layers.LayerCatalogue;
import org.strata.engine.layers.LayerType;

/** A catalogue type that the ONNX export neither writes nor declines with a reason fails here, naming the type. */
class OnnxMappingTest {
    @Test
    void every_layer_type_is_written_to_onnx_or_declined_with_a_reason() {
        List<String> missing = new ArrayList<>();
        for (LayerType t : LayerCatalogue.all()) {
            if (OnnxLayers.of(t.id()).isEmpty() && OnnxLayers.declined(t.id()).isEmpty()) missing.add(t.id());
        }
        assertTrue(missing.isEmpty(), "no ONNX mapping in OnnxLayers for " + missing);
    }

    @Test
    void every_type_the_mapping_names_is_in_the_catalogue() {
        java.util.Set<String> stray = new java.util.TreeSet<>(OnnxLayers.typeIds());
        LayerCatalogue.all().forEach(t -> stray.remove(t.id()));
        assertTrue(stray.isEmpty(), "ONNX mappings for types the catalogue does not have: " + stray);
    }
}
