package org.strata.engine.train;

import org.strata.engine.analysis.Analysis;
import org.strata.engine.graph.Graph;
import org.strata.engine.params.Params;
import org.strata.engine.train.dl4j.Dl4jBackend;
import org.strata.engine.train.dl4j.Dl4jCompiler;

/** Chooses and builds the engine that runs a graph. */
public final class Backends {
    private Backends() {
    }

    /**
     * Compiles a valid graph for training.
     *
     * @param training values of {@link org.strata.engine.project.TrainingSettings#TABLE}
     */
    public static NetworkBackend compile(Graph graph, Analysis analysis, Params training) {
        return new Dl4jBackend(graph, Dl4jCompiler.compile(graph, analysis, training));
    }
}
