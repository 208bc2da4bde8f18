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

    @Test
    void a_run_the_window_cannot_keep_with_its_project_has_its_model_saved_first_and_the_message_says_where()
            throws Exception {
        var project = ProjectFile.load(Samples.file("xor"));
        project.training().set("epochs", 2);
        TrainingSession s = TrainingSession.create(project);
        RunRecorder recorder = RunRecorder.attach(s);
        s.run();
        // the project's runs folder cannot be made: a file is where its folder is
        Path blocked = Files.writeString(dir.resolve("blocked"), "not a folder");
        var e = org.junit.jupiter.api.Assertions.assertThrows(java.io.IOException.class,
                () -> recorder.keep(new RunStore(blocked.resolve("xor.runs"))));
        var m = java.util.regex.Pattern.compile("the trained model is saved in (\\S+model\\.zip)$")
                .matcher(e.getMessage());
        assertTrue(m.find(), e.getMessage());
        Path rescued = Path.of(m.group(1));
        try {
            assertEquals(2, TrainedModel.load(rescued).epochs(), "the rescued model loads");
        } finally {
            RunStore.deleteTree(rescued.getParent());
        }
    }
}
