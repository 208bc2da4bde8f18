package org.strata.engine.cli;

import java.nio.file.Files;
import java.nio.file.Path;

/** Checks a folder a command will write into, before it spends minutes on work whose result it could not keep. */
final class OutputFolder {
    private OutputFolder() {
    }

    /**
     * @param what   names the folder in the message ("--out runs/x", "the runs folder beside x.strata")
     * @param oneRun the folder takes one run's files: one holding anything but an earlier run is refused
     * @return why {@code dir} cannot take the files (it is a file, holds other files, or it or the folder it would be
     *     made in cannot be written), or null when it can
     */
    static String problem(Path dir, String what, boolean oneRun) {
        Path abs = dir.toAbsolutePath().normalize();
        if (Files.exists(abs) && !Files.isDirectory(abs)) {
            return what + " is a file, not a folder: name a folder (it is made if missing)";
        }
        if (oneRun && Files.isDirectory(abs) && !Files.exists(abs.resolve("run.json"))) {
            try (var files = Files.list(abs)) {
                if (files.findAny().isPresent()) {
                    return what + " already holds other files: name a new or empty folder, or the folder "
                            + "of an earlier run to replace it";
                }
            } catch (java.io.IOException e) {
                return what + " cannot be read: " + e.getMessage();
            }
        }
        Path existing = abs;
        while (existing != null && !Files.exists(existing)) existing = existing.getParent();
        if (existing == null || !Files.isDirectory(existing)) {
            return what + " cannot be made: " + existing + " is not a folder";
        }
        if (!Files.isWritable(existing)) {
            return what + ": the folder " + existing + " is not writable; name another";
        }
        return null;
    }
}
