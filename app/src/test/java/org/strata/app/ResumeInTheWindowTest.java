package org.strata.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import javafx.scene.control.DialogPane;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.strata.engine.runs.Checkpoint;
import org.strata.engine.runs.RunStore;
import org.strata.engine.train.TrainingState;
import org.testfx.util.WaitForAsyncUtils;

/**
 * A window killed with {@code kill -9} in the middle of a run loses nothing: the window started in a JVM of its own
 * trains a copy of a sample with a checkpoint after each epoch and is killed; the project opened again offers to
 * resume the run, and the resumed run is kept with every epoch's row.
 */
class ResumeInTheWindowTest extends AppTest {
    private static final int EPOCHS = 30; // the xor sample's
    private static final ObjectMapper MAPPER = new ObjectMapper();

    @Test
    void a_window_run_killed_mid_way_is_offered_for_resume_on_reopening_and_kept_with_every_epoch(@TempDir Path dir)
            throws Exception {
        Path project = dir.resolve("xor.strata");
        Files.writeString(project, Files.readString(sample("xor")));
        Path runs = RunStore.folderFor(project);

        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                .toString(), "-Xmx1g"));
        for (String p : List.of("glass.platform", "monocle.platform", "prism.order", "prism.text",
                "headless.geometry", "java.awt.headless")) {
            if (System.getProperty(p) != null) command.add("-D" + p + "=" + System.getProperty(p));
        }
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), WindowRunToKill.class.getName(),
                project.toString(), "25"));
        Path log = dir.resolve("window.log");
        Process window = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        while (epochsIn(runs) < 2 && window.isAlive() && System.nanoTime() < deadline) Thread.sleep(5);
        window.destroyForcibly(); // SIGKILL: nothing of the window's runs after this
        assertThat(window.waitFor(30, TimeUnit.SECONDS)).isTrue();
        int at = epochsIn(runs);
        assertThat(at).as("epochs checkpointed before the kill; log:\n" + Files.readString(log))
                .isBetween(2, EPOCHS - 1);
        assertThat(keptRuns(runs)).as("the killed window kept no run").isEmpty();

        fxRun(() -> this.window.open(project));
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> lookup("#resume-dialog").tryQuery().isPresent());
        DialogPane offer = lookup("#resume-dialog").queryAs(DialogPane.class);
        assertThat(offer.getHeaderText()).contains("XOR").contains("after epoch " + at + " of " + EPOCHS);
        clickOn("Resume");
        waitFor(180, () -> run().phase() == TrainingState.FINISHED && run().runs().runs().size() == 1);

        List<Path> kept = keptRuns(runs);
        assertThat(kept).hasSize(1);
        List<String> rows = Files.readAllLines(kept.get(0).resolve("metrics.csv"));
        List<String> epochs = rows.subList(1, rows.size()).stream().map(r -> r.split(",")[0]).toList();
        List<String> every = java.util.stream.IntStream.rangeClosed(1, EPOCHS).mapToObj(String::valueOf).toList();
        assertThat(epochs).as("one row per epoch, those before the kill too").isEqualTo(every);
        assertThat(Checkpoint.exists(kept.get(0))).as("the kept run leaves no checkpoint").isFalse();
        assertThat(run().runs().runs().get(0).epochs()).isEqualTo(EPOCHS);
    }

    /** @return the most epochs any checkpoint in {@code runs} says were done; 0 while there is none */
    private static int epochsIn(Path runs) {
        int most = 0;
        try (Stream<Path> dirs = Files.list(runs)) {
            for (Path d : dirs.filter(d -> d.getFileName().toString().endsWith(".checkpoint")).toList()) {
                try {
                    most = Math.max(most, MAPPER.readTree(d.resolve("checkpoint.json").toFile()).path("epochsDone")
                            .asInt());
                } catch (java.io.IOException e) {
                    // being replaced: read again next time
                }
            }
        } catch (java.io.IOException e) {
            return 0; // no runs folder yet
        }
        return most;
    }

    /** @return the run folders holding a kept run */
    private static List<Path> keptRuns(Path runs) throws java.io.IOException {
        try (Stream<Path> dirs = Files.list(runs)) {
            return dirs.filter(d -> Files.isRegularFile(d.resolve("run.json"))).toList();
        }
    }
}
