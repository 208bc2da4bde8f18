package org.strata.app.training;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.strata.app.document.EditorDocument;
import org.strata.app.i18n.Messages;
import org.strata.engine.project.ProjectFile;
import org.strata.engine.train.TrainingState;

/**
 * Running out of memory (or stack) while a run loads its data and builds its network is said like any failure: the
 * run fails with a sentence, the project stays as it was and editable, and the window goes on.
 */
class OutOfMemoryInTheWindowTest {
    private static final Path SAMPLES = Path.of("..", "sample-projects").toAbsolutePath().normalize();

    @Test
    void a_run_that_runs_out_of_memory_while_loading_fails_with_a_sentence_and_keeps_the_project(@TempDir Path dir)
            throws Exception {
        for (Error error : new Error[] {new OutOfMemoryError("Java heap space"), new StackOverflowError()}) {
            Path file = dir.resolve("xor.strata");
            Files.copy(SAMPLES.resolve("xor").resolve("xor.strata"), file,
                    java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            EditorDocument doc = new EditorDocument(ProjectFile.load(file));
            String before = ProjectFile.toJson(doc.project());
            TrainingRunLogicTest.TestThreads threads = new TrainingRunLogicTest.TestThreads();
            TrainingRun run = new TrainingRun(doc, null, threads);
            run.loader = (project, previous, cpuThreads) -> {
                throw error;
            };
            run.start();
            threads.pumpUntil(() -> run.phase() == TrainingState.FAILED);
            assertThat(run.messageProperty().get()).isEqualTo(Messages.get(error instanceof OutOfMemoryError
                    ? "error.outOfMemory" : "error.tooDeep"));
            assertThat(doc.readOnlyProperty().get()).as("the graph is editable again").isFalse();
            assertThat(ProjectFile.toJson(doc.project())).isEqualTo(before);
        }
    }
}
