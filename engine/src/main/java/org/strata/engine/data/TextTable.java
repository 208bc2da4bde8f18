package org.strata.engine.data;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.strata.engine.text.Message;

/**
 * A CSV or TSV file of texts and their labels, read whole and strictly in the dataset's encoding
 * ({@link StrictText}): a header row names the columns, each further row gives one text and its label. Cells may
 * be quoted ("…", a doubled "" for a quote), and a quoted text may span lines. Tabs separate the cells of a .tsv or
 * .tab file, or of a file whose header has tabs and no comma; commas otherwise. Every problem is an error naming
 * the file, the line and how to fix it.
 *
 * @param texts  the texts, in file order
 * @param labels their labels, trimmed
 * @param lines  the line each row starts on, for messages
 */
public record TextTable(List<String> texts, List<String> labels, List<Integer> lines) {

    /** Reads a UTF-8 file (a byte order mark allowed); see {@link #read(Path, String, String, Charset)}. */
    public static TextTable read(Path file, String textColumn, String labelColumn) throws IOException {
        return read(file, textColumn, labelColumn, java.nio.charset.StandardCharsets.UTF_8);
    }

    /**
     * @param charset the encoding the file is read in
     * @throws DatasetException when the file is missing, has a byte that does not decode, lacks a column, or has a
     *                          row without text or label, too few cells or an unclosed quote
     */
    public static TextTable read(Path file, String textColumn, String labelColumn, Charset charset)
            throws IOException {
        InputFiles.requireRegularFile(file, Message.of("dataset.fileNotFound", file + ": file not found: check the "
                + "dataset path (relative to the project file)", file.toString()));
        String name = file.getFileName().toString();
        String content = StrictText.decode(Files.readAllBytes(file), charset, name);
        List<List<String>> rows = new ArrayList<>();
        List<Integer> starts = new ArrayList<>();
        char separator = separator(file, content);
        parse(content, separator, name, rows, starts);
        if (rows.isEmpty()) {
            throw new DatasetException(Message.of("dataset.csv.empty", name + ": the file is empty; it needs a header "
                    + "row naming the columns", name));
        }
        List<String> header = rows.get(0).stream().map(String::trim).toList();
        int text = column(header, textColumn, name);
        int label = column(header, labelColumn, name);
        List<String> texts = new ArrayList<>();
        List<String> labels = new ArrayList<>();
        List<Integer> lines = new ArrayList<>();
        for (int r = 1; r < rows.size(); r++) {
            List<String> cells = rows.get(r);
            int line = starts.get(r);
            if (cells.size() == 1 && cells.get(0).isBlank()) continue; // an empty line
            if (cells.size() != header.size()) {
                throw new DatasetException(Message.of("dataset.csv.cells", name + ", line " + line + ": " + cells.size()
                        + " cells but the header has " + header.size() + ": give every row one cell per column",
                        name, line, cells.size(), header.size()));
            }
            if (cells.get(text).isBlank()) {
                throw new DatasetException(Message.of("dataset.text.noText", name + ", line " + line + ": the "
                        + textColumn + " cell is empty: write the text, or delete the line", name, line, textColumn));
            }
            if (cells.get(label).isBlank()) {
                throw new DatasetException(Message.of("dataset.text.noLabel", name + ", line " + line + ": the "
                        + labelColumn + " cell is empty: give the text its label, or delete the line", name, line,
                        labelColumn));
            }
            texts.add(cells.get(text));
            labels.add(cells.get(label).trim());
            lines.add(line);
        }
        if (texts.isEmpty()) {
            throw new DatasetException(Message.of("dataset.csv.noRows", name + ": the file has a header but no rows",
                    name));
        }
        return new TextTable(List.copyOf(texts), List.copyOf(labels), List.copyOf(lines));
    }

    /**
     * @return the column names of the file's header row (read leniently: this only offers the columns to choose
     * from; {@link #read} checks the file)
     */
    public static List<String> header(Path file, Charset charset) throws IOException {
        String first;
        InputFiles.requireRegularFile(file); // a pipe would hold the editor until something writes to it
        try (InputStream in = Files.newInputStream(file)) {
            // the first line only: a header longer than this is no header a person chooses from
            byte[] head = in.readNBytes(1 << 16);
            int end = 0;
            while (end < head.length && head[end] != '\n') end++;
            if (end > 0 && head[end - 1] == '\r') end--;
            if (end == 0) return List.of();
            first = StrictText.line(head, 0, end, charset, file.getFileName().toString(), 1);
        } catch (DatasetException e) {
            return List.of();
        }
        List<List<String>> rows = new ArrayList<>();
        try {
            parse(first, separator(file, first), file.getFileName().toString(), rows, new ArrayList<>());
        } catch (DatasetException e) {
            return List.of();
        }
        return rows.isEmpty() ? List.of() : rows.get(0).stream().map(String::trim).toList();
    }

    private static char separator(Path file, String content) {
        String n = file.getFileName().toString().toLowerCase(java.util.Locale.ROOT);
        if (n.endsWith(".tsv") || n.endsWith(".tab")) return '\t';
        int end = content.indexOf('\n');
        String header = end < 0 ? content : content.substring(0, end);
        return header.indexOf('\t') >= 0 && header.indexOf(',') < 0 ? '\t' : ',';
    }

    private static int column(List<String> header, String column, String name) throws DatasetException {
        int i = header.indexOf(column);
        if (i < 0) {
            String columns = org.strata.engine.text.Excerpt.of(String.join(", ", header));
            throw new DatasetException(Message.of("dataset.text.noColumn", name + ": no column named '" + column
                    + "'; the header has " + columns + ": choose one of them", name, column, columns));
        }
        return i;
    }

    /** Splits the content into rows of cells, with the line each row starts on. */
    private static void parse(String s, char separator, String name, List<List<String>> rows, List<Integer> starts)
            throws DatasetException {
        List<String> row = new ArrayList<>();
        StringBuilder cell = new StringBuilder();
        boolean quoted = false;
        int line = 1;
        int rowStart = 1;
        int quoteLine = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < s.length() && s.charAt(i + 1) == '"') {
                    cell.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    if (c == '\n') line++;
                    cell.append(c);
                }
            } else if (c == '"' && cell.toString().isBlank()) {
                quoted = true;
                quoteLine = line;
                cell.setLength(0);
            } else if (c == separator) {
                row.add(cell.toString());
                cell.setLength(0);
            } else if (c == '\n' || c == '\r') {
                if (c == '\r' && i + 1 < s.length() && s.charAt(i + 1) == '\n') i++;
                row.add(cell.toString());
                cell.setLength(0);
                rows.add(row);
                starts.add(rowStart);
                row = new ArrayList<>();
                line++;
                rowStart = line;
            } else {
                cell.append(c);
            }
        }
        if (quoted) {
            throw new DatasetException(Message.of("dataset.text.openQuote", name + ", line " + quoteLine + ": a quote "
                    + "opens there and never closes: close it, or double a quote inside a text (\"\")", name,
                    quoteLine));
        }
        if (cell.length() > 0 || !row.isEmpty()) {
            row.add(cell.toString());
            rows.add(row);
            starts.add(rowStart);
        }
    }
}
