package org.strata.engine.runs;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import org.strata.engine.project.Project;

/**
 * What makes a folder a run that Strata wrote: a {@code .strata-run} file naming the project it is a run of. Only a
 * folder that carries it, of the same project, and holds nothing but a run's own files may be replaced by a new run:
 * files Strata did not write are never deleted or overwritten.
 */
public final class RunFolder {
    /** The marker file in every run folder; it holds the project's identity ({@link #identity}). */
    public static final String MARKER = ".strata-run";
    /** The files a run folder holds, all written by Strata (see {@link RunStore#write}, {@link RunProofs}). */
    static final Set<String> RUN_FILES = Set.of(MARKER, "run.json", "metrics.csv", "model.zip", "best-model.zip",
            "proofs.json", "pytorch-metrics.json");

    private RunFolder() {
    }

    /** @return whether a file named {@code name} in a run's folder is one of the run's own files */
    public static boolean isRunFile(String name) {
        return RUN_FILES.contains(name);
    }

    /** @return the identity of a project's runs: its file, absolute, or its name while it has no file */
    public static String identity(Project p) {
        return p.file().map(RunFolder::identity).orElse("unsaved project " + p.name());
    }

    /** @return the identity of the runs of the project in {@code projectFile} */
    public static String identity(Path projectFile) {
        return projectFile.toAbsolutePath().normalize().toString();
    }

    /** @return the identity of the project whose run {@code dir} holds, when Strata wrote it */
    public static Optional<String> owner(Path dir) {
        Path marker = dir.resolve(MARKER);
        if (!Files.isRegularFile(marker)) return Optional.empty();
        try {
            return Optional.of(Files.readString(marker, StandardCharsets.UTF_8).strip());
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    /** Marks {@code dir} as a run of the project with {@code identity}. */
    static void mark(Path dir, String identity) throws IOException {
        Files.writeString(dir.resolve(MARKER), identity + "\n", StandardCharsets.UTF_8);
    }

    /**
     * @param dir      the folder a run is to be kept in
     * @param identity the identity of the project being trained ({@link #identity})
     * @param replace  whether the user asked to replace an earlier run there ({@code --replace})
     * @param what     names the folder in the message ("--out runs/x")
     * @return why a run of {@code identity} may not be written into {@code dir}, or null when it may: the folder is
     *     missing or empty, holds only the marker of this project (a run that was begun there), or is an earlier
     *     run of this project holding only a run's files and {@code replace} is set
     */
    public static String refusal(Path dir, String identity, boolean replace, String what) {
        if (!Files.isDirectory(dir)) return null;
        List<String> names;
        try (Stream<Path> files = Files.list(dir)) {
            names = files.map(p -> p.getFileName().toString()).sorted().toList();
        } catch (IOException e) {
            return what + " cannot be read (" + e.getMessage() + "): name another folder";
        }
        if (names.isEmpty()) return null;
        Optional<String> owner = owner(dir);
        List<String> foreign = names.stream().filter(n -> !RUN_FILES.contains(n)).toList();
        if (owner.isEmpty() && names.stream().anyMatch(n -> owner(dir.resolve(n)).isPresent())) {
            return what + " is a folder of runs (" + listed(names) + "): name a new folder for this run, or one of "
                    + "the runs in it to replace (with --replace)";
        }
        if (owner.isEmpty() || !foreign.isEmpty()) {
            List<String> shown = owner.isEmpty() ? names : foreign;
            return what + " holds " + count(shown) + " (" + listed(shown) + ") that Strata did not write"
                    + (owner.isPresent() ? " beside a run" : "") + ": they are never deleted or overwritten; name a "
                    + "new or empty folder";
        }
        if (!owner.get().equals(identity)) {
            return what + " holds a run of another project (" + owner.get() + "): name a new or empty folder";
        }
        if (names.equals(List.of(MARKER)) || replace) return null;
        return what + " holds an earlier run of this project (" + listed(names.stream()
                .filter(n -> !n.equals(MARKER)).toList()) + "): add --replace to replace it, or name a new folder";
    }

    /**
     * Checks that a run of {@code identity} may replace what {@code dir} holds, as {@link RunStore#write} does
     * before it touches anything: the last guard, for every caller.
     *
     * @throws IOException saying what is there, when it holds files Strata did not write or another project's run
     */
    static void checkReplaceable(Path dir, String identity) throws IOException {
        String refused = refusal(dir, identity, true, dir.toString());
        if (refused != null) throw new IOException(refused);
    }

    private static String count(List<String> names) {
        return names.size() == 1 ? "1 file" : names.size() + " files";
    }

    private static String listed(List<String> names) {
        int shown = Math.min(3, names.size());
        return String.join(", ", names.subList(0, shown)) + (names.size() > shown ? ", …" : "");
    }
}
