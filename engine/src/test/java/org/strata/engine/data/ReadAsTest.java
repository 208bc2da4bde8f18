package org.strata.engine.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import java.awt.Color;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.strata.engine.project.DatasetKind;
import org.strata.engine.Samples;
import org.strata.engine.project.Project;
import org.strata.engine.project.ProjectFile;

/** Data read as a trained model reads it: classes by name for every kind of data, targets kept. */
class ReadAsTest {
    @TempDir
    Path dir;

    private void image(String cls, String name, Color c) throws Exception {
        Files.createDirectories(dir.resolve("imgs").resolve(cls));
        BufferedImage img = new BufferedImage(4, 4, BufferedImage.TYPE_INT_RGB);
        var g = img.createGraphics();
        g.setColor(c);
        g.fillRect(0, 0, 4, 4);
        g.dispose();
        ImageIO.write(img, "png", dir.resolve("imgs").resolve(cls).resolve(name).toFile());
    }

    @Test
    void an_image_folder_lacking_a_class_folder_keeps_the_models_class_numbers_and_refuses_a_new_one()
            throws Exception {
        for (int i = 0; i < 4; i++) {
            image("cats", "c" + i + ".png", Color.WHITE);
            image("dogs", "d" + i + ".png", Color.BLACK);
        }
        Project p = DatasetTestSupport.project(dir, DatasetKind.IMAGE_FOLDER, "path", "imgs", "height", 4, "width",
                4, "color", "rgb", "validationSplit", 0.0, "testSplit", 0.0);
        // the model was trained on ants, cats and dogs: sorted folders would make cats 0 here, but they are its 1
        Dataset d = DatasetLoader.load(p, ReadAs.classes(List.of("ants", "cats", "dogs")));
        assertEquals(List.of("ants", "cats", "dogs"), d.classNames());
        float[] x = new float[48];
        for (int i = 0; i < d.train().size(); i++) {
            d.train().rawFeatures(i, x, 0);
            assertEquals(x[0] > 0 ? 1 : 2, d.train().label(i), "white cats are 1, black dogs 2");
        }
        image("owls", "o.png", Color.GRAY);
        var e = assertThrows(DatasetException.class, () -> DatasetLoader.load(p,
                ReadAs.classes(List.of("ants", "cats", "dogs"))));
        assertTrue(e.getMessage().contains("label 'owls' is not one of the model's classes (ants, cats, dogs)"),
                e.getMessage());
    }

    @Test
    void a_regression_dataset_keeps_its_targets_and_takes_the_models_normalisation() throws Exception {
        Project p = ProjectFile.load(Samples.file("linear-regression"));
        Dataset own = DatasetLoader.load(p);
        assertTrue(!own.isClassification() && own.targetCount() > 0, "a regression sample");
        int f = own.train().featureSize();
        float[] shift = new float[f];
        float[] scale = new float[f];
        java.util.Arrays.fill(shift, 1f);
        java.util.Arrays.fill(scale, 2f);
        Dataset read = DatasetLoader.load(p, new ReadAs(List.of(), Optional.empty(),
                Optional.of(Normalizer.of(shift, scale))));
        assertEquals(List.of(), read.classNames());
        assertEquals(own.test().size(), read.test().size());
        float[] raw = new float[f];
        float[] normalised = new float[f];
        for (int i = 0; i < read.test().size(); i++) {
            assertArrayEquals(own.test().target(i), read.test().target(i));
            read.test().rawFeatures(i, raw, 0);
            read.test().features(i, normalised, 0);
            for (int j = 0; j < f; j++) assertEquals((raw[j] - 1f) * 2f, normalised[j], 1e-6);
        }
    }
}
