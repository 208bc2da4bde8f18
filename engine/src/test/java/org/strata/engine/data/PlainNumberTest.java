package org.strata.engine.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.strata.engine.project.DatasetKind;

/** Numbers in data files are plain decimals, never Java's literals. */
class PlainNumberTest {
    @TempDir
    Path dir;

    private DatasetException refused(String cell) throws Exception {
        Files.writeString(dir.resolve("d.csv"), "a,b,label\n1,2,x\n3," + cell + ",y\n5,6,x\n7,8,y\n");
        return assertThrows(DatasetException.class, () -> DatasetLoader.load(DatasetTestSupport.project(dir,
                DatasetKind.CSV, "path", "d.csv", "validationSplit", 0.0, "testSplit", 0.0)));
    }

    @Test
    void java_literals_in_a_numeric_cell_are_refused_naming_the_file_line_column_and_value() throws Exception {
        for (String cell : List.of("1.5f", "2d", "0x1p-2", "1_000", "1.5F", "2D", "NaN", "Infinity", "-inf", "1e39")) {
            DatasetException e = refused(cell);
            assertEquals("dataset.csv.notNumber", e.text().code(), cell);
            assertEquals(List.of("d.csv", 3, "b", cell), e.text().args(), cell);
        }
    }

    @Test
    void a_regression_target_and_a_series_value_are_plain_decimals_too() throws Exception {
        // a blank line before it: the message still names the target's own line
        Files.writeString(dir.resolve("r.csv"), "a,y\n1,2\n\n3,4.5f\n5,6\n");
        DatasetException e = assertThrows(DatasetException.class, () -> DatasetLoader.load(DatasetTestSupport.project(
                dir, DatasetKind.CSV, "path", "r.csv", "labelColumn", "y", "task", "regression")));
        assertEquals(List.of("r.csv", 4, "y", "4.5f"), e.text().args());
        StringBuilder b = new StringBuilder("value\n");
        for (int i = 0; i < 30; i++) b.append(i == 7 ? "0x10" : Integer.toString(i)).append('\n');
        Files.writeString(dir.resolve("s.csv"), b.toString());
        e = assertThrows(DatasetException.class, () -> DatasetLoader.load(DatasetTestSupport.project(dir,
                DatasetKind.SEQUENCE, "path", "s.csv", "window", 4)));
        assertEquals(List.of("s.csv", 9, "value", "0x10"), e.text().args());
    }

    @Test
    void plain_decimals_in_every_form_are_read() {
        assertEquals(1.5f, PlainNumber.parseFloat("1.5", false));
        assertEquals(-0.002f, PlainNumber.parseFloat("-2e-3", false));
        assertEquals(3f, PlainNumber.parseFloat("+3", false));
        assertEquals(1f, PlainNumber.parseFloat("1.", false));
        assertEquals(0.5f, PlainNumber.parseFloat(".5", false));
        assertEquals(100000f, PlainNumber.parseFloat("1E5", false));
        assertThrows(NumberFormatException.class, () -> PlainNumber.parseFloat(".", false));
        assertThrows(NumberFormatException.class, () -> PlainNumber.parseFloat("1e", false));
        assertThrows(NumberFormatException.class, () -> PlainNumber.parseFloat("", false));
        assertThrows(NumberFormatException.class, () -> PlainNumber.parseFloat("\u0661", false)); // Arabic-Indic 1
    }

    @Test
    void nan_and_infinities_are_read_only_where_the_caller_allows_them() {
        assertThrows(NumberFormatException.class, () -> PlainNumber.parseFloat("NaN", false));
        assertThrows(NumberFormatException.class, () -> PlainNumber.parseFloat("inf", false));
        assertEquals(Float.NaN, PlainNumber.parseFloat("NaN", true));
        assertEquals(Float.POSITIVE_INFINITY, PlainNumber.parseFloat("inf", true));
        assertEquals(Float.NEGATIVE_INFINITY, PlainNumber.parseFloat("-inf", true));
        assertEquals(Float.POSITIVE_INFINITY, PlainNumber.parseFloat("Infinity", true));
        assertThrows(NumberFormatException.class, () -> PlainNumber.parseFloat("0x1p-2", true));
    }
}
