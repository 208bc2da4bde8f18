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

    /**
     * The samples at the real sizes of GPT-2 and BERT (10⁸ parameters and more): for opening and measuring only. No
     * test trains or compiles them; tests of every sample that train take {@link #trainable()}.
     */
    public static final List<String> LARGE = List.of("bert-base", "gpt2-medium", "gpt2-small");

    /** @return every sample project file but the {@link #LARGE} ones */
    public static List<Path> trainable() throws IOException {
        return all().stream().filter(p -> !LARGE.contains(p.getParent().getFileName().toString())).toList();
    }

    /** @return a session that has trained sample {@code name} for {@code epochs} epochs */
    public static org.strata.engine.train.TrainingSession trained(String name, int epochs) throws Exception {
        org.strata.engine.project.Project p = org.strata.engine.project.ProjectFile.load(file(name));
        p.training().set("epochs", epochs);
        org.strata.engine.train.TrainingSession s = org.strata.engine.train.TrainingSession.create(p);
        s.run();
        return s;
    }
}
