package org.strata.engine.model;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

/**
 * NumPy {@code .npz} files of float32 arrays, loadable with {@code numpy.load}: a zip of {@code .npy} entries, written
 * and read here (format 1.0, little-endian, C order). Array names are UTF-8, so layers named {@code 隐藏} or
 * {@code hidß} keep their names; reading takes only what each entry's header declares and refuses anything else.
 */
public final class NpzIO {
    /** The most values one array may hold when read (2³¹ − 1: about what a Java array can hold). */
    static final long MAX_VALUES = Integer.MAX_VALUE;
    private static final byte[] MAGIC = {(byte) 0x93, 'N', 'U', 'M', 'P', 'Y'};
    private static final Pattern DESCR = Pattern.compile("'descr'\\s*:\\s*'([<>|=]?)([fiu])(\\d+)'");
    private static final Pattern FORTRAN = Pattern.compile("'fortran_order'\\s*:\\s*(True|False)");
    private static final Pattern SHAPE = Pattern.compile("'shape'\\s*:\\s*\\(([^)]*)\\)");

    private NpzIO() {
    }

    /** Writes arrays under their map keys, C order: {@link LongArray}s as int64 (sample indices), floats as float32. */
    public static void write(Path file, Map<String, ? extends NpyArray> arrays) throws IOException {
        try (ZipOutputStream zip = new ZipOutputStream(new BufferedOutputStream(Files.newOutputStream(file)),
                StandardCharsets.UTF_8)) {
            for (Map.Entry<String, ? extends NpyArray> e : arrays.entrySet()) {
                NpyArray a = e.getValue();
                boolean ints = a instanceof LongArray;
                int length = ints ? ((LongArray) a).values().length : ((FloatArray) a).values().length;
                zip.putNextEntry(new ZipEntry(e.getKey() + ".npy"));
                zip.write(header(length == 0 ? new long[]{0} : a.shape(), ints ? "<i8" : "<f4"));
                if (length == 0) {
                    zip.closeEntry(); // an empty split: the header says (0,)
                    continue;
                }
                ByteBuffer bytes = ByteBuffer.allocate(length * (ints ? 8 : 4)).order(ByteOrder.LITTLE_ENDIAN);
                if (a instanceof LongArray l) {
                    bytes.asLongBuffer().put(l.values());
                } else {
                    bytes.asFloatBuffer().put(((FloatArray) a).values());
                }
                zip.write(bytes.array());
                zip.closeEntry();
            }
        }
    }

    /** The .npy header: magic, version 1.0, and the dictionary padded so the data starts on a 64-byte boundary. */
    private static byte[] header(long[] shape, String descr) {
        StringBuilder dims = new StringBuilder("(");
        for (int i = 0; i < shape.length; i++) dims.append(i == 0 ? "" : ", ").append(shape[i]);
        dims.append(shape.length == 1 ? ",)" : ")");
        StringBuilder dict = new StringBuilder("{'descr': '" + descr + "', 'fortran_order': False, 'shape': " + dims
                + ", }");
        while ((10 + dict.length() + 1) % 64 != 0) dict.append(' ');
        dict.append('\n');
        byte[] text = dict.toString().getBytes(StandardCharsets.US_ASCII);
        ByteBuffer b = ByteBuffer.allocate(10 + text.length).order(ByteOrder.LITTLE_ENDIAN);
        b.put(MAGIC).put((byte) 1).put((byte) 0).putShort((short) text.length).put(text);
        return b.array();
    }

    /**
     * Reads every array of an {@code .npz} file as float32.
     *
     * @throws IOException naming the file and what is wrong with it (not a zip, an entry that is not a float or
     *                     integer array, a header that declares more than the entry holds)
     */
    public static Map<String, FloatArray> read(Path file) throws IOException {
        org.strata.engine.data.InputFiles.requireRegularFile(file);
        try (InputStream in = Files.newInputStream(file)) {
            return read(in, file.toString(), MAX_VALUES);
        }
    }

    /**
     * Reads every array of an {@code .npz} held in a stream (an entry of a model file), never more than the stream
     * gives.
     *
     * @param name      what to call it in messages ("model.zip (its params.npz)")
     * @param maxValues the most values all its arrays may hold together (what the network can need): a header that
     *                  declares more is refused before anything is allocated for it
     */
    public static Map<String, FloatArray> read(InputStream source, String name, long maxValues) throws IOException {
        Map<String, FloatArray> out = new LinkedHashMap<>();
        try {
            ZipInputStream zip = new ZipInputStream(new BufferedInputStream(source), StandardCharsets.UTF_8);
            boolean any = false;
            long left = maxValues;
            for (ZipEntry e; (e = zip.getNextEntry()) != null; ) {
                any = true;
                String entry = e.getName();
                if (!entry.endsWith(".npy")) continue;
                FloatArray a = readNpy(zip, entry, left, e.getSize());
                left -= a.size();
                out.put(entry.substring(0, entry.length() - 4), a);
            }
            if (!any) throw new IOException("not a zip file");
        } catch (IOException e) {
            // a stream that ends early says nothing (EOFException has no message): say what it means
            String why = e.getMessage() == null ? "it ends before its arrays do (cut short)" : e.getMessage();
            throw new IOException(name + ": not a readable .npz file: " + why, e);
        }
        return out;
    }

