package org.strata.engine.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.strata.engine.Samples;
import org.strata.engine.data.Dataset;
import org.strata.engine.project.Project;
import org.strata.engine.project.ProjectFile;
import org.strata.engine.train.TrainingResult;
import org.strata.engine.train.TrainingSession;

class TrainedModelTest {
    @TempDir
    Path dir;

    private static TrainedModel of(TrainingSession s, int epochs) {
        Dataset d = s.dataset();
        return new TrainedModel(s.project(), s.backend(), d.classNames(), d.normalizer().shift(),
                d.normalizer().scale(), epochs);
    }

    @Test
    void layers_named_in_chinese_or_with_accents_save_and_reload() throws Exception {
        String json = Files.readString(Samples.file("xor")).replace("\"hidden", "\"隐藏").replace("\"dense", "\"hidß");
        Project p = ProjectFile.parse(json);
        p.setFile(Samples.file("xor"));
        p.training().set("epochs", 2);
        TrainingSession s = TrainingSession.create(p);
        s.run();
        Path zip = dir.resolve("模型.zip");
        of(s, 2).save(zip);
        TrainedModel back = TrainedModel.load(zip);
        assertTrue(back.parameters().containsKey("隐藏/W"), back.parameters().keySet().toString());
        float[][] raw = {{0.2f, 0.8f}};
        assertEquals(of(s, 2).predict(raw)[0][0], back.predict(raw)[0][0], 1e-6f);
        Path npz = dir.resolve("weights.npz");
        org.strata.engine.export.Exporters.npz(back, npz);
        assertTrue(NpzIO.read(npz).containsKey("hidß/b"));
    }

    @Test
    void saved_model_reloads_with_the_same_predictions_and_can_continue_training() throws Exception {
        Project p = ProjectFile.load(Samples.file("iris"));
        p.training().set("epochs", 5);
        TrainingSession s = TrainingSession.create(p);
        s.run();
        Path zip = dir.resolve("model.zip");
        of(s, 5).save(zip);

        TrainedModel back = TrainedModel.load(zip);
        assertEquals(java.util.List.of("setosa", "versicolor", "virginica"), back.classNames());
        assertEquals(5, back.epochs());
        INDArray x = org.nd4j.linalg.factory.Nd4j.rand(org.nd4j.linalg.api.buffer.DataType.FLOAT, 7, 4);
        assertTrue(s.backend().predict(x).equalsWithEps(back.network().predict(x), 1e-6));
        assertTrue(s.backend().optimizerState().equalsWithEps(back.network().optimizerState(), 1e-6),
                "optimizer state kept");

        float[][] raw = {{5.1f, 3.5f, 1.4f, 0.2f}, {6.7f, 3.0f, 5.2f, 2.3f}};
        float[][] probs = back.predict(raw);
        assertEquals(2, probs.length);
        assertEquals(1.0, probs[0][0] + probs[0][1] + probs[0][2], 1e-5);
        assertTrue(probs[0][0] > probs[0][2], "a short-petalled flower looks like setosa");

        TrainingSession more = TrainingSession.continueFrom(back.project(), s.dataset(), back.network());
        double before = more.evaluate(s.dataset().train(), 0).loss();
        more.setEpochs(5);
        TrainingResult r = more.run();
        assertEquals(5, r.epochs());
        assertTrue(r.train().loss() < before, "continued training lowers the loss: " + before + " → "
                + r.train().loss());
    }

    @Test
    void not_a_model_file_is_explained() throws Exception {
        Path f = dir.resolve("x.zip");
        Files.writeString(f, "hello");
        var e = assertThrows(java.io.IOException.class, () -> TrainedModel.load(f));
        assertTrue(e.getMessage().contains("not a Strata model file"), e.getMessage());
        var missing = assertThrows(java.io.IOException.class, () -> TrainedModel.load(dir.resolve("none.zip")));
        assertTrue(missing.getMessage().contains("not found"));
    }
}
