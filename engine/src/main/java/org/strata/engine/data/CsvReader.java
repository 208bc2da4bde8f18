package org.strata.engine.data;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads a CSV file with a header row: every column but the label column must be numeric; the label column holds
 * classes (text or whole numbers) or a number to predict.
 */
public final class CsvReader {
    private CsvReader() {
    }

    /** A parsed CSV before splitting. */
    record Table(ArraySource source, List<String> featureNames, List<String> classNames, int targets) {
    }

    static Table read(Path file, String labelColumn, boolean classification) throws IOException {
        if (!Files.isRegularFile(file)) {
            throw new DatasetException(file + ": file not found: check the dataset path (relative to the project file)");
        }
        String name = file.getFileName().toString();
        List<float[]> rows = new ArrayList<>();
        List<String> rawLabels = new ArrayList<>();
        List<String> header;
        int labelIndex;
        try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            String first = in.readLine();
            if (first == null || first.isBlank()) throw new DatasetException(name + ": the file is empty; it needs a "
                    + "header row naming the columns");
            header = split(stripBom(first));
            labelIndex = header.indexOf(labelColumn);
            if (labelIndex < 0) {
                throw new DatasetException(name + ": no column named '" + labelColumn + "'; the header has "
                        + String.join(", ", header) + ": set the label column to one of them");
            }
            String line;
            int lineNo = 1;
            while ((line = in.readLine()) != null) {
                lineNo++;
                if (line.isBlank()) continue;
                List<String> cells = split(line);
                if (cells.size() != header.size()) {
                    throw new DatasetException(name + " line " + lineNo + ": " + cells.size() + " cells but the header "
                            + "has " + header.size() + ": every row needs one value per column");
                }
                float[] row = new float[header.size() - 1];
                int k = 0;
                for (int c = 0; c < cells.size(); c++) {
                    if (c == labelIndex) continue;
                    row[k++] = number(cells.get(c), name, lineNo, header.get(c));
                }
                rows.add(row);
                rawLabels.add(cells.get(labelIndex).trim());
            }
        }
        if (rows.isEmpty()) throw new DatasetException(name + ": the file has a header but no rows");
        List<String> features = new ArrayList<>(header);
        features.remove(labelIndex);
        float[][] x = rows.toArray(new float[0][]);
        if (!classification) {
            float[][] t = new float[x.length][];
            for (int i = 0; i < x.length; i++) {
                t[i] = new float[]{number(rawLabels.get(i), name, i + 2, labelColumn)};
            }
            return new Table(new ArraySource(x, null, t), features, List.of(), 1);
        }
        // Classes in order of first appearance, except whole numbers, which keep their numeric order.
        Map<String, Integer> classes = new LinkedHashMap<>();
        boolean numeric = rawLabels.stream().allMatch(s -> s.matches("-?\\d+"));
        List<String> names = rawLabels.stream().distinct().sorted(numeric
                ? (a, b) -> Long.compare(Long.parseLong(a), Long.parseLong(b)) : (a, b) -> 0).toList();
        for (String s : names) classes.put(s, classes.size());
        int[] y = rawLabels.stream().mapToInt(classes::get).toArray();
        return new Table(new ArraySource(x, y, null), features, List.copyOf(classes.keySet()), 0);
    }

    private static float number(String cell, String file, int line, String column) throws DatasetException {
        String s = cell.trim();
        try {
            float v = Float.parseFloat(s);
            if (!Float.isFinite(v)) throw new NumberFormatException();
            return v;
        } catch (NumberFormatException e) {
            throw new DatasetException(file + " line " + line + ", column '" + column + "': '" + s + "' is not a "
                    + "number: fix the cell, or make this column the label column if it holds classes");
        }
    }

    private static String stripBom(String s) {
        return s.startsWith("\uFEFF") ? s.substring(1) : s;
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
}
