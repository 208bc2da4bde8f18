package org.strata.engine.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.strata.engine.Samples;
import org.strata.engine.data.Dataset;
import org.strata.engine.project.Project;
import org.strata.engine.project.ProjectFile;
import org.strata.engine.train.ModelArrays;
import org.strata.engine.train.ModelNetwork;
import org.strata.engine.train.TrainedModels;
import org.strata.engine.train.TrainingResult;
import org.strata.engine.train.TrainingSession;

class TrainedModelTest {
    @TempDir
    Path dir;

    private static TrainedModel of(TrainingSession s, int epochs) {
        Dataset d = s.dataset();
        return TrainedModels.of(s.project(), s.backend(), d.classNames(), d.normalizer().shift(),
                d.normalizer().scale(), epochs);
    }

    /** A copy of a model zip with one entry replaced. */
    private Path withEntry(Path model, String name, byte[] content) throws Exception {
        Path out = dir.resolve("hostile-" + name + ".zip");
        try (var in = new java.util.zip.ZipFile(model.toFile());
             var zip = new java.util.zip.ZipOutputStream(Files.newOutputStream(out))) {
            for (var e : java.util.Collections.list(in.entries())) {
                zip.putNextEntry(new java.util.zip.ZipEntry(e.getName()));
                zip.write(e.getName().equals(name) ? content : in.getInputStream(e).readAllBytes());
                zip.closeEntry();
            }
        }
        return out;
    }

    @Test
    void hostile_model_zips_are_refused_entry_by_entry_without_unpacking_them() throws Exception {
        TrainingSession s = Samples.trained("xor", 1);
        Path model = dir.resolve("model.zip");
        of(s, 1).save(model);

        // a project entry that inflates to 20 MB (a few KB in the zip)
        byte[] spaces = new byte[20 << 20];
        java.util.Arrays.fill(spaces, (byte) ' ');
        var big = assertThrows(java.io.IOException.class, () -> TrainedModel.load(withEntry(model, "project.strata",
                spaces)));
        assertTrue(big.getMessage().contains("(its project.strata) holds more than"), big.getMessage());

        // garbage where the weights should be: the inner file is blamed, not the model zip
        var garbage = assertThrows(java.io.IOException.class, () -> TrainedModel.load(withEntry(model, "params.npz",
                "not an npz at all".getBytes())));
        assertTrue(garbage.getMessage().contains("(its params.npz): not a readable .npz file"), garbage.getMessage());

        // weights far larger than the network's 42 values: stopped where they exceed what it can need
        Path fat = dir.resolve("fat.npz");
        NpzIO.write(fat, ModelArrays.plain(java.util.Map.of("hidden/W",
                org.nd4j.linalg.factory.Nd4j.zeros(2000, 1000))));
        var tooMany = assertThrows(java.io.IOException.class, () -> TrainedModel.load(withEntry(model, "params.npz",
                Files.readAllBytes(fat))));
        assertTrue(tooMany.getMessage().contains("(its params.npz)"), tooMany.getMessage());
        assertTrue(tooMany.getMessage().contains("declares more than the 42 values the network can need"),
                tooMany.getMessage());
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
        assertTrue(back.weights().containsKey("隐藏/W"), back.weights().keySet().toString());
        float[][] raw = {{0.2f, 0.8f}};
        assertEquals(ModelNetwork.of(of(s, 2)).predict(raw)[0][0], ModelNetwork.of(back).predict(raw)[0][0], 1e-6f);
        Path npz = dir.resolve("weights.npz");
        org.strata.engine.export.Exporters.npz(back, npz);
        assertTrue(NpzIO.read(npz).containsKey("hidß/b"));
    }

