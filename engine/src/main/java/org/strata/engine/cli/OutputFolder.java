package org.strata.engine.cli;

import java.nio.file.Files;
import java.nio.file.Path;

/** Checks a folder a command will write into, before it spends minutes on work whose result it could not keep. */
final class OutputFolder {
    private OutputFolder() {
    }

    /**
     * @return why {@code dir} cannot take the files (it is a file, or it or the folder it would be made in cannot be
     *     written), or null when it can
     */
    static String problem(Path dir) {
        Path abs = dir.toAbsolutePath().normalize();
        if (Files.exists(abs) && !Files.isDirectory(abs)) {
            return "--out " + dir + " is a file, not a folder: name a folder (it is made if missing)";
        }
        if (Files.isDirectory(abs) && !Files.exists(abs.resolve("run.json"))) {
            try (var files = Files.list(abs)) {
                if (files.findAny().isPresent()) {
                    return "--out " + dir + " already holds other files: name a new or empty folder, or the folder "
                            + "of an earlier run to replace it";
                }
            } catch (java.io.IOException e) {
                return "--out " + dir + " cannot be read: " + e.getMessage();
            }
        }
        Path existing = abs;
        while (existing != null && !Files.exists(existing)) existing = existing.getParent();
        if (existing == null || !Files.isDirectory(existing)) {
            return "--out " + dir + " cannot be made: " + existing + " is not a folder";
        }
        if (!Files.isWritable(existing)) {
            return "--out " + dir + ": the folder " + existing + " is not writable; name another";
        }
        return null;
    }
}
