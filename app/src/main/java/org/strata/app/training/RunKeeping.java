package org.strata.app.training;

import java.io.IOException;
import org.strata.app.i18n.Messages;
import org.strata.engine.project.Project;
import org.strata.engine.runs.Checkpoint;
import org.strata.engine.runs.InterruptedRuns;
import org.strata.engine.runs.RunKeeper;
import org.strata.engine.runs.RunRecord;
import org.strata.engine.runs.RunRecorder;
import org.strata.engine.train.TrainingResult;
import org.strata.engine.train.TrainingSession;
import org.strata.engine.train.TrainingState;

/**
 * Keeps the window's runs as {@code strata train} keeps its own ({@link RunKeeper}): a checkpoint beside the run's
 * folder in the project's runs folder as it trains, the run with its best epoch's model at the end (or its models
 * rescued), the checkpoint removed then. After a run it also shows the held-out evaluation and the last decision
 * boundary.
 */
final class RunKeeping {
    private final TrainingRun run;
    private final RunHistory runs;
    private final RunThreads threads;
    /** Keeps the run that trains now; null when none does. */
    private volatile RunKeeper keeper;
    /** Seconds between checkpoints. */
    private volatile double checkpointSeconds = RunKeeper.CHECKPOINT_SECONDS;
    private volatile String lastRunId = "";

    RunKeeping(TrainingRun run, RunHistory runs, RunThreads threads) {
        this.run = run;
        this.runs = runs;
        this.threads = threads;
    }

    void setCheckpointSeconds(double seconds) {
        checkpointSeconds = Math.max(0, seconds);
    }

    /** @return the kept run the last run was kept as, or loaded from ("" before one) */
    String lastRunId() {
        return lastRunId;
    }

    void setLastRunId(String id) {
        lastRunId = id;
    }

    /** Off the JavaFX thread, before the session starts: keeps it in a new folder of the project's runs. */
    void begin(TrainingSession s, long iterationsBefore, int epochsBefore, String continuedFrom) throws IOException {
        keeper = RunKeeper.inStore(runs.store(), s, iterationsBefore, epochsBefore, continuedFrom, checkpointSeconds,
                this::checkpointFailed);
    }

    /**
     * Off the JavaFX thread: the session that goes on with an interrupted run, kept in the folder it was to be kept
     * in.
     *
     * @throws IllegalStateException saying so when the project changed since the run began
     */
    TrainingSession resume(Project project, InterruptedRuns.Run r, int cpuThreads) throws Exception {
        org.strata.engine.runtime.NativeSetup.configure(); // the right native build, before ND4J loads
        Checkpoint c;
        try {
            c = Checkpoint.read(r.runDir());
        } catch (java.io.IOException e) { // its text tells the command line's user what to type: not the window's
            throw new IllegalStateException(Messages.get("resume.damaged", Checkpoint.folderFor(r.runDir())), e);
        }
        var changed = c.changedPart(project);
        if (changed.isPresent()) {
            throw new IllegalStateException(Messages.get("resume.changed",
                    Messages.get("resume.part." + changed.get())));
        }
        TrainingSession s = Sessions.forResume(project, c, cpuThreads);
        keeper = RunKeeper.resumed(r.runDir(), s, c, checkpointSeconds, this::checkpointFailed);
        return s;
    }

    /** The run failed to load after it was given a keeper: its reserved folder is given back. */
    void abandon() {
        RunKeeper k = keeper;
        keeper = null;
        if (k != null) k.keptNothing(); // a resumed run's checkpoint stays: it did not fail, it did not load
    }

    private void checkpointFailed(String problem) {
        threads.ui(() -> run.say(() -> Messages.get("resume.checkpointFailed", problem)));
    }

    /**
     * Off the JavaFX thread (training has ended, so the network is free): shows the evaluation on held-out data (the
     * test split, else the validation split), draws the last decision boundary and keeps the run.
     *
     * @param result   the run's end, whose evaluations the session made; null for weights loaded from a kept run,
     *                 which are evaluated here, or a run that failed
     * @param end      how the run ended; null for weights loaded from a kept run
     * @param training the training thread to wait for, or null
     */
    void afterwards(TrainingSession s, TrainingResult result, TrainingState end, Thread training) {
        RunKeeper k = end == null ? null : keeper;
        if (end != null) keeper = null;
        boolean onTest = s.dataset().test().size() > 0;
        var split = onTest ? s.dataset().test() : s.dataset().validation();
        threads.background("strata-evaluation", () -> {
            try {
                // The network is free once the training thread has ended; from then on one thread at a time uses it.
                if (training != null) training.join();
                RunRecord kept = k == null ? null : keep(k, end);
                if (end != null && result == null) return; // failed: nothing to evaluate
                var ev = result != null ? (onTest ? result.test() : result.validation())
                        : split.size() == 0 ? null : s.evaluate(split, 0);
                Boundary last = run.boundaryFeed().computeNow(s);
                threads.ui(() -> {
                    if (kept != null) {
                        runs.added(kept);
                        lastRunId = kept.id();
                    }
                    if (run.session() != s) return;
                    if (ev != null) run.shownEvaluation().show(ev, split, 0);
                    if (last != null) run.boundaryFeed().show(last);
                });
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (RuntimeException e) {
                threads.ui(() -> run.say(() -> org.strata.app.i18n.Catalogue.explain(e)));
            }
        });
    }

    /** Keeps the run with the project; a failure to write it is said in the message, never fatal. */
    private RunRecord keep(RunKeeper k, TrainingState end) {
        if (!k.hasRun()) {
            if (end == TrainingState.FAILED) k.failed();
            else k.keptNothing();
            return null;
        }
        try {
            RunRecorder.Kept kept = k.keepIn(runs.store());
            if (kept.problem() == null) return kept.record();
            threads.ui(() -> run.say(() -> Messages.get("runs.saveFailed", kept.said())));
        } catch (IOException | RuntimeException e) {
            threads.ui(() -> run.say(() -> Messages.get("runs.saveFailed", e.getMessage())));
        }
        return null;
    }
}
