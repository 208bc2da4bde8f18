package org.strata.engine.data;

import java.io.BufferedInputStream;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.zip.GZIPInputStream;

/** Reads MNIST IDX files (idx3 images, idx1 labels), gzipped or raw. */
public final class IdxReader {
    private static final int IMAGES_MAGIC = 0x00000803;
    private static final int LABELS_MAGIC = 0x00000801;

    /** Images read from an idx3 file. */
    public record Images(int count, int rows, int cols, byte[] pixels) {
    }

    private IdxReader() {
    }

    /** Reads an idx3 image file. */
    public static Images readImages(Path file) throws IOException {
        try (DataInputStream in = open(file)) {
            checkMagic(file, in.readInt(), IMAGES_MAGIC, "an IDX3 image file");
            int n = in.readInt();
            int rows = in.readInt();
            int cols = in.readInt();
            if (n < 0 || rows <= 0 || cols <= 0) {
                throw new DatasetException(file + ": impossible header (" + n + " images of " + rows + "×" + cols + ")");
            }
            byte[] pixels = new byte[Math.multiplyExact(Math.multiplyExact(n, rows), cols)];
            readFully(file, in, pixels, n + " images of " + rows + "×" + cols);
            return new Images(n, rows, cols, pixels);
        } catch (EOFException e) {
            throw new DatasetException(file + ": the file ends inside its header: it is truncated");
        }
    }

    /** Reads an idx1 label file. */
    public static byte[] readLabels(Path file) throws IOException {
        try (DataInputStream in = open(file)) {
            checkMagic(file, in.readInt(), LABELS_MAGIC, "an IDX1 label file");
            int n = in.readInt();
            if (n < 0) throw new DatasetException(file + ": impossible label count " + n);
            byte[] labels = new byte[n];
            readFully(file, in, labels, n + " labels");
            return labels;
        } catch (EOFException e) {
            throw new DatasetException(file + ": the file ends inside its header: it is truncated");
        }
    }

    private static DataInputStream open(Path file) throws IOException {
        if (!Files.isRegularFile(file)) {
            throw new DatasetException(org.strata.engine.text.Message.of("dataset.fileNotFound", file + ": file not "
                    + "found: check the dataset paths in the project (they are relative to the project file)",
                    file.toString()), new NoSuchFileException(file.toString()));
        }
        InputStream raw = new BufferedInputStream(Files.newInputStream(file), 1 << 16);
        raw.mark(2);
        int b1 = raw.read();
        int b2 = raw.read();
        raw.reset();
        boolean gzip = b1 == 0x1f && b2 == 0x8b;
        return new DataInputStream(gzip ? new BufferedInputStream(new GZIPInputStream(raw, 1 << 16), 1 << 16) : raw);
    }

    private static void checkMagic(Path file, int magic, int expected, String what) throws DatasetException {
        if (magic != expected) {
            throw new DatasetException(String.format("%s: bad magic number 0x%08X, expected 0x%08X (%s): is it the "
                    + "right file?", file, magic, expected, what));
        }
    }

    private static void readFully(Path file, DataInputStream in, byte[] dst, String what) throws IOException {
        try {
            in.readFully(dst);
        } catch (EOFException e) {
            throw new DatasetException(file + ": the header promises " + what + " but the file ends early: it is "
                    + "truncated; download it again");
        }
    }
}
