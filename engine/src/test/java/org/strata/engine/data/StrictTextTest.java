package org.strata.engine.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.strata.engine.project.DatasetKind;
import org.strata.engine.project.Project;
import org.strata.engine.project.ProjectFile;

/**
 * Every text file of a dataset (CSV, sequence, text) is read strictly in the encoding the dataset names: a byte that
 * does not decode is an error naming the file, line and column, never a silent replacement that merges classes.
 */
class StrictTextTest {
    @TempDir
    Path dir;

    private Path write(String name, String text, Charset charset) throws Exception {
        return Files.write(dir.resolve(name), text.getBytes(charset));
    }

    private static String labelled(String first, String second) {
        StringBuilder b = new StringBuilder("a,b,label\n");
        for (int i = 0; i < 10; i++) b.append(i).append(',').append(i % 3).append(',')
                .append(i % 2 == 0 ? first : second).append('\n');
        return b.toString();
    }

    private Dataset loadCsv(Object... kv) throws Exception {
        List<Object> all = new ArrayList<>(List.of("path", "d.csv", "validationSplit", 0.0, "testSplit", 0.0));
        all.addAll(List.of(kv));
        return DatasetLoader.load(DatasetTestSupport.project(dir, DatasetKind.CSV, all.toArray()));
    }

    @Test
    void a_latin1_csv_read_as_utf8_is_an_error_naming_file_line_and_column_not_one_merged_class() throws Exception {
        write("d.csv", labelled("caf\u00e9", "caf\u00e8"), StandardCharsets.ISO_8859_1);
        DatasetException e = assertThrows(DatasetException.class, this::loadCsv);
        assertEquals("dataset.encoding.undecodable", e.text().code());
        // "0,0,café": the é is the 8th character of line 2
        assertEquals(List.of("d.csv", 2, 8, "0xE9", "UTF-8"), e.text().args());
        assertTrue(e.getMessage().startsWith("d.csv, line 2, column 8 (counted in characters)"), e.getMessage());
        assertTrue(e.getMessage().contains("save the file as UTF-8"), e.getMessage());
        assertTrue(e.getMessage().contains("encoding"), e.getMessage());
    }

    @Test
    void a_latin1_csv_read_as_iso_8859_1_keeps_its_two_classes_apart() throws Exception {
        write("d.csv", labelled("caf\u00e9", "caf\u00e8"), StandardCharsets.ISO_8859_1);
        assertEquals(List.of("caf\u00e9", "caf\u00e8"), loadCsv("encoding", "ISO-8859-1").classNames());
    }

    @Test
    void a_gbk_csv_reads_its_chinese_labels_with_encoding_gbk_and_is_an_error_without() throws Exception {
        write("d.csv", labelled("\u72d7", "\u732b"), Charset.forName("GBK")); // 狗, 猫
        assertEquals(List.of("\u72d7", "\u732b"), loadCsv("encoding", "GBK").classNames());
        assertEquals(List.of("\u72d7", "\u732b"), loadCsv("encoding", "GB18030").classNames());
        DatasetException e = assertThrows(DatasetException.class, this::loadCsv);
        assertEquals("dataset.encoding.undecodable", e.text().code());
        assertEquals(List.of("d.csv", 2, 5, "0xB9", "UTF-8"), e.text().args());
    }

    @Test
    void a_utf8_file_with_a_byte_order_mark_reads_fine_and_the_mark_is_no_part_of_the_first_column() throws Exception {
        write("d.csv", "\uFEFF" + labelled("caf\u00e9", "caf\u00e8").replace("a,b,label", "label,a,b")
                .replaceAll("(?m)^(\\d+),(\\d+),(.+)$", "$3,$1,$2"), StandardCharsets.UTF_8);
        assertEquals(List.of("caf\u00e9", "caf\u00e8"), loadCsv().classNames());
        // the mark says UTF-8: reading the file as Latin-1 would make it letters of the first column's name
        DatasetException e = assertThrows(DatasetException.class, () -> loadCsv("encoding", "ISO-8859-1"));
        assertEquals("dataset.encoding.bom", e.text().code());
        assertEquals(List.of("d.csv", "ISO-8859-1"), e.text().args());
    }

    @Test
    void a_sequence_rows_file_with_a_byte_that_is_not_utf8_is_an_error_naming_its_line() throws Exception {
        write("s.csv", "t1,t2,t3,label\n1,2,3,up\n3,2,1,down\n1,2,3,up\n3,2,1,caf\u00e9\n",
                StandardCharsets.ISO_8859_1);
        Project p = DatasetTestSupport.project(dir, DatasetKind.SEQUENCE, "path", "s.csv", "layout", "rows",
                "validationSplit", 0.0, "testSplit", 0.0);
        DatasetException e = assertThrows(DatasetException.class, () -> DatasetLoader.load(p));
        assertEquals(List.of("s.csv", 5, 10, "0xE9", "UTF-8"), e.text().args());
        // the editor's probe says the same, and throws nothing
        assertEquals("dataset.encoding.undecodable", DataProbe.probe(p).error().code());
    }

