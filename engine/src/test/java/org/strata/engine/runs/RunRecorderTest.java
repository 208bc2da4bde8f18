package org.strata.engine.runs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.strata.engine.Samples;
import org.strata.engine.model.TrainedModel;
import org.strata.engine.project.ProjectFile;
import org.strata.engine.train.TrainingSession;

class RunRecorderTest {
    @TempDir
    Path dir;

    @Test
    void a_run_that_cannot_be_kept_where_asked_keeps_its_model_elsewhere_and_says_where() throws Exception {
        var project = ProjectFile.load(Samples.file("xor"));
        project.training().set("epochs", 2);
        TrainingSession s = TrainingSession.create(project);
        RunRecorder recorder = RunRecorder.attach(s);
        s.run();

        // the folder it was to go into turned into a file while it trained
        Path blocked = Files.writeString(dir.resolve("blocked"), "not a folder");
        RunRecorder.Kept kept = recorder.keepSomewhere(blocked.resolve("run"));
        assertNotNull(kept.problem());
        assertNotNull(kept.where(), kept.problem());
        try {
            assertEquals(2, TrainedModel.load(kept.where()).epochs(), "the rescued model loads");
        } finally {
            RunStore.deleteTree(kept.where().getParent());
        }

        RunRecorder.Kept normal = recorder.keepSomewhere(dir.resolve("run"));
        assertNull(normal.problem());
        assertTrue(Files.exists(dir.resolve("run").resolve("run.json")));
    }
}
