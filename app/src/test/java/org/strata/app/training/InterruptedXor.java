package org.strata.app.training;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Files;
import java.nio.file.Path;
import org.strata.engine.project.ProjectFile;
import org.strata.engine.runs.Checkpoint;
import org.strata.engine.runs.RunKeeper;
import org.strata.engine.runs.RunStore;
import org.strata.engine.train.TrainingEvent;
import org.strata.engine.train.TrainingListener;
import org.strata.engine.train.TrainingSession;

/** A test fixture: a copy of the xor sample with a run interrupted mid-way, as a window killed with kill -9 leaves. */
public final class InterruptedXor {
    /** The epoch after which the run stopped (of the sample's 30). */
    public static final int EPOCHS_DONE = 3;
    private static final Path XOR = Path.of("..", "sample-projects", "xor", "xor.strata").toAbsolutePath().normalize();

    private InterruptedXor() {
    }

    /**
     * @return xor's project file in {@code dir}, with a run of it interrupted after epoch {@value #EPOCHS_DONE}: its
     *     checkpoint kept as a window keeps one, the process that wrote it gone
     */
    public static Path in(Path dir) throws Exception {
        Path file = dir.resolve("xor.strata");
        Files.copy(XOR, file);
        TrainingSession s = TrainingSession.create(ProjectFile.load(file));
        s.setThreads(1);
        RunKeeper keeper = RunKeeper.inStore(new RunStore(RunStore.folderFor(file)), s, 0, 0, "", 0, p -> {
            throw new AssertionError(p);
        });
        s.addListener(new TrainingListener() {
            @Override
            public void onEpoch(TrainingEvent.Epoch e) {
                if (e.epoch() == EPOCHS_DONE) s.stop();
            }
        });
        s.run(); // never kept: the checkpoint after the last epoch is all that is left
        Path json = Checkpoint.folderFor(keeper.dir()).resolve("checkpoint.json");
        ObjectMapper mapper = new ObjectMapper();
        ObjectNode o = (ObjectNode) mapper.readTree(json.toFile());
        if (o.path("epochsDone").asInt() != EPOCHS_DONE) throw new AssertionError("checkpoint after " + o);
        o.put("processStarted", "1970-01-01T00:00:00Z"); // written by a process that has ended
        Files.write(json, mapper.writeValueAsBytes(o));
        return file;
    }
}
