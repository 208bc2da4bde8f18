package org.strata.engine.data;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.RandomAccessFile;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.strata.engine.text.Message;

/**
 * Reads a CSV file with a header row: every column but the label column must be numeric; the label column holds
 * classes (text or whole numbers) or a number to predict. Files up to {@link #inMemoryLimit} bytes are held as
 * float rows; larger ones are only indexed (one offset per row) and each row is parsed again when its batch is read,
 * so a CSV larger than memory still trains. Every line is decoded strictly in the dataset's encoding
 * ({@link StrictText}), and every number must be a plain decimal ({@link PlainNumber}).
 */
public final class CsvReader {
    /** Files above this size are read row by row from disk. */
    static long inMemoryLimit = 64L << 20;

    private CsvReader() {
    }

    /** A parsed CSV before splitting. */
    record Table(SampleSource source, List<String> featureNames, List<String> classNames, int targets) {
    }

    static Table read(Path file, String labelColumn, boolean classification, Charset charset) throws IOException {
        InputFiles.requireRegularFile(file, notFound(file));
        String name = file.getFileName().toString();
        boolean inMemory = Files.size(file) <= inMemoryLimit;
        List<float[]> rows = new ArrayList<>();
        long[] offsets = new long[1024];
        int[] lineNumbers = new int[1024];
        List<String> rawLabels = new ArrayList<>();
        List<String> header = null;
        int labelIndex = -1;
        int count = 0;
        try (LineReader in = new LineReader(Files.newInputStream(file), charset, name)) {
            String line;
            while ((line = in.next()) != null) {
                if (header == null) {
                    if (line.isBlank()) break;
                    header = split(line);
                    labelIndex = header.indexOf(labelColumn);
                    if (labelIndex < 0) {
                        String columns = org.strata.engine.text.Excerpt.of(String.join(", ", header));
                        throw new DatasetException(Message.of("dataset.csv.noColumn", name + ": no column named '"
                                + labelColumn + "'; the header has " + columns + ": set the label column to one of "
                                + "them", name, labelColumn, columns));
                    }
                    continue;
                }
                if (line.isBlank()) continue;
                List<String> cells = split(line);
                float[] row = parse(cells, header, labelIndex, name, in.lineNumber(), new float[header.size() - 1], 0);
                if (count == lineNumbers.length) lineNumbers = Arrays.copyOf(lineNumbers, count * 2);
                // every row's line, in memory too: a target's message names its line even after blank lines
                lineNumbers[count] = in.lineNumber();
                if (inMemory) {
                    rows.add(row);
                } else {
                    if (count == offsets.length) offsets = Arrays.copyOf(offsets, count * 2);
                    offsets[count] = in.lineStart();
                }
                rawLabels.add(cells.get(labelIndex).trim());
                count++;
            }
        }
        if (header == null) {
            throw empty(name);
        }
        if (count == 0) {
            throw new DatasetException(Message.of("dataset.csv.noRows", name + ": the file has a header but no rows",
                    name));
        }
        List<String> features = new ArrayList<>(header);
        features.remove(labelIndex);
        int[] labels = null;
        float[][] targets = null;
        List<String> classNames = List.of();
        if (classification) {
            Map<String, Integer> classes = classIndex(rawLabels);
            labels = rawLabels.stream().mapToInt(classes::get).toArray();
            classNames = List.copyOf(classes.keySet());
        } else {
            targets = new float[count][];
            for (int i = 0; i < count; i++) {
                targets[i] = new float[]{number(rawLabels.get(i), name, lineNumbers[i], labelColumn)};
            }
        }
        SampleSource source = inMemory ? new ArraySource(rows.toArray(new float[0][]), labels, targets)
                : new DiskSource(file, charset, header, labelIndex, Arrays.copyOf(offsets, count),
                Arrays.copyOf(lineNumbers, count), labels, targets);
        return new Table(source, features, classNames, classification ? 0 : 1);
    }

