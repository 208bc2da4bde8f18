package org.strata.engine.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Color;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.strata.engine.layers.TensorShape;
import org.strata.engine.project.DatasetKind;

class ImageFolderAndGeneratorTest {
    @TempDir
    Path dir;

    private void image(String cls, String name, Color c) throws Exception {
        Files.createDirectories(dir.resolve("imgs").resolve(cls));
        BufferedImage img = new BufferedImage(10, 6, BufferedImage.TYPE_INT_RGB);
        var g = img.createGraphics();
        g.setColor(c);
        g.fillRect(0, 0, 10, 6);
        g.dispose();
        ImageIO.write(img, "png", dir.resolve("imgs").resolve(cls).resolve(name).toFile());
    }

    @Test
    void image_folder_gives_one_class_per_subfolder_resized() throws Exception {
        for (int i = 0; i < 5; i++) {
            image("cats", "c" + i + ".png", Color.WHITE);
            image("dogs", "d" + i + ".png", Color.BLACK);
        }
        Dataset d = DatasetLoader.load(DatasetTestSupport.project(dir, DatasetKind.IMAGE_FOLDER, "path", "imgs",
                "height", 4, "width", 4, "color", "rgb", "validationSplit", 0.0, "testSplit", 0.0));
        assertEquals(List.of("cats", "dogs"), d.classNames());
        assertEquals(TensorShape.image(4, 4, 3), d.featureShape());
        float[] x = new float[48];
        for (int i = 0; i < d.train().size(); i++) {
            d.train().features(i, x, 0);
            float expected = d.train().label(i) == 0 ? 1f : 0f;
            assertEquals(expected, x[0], 1e-6, "white cats, black dogs, scaled to 0–1");
        }
    }

    @Test
    void an_image_declaring_forty_thousand_pixels_square_is_refused_before_it_is_decoded() throws Exception {
        image("cats", "c.png", Color.WHITE);
        image("dogs", "d.png", Color.BLACK);
        // the PNG's header (IHDR: width, height at bytes 16–23, its CRC at 29–32) made to declare 40000×40000
        Path png = dir.resolve("imgs").resolve("dogs").resolve("d.png");
        byte[] b = Files.readAllBytes(png);
        java.nio.ByteBuffer.wrap(b).putInt(16, 40_000).putInt(20, 40_000);
        java.util.zip.CRC32 crc = new java.util.zip.CRC32();
        crc.update(b, 12, 17);
        java.nio.ByteBuffer.wrap(b).putInt(29, (int) crc.getValue());
        Files.write(png, b);
        Dataset d = DatasetLoader.load(DatasetTestSupport.project(dir, DatasetKind.IMAGE_FOLDER, "path", "imgs",
                "height", 4, "width", 4, "color", "rgb", "validationSplit", 0.0, "testSplit", 0.0));
        float[] x = new float[48];
        var e = assertThrows(java.io.UncheckedIOException.class, () -> {
            for (int i = 0; i < d.train().size(); i++) d.train().features(i, x, 0);
        });
        assertTrue(e.getCause().getMessage().endsWith("d.png: the image declares 40000×40000 pixels, more than "
                + "Strata reads from one image (67108864): scale it down (the network sees it at the dataset's height "
                + "and width anyway)"), e.getCause().getMessage());
    }

    @Test
    void image_folder_without_class_folders_is_explained() throws Exception {
        Files.createDirectories(dir.resolve("imgs"));
        var e = assertThrows(DatasetException.class, () -> DatasetLoader.load(
                DatasetTestSupport.project(dir, DatasetKind.IMAGE_FOLDER, "path", "imgs")));
        assertTrue(e.getMessage().contains("one subfolder per class"), e.getMessage());
    }

    @Test
    void empty_class_folder_is_named() throws Exception {
        image("cats", "c.png", Color.WHITE);
        Files.createDirectories(dir.resolve("imgs").resolve("dogs"));
        var e = assertThrows(DatasetException.class, () -> DatasetLoader.load(
                DatasetTestSupport.project(dir, DatasetKind.IMAGE_FOLDER, "path", "imgs")));
        assertTrue(e.getMessage().contains("dogs: no images"), e.getMessage());
    }

    @ParameterizedTest
    @ValueSource(strings = {"xor", "circles", "spirals", "blobs"})
    void generators_give_balanced_two_d_classes(String kind) throws Exception {
        Dataset d = DatasetLoader.load(DatasetTestSupport.project(dir, DatasetKind.GENERATED, "generator", kind,
                "samples", 600, "validationSplit", 0.0, "testSplit", 0.0));
        assertEquals(TensorShape.vector(2), d.featureShape());
        int[] counts = new int[d.classNames().size()];
        for (int i = 0; i < d.train().size(); i++) counts[d.train().label(i)]++;
        for (int c : counts) assertTrue(c > 600 / counts.length * 0.8, kind + " " + java.util.Arrays.toString(counts));
    }

    @Test
    void generators_are_deterministic_for_a_seed() throws Exception {
        float[] a = new float[2];
        float[] b = new float[2];
        DatasetLoader.load(DatasetTestSupport.project(dir, DatasetKind.GENERATED, "generator", "spirals"))
                .train().features(5, a, 0);
        DatasetLoader.load(DatasetTestSupport.project(dir, DatasetKind.GENERATED, "generator", "spirals"))
                .train().features(5, b, 0);
        assertEquals(a[0], b[0]);
        assertEquals(a[1], b[1]);
    }

    @Test
    void linear_generator_follows_w_x_plus_b() throws Exception {
        Dataset d = DatasetLoader.load(DatasetTestSupport.project(dir, DatasetKind.GENERATED, "generator", "linear",
                "noise", 0.0, "slope", 3.0, "intercept", -1.0));
        float[] x = new float[1];
        d.train().features(0, x, 0);
        assertEquals(3 * x[0] - 1, d.train().target(0)[0], 1e-5);
    }
}
