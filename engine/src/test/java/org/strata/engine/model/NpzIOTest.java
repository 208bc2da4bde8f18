package org.strata.engine.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jetbrains.bio.npy.NpzFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.strata.engine.train.ModelArrays;

class NpzIOTest {
    @TempDir
    Path dir;

    @Test
    void arrays_named_in_any_script_round_trip() throws Exception {
        Map<String, INDArray> arrays = new LinkedHashMap<>();
        arrays.put("隐藏/W", Nd4j.createFromArray(new float[][]{{1, 2, 3}, {4, 5, 6}}));
        arrays.put("hidß/b", Nd4j.createFromArray(new float[]{0.5f, -1f}));
        arrays.put("scalar", Nd4j.scalar(7f));
        Path f = dir.resolve("w.npz");
        NpzIO.write(f, ModelArrays.plain(arrays));
        Map<String, INDArray> back = ModelArrays.nd4j(NpzIO.read(f));
        assertEquals(arrays.keySet(), back.keySet());
        assertArrayEquals(new long[]{2, 3}, back.get("隐藏/W").shape());
        assertEquals(6f, back.get("隐藏/W").getFloat(1, 2));
        assertEquals(-1f, back.get("hidß/b").getFloat(1));
    }

    @Test
    void files_written_by_the_npy_library_earlier_versions_used_still_read() throws Exception {
        Path f = dir.resolve("old.npz");
        try (NpzFile.Writer w = NpzFile.write(f, true)) {
            w.write("dense/W", new float[]{1, 2, 3, 4, 5, 6}, new int[]{3, 2});
            w.write("dense/b", new double[]{0.25, 0.5}, new int[]{2});
        }
        Map<String, INDArray> back = ModelArrays.nd4j(NpzIO.read(f));
        assertArrayEquals(new long[]{3, 2}, back.get("dense/W").shape());
        assertEquals(6f, back.get("dense/W").getFloat(2, 1));
        assertEquals(0.5f, back.get("dense/b").getFloat(1));
    }

    @Test
    void a_damaged_file_is_named_with_what_is_wrong_and_nothing_more_is_read() throws Exception {
        Path notZip = dir.resolve("garbage.npz");
        Files.write(notZip, "\u0000\u0001garbage that is not a zip".getBytes());
        var e = assertThrows(java.io.IOException.class, () -> NpzIO.read(notZip));
        assertTrue(e.getMessage().startsWith(notZip + ": not a readable .npz file"), e.getMessage());

        // a header that claims far more values than the entry holds: refused, not allocated
        Path huge = dir.resolve("huge.npz");
        try (var zip = new java.util.zip.ZipOutputStream(Files.newOutputStream(huge))) {
            zip.putNextEntry(new java.util.zip.ZipEntry("w.npy"));
            String dict = "{'descr': '<f4', 'fortran_order': False, 'shape': (100000, 100000), }";
            byte[] h = (dict + " ".repeat(64 - (10 + dict.length() + 1) % 64) + "\n").getBytes();
            var b = java.nio.ByteBuffer.allocate(10 + h.length).order(java.nio.ByteOrder.LITTLE_ENDIAN);
            b.put(new byte[]{(byte) 0x93, 'N', 'U', 'M', 'P', 'Y', 1, 0}).putShort((short) h.length).put(h);
            zip.write(b.array());
            zip.write(new byte[16]);
        }
        var tooBig = assertThrows(java.io.IOException.class, () -> NpzIO.read(huge));
        assertTrue(tooBig.getMessage().contains("w.npy declares more than"), tooBig.getMessage());
    }

    @Test
    void a_file_cut_short_says_so_instead_of_null() throws Exception {
        Path cut = dir.resolve("cut.npz");
        // cut inside the array's magic number: the stream ends with no message of its own
        try (var zip = new java.util.zip.ZipOutputStream(Files.newOutputStream(cut))) {
            zip.putNextEntry(new java.util.zip.ZipEntry("w.npy"));
            zip.write(new byte[]{(byte) 0x93, 'N', 'U', 'M', 'P'});
        }
        var e = assertThrows(java.io.IOException.class, () -> NpzIO.read(cut));
        assertTrue(e.getMessage().startsWith(cut + ": not a readable .npz file: it ends before"), e.getMessage());
    }

    @Test
    void whole_numbers_are_written_as_int64_and_every_array_reads_back_as_float32_without_an_engine() throws Exception {
        Map<String, NpyArray> arrays = new LinkedHashMap<>();
        arrays.put("train", LongArray.vector(new long[]{4, 0, 3}));
        arrays.put("empty", LongArray.vector(new long[0]));
        arrays.put("x", new FloatArray(new long[]{2, 2}, new float[]{1, 2, 3, 4}));
        Path f = dir.resolve("plain.npz");
        NpzIO.write(f, arrays);
        try (var zip = new java.util.zip.ZipFile(f.toFile())) {
            String header = new String(zip.getInputStream(zip.getEntry("train.npy")).readNBytes(64),
                    java.nio.charset.StandardCharsets.ISO_8859_1);
            assertTrue(header.contains("'descr': '<i8'"), header);
        }
        Map<String, FloatArray> back = NpzIO.read(f);
        assertEquals(new FloatArray(new long[]{3}, new float[]{4, 0, 3}), back.get("train"));
        assertEquals(0, back.get("empty").size());
        assertEquals(arrays.get("x"), back.get("x"));
    }
}
