package org.strata.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.strata.engine.analysis.GraphAnalyzer;
import org.strata.engine.project.Project;
import org.strata.engine.project.ProjectFile;
import org.strata.engine.train.TrainingResult;
import org.strata.engine.train.TrainingSession;
import org.strata.engine.train.TrainingState;

/** Every sample loads, validates and trains; the seed's samples reach their promised accuracy. */
class SampleProjectsTest {
    /** The samples a test may train: the large ones (GPT-2, BERT) are only opened and measured (LargeSamplesTest). */
    static List<Path> samples() throws Exception {
        return Samples.trainable();
    }

    @Test
    void all_thirteen_samples_are_there_and_the_three_large_ones_beside_them() throws Exception {
        assertEquals(List.of("attention-reverse", "digits-8x8", "forecast-signal", "iris", "linear-regression",
                "mnist-cnn", "mnist-mlp", "sayings", "skip-connection", "spirals", "tang-poems", "which-language",
                "xor"), samples().stream().map(p -> p.getParent().getFileName().toString()).toList());
        assertEquals(16, Samples.all().size());
    }

    @ParameterizedTest
    @MethodSource("samples")
    void sample_loads_validates_and_trains_one_epoch(Path file) throws Exception {
        Project p = ProjectFile.load(file);
        var analysis = GraphAnalyzer.analyze(p.graph());
        assertTrue(analysis.problems().isEmpty(), analysis.problems().toString());
        assertTrue(!p.description().isBlank());
        TrainingSession s = TrainingSession.create(p);
        s.setEpochs(1);
        TrainingResult r = s.run();
        assertEquals(TrainingState.FINISHED, r.state());
        assertTrue(Double.isFinite(r.train().loss()));
    }

    @ParameterizedTest(name = "{0} reaches {1} test accuracy with its own settings")
    @CsvSource({"iris, 0.93", "mnist-mlp, 0.94", "mnist-cnn, 0.97", "which-language, 0.75"})
    void seed_sample_reaches_its_accuracy(String name, double target) throws Exception {
        TrainingResult r = TrainingSession.create(ProjectFile.load(Samples.file(name))).run();
        assertTrue(r.test().metric() >= target, name + " test accuracy " + r.test().metric());
    }

    @ParameterizedTest(name = "{0} reaches a test mean absolute error below {1} with its own settings")
    @CsvSource({"forecast-signal, 0.06", "attention-reverse, 0.1"})
    void sequence_sample_reaches_its_error(String name, double target) throws Exception {
        TrainingResult r = TrainingSession.create(ProjectFile.load(Samples.file(name))).run();
        assertTrue(r.test().metric() < target, name + " test MAE " + r.test().metric());
    }

    @Test
    void linear_regression_learns_w_and_b() throws Exception {
        Project p = ProjectFile.load(Samples.file("linear-regression"));
        TrainingSession s = TrainingSession.create(p);
        s.run();
        var w = s.backend().exportParameters();
        assertEquals(2.0, w.get("linear/W").getDouble(0), 0.05);
        assertEquals(1.0, w.get("linear/b").getDouble(0), 0.05);
    }
}
