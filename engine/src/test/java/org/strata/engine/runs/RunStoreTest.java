package org.strata.engine.runs;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.strata.engine.Samples;
import org.strata.engine.model.TrainedModel;
import org.strata.engine.project.Project;
import org.strata.engine.project.ProjectFile;
import org.strata.engine.train.TrainingSession;
import org.strata.engine.train.TrainedModels;
import org.strata.engine.train.ModelNetwork;

class RunStoreTest {
    private static RunRecord record(String id) {
        return new RunRecord(id, "2026-11-28T17:15:00Z", 3.5, "Strata", "FINISHED", 2, "accuracy", 0.21, Double.NaN,
                Double.NaN, 0.97, Map.of("optimizer", "adam", "learningRate", "0.03"),
                new double[][]{{1, 0.7}, {2, 0.5}}, new double[0][], new double[][]{{1, 0.8, Double.NaN}}, "", null);
    }

    @Test
    void a_run_kept_in_format_1_still_lists_with_its_figures_and_no_outcome() throws Exception {
        Path folder = Path.of(RunStoreTest.class.getResource("/fixtures/runs-format-1/xor.runs").toURI());
        RunStore store = new RunStore(folder);
        List<RunRecord> runs = store.list();
        assertEquals(List.of(), store.problems());
        assertEquals(1, runs.size());
        RunRecord r = runs.get(0);
        assertEquals("run-20261128-171500", r.id());
        assertEquals(0.97, r.testMetric());
        assertTrue(Double.isNaN(r.validationLoss()));
        assertArrayEquals(new double[]{2, 0.5}, r.loss()[1]);
        assertEquals("0.03", r.settings().get("learningRate"));
        assertEquals(null, r.outcome());
    }

    @Test
    void runs_started_in_the_same_second_each_get_their_own_folder_and_checkpoint(@TempDir Path dir)
            throws Exception {
        RunStore store = new RunStore(dir.resolve("xor.runs"));
        ZonedDateTime sameSecond = ZonedDateTime.parse("2026-11-28T17:15:00Z");
        // both asked for before either run is kept, as two trainings started together do
        String first = store.newId(sameSecond);
        String second = store.newId(sameSecond);
        assertNotEquals(first, second);
        assertTrue(Files.isDirectory(store.folder().resolve(first)), "its folder is made at once");
        assertTrue(Files.isDirectory(store.folder().resolve(second)), "its folder is made at once");
        assertNotEquals(Checkpoint.folderFor(store.folder().resolve(first)),
                Checkpoint.folderFor(store.folder().resolve(second)));
        // many at the same instant, from many threads: every id once
        var pool = java.util.concurrent.Executors.newFixedThreadPool(8);
        try {
            List<java.util.concurrent.Future<String>> ids = new java.util.ArrayList<>();
            for (int i = 0; i < 16; i++) ids.add(pool.submit(() -> store.newId(sameSecond)));
            java.util.Set<String> distinct = new java.util.HashSet<>(List.of(first, second));
            for (var id : ids) assertTrue(distinct.add(id.get()), "an id given twice: " + id.get());
        } finally {
            pool.shutdownNow();
        }
        // a folder given back unused is gone
        RunStore.release(store.folder().resolve(first));
        assertFalse(Files.exists(store.folder().resolve(first)));
    }

    @Test
    void the_runs_folder_sits_beside_the_project_file() {
        assertEquals(Path.of("/p/mnist.runs"), RunStore.folderFor(Path.of("/p/mnist.strata")));
    }

    @Test
    void a_kept_run_lists_with_its_figures_and_its_model_predicts_as_the_trained_network(@TempDir Path dir)
            throws Exception {
        Project p = ProjectFile.load(Samples.file("xor"));
        TrainingSession s = TrainingSession.create(p);
        s.setEpochs(2);
        s.run();
        TrainedModel model = TrainedModels.of(p, s.backend(), s.dataset().classNames(),
                s.dataset().normalizer().shift(), s.dataset().normalizer().scale(), 2);
        RunStore store = new RunStore(dir.resolve("xor.runs"));
        String id = store.newId(ZonedDateTime.parse("2026-11-28T17:15:00Z"));
        assertEquals("run-20261128-171500", id);
        store.save(record(id), model, "epoch\n");
        assertEquals("run-20261128-171500-2", store.newId(ZonedDateTime.parse("2026-11-28T17:15:00Z")));

        List<RunRecord> runs = store.list();
        assertEquals(1, runs.size());
        RunRecord back = runs.get(0);
        assertEquals(0.97, back.testMetric());
        assertTrue(Double.isNaN(back.validationLoss()), "NaN is kept as null and read back as NaN");
        assertArrayEquals(new double[]{2, 0.5}, back.loss()[1]);
        assertTrue(Double.isNaN(back.metric()[0][2]));
        assertEquals("0.03", back.settings().get("learningRate"));

        float[][] raw = {{0.1f, 0.9f}, {0.9f, 0.9f}};
        float[][] expected = ModelNetwork.of(model).predict(raw);
        float[][] loaded = ModelNetwork.of(store.loadModel(id)).predict(raw);
        for (int i = 0; i < raw.length; i++) assertArrayEquals(expected[i], loaded[i], 1e-6f);

        store.copyTo(dir.resolve("copy.runs"));
        assertEquals(1, new RunStore(dir.resolve("copy.runs")).list().size());
        store.delete(id);
        assertTrue(store.list().isEmpty());
    }

    @Test
    void an_unreadable_run_is_skipped_and_named(@TempDir Path dir) throws Exception {
        Path broken = dir.resolve("run-20261128-000000");
        Files.createDirectories(broken);
        Files.writeString(broken.resolve("run.json"), "{ not json");
        Path newer = dir.resolve("run-20261128-000001");
        Files.createDirectories(newer);
        Files.writeString(newer.resolve("run.json"), "{\"formatVersion\": 9}");
        RunStore store = new RunStore(dir);
        assertTrue(store.list().isEmpty());
        assertEquals(2, store.problems().size());
        assertTrue(store.problems().get(1).contains("run format 9"), store.problems().get(1));
    }
}
