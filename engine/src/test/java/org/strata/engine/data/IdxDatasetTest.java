package org.strata.engine.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.strata.engine.Samples;
import org.strata.engine.layers.TensorShape;
import org.strata.engine.project.DatasetKind;
import org.strata.engine.project.ProjectFile;

class IdxDatasetTest {
    @TempDir
    Path dir;

    private void files(boolean gzip, int[] trainLabels, int[] testLabels) throws Exception {
        DatasetTestSupport.writeIdxImages(dir.resolve("ti"), trainLabels.length, 4, 3, gzip);
        DatasetTestSupport.writeIdxLabels(dir.resolve("tl"), trainLabels, gzip);
        DatasetTestSupport.writeIdxImages(dir.resolve("si"), testLabels.length, 4, 3, gzip);
        DatasetTestSupport.writeIdxLabels(dir.resolve("sl"), testLabels, gzip);
    }

    private Dataset load() throws Exception {
        return DatasetLoader.load(DatasetTestSupport.project(dir, DatasetKind.MNIST_IDX, "trainImages", "ti",
                "trainLabels", "tl", "testImages", "si", "testLabels", "sl", "validationSplit", 0.25));
    }

    @Test
    void bundled_mnist_loads_with_its_splits() throws Exception {
        Dataset d = DatasetLoader.load(ProjectFile.load(Samples.file("mnist-mlp")));
        assertEquals(TensorShape.image(28, 28, 1), d.featureShape());
        assertEquals(7200, d.train().size());
        assertEquals(800, d.validation().size());
        assertEquals(2000, d.test().size());
        assertEquals(10, d.classNames().size());
        float[] x = new float[784];
        d.train().features(0, x, 0);
        for (float v : x) assertTrue(v >= 0 && v <= 1, "scaled to 0–1");
    }

    @Test
    void raw_and_gzipped_files_read_the_same() throws Exception {
        int[] labels = {0, 1, 2, 0, 1, 2, 0, 1};
        files(false, labels, new int[]{2, 1});
        Dataset raw = load();
        files(true, labels, new int[]{2, 1});
        Dataset gz = load();
        float[] a = new float[12];
        float[] b = new float[12];
        raw.test().features(1, a, 0);
        gz.test().features(1, b, 0);
        assertEquals(java.util.Arrays.toString(a), java.util.Arrays.toString(b));
        assertEquals(TensorShape.image(4, 3, 1), gz.featureShape());
        assertEquals(6, gz.train().size());
        assertEquals(2, gz.validation().size());
    }

    @Test
    void bad_magic_number_names_the_file_and_expected_value() throws Exception {
        files(true, new int[]{0, 1}, new int[]{0});
        Files.copy(dir.resolve("tl"), dir.resolve("ti"), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        var e = assertThrows(DatasetException.class, this::load);
        assertTrue(e.getMessage().contains("ti: bad magic number 0x00000801, expected 0x00000803"), e.getMessage());
    }

    @Test
    void truncated_file_is_reported() throws Exception {
        files(false, new int[]{0, 1}, new int[]{0});
        byte[] all = Files.readAllBytes(dir.resolve("ti"));
        Files.write(dir.resolve("ti"), java.util.Arrays.copyOf(all, all.length - 5));
        var e = assertThrows(DatasetException.class, this::load);
        assertTrue(e.getMessage().contains("truncated"), e.getMessage());
    }

    @Test
    void a_gzip_file_with_flipped_bytes_is_named_as_damaged_not_trained_on() throws Exception {
        int[] many = new int[4000];
        for (int i = 0; i < many.length; i++) many[i] = (i * 7919) % 10;
        files(true, many, new int[]{0, 1, 2, 3, 4, 5, 6, 7, 8, 9});
        byte[] gz = Files.readAllBytes(dir.resolve("ti"));
        // flip bytes in the middle of the deflate data: it decodes to other pixels, or fails to decode
        gz[gz.length / 2] ^= 0x5a;
        gz[gz.length / 2 + 7] ^= 0x21;
        Files.write(dir.resolve("ti"), gz);
        var e = assertThrows(DatasetException.class, this::load);
        assertTrue(e.getMessage().contains("ti: the file is damaged"), e.getMessage());

        // data that decodes, but not to what was packed: only the checksum at the file's end tells
        files(true, many, new int[]{0, 1, 2, 3, 4, 5, 6, 7, 8, 9});
        byte[] intact = Files.readAllBytes(dir.resolve("tl"));
        intact[intact.length - 8] ^= 0x01; // the CRC-32 of the unpacked bytes
        Files.write(dir.resolve("tl"), intact);
        var crc = assertThrows(DatasetException.class, this::load);
        assertTrue(crc.getMessage().contains("tl: the file is damaged"), crc.getMessage());
    }

    @Test
    void a_header_promising_billions_of_labels_is_refused_without_taking_the_memory() throws Exception {
        files(true, new int[]{0, 1}, new int[]{0});
        for (boolean gzip : new boolean[]{false, true}) {
            java.io.ByteArrayOutputStream b = new java.io.ByteArrayOutputStream();
            java.io.DataOutputStream d = new java.io.DataOutputStream(b);
            d.writeInt(0x801);
            d.writeInt(Integer.MAX_VALUE);
            d.write(new byte[]{0, 1, 0, 1});
            DatasetTestSupport.write(dir.resolve("tl"), b.toByteArray(), gzip);
            long before = Runtime.getRuntime().totalMemory() - Runtime.getRuntime().freeMemory();
            var e = assertThrows(DatasetException.class, this::load);
            assertTrue(e.getMessage().contains("tl: the header promises 2147483647 labels"), e.getMessage());
            long used = Runtime.getRuntime().totalMemory() - Runtime.getRuntime().freeMemory() - before;
            assertTrue(used < 256L << 20, "took " + (used >> 20) + " MB for a 4-label file");
        }
    }

    @Test
    void missing_file_says_paths_are_relative_to_the_project() throws Exception {
        var e = assertThrows(DatasetException.class, this::load);
        assertTrue(e.getMessage().contains("file not found") && e.getMessage().contains("relative to the project"),
                e.getMessage());
    }

    @Test
    void image_and_label_counts_must_match() throws Exception {
        files(false, new int[]{0, 1, 0}, new int[]{0});
        DatasetTestSupport.writeIdxLabels(dir.resolve("tl"), new int[]{0, 1}, false);
        var e = assertThrows(DatasetException.class, this::load);
        assertTrue(e.getMessage().contains("holds 3 images but tl holds 2 labels"), e.getMessage());
    }

    @Test
    void test_label_never_seen_in_training_is_an_error() throws Exception {
        files(false, new int[]{0, 1, 0, 1}, new int[]{0, 2});
        var e = assertThrows(DatasetException.class, this::load);
        assertTrue(e.getMessage().contains("label '2' never appears in the training data"), e.getMessage());
    }
}
