package org.strata.app.training;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Consumer;
import org.strata.app.i18n.Messages;
import org.strata.engine.runs.Checkpoint;
import org.strata.engine.runs.InterruptedRuns;

/**
 * Offers, when a project is opened, to resume a run of it that was interrupted (the window or {@code strata train}
 * killed mid-run, the machine gone down): what the offer says, and what Resume and Discard do. The window shows it
 * (a dialog); this class holds no control, so it is tested without one.
 */
public final class ResumeOffer {
    private final TrainingRun run;
    private final RunHistory runs;
    private final RunThreads threads;

    ResumeOffer(TrainingRun run, RunHistory runs, RunThreads threads) {
        this.run = run;
        this.runs = runs;
        this.threads = threads;
    }

    /**
     * Looks for interrupted runs in the project's runs folder off the JavaFX thread, and hands the newest to
     * {@code offer} on it; nothing when there is none, when the project has no runs folder of its own (never saved,
     * or a bundled sample) or when a run has started meanwhile.
     */
    public void check(Consumer<InterruptedRuns.Run> offer) {
        Path folder = runs.keptFolder();
        if (folder == null) return;
        threads.background("strata-interrupted-runs", () -> {
            List<InterruptedRuns.Run> found = InterruptedRuns.in(folder);
            if (found.isEmpty()) return;
            InterruptedRuns.Run newest = found.get(found.size() - 1);
            threads.ui(() -> {
                if (!run.isActive()) offer.accept(newest);
            });
        });
    }

    /** @return the offer's title */
    public String title() {
        return Messages.get("resume.title");
    }

    /** @return what the offer asks: whose run, after which epoch of how many */
    public String header(InterruptedRuns.Run r) {
        return Messages.get("resume.header", run.projectName(), r.epochsDone(), r.epochs());
    }

    /** @return what Resume and Discard do, and where the checkpoint is */
    public String message(InterruptedRuns.Run r) {
        return Messages.get("resume.message", Checkpoint.folderFor(r.runDir()));
    }

    /** @return the buttons' texts: Resume, Discard */
    public List<String> choices() {
        return List.of(Messages.get("resume.resume"), Messages.get("resume.discard"));
    }

    /** Goes on with the run from its checkpoint; kept when it ends, with every epoch's row. */
    public void resume(InterruptedRuns.Run r) {
        run.resumeInterrupted(r);
    }

    /** Deletes the run's checkpoint, and nothing else (see {@link InterruptedRuns#discard}), off the JavaFX thread. */
    public void discard(InterruptedRuns.Run r) {
        threads.background("strata-discard-checkpoint", () -> {
            try {
                InterruptedRuns.discard(r);
            } catch (IOException | RuntimeException e) {
                threads.ui(() -> run.say(() -> Messages.get("resume.discardFailed", e.getMessage())));
            }
        });
    }
}
