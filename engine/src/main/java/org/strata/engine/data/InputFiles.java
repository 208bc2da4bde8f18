package org.strata.engine.data;

import java.nio.file.Path;
import org.strata.engine.project.PathKind;
import org.strata.engine.text.Message;

/**
 * Checks a path before anything opens it: a reader handed a named pipe would wait forever and one handed
 * {@code /dev/zero} would read until memory runs out, so every file Strata reads (data, models, weights,
 * checkpoints) passes through here first.
 */
public final class InputFiles {
    private InputFiles() {
    }

    /**
     * @param file    the path about to be read
     * @param missing what to say when nothing is there (each reader names its own fix)
     * @return {@code file}
     * @throws DatasetException when it is missing, a folder, or a pipe, device or socket
     */
    public static Path requireRegularFile(Path file, Message missing) throws DatasetException {
        switch (PathKind.of(file)) {
            case FILE:
                return file;
            case MISSING:
                throw new DatasetException(missing);
            case FOLDER:
                throw new DatasetException(Message.of("input.folder", file + " is a folder, not a file: give the path "
                        + "of the file itself", file.toString()));
            default:
                throw new DatasetException(special(file));
        }
    }

    /** As {@link #requireRegularFile(Path, Message)}, saying "file not found" when nothing is there. */
    public static Path requireRegularFile(Path file) throws DatasetException {
        return requireRegularFile(file, Message.of("input.notFound", file + ": file not found: check the path",
                file.toString()));
    }

    /**
     * @param folder  the path about to be listed
     * @param missing what to say when it is not a folder
     * @return {@code folder}
     * @throws DatasetException when it is not a folder (a pipe or device named as such is said so)
     */
    public static Path requireFolder(Path folder, Message missing) throws DatasetException {
        PathKind kind = PathKind.of(folder);
        if (kind == PathKind.FOLDER) return folder;
        throw new DatasetException(kind == PathKind.SPECIAL ? special(folder) : missing);
    }

    private static Message special(Path file) {
        return Message.of("input.special", file + " is not a regular file (a pipe, a device or a socket), so Strata "
                + "does not read it: give the path of a file saved on disk", file.toString());
    }
}
