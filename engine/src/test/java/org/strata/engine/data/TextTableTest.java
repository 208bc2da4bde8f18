package org.strata.engine.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TextTableTest {
    @TempDir
    Path dir;

    private Path file(String name, String content) throws IOException {
        return Files.writeString(dir.resolve(name), content, StandardCharsets.UTF_8);
    }

    @Test
    void reads_texts_and_labels_with_quotes_commas_and_lines_inside_a_text() throws IOException {
        Path f = file("reviews.csv", "\uFEFFid,review,stars\n1,\"Great, \"\"really\"\" great\",5\n2,\"two\nlines\","
                + "1\r\n\n3,中文也可以,4\n");
        TextTable t = TextTable.read(f, "review", "stars");
        assertEquals(List.of("Great, \"really\" great", "two\nlines", "中文也可以"), t.texts());
        assertEquals(List.of("5", "1", "4"), t.labels());
        assertEquals(List.of(2, 3, 6), t.lines());
    }

    @Test
    void a_tsv_file_is_split_at_tabs() throws IOException {
        TextTable t = TextTable.read(file("words.tsv", "word\tlanguage\nchat\tfrench\nhund\tgerman\n"), "word",
                "language");
        assertEquals(List.of("chat", "hund"), t.texts());
    }

    @Test
    void a_missing_column_names_the_columns_there_are() throws IOException {
        DatasetException e = assertThrows(DatasetException.class,
                () -> TextTable.read(file("a.csv", "word,language\nchat,french\n"), "text", "language"));
        assertEquals("dataset.text.noColumn", e.text().code());
        assertEquals(List.of("a.csv", "text", "word, language"), e.text().args());
    }

    @Test
    void an_empty_text_or_label_names_its_line() throws IOException {
        DatasetException e = assertThrows(DatasetException.class,
                () -> TextTable.read(file("a.csv", "word,language\nchat,french\n ,german\n"), "word", "language"));
        assertEquals("dataset.text.noText", e.text().code());
        assertEquals(3, e.text().args().get(1));
        e = assertThrows(DatasetException.class,
                () -> TextTable.read(file("b.csv", "word,language\nchat,\n"), "word", "language"));
        assertEquals("dataset.text.noLabel", e.text().code());
    }

    @Test
    void bytes_that_are_not_utf8_name_their_line_and_column_instead_of_turning_into_question_marks()
            throws IOException {
        Path f = dir.resolve("latin1.csv");
        Files.write(f, "word,language\nchat,french\ncaf\u00e9,french\n".getBytes(StandardCharsets.ISO_8859_1));
        DatasetException e = assertThrows(DatasetException.class, () -> TextTable.read(f, "word", "language"));
        assertEquals("dataset.encoding.undecodable", e.text().code());
        assertEquals(List.of("latin1.csv", 3, 4, "0xE9", "UTF-8"), e.text().args());
    }

    @Test
    void an_unclosed_quote_and_a_row_with_too_few_cells_are_errors() throws IOException {
        assertEquals("dataset.text.openQuote", assertThrows(DatasetException.class, () -> TextTable.read(
                file("q.csv", "word,language\n\"chat,french\nhund,german\n"), "word", "language")).text().code());
        assertEquals("dataset.csv.cells", assertThrows(DatasetException.class, () -> TextTable.read(
                file("c.csv", "word,language\nchat\n"), "word", "language")).text().code());
        assertEquals("dataset.csv.noRows", assertThrows(DatasetException.class, () -> TextTable.read(
                file("h.csv", "word,language\n"), "word", "language")).text().code());
    }
}
