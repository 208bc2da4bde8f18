package org.strata.engine.runs;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The runs of a runs folder that were interrupted (the window or {@code strata train} killed, the machine gone
 * down): a {@link Checkpoint} whose run was never kept, written by a process that is no longer running. Each can be
 * resumed ({@link RunKeeper#resumeSession}) or discarded, which removes only the files a checkpoint is made of.
 */
public final class InterruptedRuns {
    private static final ObjectMapper MAPPER = new ObjectMapper();
    /** The files {@link Checkpoint#write} makes, and their temporary names while written: nothing else is removed. */
    private static final Pattern CHECKPOINT_FILE = Pattern.compile(
            "\\.?(checkpoint\\.json|model-\\d+\\.zip|best-\\d+\\.npz)([0-9a-z]*\\.tmp)?");
    private static final Pattern FOLDER = Pattern.compile("\\.(.+)\\.checkpoint");

    private InterruptedRuns() {
    }

    /**
     * One interrupted run.
     *
     * @param runDir     the folder it was to be kept in (its checkpoint is beside it, {@link Checkpoint#folderFor})
     * @param epochsDone the epochs its checkpoint holds
     * @param epochs     the epochs it was to train
     */
    public record Run(Path runDir, int epochsDone, int epochs) {
        /** @return the run's id (its folder's name) */
        public String id() {
            return runDir.getFileName().toString();
        }
    }

    /** @return the interrupted runs in {@code runsFolder}, oldest first; none when it does not exist */
    public static List<Run> in(Path runsFolder) {
        List<Run> out = new ArrayList<>();
        if (runsFolder == null || !Files.isDirectory(runsFolder)) return out;
        try (Stream<Path> dirs = Files.list(runsFolder)) {
            for (Path f : dirs.sorted(Comparator.comparing(Path::toString)).toList()) {
                var m = FOLDER.matcher(f.getFileName().toString());
                if (!m.matches() || !Files.isDirectory(f)) continue;
                Path runDir = f.resolveSibling(m.group(1));
                if (RunKeeper.isKept(runDir) || !Checkpoint.exists(runDir)) continue;
                JsonNode o;
                try {
                    o = MAPPER.readTree(f.resolve(Checkpoint.JSON).toFile());
                } catch (IOException e) {
                    continue; // being replaced as it trains, or damaged: resume says which when asked
                }
                if (Checkpoint.writtenByLiveProcess(o)) continue; // still training, in this window or another
                out.add(new Run(runDir, o.path("epochsDone").asInt(), o.path("epochs").asInt()));
            }
        } catch (IOException e) {
            // a runs folder that cannot be listed offers nothing
        }
        return out;
    }

    /**
     * Removes an interrupted run's checkpoint: only the files a checkpoint is made of, then its folder and the run's
     * reserved folder if that leaves them empty. A file Strata did not write there stays, and so does its folder.
     */
    public static void discard(Run run) throws IOException {
        Path folder = Checkpoint.folderFor(run.runDir());
        if (Files.isDirectory(folder)) {
            try (Stream<Path> files = Files.list(folder)) {
                for (Path f : files.toList()) {
                    if (Files.isRegularFile(f) && CHECKPOINT_FILE.matcher(f.getFileName().toString()).matches()) {
                        Files.deleteIfExists(f);
                    }
                }
            }
            try {
                Files.deleteIfExists(folder);
            } catch (java.nio.file.DirectoryNotEmptyException e) {
                // holds something else: left as it is
            }
        }
        if (!RunKeeper.isKept(run.runDir())) RunStore.release(run.runDir());
    }
}
