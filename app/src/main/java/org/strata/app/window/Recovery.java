package org.strata.app.window;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;
import org.strata.app.document.EditorDocument;
import org.strata.engine.project.Project;
import org.strata.engine.project.AtomicFiles;
import org.strata.engine.project.ProjectFile;

/**
 * Crash recovery: while a document has unsaved changes it is written every minute to a recovery file (the project
 * JSON, plus a one-line {@code .origin} file naming where the project lives, so its relative dataset paths still
 * resolve). A clean save or a deliberate "don't save" removes it; files still there at the next start are left
 * from a crash and are offered back.
 */
final class Recovery {
    private final Path dir;
    private final String session = UUID.randomUUID().toString().substring(0, 8);

    Recovery(Path dir) {
        this.dir = dir;
    }

    /** @return the user's recovery folder ({@code strata.recovery}, else {@code ~/.strata/recovery}) */
    static Path defaultDir() {
        String p = System.getProperty("strata.recovery");
        return p != null ? Path.of(p) : Path.of(System.getProperty("user.home"), ".strata", "recovery");
    }

    /** A project found in the recovery folder. */
    record Found(Path json, Path origin) {
    }

    /** @return recovery files left by an earlier session, newest first */
    List<Found> leftOver() {
        List<Found> out = new ArrayList<>();
        if (!Files.isDirectory(dir)) return out;
        try (Stream<Path> s = Files.list(dir)) {
            for (Path p : s.filter(f -> f.toString().endsWith(ProjectFile.EXTENSION) && !f.getFileName().toString()
                    .startsWith(session)).sorted(Comparator.comparing(Recovery::modified).reversed()).toList()) {
                out.add(new Found(p, originFile(p)));
            }
        } catch (IOException e) {
            return out;
        }
        return out;
    }

    /** Reads a recovered project; it keeps its original location (if it had one) so Save goes back there. */
    Project read(Found f) throws IOException {
        Project p = ProjectFile.parse(Files.readString(f.json(), StandardCharsets.UTF_8));
        if (Files.isRegularFile(f.origin())) {
            String origin = Files.readString(f.origin(), StandardCharsets.UTF_8).strip();
            if (!origin.isEmpty()) p.setFile(Path.of(origin));
        }
        return p;
    }

    /** Writes the document's recovery file if it has unsaved changes, else removes it. */
    void autosave(EditorDocument doc, Object key) {
        Path json = fileFor(key);
        try {
            if (!doc.isDirty()) {
                discard(key);
                return;
            }
            AtomicFiles.write(json, ProjectFile.toJson(doc.project()).getBytes(StandardCharsets.UTF_8));
            Files.writeString(originFile(json), doc.file().map(Path::toString).orElse(""), StandardCharsets.UTF_8);
        } catch (IOException | RuntimeException e) {
            // Autosave must never disturb editing; the next minute tries again.
        }
    }

    /** Removes the recovery file of a document (saved, or closed without saving on purpose). */
    void discard(Object key) {
        delete(fileFor(key));
    }

    /** Removes a left-over recovery file once the user has chosen what to do with it. */
    void delete(Found f) {
        delete(f.json());
    }

    private void delete(Path json) {
        try {
            Files.deleteIfExists(json);
            Files.deleteIfExists(originFile(json));
        } catch (IOException e) {
            // nothing to do: a stale file is offered again next time
        }
    }

    private Path fileFor(Object key) {
        return dir.resolve(session + "-" + Integer.toHexString(System.identityHashCode(key)) + ProjectFile.EXTENSION);
    }

    private static Path originFile(Path json) {
        return json.resolveSibling(json.getFileName() + ".origin");
    }

    private static java.nio.file.attribute.FileTime modified(Path p) {
        try {
            return Files.getLastModifiedTime(p);
        } catch (IOException e) {
            return java.nio.file.attribute.FileTime.fromMillis(0);
        }
    }

}