    @Test
    void a_sequence_column_file_is_read_strictly_even_in_the_columns_it_does_not_use() throws Exception {
        StringBuilder b = new StringBuilder("day,value\n");
        for (int i = 0; i < 40; i++) b.append(i == 20 ? "f\u00eate" : "d" + i).append(',').append(i).append('\n');
        write("s.csv", b.toString(), StandardCharsets.ISO_8859_1);
        Project p = DatasetTestSupport.project(dir, DatasetKind.SEQUENCE, "path", "s.csv", "window", 4);
        DatasetException e = assertThrows(DatasetException.class, () -> DatasetLoader.load(p));
        assertEquals(List.of("s.csv", 22, 2, "0xEA", "UTF-8"), e.text().args());
        Project latin1 = DatasetTestSupport.project(dir, DatasetKind.SEQUENCE, "path", "s.csv", "window", 4,
                "encoding", "ISO-8859-1");
        assertEquals(40 - 4 - 1 + 1, DatasetLoader.load(latin1).train().size() + DatasetLoader.load(latin1)
                .validation().size() + DatasetLoader.load(latin1).test().size());
    }

    @Test
    void a_text_dataset_with_a_byte_that_is_not_utf8_names_its_column_and_reads_in_the_encoding_named()
            throws Exception {
        StringBuilder b = new StringBuilder("text,label\n");
        for (int i = 0; i < 10; i++) b.append(i % 2 == 0 ? "un caf\u00e9 noir,fr\n" : "a black coffee,en\n");
        write("t.csv", b.toString(), StandardCharsets.ISO_8859_1);
        Project p = DatasetTestSupport.project(dir, DatasetKind.TEXT, "path", "t.csv", "validationSplit", 0.0,
                "testSplit", 0.0);
        DatasetException e = assertThrows(DatasetException.class, () -> DatasetLoader.load(p));
        assertEquals(List.of("t.csv", 2, 7, "0xE9", "UTF-8"), e.text().args());
        Project latin1 = DatasetTestSupport.project(dir, DatasetKind.TEXT, "path", "t.csv", "validationSplit", 0.0,
                "testSplit", 0.0, "encoding", "ISO-8859-1");
        assertTrue(DatasetLoader.load(latin1).text().orElseThrow().vocabulary().tokens().contains("caf\u00e9"));
        // the columns offered in the editor come from the file as the encoding reads it
        assertEquals(List.of("text", "label"), TextTable.header(dir.resolve("t.csv"), StandardCharsets.ISO_8859_1));
    }

    @Test
    void columns_count_characters_not_bytes_or_utf16_units_and_a_cut_character_is_an_error() throws Exception {
        byte[] smile = "\ud83d\ude42\u00e9x".getBytes(StandardCharsets.UTF_8); // 🙂éx: 4 + 2 + 1 bytes
        byte[] line = java.util.Arrays.copyOf(smile, smile.length + 1);
        line[smile.length] = (byte) 0xFF;
        DatasetException e = assertThrows(DatasetException.class,
                () -> StrictText.line(line, 0, line.length, StandardCharsets.UTF_8, "f.csv", 7));
        assertEquals(List.of("f.csv", 7, 4, "0xFF", "UTF-8"), e.text().args());
        // a character whose last bytes are missing at the end of the line
        byte[] cut = {'c', 'a', 'f', (byte) 0xC3};
        e = assertThrows(DatasetException.class,
                () -> StrictText.line(cut, 0, cut.length, StandardCharsets.UTF_8, "f.csv", 2));
        assertEquals(List.of("f.csv", 2, 4, "0xC3", "UTF-8"), e.text().args());
        // the whole-file reader counts lines and columns alike
        byte[] file = "ok\n\ud83d\ude42x\u00e9\n".getBytes(StandardCharsets.UTF_8);
        byte[] bad = java.util.Arrays.copyOf(file, file.length + 2);
        bad[file.length] = 'y';
        bad[file.length + 1] = (byte) 0x80;
        e = assertThrows(DatasetException.class, () -> StrictText.decode(bad, StandardCharsets.UTF_8, "t.csv"));
        assertEquals(List.of("t.csv", 3, 2, "0x80", "UTF-8"), e.text().args());
        // GB18030 reads what GBK cannot: a four-byte character
        String rare = "\ud840\udc00"; // U+20000, beyond GBK
        assertEquals(rare, StrictText.decode(rare.getBytes(Charset.forName("GB18030")), Charset.forName("GB18030"),
                "t.csv"));
    }

    @Test
    void the_encoding_is_saved_with_the_project_and_a_project_without_one_reads_utf8() throws Exception {
        Project p = DatasetTestSupport.project(dir, DatasetKind.CSV, "path", "d.csv", "encoding", "GBK");
        String json = ProjectFile.toJson(p);
        assertTrue(json.contains("\"encoding\""), json);
        assertEquals("GBK", ProjectFile.parse(json).dataset().orElseThrow().params().getString("encoding"));
        String old = json.replaceAll("\\s*\"encoding\"\\s*:\\s*\"GBK\"\\s*,", "");
        assertTrue(!old.contains("encoding"), old);
        assertEquals("UTF-8", ProjectFile.parse(old).dataset().orElseThrow().params().getString("encoding"));
    }
}
