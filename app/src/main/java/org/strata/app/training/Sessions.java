package org.strata.app.training;

import org.strata.app.i18n.Messages;
import org.strata.engine.data.DatasetLoader;
import org.strata.engine.data.ReadAs;
import org.strata.engine.model.TrainedModel;
import org.strata.engine.project.Project;
import org.strata.engine.runs.Checkpoint;
import org.strata.engine.runs.RunKeeper;
import org.strata.engine.runs.RunRecord;
import org.strata.engine.runtime.NativeSetup;
import org.strata.engine.runtime.Threads;
import org.strata.engine.train.Backends;
import org.strata.engine.train.ModelNetwork;
import org.strata.engine.train.TrainingSession;

/** Opens the sessions a window's runs train with, off the UI thread: loading data and compiling take seconds. */
final class Sessions {
    private Sessions() {
    }

    /**
     * @param previous   the session whose trained weights the run continues from, or null for new weights
     * @param cpuThreads the user's thread count (Train › CPU Threads), or 0 to measure among counts that leave the
     *                   window a core
     */
    static TrainingSession forRun(Project project, TrainingSession previous, int cpuThreads) throws Exception {
        NativeSetup.configure(); // the right native build, before ND4J loads
        TrainingSession s;
        if (previous == null) {
            s = TrainingSession.create(project);
        } else {
            // today's data read as the weights were trained: classes by name, the same vocabulary
            var data = DatasetLoader.load(project, ReadAs.of(previous.dataset()));
            // its weights read while no probe of the last run (a loss surface, say) has others in it
            s = previous.whileIdle(() -> TrainingSession.continueFrom(project, data, previous.backend()));
        }
        return forWindow(s, cpuThreads);
    }

    /** @return a session that goes on with an interrupted run from its checkpoint (see {@link RunKeeper}) */
    static TrainingSession forResume(Project project, Checkpoint checkpoint, int cpuThreads) throws Exception {
        NativeSetup.configure();
        return forWindow(RunKeeper.resumeSession(project, checkpoint), cpuThreads);
    }

    private static TrainingSession forWindow(TrainingSession s, int cpuThreads) {
        if (cpuThreads > 0) {
            s.setThreads(cpuThreads);
        } else {
            // the window draws while it trains: leave it a core (measured: on 2 cores, one native thread trains as
            // fast with the live views as two, and the window stays smooth)
            s.setThreadLimit(Threads.available() - 1);
        }
        s.requestSnapshot(); // the layers' first picture comes with the first batch
        return s;
    }

    /**
     * @param structure the network the project has now ({@link NetworkStructure})
     * @return a session holding a kept run's weights
     * @throws IllegalStateException saying so when the run trained another network than the project's
     */
    static TrainingSession forKeptRun(Project project, RunRecord r, TrainedModel model, String structure)
            throws Exception {
        if (!NetworkStructure.of(model.project().graph()).equals(structure)) {
            throw new IllegalStateException(Messages.get("runs.otherNetwork", r.id()));
        }
        var network = ModelNetwork.of(model, "model.zip", Backends.Preference.AUTO).network();
        return TrainingSession.continueFrom(project, DatasetLoader.load(project, model.readAs()), network);
    }
}