    /**
     * Reads one column of numbers, in file order (a time series: a row per step); the other columns may hold
     * anything (a date, a name).
     *
     * @throws DatasetException when the file is missing or empty, lacks the column, or a cell of it is not a number
     */
    static float[] column(Path file, String column, Charset charset) throws IOException {
        InputFiles.requireRegularFile(file, notFound(file));
        String name = file.getFileName().toString();
        float[] values = new float[1024];
        int count = 0;
        int index = -1;
        int columns = 0;
        try (LineReader in = new LineReader(Files.newInputStream(file), charset, name)) {
            String line;
            while ((line = in.next()) != null) {
                if (index < 0) {
                    if (line.isBlank()) break;
                    List<String> header = split(line);
                    index = header.indexOf(column);
                    columns = header.size();
                    if (index < 0) {
                        String names = org.strata.engine.text.Excerpt.of(String.join(", ", header));
                        throw new DatasetException(Message.of("dataset.series.noColumn", name + ": no column named '"
                                + column + "'; the header has " + names + ": set the series column to one of them",
                                name, column, names));
                    }
                    continue;
                }
                if (line.isBlank()) continue;
                List<String> cells = split(line);
                if (cells.size() != columns) {
                    throw new DatasetException(Message.of("dataset.csv.cells", name + " line " + in.lineNumber()
                            + ": " + cells.size() + " cells but the header has " + columns + ": every row needs one "
                            + "value per column", name, in.lineNumber(), cells.size(), columns));
                }
                if (count == values.length) values = Arrays.copyOf(values, 2 * count);
                values[count++] = number(cells.get(index), name, in.lineNumber(), column);
            }
        }
        if (index < 0) throw empty(name);
        return Arrays.copyOf(values, count);
    }

    /**
     * @return the header row's column names (the first line), without reading further
     * @throws DatasetException when the file is missing or empty, or its first line does not decode
     */
    static List<String> header(Path file, Charset charset) throws IOException {
        InputFiles.requireRegularFile(file, notFound(file));
        try (LineReader in = new LineReader(Files.newInputStream(file), charset, file.getFileName().toString())) {
            String line = in.next();
            if (line == null || line.isBlank()) {
                String name = file.getFileName().toString();
                throw empty(name);
            }
            return split(line);
        }
    }

    private static Message notFound(Path file) {
        return Message.of("dataset.fileNotFound", file + ": file not found: check the dataset "
                + "path (relative to the project file)", file.toString());
    }

    private static DatasetException empty(String name) {
        return new DatasetException(Message.of("dataset.csv.empty", name + ": the file is empty; it needs a header "
                + "row naming the columns", name));
    }

    /** Classes in order of first appearance, except whole numbers, which keep their numeric order. */
    static Map<String, Integer> classIndex(List<String> rawLabels) {
        boolean numeric = rawLabels.stream().allMatch(s -> s.matches("-?\\d{1,18}"));
        List<String> names = rawLabels.stream().distinct().sorted(numeric
                ? (a, b) -> Long.compare(Long.parseLong(a), Long.parseLong(b)) : (a, b) -> 0).toList();
        Map<String, Integer> classes = new LinkedHashMap<>();
        for (String s : names) classes.put(s, classes.size());
        return classes;
    }

    /** Parses one row's feature cells into {@code dst} from {@code offset}; checks the cell count and numbers. */
    static float[] parse(List<String> cells, List<String> header, int labelIndex, String file, int line, float[] dst,
                         int offset) throws DatasetException {
        if (cells.size() != header.size()) {
            throw new DatasetException(Message.of("dataset.csv.cells", file + " line " + line + ": " + cells.size()
                    + " cells but the header has " + header.size() + ": every row needs one value per column", file,
                    line, cells.size(), header.size()));
        }
        int k = offset;
        for (int c = 0; c < cells.size(); c++) {
            if (c != labelIndex) dst[k++] = number(cells.get(c), file, line, header.get(c));
        }
        return dst;
    }

    private static float number(String cell, String file, int line, String column) throws DatasetException {
        String s = cell.trim();
        try {
            // NaN and infinities are refused as they always were: a feature or a target must be a real amount
            return PlainNumber.parseFloat(s, false);
        } catch (NumberFormatException e) {
            throw new DatasetException(Message.of("dataset.csv.notNumber", file + " line " + line + ", column '"
                    + org.strata.engine.text.Excerpt.of(column) + "': '" + org.strata.engine.text.Excerpt.of(s)
                    + "' is not a number (numbers are plain decimals such as 1.5 or -2e-3): fix the cell, or make "
                    + "this column the label column if it holds classes",
                    file, line, org.strata.engine.text.Excerpt.of(column), org.strata.engine.text.Excerpt.of(s)));
        }
    }

