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
