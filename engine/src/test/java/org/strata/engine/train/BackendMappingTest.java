package org.strata.engine.train;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.strata.engine.layers.LayerCatalogue;
import org.strata.engine.layers.LayerType;
import org.strata.engine.train.dl4j.Dl4jLayers;
import org.strata.engine.train.fast.Kernels;

/** A catalogue type that an engine neither maps nor declines with a reason fails here, naming the type. */
class BackendMappingTest {
    @Test
    void deeplearning4j_maps_every_layer_type() {
        List<String> missing = new ArrayList<>();
        for (LayerType t : LayerCatalogue.all()) if (!Dl4jLayers.maps(t.id())) missing.add(t.id());
        assertTrue(missing.isEmpty(), "no Deeplearning4j mapping in Dl4jLayers for " + missing);
    }

    @Test
    void every_type_an_engine_names_is_in_the_catalogue() {
        java.util.Set<String> known = new java.util.TreeSet<>();
        LayerCatalogue.all().forEach(t -> known.add(t.id()));
        java.util.Set<String> stray = new java.util.TreeSet<>(Dl4jLayers.typeIds());
        stray.addAll(Kernels.typeIds());
        stray.removeAll(known);
        assertTrue(stray.isEmpty(), "mappings for types the catalogue does not have (misspelt?): " + stray);
    }

    @Test
    void the_fast_engine_runs_every_layer_type_or_says_why_not() {
        List<String> missing = new ArrayList<>();
        for (LayerType t : LayerCatalogue.all()) {
            boolean runs = Kernels.runs(t.id());
            boolean declined = Kernels.declined(t.id()).filter(why -> !why.isBlank()).isPresent();
            if (runs == declined) missing.add(t.id() + (runs ? " (both run and declined)" : ""));
        }
        assertTrue(missing.isEmpty(), "Kernels neither runs nor declines (with a reason) " + missing);
    }
}