    @Test
    void saved_model_reloads_with_the_same_predictions_and_can_continue_training() throws Exception {
        TrainingSession s = Samples.trained("iris", 5);
        Path zip = dir.resolve("model.zip");
        of(s, 5).save(zip);

        TrainedModel back = TrainedModel.load(zip);
        ModelNetwork built = ModelNetwork.of(back);
        assertEquals(java.util.List.of("setosa", "versicolor", "virginica"), back.classNames());
        assertEquals(5, back.epochs());
        INDArray x = org.nd4j.linalg.factory.Nd4j.rand(org.nd4j.linalg.api.buffer.DataType.FLOAT, 7, 4);
        assertTrue(s.backend().predict(x).equalsWithEps(built.network().predict(x), 1e-6));
        assertTrue(s.backend().optimizerState().equalsWithEps(built.network().optimizerState(), 1e-6),
                "optimizer state kept");

        float[][] raw = {{5.1f, 3.5f, 1.4f, 0.2f}, {6.7f, 3.0f, 5.2f, 2.3f}};
        float[][] probs = built.predict(raw);
        assertEquals(2, probs.length);
        assertEquals(1.0, probs[0][0] + probs[0][1] + probs[0][2], 1e-5);
        assertTrue(probs[0][0] > probs[0][2], "a short-petalled flower looks like setosa");

        TrainingSession more = TrainingSession.continueFrom(back.project(), s.dataset(), built.network());
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

    @Test
    void a_loaded_model_is_saved_again_entry_for_entry_as_it_was_written() throws Exception {
        TrainingSession s = Samples.trained("iris", 2);
        Path first = dir.resolve("first.zip");
        of(s, 2).save(first);
        Path again = dir.resolve("again.zip");
        TrainedModel.load(first).save(again);
        Map<String, byte[]> written = contents(first);
        assertTrue(written.containsKey("optimizer.npz/state.npy"), written.keySet().toString());
        Map<String, byte[]> rewritten = contents(again);
        assertEquals(java.util.List.copyOf(written.keySet()), java.util.List.copyOf(rewritten.keySet()));
        written.forEach((name, bytes) -> assertTrue(java.util.Arrays.equals(bytes, rewritten.get(name)),
                name + " differs"));
    }

    /** @return a model zip's entries by name, an .npz's arrays as "params.npz/hidden/W.npy" (not its timestamps) */
    private static Map<String, byte[]> contents(Path zip) throws Exception {
        Map<String, byte[]> out = new java.util.LinkedHashMap<>();
        try (var z = new java.util.zip.ZipFile(zip.toFile())) {
            for (var e : java.util.Collections.list(z.entries())) {
                byte[] bytes = z.getInputStream(e).readAllBytes();
                if (!e.getName().endsWith(".npz")) {
                    out.put(e.getName(), bytes);
                    continue;
                }
                try (var npz = new java.util.zip.ZipInputStream(new java.io.ByteArrayInputStream(bytes))) {
                    for (var a = npz.getNextEntry(); a != null; a = npz.getNextEntry()) {
                        out.put(e.getName() + "/" + a.getName(), npz.readAllBytes());
                    }
                }
            }
        }
        return out;
    }

    @Test
    void weights_that_do_not_fit_the_network_are_refused_on_loading_naming_the_array() throws Exception {
        TrainedModel m = of(Samples.trained("xor", 1), 1);
        Path model = dir.resolve("model.zip");
        m.save(model);
        var turned = new java.util.LinkedHashMap<>(m.weights());
        FloatArray w = turned.get("hidden/W");
        long[] shape = w.shape();
        turned.put("hidden/W", new FloatArray(new long[]{shape[1], shape[0]}, w.values()));
        Path npz = dir.resolve("turned.npz");
        NpzIO.write(npz, turned);
        var e = assertThrows(java.io.IOException.class, () -> TrainedModel.load(withEntry(model, "params.npz",
                Files.readAllBytes(npz))));
        assertTrue(e.getMessage().contains(": hidden/W has shape [" + shape[1] + ", " + shape[0] + "] in the model "
                + "file but the network needs [" + shape[0] + ", " + shape[1] + "]"), e.getMessage());
        turned.remove("hidden/W");
        NpzIO.write(npz, turned);
        var missing = assertThrows(java.io.IOException.class, () -> TrainedModel.load(withEntry(model,
                "params.npz", Files.readAllBytes(npz))));
        assertTrue(missing.getMessage().endsWith(": the model file has no parameter hidden/W"), missing.getMessage());
    }
}
