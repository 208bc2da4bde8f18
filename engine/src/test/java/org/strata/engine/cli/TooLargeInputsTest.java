package org.strata.engine.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.CRC32;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.strata.engine.Samples;
import picocli.CommandLine;

/**
 * Sizes declared inside files or settings are checked before anything is allocated for them, and running out of
 * memory or stack anyway ends a command in one line, never a stack trace.
 */
class TooLargeInputsTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    /** A copy of sample {@code name} in the temporary folder, with {@code dataset} settings changed. */
    private Path project(String name, String... settings) throws Exception {
        ObjectNode root = (ObjectNode) JSON.readTree(Samples.file(name).toFile());
        ObjectNode dataset = (ObjectNode) root.get("dataset");
        for (int i = 0; i < settings.length; i += 2) {
            String v = settings[i + 1];
            if (v.matches("\\d+")) dataset.put(settings[i], Long.parseLong(v));
            else dataset.put(settings[i], v);
        }
        Path p = dir.resolve(name + ".strata");
        JSON.writeValue(p.toFile(), root);
        return p;
    }

    private static void oneLineNoTrace(CliTest.Result r) {
        assertEquals(1, r.status(), r.out() + r.err());
        assertFalse(r.err().contains("\tat ") || r.err().contains("Exception") || r.err().contains("Error:"), r.err());
    }

    @Test
    void a_text_set_whose_rows_times_length_overflows_an_int_is_refused_naming_both_numbers() throws Exception {
        StringBuilder csv = new StringBuilder("word,language\n");
        for (int i = 0; i < 214_749; i++) csv.append(i % 2 == 0 ? "ab,en\n" : "ba,fr\n");
        Files.writeString(dir.resolve("big.csv"), csv);
        Path project = project("which-language", "path", "big.csv", "length", "10000");
        CliTest.Result r = CliTest.cli("data", project.toString());
        oneLineNoTrace(r);
        assertTrue(r.err().contains("big.csv: 214,749 texts × 10,000 tokens = 2,147,490,000 numbers, more than fit"),
                r.err());
        assertFalse(r.err().contains("-1794967296"), r.err());
    }

    @Test
    void a_generated_task_of_a_billion_values_is_refused_before_it_is_generated() throws Exception {
        Path project = project("attention-reverse", "samples", "1000000", "length", "1000");
        CliTest.Result r = CliTest.cli("data", project.toString());
        oneLineNoTrace(r);
        assertTrue(r.err().contains("the reverse task: 1,000,000 sequences × 2000 values = 2,000,000,000 numbers"),
                r.err());
    }

    /** An .npy entry whose header declares {@code shape} but that holds only 8 KB of values. */
    private Path npz(String name, String shape, boolean stored) throws Exception {
        String header = "{'descr': '<f4', 'fortran_order': False, 'shape': (" + shape + ",), }";
        header = header + " ".repeat(117 - header.length()) + "\n";
        byte[] h = header.getBytes(StandardCharsets.ISO_8859_1);
        byte[] npy = new byte[10 + h.length + 8192];
        byte[] magic = {(byte) 0x93, 'N', 'U', 'M', 'P', 'Y', 1, 0, (byte) h.length, 0};
        System.arraycopy(magic, 0, npy, 0, magic.length);
        System.arraycopy(h, 0, npy, 10, h.length);
        Path file = dir.resolve(name);
        try (OutputStream out = Files.newOutputStream(file); ZipOutputStream zip = new ZipOutputStream(out)) {
            ZipEntry e = new ZipEntry("dense1_W.npy");
            if (stored) { // the sizes stand in the entry's header, as NumPy writes them
                CRC32 crc = new CRC32();
                crc.update(npy);
                e.setMethod(ZipEntry.STORED);
                e.setSize(npy.length);
                e.setCrc(crc.getValue());
            }
            zip.putNextEntry(e);
            zip.write(npy);
            zip.closeEntry();
        }
        return file;
    }

    @Test
    void an_npz_of_8_kb_declaring_two_billion_floats_is_refused_before_allocating_them() throws Exception {
        for (boolean stored : new boolean[] {true, false}) {
            Path npz = npz(stored ? "stored.npz" : "deflated.npz", "2000000000", stored);
            CliTest.Result r = CliTest.cli("import-weights", npz.toString(), "--project",
                    Samples.file("iris").toString());
            oneLineNoTrace(r);
            assertTrue(r.err().contains("dense1_W.npy declares 2000000000 values"), r.err());
            assertTrue(r.err().contains(stored ? "but holds only 8192 bytes" : "more than fit in the memory"),
                    r.err());
        }
    }

    @CommandLine.Command(name = "fail")
    static final class Failing implements java.util.concurrent.Callable<Integer> {
        @CommandLine.Parameters
        String what;

        @Override
        public Integer call() {
            if (what.equals("memory")) throw new OutOfMemoryError("Java heap space");
            return call(); // until the stack runs out
        }
    }

    @Test
    void running_out_of_memory_or_stack_ends_a_command_in_one_line_with_status_1() {
        for (String what : new String[] {"memory", "stack"}) {
            StringWriter err = new StringWriter();
            CommandLine cl = new CommandLine(new Failing()).setErr(new PrintWriter(err, true));
            assertEquals(1, StrataCli.execute(cl, what));
            assertEquals(1, err.toString().lines().count(), err.toString());
            assertTrue(err.toString().startsWith(what.equals("memory") ? "error: out of memory: the network or its "
                    + "data is too large" : "error: the input nests too deeply"), err.toString());
        }
    }
}
