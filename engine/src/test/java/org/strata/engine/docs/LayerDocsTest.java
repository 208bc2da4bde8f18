package org.strata.engine.docs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.strata.engine.layers.LayerCatalogue;

class LayerDocsTest {
    /** The user guide's page that holds the generated tables (the README links to it). */
    static final Path LAYERS_PAGE = Path.of("..", "docs", "layers.md");

    @Test
    void the_guides_layer_tables_are_the_ones_the_catalogue_generates() throws IOException {
        String text = Files.readString(LAYERS_PAGE, StandardCharsets.UTF_8);
        for (String name : LayerDocs.TABLES) {
            String start = "<!-- layers:" + name + " -->";
            String end = "<!-- /layers:" + name + " -->";
            int i = text.indexOf(start);
            int j = text.indexOf(end);
            assertTrue(i >= 0 && j > i, "docs/layers.md has no table '" + name + "' between " + start + " and " + end);
            assertEquals(LayerDocs.readmeTable(name), text.substring(i, j + end.length()) + "\n",
                    "docs/layers.md's '" + name + "' table differs from the catalogue: paste "
                            + "`./strata layers --markdown`");
        }
    }

    @Test
    void every_type_appears_in_the_types_and_engines_tables() {
        for (var t : LayerCatalogue.all()) {
            assertTrue(LayerDocs.readmeTable("types").contains("| " + t.id() + " |"), t.id());
            assertTrue(LayerDocs.readmeTable("engines").contains("| " + t.id() + " |"), t.id());
        }
    }

    @Test
    void a_type_page_lists_its_declared_weights_with_their_layouts() {
        String conv = LayerDocs.markdown(LayerCatalogue.get("Conv2D"));
        assertTrue(conv.contains("`W` `[kernelH, kernelW, inChannels, filters]`, `b` `[filters]`"), conv);
        assertTrue(LayerDocs.markdown(LayerCatalogue.get("LSTM")).contains("Runs on Strata's fast engine."));
    }
}