    /**
     * @param entrySize the bytes the zip says the entry holds, or -1 when it does not say: a header declaring more
     *                  values than that is refused before anything is allocated for them
     */
    private static FloatArray readNpy(InputStream in, String entry, long maxValues, long entrySize) throws IOException {
        DataInputStream d = new DataInputStream(in);
        byte[] magic = new byte[6];
        d.readFully(magic);
        if (!java.util.Arrays.equals(magic, MAGIC)) throw new IOException(entry + " is not a .npy array");
        int major = d.readUnsignedByte();
        d.readUnsignedByte();
        long headerLength = major == 1 ? Short.toUnsignedInt(Short.reverseBytes(d.readShort()))
                : Integer.toUnsignedLong(Integer.reverseBytes(d.readInt()));
        if (headerLength > 1 << 16) throw new IOException(entry + " has a header of " + headerLength + " bytes");
        byte[] text = new byte[(int) headerLength];
        d.readFully(text);
        String header = new String(text, StandardCharsets.ISO_8859_1);
        Matcher descr = DESCR.matcher(header);
        Matcher fortran = FORTRAN.matcher(header);
        Matcher shapeText = SHAPE.matcher(header);
        if (!descr.find() || !fortran.find() || !shapeText.find()) {
            throw new IOException(entry + " has a header that is not a NumPy array's: " + org.strata.engine.text.Excerpt.of(header));
        }
        if (fortran.group(1).equals("True")) throw new IOException(entry + " is in Fortran order; save it in C order");
        long[] shape = shape(shapeText.group(1), entry);
        long count = 1;
        for (long s : shape) {
            count = Math.multiplyExact(count, s);
            if (count > maxValues) {
                throw new IOException(entry + " declares more than the " + maxValues + " values "
                        + (maxValues == MAX_VALUES ? "Strata reads into one array" : "the network can need"));
            }
        }
        ByteOrder order = descr.group(1).equals(">") ? ByteOrder.BIG_ENDIAN : ByteOrder.LITTLE_ENDIAN;
        char kind = descr.group(2).charAt(0);
        int size = Integer.parseInt(descr.group(3));
        if (!(kind == 'f' && (size == 4 || size == 8)) && !(kind != 'f' && (size == 1 || size == 4 || size == 8))) {
            throw new IOException(entry + " holds " + kind + size + " values; Strata reads floats and integers");
        }
        long bytes = count * size; // at most 2³¹ values of 8 bytes: no overflow
        long headerBytes = MAGIC.length + 2 + (major == 1 ? 2 : 4) + headerLength;
        if (entrySize >= 0 && entrySize - headerBytes < bytes) {
            throw new IOException(entry + " declares " + count + " values (" + bytes + " bytes) but holds only "
                    + Math.max(0, entrySize - headerBytes) + " bytes: the file is damaged, or not the array it says");
        }
        long memory = Runtime.getRuntime().maxMemory();
        if (Float.BYTES * count > memory / 2) {
            throw new IOException(entry + " declares " + count + " values, " + (Float.BYTES * count >> 20) + " MB as "
                    + "floats, more than fit in the memory Java has here (" + (memory >> 20) + " MB): is it the right "
                    + "file? (a larger one needs Java started with more memory, -Xmx)");
        }
        // the array grows as values arrive, so a header that lies where the zip does not say the size costs nothing
        float[] values = new float[(int) Math.min(count, 1 << 16)];
        byte[] chunk = new byte[8192 - 8192 % size];
        int done = 0;
        while (done < count) {
            if (done == values.length) values = java.util.Arrays.copyOf(values, (int) Math.min(count, 2L * done));
            int want = (int) Math.min(chunk.length, (count - done) * size);
            int got = in.readNBytes(chunk, 0, want);
            if (got < want) throw new IOException(entry + " ends after " + (done + got / size) + " of " + count
                    + " values its header declares");
            ByteBuffer b = ByteBuffer.wrap(chunk, 0, got).order(order);
            for (int i = 0; i < got / size; i++) values[done++] = value(b, kind, size);
        }
        return new FloatArray(shape, values);
    }

    private static float value(ByteBuffer b, char kind, int size) {
        if (kind == 'f') return size == 4 ? b.getFloat() : (float) b.getDouble();
        return switch (size) {
            case 1 -> kind == 'u' ? b.get() & 0xFF : b.get();
            case 4 -> kind == 'u' ? (float) Integer.toUnsignedLong(b.getInt()) : b.getInt();
            default -> (float) b.getLong();
        };
    }

    private static long[] shape(String dims, String entry) throws IOException {
        String[] parts = dims.split(",");
        long[] shape = new long[0];
        for (String p : parts) {
            String t = p.strip();
            if (t.isEmpty()) continue;
            try {
                long v = Long.parseLong(t.endsWith("L") ? t.substring(0, t.length() - 1) : t);
                if (v < 0) throw new NumberFormatException();
                shape = java.util.Arrays.copyOf(shape, shape.length + 1);
                shape[shape.length - 1] = v;
            } catch (NumberFormatException e) {
                throw new IOException(entry + " has a shape that is not whole numbers: (" + org.strata.engine.text.Excerpt.of(dims) + ")");
            }
        }
        return shape;
    }
}
