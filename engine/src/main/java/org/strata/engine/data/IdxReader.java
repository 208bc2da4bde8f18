package org.strata.engine.data;

import java.io.BufferedInputStream;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
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
        boolean gzip = isGzip(file);
        try (DataInputStream in = open(file, gzip)) {
            checkMagic(file, in.readInt(), IMAGES_MAGIC, "an IDX3 image file");
            int n = in.readInt();
            int rows = in.readInt();
            int cols = in.readInt();
            if (n < 0 || rows <= 0 || cols <= 0) {
                throw new DatasetException(file + ": impossible header (" + n + " images of " + rows + "×" + cols + ")");
            }
            long bytes = (long) n * rows * cols;
            String what = n + " images of " + rows + "×" + cols;
            checkPromise(file, gzip, 16, bytes, what);
            DataBudget.check(file.getFileName().toString(), n + " images × " + rows + " × " + cols + " pixels", bytes,
                    1, true);
            byte[] pixels = readFully(file, in, bytes, what);
            readToTheEnd(file, in);
            return new Images(n, rows, cols, pixels);
        } catch (java.util.zip.ZipException e) {
            throw damaged(file);
        } catch (EOFException e) {
            throw new DatasetException(file + ": the file ends inside its header: it is truncated");
        }
    }

    /** Reads an idx1 label file. */
    public static byte[] readLabels(Path file) throws IOException {
        boolean gzip = isGzip(file);
        try (DataInputStream in = open(file, gzip)) {
            checkMagic(file, in.readInt(), LABELS_MAGIC, "an IDX1 label file");
            int n = in.readInt();
            if (n < 0) throw new DatasetException(file + ": impossible label count " + n);
            checkPromise(file, gzip, 8, n, n + " labels");
            byte[] labels = readFully(file, in, n, n + " labels");
            readToTheEnd(file, in);
            return labels;
        } catch (java.util.zip.ZipException e) {
            throw damaged(file);
        } catch (EOFException e) {
            throw new DatasetException(file + ": the file ends inside its header: it is truncated");
        }
    }

    private static DataInputStream open(Path file, boolean gzip) throws IOException {
        InputStream raw = new BufferedInputStream(Files.newInputStream(file), 1 << 16);
        return new DataInputStream(gzip ? new BufferedInputStream(new GZIPInputStream(raw, 1 << 16), 1 << 16) : raw);
    }

    private static void checkMagic(Path file, int magic, int expected, String what) throws DatasetException {
        if (magic != expected) {
            throw new DatasetException(String.format("%s: bad magic number 0x%08X, expected 0x%08X (%s): is it the "
                    + "right file?", file, magic, expected, what));
        }
    }

    /**
     * Refuses a header that promises more than Strata reads from one file, or (for a raw file, whose size says it)
     * more than the file holds, before allocating for it: a header claiming 2³¹−1 labels would otherwise take
     * gigabytes first. A gzip file is read in growing steps instead (see {@link #readFully}).
     */
    private static void checkPromise(Path file, boolean gzip, int header, long bytes, String what)
            throws IOException {
        if (bytes > Integer.MAX_VALUE - 16) {
            throw new DatasetException(file + ": the header promises " + what + ", more than Strata reads from one "
                    + "file (2 GB): is it the right file?");
        }
        long size = Files.size(file);
        if (!gzip && size < header + bytes) {
            throw new DatasetException(file + ": the header promises " + what + " but the file ends early: it is "
                    + "truncated; download it again");
        }
    }

    /** @return whether the file is gzipped (its first two bytes); refuses a file that is not there, naming it */
    private static boolean isGzip(Path file) throws IOException {
        InputFiles.requireRegularFile(file, org.strata.engine.text.Message.of("dataset.fileNotFound", file + ": file "
                + "not found: check the dataset paths in the project (they are relative to the project file)",
                file.toString()));
        try (InputStream in = Files.newInputStream(file)) {
            return in.read() == 0x1f && in.read() == 0x8b;
        }
    }

    /**
     * Reads what is left, so that a gzip file's checksum and length are checked (they come at its end): flipped
     * bytes otherwise decode to garbage that trains without a word.
     */
    private static void readToTheEnd(Path file, InputStream in) throws IOException {
        byte[] rest = new byte[8192];
        try {
            while (in.read(rest) >= 0) {
                // what follows the data promised is not used; reading it lets gzip check its trailer
            }
        } catch (java.util.zip.ZipException | EOFException e) {
            throw damaged(file);
        }
    }

    private static DatasetException damaged(Path file) {
        return new DatasetException(file + ": the file is damaged (its gzip checksum or length does not match its "
                + "contents): download it again");
    }

    /**
     * Reads {@code bytes} bytes, growing the array as data arrives, so a header that promises more than a (gzipped)
     * file holds costs no more memory than the data that is there.
     */
    private static byte[] readFully(Path file, InputStream in, long bytes, String what) throws IOException {
        byte[] buf = new byte[(int) Math.min(bytes, 1 << 20)];
        int filled = 0;
        try {
            while (filled < bytes) {
                if (filled == buf.length) buf = java.util.Arrays.copyOf(buf, (int) Math.min(bytes, 2L * buf.length));
                int r = in.read(buf, filled, buf.length - filled);
                if (r < 0) {
                    throw new DatasetException(file + ": the header promises " + what + " but the file ends early: "
                            + "it is truncated; download it again");
                }
                filled += r;
            }
        } catch (java.util.zip.ZipException | EOFException e) {
            throw damaged(file);
        }
        return buf;
    }
}
