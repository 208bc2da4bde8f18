package org.strata.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The training code stays in files a maintainer can read: no main source file in the engine's {@code train*}
 * packages or the window's {@code training*} packages is over {@value #MAX_LINES} lines (issue 32: the god classes
 * carried most changes). Run from the engine module, like {@link ArchitectureTest}.
 */
class SourceSizeTest {
    static final int MAX_LINES = 450;

    /** Where the rule applies: every package under these parents whose name starts with the prefix. */
    private static final Map<Path, String> ROOTS = Map.of(
            Path.of("src/main/java/org/strata/engine"), "train",
            Path.of("../app/src/main/java/org/strata/app"), "training");

    @Test
    void no_training_source_file_is_over_450_lines() throws IOException {
        List<String> tooLong = new ArrayList<>();
        sizes().forEach((file, lines) -> {
            if (lines > MAX_LINES) tooLong.add(file + " (" + lines + " lines)");
        });
        assertEquals(List.of(), tooLong, "split these by purpose into classes of at most " + MAX_LINES + " lines");
    }

    @Test
    void the_rule_finds_the_training_sources_it_is_about() throws IOException {
        Map<String, Integer> sizes = sizes();
        // a moved folder would leave the rule checking nothing
        assertTrue(sizes.containsKey("engine/src/main/java/org/strata/engine/train/TrainingSession.java"), "engine");
        assertTrue(sizes.containsKey("app/src/main/java/org/strata/app/training/TrainingRun.java"), "app");
    }

    /** @return lines per main source file where the rule applies, by path from the repository root */
    static Map<String, Integer> sizes() throws IOException {
        Path repository = Path.of("..").toAbsolutePath().normalize();
        Map<String, Integer> out = new TreeMap<>();
        for (var root : ROOTS.entrySet()) {
            assertTrue(Files.isDirectory(root.getKey()), root.getKey().toAbsolutePath() + " is missing");
            List<Path> packages;
            try (Stream<Path> children = Files.list(root.getKey())) {
                packages = children.filter(Files::isDirectory)
                        .filter(d -> d.getFileName().toString().startsWith(root.getValue())).toList();
            }
            assertFalse(packages.isEmpty(), "no " + root.getValue() + "* package under " + root.getKey());
            for (Path pkg : packages) {
                try (Stream<Path> files = Files.walk(pkg)) {
                    for (Path f : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                        String name = repository.relativize(f.toAbsolutePath().normalize()).toString()
                                .replace('\\', '/');
                        out.put(name, Files.readAllLines(f).size());
                    }
                }
            }
        }
        return out;
    }
}
