package org.strata.app.training;

import org.strata.app.document.EditorDocument;
import org.strata.app.i18n.Messages;
import org.strata.engine.runs.InterruptedRuns;
import org.strata.engine.runs.RunRecord;
import org.strata.engine.train.TrainingException;
import org.strata.engine.train.TrainingSession;
import org.strata.engine.train.TrainingState;

/**
 * Loads a window's run off the JavaFX thread and starts it: a run from new weights, one that continues the last
 * run's weights, one resumed from an interrupted run's checkpoint, or a kept run's weights opened to look at and
 * train on. A session that cannot be opened (bad data, too large a network) fails the run with a message; the window
 * and the project stay.
 */
final class RunLoading {
    private final TrainingRun run;
    private final EditorDocument document;
    private final RunThreads threads;

    RunLoading(TrainingRun run, EditorDocument document, RunThreads threads) {
        this.run = run;
        this.document = document;
        this.threads = threads;
    }

    /** @see TrainingRun#start() */
    void start() {
        if (run.isActive() || !validOrFail()) return;
        TrainingSession previous = run.canContinue() ? run.session() : null;
        if (previous == null) run.boundaryFeed().setPoints(null);
        run.curves().startRun(previous == null ? -1 : previous.epochsDone());
        if (previous == null) run.weightPath().clear(); // a continued run goes on along the same path
        long iterationsBefore = run.curves().iterationsBefore();
        int epochsBefore = run.curves().epochsBefore();
        String continuedFrom = previous == null ? "" : run.keeping().lastRunId();
        launch(() -> {
            TrainingSession s = run.loader.load(document.project(), previous, run.cpuThreads());
            s.addListener(run.telemetry().inbox().listener());
            run.keeping().begin(s, iterationsBefore, epochsBefore, continuedFrom);
            return s;
        }, previous == null, previous == null ? null : () -> Messages.get("train.continuing", epochsBefore));
    }

    /** @see TrainingRun#resumeInterrupted */
    void resumeInterrupted(InterruptedRuns.Run interrupted) {
        if (run.isActive() || !validOrFail()) return;
        run.boundaryFeed().setPoints(null);
        run.curves().startRun(-1); // its epochs are numbered on from the checkpoint's by the session
        run.weightPath().clear();
        launch(() -> {
            TrainingSession s = run.keeping().resume(document.project(), interrupted, run.cpuThreads());
            s.addListener(run.telemetry().inbox().listener());
            return s;
        }, true, () -> Messages.get("resume.resuming", interrupted.epochsDone(), interrupted.epochs()));
    }

    /** @return whether the project can train; if not, the run fails saying the first error and how many follow */
    private boolean validOrFail() {
        run.typedProperty().set(null); // a new run may number tokens anew: a text typed for the last is typed again
        if (document.analysis().isValid()) {
            run.setFailedNode(null);
            return true;
        }
        // the first error says what to do (the data's, such as a missing file, included); the rest are listed
        var errors = document.analysis().errors();
        var first = errors.get(0);
        run.setFailedNode(first.nodeId());
        run.fail(() -> {
            String what = org.strata.app.i18n.Catalogue.problem(first, first.nodeId() == null ? null
                    : document.graph().node(first.nodeId()).orElse(null));
            return errors.size() == 1 ? Messages.get("train.invalid", what)
                    : Messages.get("train.invalidMore", what, errors.size() - 1);
        });
        return false;
    }

    /** Opens a run's session (off the JavaFX thread), listening to it and kept; a test's may fail. */
    private interface Opening {
        TrainingSession open() throws Exception;
    }

    /**
     * Loads a run off the JavaFX thread, then trains it on its own thread.
     *
     * @param freshPath whether the weights' path starts anew (not for a run that continues the last)
     * @param saying    what to say once it is loaded, or null for the engine's own message
     */
    private void launch(Opening opening, boolean freshPath, java.util.function.Supplier<String> saying) {
        run.shownEvaluation().clear();
        run.boundaryFeed().clear();
        run.telemetry().start(document.project().training().getInt("epochs"));
        run.control().loading();
        run.setPhase(TrainingState.LOADING, () -> Messages.get("train.loading"));
        document.setReadOnly(true);
        String structure = run.structure();
        threads.background("strata-training-loader", () -> {
            try {
                TrainingSession s = opening.open();
                run.boundaryFeed().setPoints(DataPoints.of(s.dataset()));
                if (s.fewWeights() && freshPath) {
                    var start = s.weightValues(); // before its thread starts: the path's first point
                    threads.ui(() -> {
                        run.weightPath().add(start);
                        run.weightPath().publish();
                    });
                }
                run.trains(s, structure);
                if (saying != null) threads.ui(() -> run.say(saying));
                s.setPace(run.pace());
                run.control().startWhenAsked(s);
            } catch (Exception | OutOfMemoryError | StackOverflowError e) { // the window stays, the project too
                run.keeping().abandon();
                String why = org.strata.app.i18n.Catalogue.explain(e);
                String node = e instanceof TrainingException te ? te.nodeId() : null;
                threads.ui(() -> {
                    run.setFailedNode(node);
                    run.fail(() -> why);
                });
            }
        });
    }

    /** @see TrainingRun#useRun */
    void useRun(RunRecord r) {
        if (run.isActive()) return;
        String structure = run.structure();
        var project = document.project();
        run.shownEvaluation().clear(); // what is shown belongs to the weights being replaced
        run.boundaryFeed().clear();
        run.setPhase(TrainingState.LOADING, () -> Messages.get("runs.loading", r.id()));
        run.curves().loading();
        document.setReadOnly(true);
        threads.background("strata-run-loader", () -> {
            try {
                var model = run.runs().model(r);
                TrainingSession s = Sessions.forKeptRun(project, r, model, structure);
                DataPoints pts = DataPoints.of(s.dataset());
                threads.ui(() -> {
                    run.trains(s, structure);
                    run.started(null); // no thread trains these weights
                    run.boundaryFeed().setPoints(pts);
                    run.curves().restore(r, model.epochs());
                    run.keeping().setLastRunId(r.id());
                    document.setReadOnly(false);
                    run.setPhase(TrainingState.FINISHED, () -> Messages.get("runs.using", r.id(), model.epochs()));
                    run.keeping().afterwards(s, null, null, null);
                });
            } catch (Exception | OutOfMemoryError | StackOverflowError e) { // the window stays, the project too
                String why = org.strata.app.i18n.Catalogue.explain(e);
                threads.ui(() -> {
                    document.setReadOnly(false);
                    run.curves().settle();
                    run.setPhase(run.session() == null ? TrainingState.IDLE : TrainingState.FINISHED, () -> why);
                });
            }
        });
    }
}
