package org.strata.engine.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import org.strata.engine.runs.RunFolder;

/** Checks a folder a command will write into, before it spends minutes on work whose result it could not keep. */
final class OutputFolder {
    private OutputFolder() {
    }

    /**
     * @param what    names the folder in the message ("--out runs/x", "the runs folder beside x.strata")
     * @param project the identity of the project whose run the folder is to take ({@link RunFolder#identity}), or
     *                null for a folder of many runs
     * @param replace whether an earlier run of the project there may be replaced ({@code --replace})
     * @return why {@code dir} cannot take the files (it is a file, holds files Strata did not write or a run that is
     *     not to be replaced, or it or the folder it would be made in cannot be written), or null when it can
     */
    static String problem(Path dir, String what, String project, boolean replace) {
        Path abs = dir.toAbsolutePath().normalize();
        if (Files.exists(abs) && !Files.isDirectory(abs)) {
            return what + " is a file, not a folder: name a folder (it is made if missing)";
        }
        if (project != null) {
            String refused = RunFolder.refusal(abs, project, replace, what);
            if (refused != null) return refused;
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
