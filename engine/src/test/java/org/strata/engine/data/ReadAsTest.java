package org.strata.engine.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.strata.engine.Samples;
import org.strata.engine.project.Project;
import org.strata.engine.project.ProjectFile;

/** Data read as a trained model reads it, for what has no classes to rename. */
class ReadAsTest {
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
