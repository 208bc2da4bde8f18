package org.strata.engine.train;

import java.util.List;
import java.util.Optional;
import org.strata.engine.analysis.Analysis;
import org.strata.engine.analysis.GraphAnalyzer;
import org.strata.engine.backend.NetworkBackend;
import org.strata.engine.data.text.TextEncoding;
import org.strata.engine.model.OptimizerState;
import org.strata.engine.model.TrainedModel;
import org.strata.engine.project.Project;

/**
 * A {@link TrainedModel} taken from a network as it is now: its weights under their export names, its optimizer's
 * state and engine, copied out as plain arrays (the network trains on; the model does not change with it).
 */
public final class TrainedModels {
    private TrainedModels() {
    }

    /** @return a model of {@code session}'s network after {@code epochs} epochs, read as its dataset is */
    public static TrainedModel of(TrainingSession session, int epochs) {
        var data = session.dataset();
        return of(session.project(), session.analysis(), session.backend(), data.classNames(),
                data.normalizer().shift(), data.normalizer().scale(), epochs, data.text());
    }

    /**
     * @param analysis the analysis of {@code project}'s graph, passed along rather than computed again
     * @param network  the network trained on {@code project}
     */
    public static TrainedModel of(Project project, Analysis analysis, NetworkBackend network,
                                  List<String> classNames, float[] shift, float[] scale, int epochs,
                                  Optional<TextEncoding> text) {
        var state = new OptimizerState(network.engine().title(), ModelArrays.plain(network.optimizerState()));
        return new TrainedModel(project, analysis, ModelArrays.plain(network.exportParameters()), state,
                classNames, shift, scale, epochs, text);
    }

    /** As {@link #of(Project, Analysis, NetworkBackend, List, float[], float[], int, Optional)}, analysing. */
    public static TrainedModel of(Project project, NetworkBackend network, List<String> classNames, float[] shift,
                                  float[] scale, int epochs, Optional<TextEncoding> text) {
        return of(project, GraphAnalyzer.analyze(project.graph()), network, classNames, shift, scale, epochs, text);
    }

    /** A model of numbers (not texts). */
    public static TrainedModel of(Project project, NetworkBackend network, List<String> classNames, float[] shift,
                                  float[] scale, int epochs) {
        return of(project, network, classNames, shift, scale, epochs, Optional.empty());
    }
}
