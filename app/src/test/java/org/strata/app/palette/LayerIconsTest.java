package org.strata.app.palette;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.strata.engine.layers.LayerCatalogue;
import org.strata.engine.layers.LayerType;
import org.strata.engine.layers.TensorShape;
import org.strata.engine.params.Params;

/** A catalogue type without its own icon fails here, named; there is no default icon to fall back on. */
class LayerIconsTest {
    @Test
    void every_layer_type_has_its_own_icon() {
        List<String> missing = new ArrayList<>();
        for (LayerType t : LayerCatalogue.all()) {
            if (LayerIcons.find(t.id()).isEmpty()) missing.add(t.id());
        }
        assertTrue(missing.isEmpty(), "no icon in LayerIcons for " + missing);
    }

    @Test
    void every_type_with_an_icon_is_in_the_catalogue() {
        Set<String> stray = new TreeSet<>(LayerIcons.typeIds());
        LayerCatalogue.all().forEach(t -> stray.remove(t.id()));
        assertTrue(stray.isEmpty(), "icons in LayerIcons for types the catalogue does not have: " + stray);
    }

    @Test
    void a_type_without_an_icon_is_refused_rather_than_shown_with_a_default() {
        LayerType unknown = new LayerType("NoSuchType", LayerCatalogue.get("Dense").category(), "", "",
                LayerCatalogue.get("Dense").params()) {
            @Override
            public TensorShape outputShape(List<TensorShape> in, Params p) {
                return in.get(0);
            }
        };
        assertThrows(IllegalArgumentException.class, () -> LayerIcons.of(unknown));
    }
}