    /** Splits one line at commas outside double quotes. */
    static List<String> split(String line) {
        List<String> out = new ArrayList<>();
        StringBuilder cur = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (c == '"') {
                if (quoted && i + 1 < line.length() && line.charAt(i + 1) == '"') {
                    cur.append('"');
                    i++;
                } else {
                    quoted = !quoted;
                }
            } else if (c == ',' && !quoted) {
                out.add(cur.toString().trim());
                cur.setLength(0);
            } else {
                cur.append(c);
            }
        }
        out.add(cur.toString().trim());
        return out;
    }

    /**
     * Reads lines, each decoded strictly (a UTF-8 byte order mark on the first is dropped), and knows the byte offset
     * where each starts.
     */
    private static final class LineReader implements AutoCloseable {
        private final InputStream in;
        private final Charset charset;
        private final String file;
        private final ByteArrayOutputStream buf = new ByteArrayOutputStream(256);
        private long position;
        private long lineStart;
        private int lineNumber;

        LineReader(InputStream in, Charset charset, String file) {
            this.in = new BufferedInputStream(in, 1 << 16);
            this.charset = charset;
            this.file = file;
        }

        String next() throws IOException {
            buf.reset();
            lineStart = position;
            int b;
            boolean any = false;
            while ((b = in.read()) != -1) {
                position++;
                any = true;
                if (b == '\n') break;
                buf.write(b);
            }
            if (!any) return null;
            lineNumber++;
            byte[] bytes = buf.toByteArray();
            int len = bytes.length > 0 && bytes[bytes.length - 1] == '\r' ? bytes.length - 1 : bytes.length;
            return StrictText.line(bytes, 0, len, charset, file, lineNumber);
        }

        long lineStart() {
            return lineStart;
        }

        int lineNumber() {
            return lineNumber;
        }

        @Override
        public void close() throws IOException {
            in.close();
        }
    }

    /** A large CSV: rows are re-read from disk by offset when their batch is built. */
    private static final class DiskSource implements SampleSource {
        private final Path file;
        private final Charset charset;
        private final List<String> header;
        private final int labelIndex;
        private final long[] offsets;
        private final int[] lines;
        private final int[] labels;
        private final float[][] targets;
        private RandomAccessFile raf;

        DiskSource(Path file, Charset charset, List<String> header, int labelIndex, long[] offsets, int[] lines,
                   int[] labels, float[][] targets) {
            this.file = file;
            this.charset = charset;
            this.header = header;
            this.labelIndex = labelIndex;
            this.offsets = offsets;
            this.lines = lines;
            this.labels = labels;
            this.targets = targets;
        }

        @Override
        public int size() {
            return offsets.length;
        }

        @Override
        public int featureSize() {
            return header.size() - 1;
        }

        @Override
        public synchronized void features(int index, float[] dst, int offset) {
            try {
                if (raf == null) raf = new RandomAccessFile(file.toFile(), "r");
                raf.seek(offsets[index]);
                long end = index + 1 < offsets.length ? offsets[index + 1] : raf.length();
                byte[] bytes = new byte[(int) Math.min(end - offsets[index], 1 << 24)];
                raf.readFully(bytes);
                int len = 0;
                while (len < bytes.length && bytes[len] != '\n') len++;
                if (len > 0 && bytes[len - 1] == '\r') len--;
                String name = file.getFileName().toString();
                // strict again: the file may have changed on disk since it was indexed
                String line = StrictText.line(bytes, 0, len, charset, name, lines[index]);
                parse(split(line), header, labelIndex, name, lines[index], dst, offset);
            } catch (IOException e) {
                throw new UncheckedIOException(e instanceof DatasetException d ? d
                        : new DatasetException(file + ": cannot read row at line " + lines[index] + ": "
                        + e.getMessage(), e));
            }
        }

        @Override
        public int label(int index) {
            return labels == null ? 0 : labels[index];
        }

        @Override
        public float[] target(int index) {
            return targets == null ? new float[0] : targets[index];
        }
    }
}
