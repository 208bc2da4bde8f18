package org.strata.engine.project;

import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.SecureRandom;

/**
 * Writing a file so that a crash or a full disk never leaves it half written: a temporary sibling, then a rename.
 * Every temporary file or folder Strata later moves into place comes from {@link #newFile} or {@link #newFolder}, so
 * what lands in the user's folder has the user's normal file mode (0644 / 0755 under the usual umask), not the
 * 0600 / 0700 of {@link Files#createTempFile}, which a shared cluster folder could not read.
 */
public final class AtomicFiles {
    private static final SecureRandom RANDOM = new SecureRandom();

    private AtomicFiles() {
    }

    /**
     * Writes {@code bytes} to {@code file}: into a hidden temporary file beside it, renamed over it once whole, so
     * the old content survives any failure; the temporary file never stays behind.
     */
    public static void write(Path file, byte[] bytes) throws IOException {
        Path target = file.toAbsolutePath();
        Path dir = target.getParent();
        Files.createDirectories(dir);
        Path tmp = newFile(dir, "." + target.getFileName(), ".tmp");
        try {
            Files.write(tmp, bytes);
            try {
                Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    /**
     * @return a new empty file {@code <prefix><random><suffix>} in {@code dir}, made with the mode any new file gets
     *     there (the umask's), so that it keeps a normal mode once renamed into place
     */
    public static Path newFile(Path dir, String prefix, String suffix) throws IOException {
        for (int attempt = 0; ; attempt++) {
            try {
                return Files.createFile(dir.resolve(prefix + Long.toUnsignedString(RANDOM.nextLong(), 36) + suffix));
            } catch (FileAlreadyExistsException e) {
                if (attempt == 100) throw e;
            }
        }
    }

    /**
     * @return a new empty folder {@code <prefix><random>} in {@code dir}, made with the umask's mode (see
     *     {@link #newFile})
     */
    public static Path newFolder(Path dir, String prefix) throws IOException {
        for (int attempt = 0; ; attempt++) {
            try {
                return Files.createDirectory(dir.resolve(prefix + Long.toUnsignedString(RANDOM.nextLong(), 36)));
            } catch (FileAlreadyExistsException e) {
                if (attempt == 100) throw e;
            }
        }
    }
}
