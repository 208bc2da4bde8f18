package org.strata.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.strata.engine.layers.LayerCatalogue;
import org.strata.engine.layers.LayerType;

/**
 * A layer type's mappings are found per type in a registry (issue 32), never by a {@code switch} on its name: no
 * {@code case "Dense"} (nor a {@code case} listing several names) in any main source outside the catalogue's own
 * package {@code layers}, in the engine and in the window.
 */
class TypeDispatchTest {
    private static final Pattern CASE = Pattern.compile("\\bcase\\s+((?:\"[^\"]*\"\\s*,?\\s*)+)(?:->|:)");
    private static final Pattern QUOTED = Pattern.compile("\"([^\"]*)\"");
    private static final Path LAYERS = Path.of("src/main/java/org/strata/engine/layers").toAbsolutePath();

    @Test
    void no_main_source_outside_layers_switches_on_a_layer_type_name() throws IOException {
        Set<String> ids = LayerCatalogue.all().stream().map(LayerType::id).collect(Collectors.toSet());
        List<String> found = new ArrayList<>();
        int files = 0;
        for (Path root : List.of(Path.of("src/main/java"), Path.of("../app/src/main/java"))) {
            assertTrue(Files.isDirectory(root), root.toAbsolutePath() + " is missing");
            try (Stream<Path> walk = Files.walk(root)) {
                for (Path f : walk.filter(p -> p.toString().endsWith(".java")).toList()) {
                    if (f.toAbsolutePath().normalize().startsWith(LAYERS)) continue;
                    files++;
                    found.addAll(casesOn(ids, f.toString(), Files.readString(f)));
                }
            }
        }
        assertTrue(files > 200, "the sources were not found (" + files + " files)");
        assertEquals(List.of(), found, "look the type up in its format's registry instead");
    }

    @Test
    void a_case_on_a_type_name_is_found_alone_or_in_a_list() {
        Set<String> ids = Set.of("Dense", "Conv2D");
        String code = "switch (t) {\n case \"Dense\" -> a();\n case \"x\", \"Conv2D\": b();\n case \"other\" -> c(); }";
        assertEquals(List.of("T.java:2: Dense", "T.java:3: Conv2D"), casesOn(ids, "T.java", code));
    }

    /** @return {@code file:line: id} for every case label naming one of {@code ids} */
    static List<String> casesOn(Set<String> ids, String file, String code) {
        List<String> out = new ArrayList<>();
        String[] lines = code.split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            Matcher c = CASE.matcher(lines[i]);
            while (c.find()) {
                Matcher q = QUOTED.matcher(c.group(1));
                while (q.find()) {
                    if (ids.contains(q.group(1))) out.add(file + ":" + (i + 1) + ": " + q.group(1));
                }
            }
        }
        return out;
    }
}
