package org.strata.engine.runs;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZonedDateTime;
import java.util.function.Consumer;
import org.strata.engine.data.DatasetLoader;
import org.strata.engine.project.Project;
import org.strata.engine.train.TrainingSession;

/**
 * Keeps one run the one way both doors keep runs, the window and {@code strata train} alike: a {@link Checkpoint}
 * beside the run's folder as it trains (after an epoch, every {@link #CHECKPOINT_SECONDS} or as asked), at the end
 * the run's folder with its best epoch's model ({@link RunRecorder#keepSomewhere}), or its models rescued to a
 * temporary folder when the folder cannot be written, and then the checkpoint removed. A run that was killed leaves
 * its checkpoint, which {@link InterruptedRuns} finds and {@link #resumeSession} goes on from.
 */
public final class RunKeeper {
    /** Seconds between checkpoints, unless asked otherwise ({@code train --checkpoint-every}). */
    public static final double CHECKPOINT_SECONDS = 30;

    private final RunRecorder recorder;
    private Path dir;
    /** Whether {@link #dir} was reserved for this run (so given back when nothing is kept in it). */
    private boolean reserved;

    private RunKeeper(RunRecorder recorder, Path dir, boolean reserved, double seconds, Consumer<String> problems) {
        this.recorder = recorder;
        this.dir = dir;
        this.reserved = reserved;
        recorder.checkpointEvery(dir, seconds, problems);
    }

    /**
     * A run kept under a new id in {@code store}, its folder reserved now: two runs started in the same second
     * never share one, nor a checkpoint.
     *
     * @param iterationsBefore iterations of the kept runs it continues (0 for fresh weights)
     * @param epochsBefore     epochs of the kept runs it continues
     * @param continuedFrom    the kept run it continues, or ""
     * @param seconds          seconds between checkpoints (0: after every epoch)
     * @param problems         hears why a checkpoint could not be written (training goes on)
     */
    public static RunKeeper inStore(RunStore store, TrainingSession session, long iterationsBefore, int epochsBefore,
                                    String continuedFrom, double seconds, Consumer<String> problems)
            throws IOException {
        Path dir = store.folder().resolve(store.newId(ZonedDateTime.now()));
        RunRecorder r = RunRecorder.attach(session, iterationsBefore, epochsBefore, continuedFrom);
        return new RunKeeper(r, dir, true, seconds, problems);
    }

    /** A run from fresh weights kept in {@code dir}, a folder the user named ({@code train --out}). */
    public static RunKeeper in(Path dir, TrainingSession session, double seconds, Consumer<String> problems) {
        return new RunKeeper(RunRecorder.attach(session), dir, false, seconds, problems);
    }

    /**
     * A run resumed from the checkpoint beside {@code dir} (its session from {@link #resumeSession}): the epochs
     * recorded before it are its own, so the kept run has every epoch's row.
     */
    public static RunKeeper resumed(Path dir, TrainingSession session, Checkpoint checkpoint, double seconds,
                                    Consumer<String> problems) {
        return new RunKeeper(RunRecorder.resume(session, checkpoint), dir, false, seconds, problems);
    }

    /**
     * @return a session that goes on from {@code checkpoint} with {@code project}'s data read as the run read it
     *     (classes by name, the same vocabulary), on the engine it began on
     */
    public static TrainingSession resumeSession(Project project, Checkpoint checkpoint)
            throws IOException, org.strata.engine.train.TrainingException {
        return TrainingSession.resume(project, DatasetLoader.load(project, checkpoint.model().readAs()),
                checkpoint.network(), checkpoint.progress(), checkpoint.best());
    }

    /** @return the recorder listening to the run */
    public RunRecorder recorder() {
        return recorder;
    }

    /** @return the folder the run is to be kept in (its checkpoint is beside it) */
    public Path dir() {
        return dir;
    }

    /** @return whether there is a run to keep (see {@link RunRecorder#hasRun()}) */
    public boolean hasRun() {
        return recorder.hasRun();
    }

    /**
     * Keeps the ended run (call once the training thread has ended): in its folder, with its best epoch's model, its
     * checkpoint removed then; or, when that folder cannot be written, its models rescued (see
     * {@link RunRecorder#keepSomewhere}) and the checkpoint left for a resume.
     *
     * @throws IllegalStateException if there is no run to keep ({@link #hasRun()})
     */
    public RunRecorder.Kept keep() {
        if (!hasRun()) throw new IllegalStateException("no finished run to keep");
        RunRecorder.Kept kept = recorder.keepSomewhere(dir);
        if (kept.problem() == null) {
            deleteCheckpoint(); // the run is kept whole: nothing left to resume
        } else if (reserved) {
            RunStore.release(dir);
        }
        return kept;
    }

    /**
     * As {@link #keep()}, in {@code store}: when the run's folder is not in it (the project was saved elsewhere while
     * it trained, and its runs went with it), the run is kept under a new id there, its checkpoint here removed.
     */
    public RunRecorder.Kept keepIn(RunStore store) throws IOException {
        Path here = dir.toAbsolutePath().normalize().getParent();
        if (!here.equals(store.folder().toAbsolutePath().normalize())) {
            Path moved = store.folder().resolve(store.newId(recorder.started()));
            failed(); // nothing of it stays where it trained
            dir = moved;
            reserved = true;
        }
        return keep();
    }

    /** The run kept nothing (no whole epoch trained): its reserved folder is given back. */
    public void keptNothing() {
        if (reserved) RunStore.release(dir);
    }

    /** The run failed: its checkpoint would fail again the same way, so it goes, with the reserved folder. */
    public void failed() {
        deleteCheckpoint();
        keptNothing();
    }

    private void deleteCheckpoint() {
        try {
            Checkpoint.delete(dir);
        } catch (IOException e) {
            // a hidden folder left behind; the next resume offer names it, and Discard removes it
        }
    }

    /** @return whether {@code dir} holds a kept run (a checkpoint beside such a folder is one left over) */
    static boolean isKept(Path dir) {
        return Files.isRegularFile(dir.resolve("run.json"));
    }
}
