package org.strata.engine.project;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;

/**
 * What a path names, learned from its attributes without opening it: opening a named pipe waits for a writer forever
 * and a device such as {@code /dev/zero} never ends, so every reader asks this first.
 */
public enum PathKind {
    /** A regular file (through any links). */
    FILE,
    /** A folder. */
    FOLDER,
    /** Nothing there, or nothing that can be looked at. */
    MISSING,
    /** A named pipe, a device or a socket: never a file's contents. */
    SPECIAL;

    /** @return what {@code path} is, following links */
    public static PathKind of(Path path) {
        try {
            BasicFileAttributes a = Files.readAttributes(path, BasicFileAttributes.class);
            if (a.isRegularFile()) return FILE;
            return a.isDirectory() ? FOLDER : SPECIAL;
        } catch (IOException | UnsupportedOperationException | SecurityException e) {
            return MISSING;
        }
    }
}
