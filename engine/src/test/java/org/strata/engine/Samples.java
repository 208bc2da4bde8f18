package org.strata.engine;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/** The sample projects in the repository's sample-projects folder. */
public final class Samples {
    private Samples() {
    }

    /** @return the sample-projects folder (tests run from engine/) */
    public static Path root() {
        Path p = Path.of("..", "sample-projects").toAbsolutePath().normalize();
        if (!Files.isDirectory(p)) throw new IllegalStateException("sample-projects not found at " + p);
        return p;
    }

    /** @return the sample named {@code name}, e.g. "xor" */
    public static Path file(String name) {
        return root().resolve(name).resolve(name + ".strata");
    }

    /** @return every sample project file */
    public static List<Path> all() throws IOException {
        try (Stream<Path> s = Files.walk(root(), 2)) {
            return s.filter(p -> p.toString().endsWith(".strata")).sorted().toList();
        }
    }
}
