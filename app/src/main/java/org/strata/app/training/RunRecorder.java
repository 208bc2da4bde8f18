package org.strata.app.training;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.ZonedDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.strata.engine.model.TrainedModel;
import org.strata.engine.params.Params;
import org.strata.engine.project.Project;
import org.strata.engine.project.ProjectFile;
import org.strata.engine.runs.RunRecord;
import org.strata.engine.train.Evaluation;
import org.strata.engine.train.TrainingEvents;
import org.strata.engine.train.TrainingSession;
import org.strata.engine.train.TrainingState;

/**
 * Keeps a run that ended with its project ({@link RunHistory}): what the record needs from the window is taken on
 * the JavaFX thread when the run starts and ends, the model is written off it once the network is free.
 */
final class RunRecorder {
    private RunRecorder() {
    }

    /**
     * What the window knew when the run started.
     *
     * @param projectJson      the project as it trained (edits after the run must not change the kept model)
     * @param iterationsBefore iterations of the runs it continues (its curves number on from there)
     * @param epochsBefore     epochs of the runs it continues
     * @param continuedFrom    the kept run it continues, or ""
     */
    record Start(ZonedDateTime at, long nanos, String projectJson, Params settings, long iterationsBefore,
                 int epochsBefore, String continuedFrom) {
        static Start now(Project project, long iterationsBefore, int epochsBefore, String continuedFrom) {
            return new Start(ZonedDateTime.now().withNano(0), System.nanoTime(), ProjectFile.toJson(project),
                    project.training().copy(), iterationsBefore, epochsBefore, continuedFrom);
        }
    }

    /** A run's record but for what only the network can say (its id, test figure and engine). */
    record Pending(Start start, double seconds, String state, Map<String, String> settings, double[][] loss,
                   double[][] validation, double[][] metric, TrainingEvents.Epoch last) {
    }

    /** @return the curves and figures of the run that just ended, or null if it trained no full epoch */
    static Pending capture(Start start, TrainingState end, TrainingEvents.Epoch last, LossHistory history) {
        if (start == null || last == null) return null;
        double[][] loss = after(LossHistory.thinned(history.smoothed(), RunRecord.MAX_LOSS_POINTS), start);
        double[][] metric = history.metric().stream().filter(p -> p[0] > start.epochsBefore())
                .map(p -> new double[]{p[0], p[1], p[2]}).toArray(double[][]::new);
        Map<String, String> settings = new LinkedHashMap<>();
        start.settings().applicable().forEach((k, v) -> settings.put(k, String.valueOf(v)));
        return new Pending(start, (System.nanoTime() - start.nanos()) / 1e9, end.name(), settings, loss,
                after(history.validation(), start), metric, last);
    }

    private static double[][] after(List<double[]> points, Start start) {
        return points.stream().filter(p -> p[0] > start.iterationsBefore()).toArray(double[][]::new);
    }

    /**
     * Off the JavaFX thread, the training thread ended: writes the run and its model with the project.
     *
     * @param test the evaluation after the run (test data, else validation data); may be null
     * @throws IOException if the run or its model cannot be written
     */
    static RunRecord keep(RunHistory runs, TrainingSession s, Pending p, Evaluation test) throws IOException {
        var store = runs.store();
        TrainingEvents.Epoch last = p.last();
        RunRecord record = new RunRecord(store.newId(p.start().at()), p.start().at().toString(), p.seconds(),
                s.engine(), p.state(), s.epochsDone(), last.metricName(), last.trainLoss(), last.validationLoss(),
                last.validationMetric(), test == null ? Double.NaN : test.metric(), p.settings(), p.loss(),
                p.validation(), p.metric(), p.start().continuedFrom());
        Project project;
        try {
            project = ProjectFile.parse(p.start().projectJson());
        } catch (org.strata.engine.project.ProjectFormatException e) {
            throw new IOException(e.getMessage(), e); // it was written by this very version a moment ago
        }
        var data = s.dataset();
        try {
            s.probe(net -> {
                try {
                    store.save(record, new TrainedModel(project, net, data.classNames(), data.normalizer().shift(),
                            data.normalizer().scale(), p.start().epochsBefore() + s.epochsDone()));
                    return null;
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }).join();
        } catch (java.util.concurrent.CompletionException e) {
            if (e.getCause() instanceof UncheckedIOException u) throw u.getCause();
            throw e;
        }
        return record;
    }
}
