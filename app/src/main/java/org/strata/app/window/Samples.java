package org.strata.app.window;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.strata.engine.project.ProjectFile;

/** Finds the bundled sample projects: {@code strata.samples}, else {@code sample-projects} under the working folder. */
public final class Samples {
    /** The order the start page shows them in: the classic first projects first. */
    private static final List<String> FIRST = List.of("mnist-mlp", "mnist-cnn", "linear-regression", "xor");

    private Samples() {
    }

    public static Path folder() {
        return Path.of(System.getProperty("strata.samples", "sample-projects")).toAbsolutePath().normalize();
    }

    /** @return each sample's project file, the classic ones first */
    public static List<Path> all() {
        List<Path> out = new ArrayList<>();
        Path dir = folder();
        if (!Files.isDirectory(dir)) return out;
        try (Stream<Path> s = Files.list(dir)) {
            s.filter(Files::isDirectory).sorted((a, b) -> {
                int ia = rank(a.getFileName().toString());
                int ib = rank(b.getFileName().toString());
                return ia != ib ? Integer.compare(ia, ib) : a.compareTo(b);
            }).forEach(d -> {
                Path f = fileIn(d);
                if (Files.isRegularFile(f)) out.add(f);
            });
        } catch (IOException e) {
            return out;
        }
        return out;
    }

    /** A sample's project file: {@code xor/xor.strata}. */
    private static Path fileIn(Path sampleFolder) {
        return sampleFolder.resolve(sampleFolder.getFileName() + ProjectFile.EXTENSION);
    }

    /** @return the bundled sample {@code file} is (its folder's name: "xor"), or empty for any other file */
    public static java.util.Optional<String> nameOf(Path file) {
        Path f = file.toAbsolutePath().normalize();
        Path d = f.getParent();
        boolean bundled = d != null && folder().equals(d.getParent()) && f.equals(fileIn(d));
        return bundled ? java.util.Optional.of(d.getFileName().toString()) : java.util.Optional.empty();
    }

    private static int rank(String name) {
        int i = FIRST.indexOf(name);
        return i < 0 ? FIRST.size() : i;
    }
}
