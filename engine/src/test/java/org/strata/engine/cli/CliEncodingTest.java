package org.strata.engine.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.strata.engine.Samples;

/** On the command line, a data file in another encoding than its dataset names is refused, never misread. */
class CliEncodingTest {
    @TempDir
    Path dir;

    @Test
    void data_refuses_a_latin1_csv_naming_file_line_and_column_and_reads_it_once_its_encoding_is_set()
            throws Exception {
        StringBuilder csv = new StringBuilder("a,b,c,d,label\n");
        for (int i = 0; i < 40; i++) {
            csv.append(i % 5).append(",1.5,-2e-3,.5,").append(i % 2 == 0 ? "caf\u00e9" : "caf\u00e8").append('\n');
        }
        Files.write(dir.resolve("d.csv"), csv.toString().getBytes(StandardCharsets.ISO_8859_1));
        String iris = Files.readString(Samples.file("iris")).replace("\"iris.csv\"", "\"d.csv\"")
                .replace("\"species\"", "\"label\"");
        Path project = Files.writeString(dir.resolve("cafes.strata"), iris);

        CliTest.Result refused = CliTest.cli("data", project.toString());
        assertEquals(1, refused.status(), refused.out());
        assertTrue(refused.err().contains("d.csv, line 2, column 19 (counted in characters): the byte 0xE9 is not "
                + "UTF-8 text"), refused.err());
        assertFalse(refused.err().contains("Exception"), refused.err());

        Files.writeString(project, iris.replace("\"encoding\": \"UTF-8\"", "\"encoding\": \"ISO-8859-1\""));
        CliTest.Result read = CliTest.cli("data", project.toString());
        assertEquals(0, read.status(), read.err());
        assertTrue(read.out().contains("caf\u00e9") && read.out().contains("caf\u00e8"), read.out());
    }
}
