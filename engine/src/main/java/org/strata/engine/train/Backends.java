package org.strata.engine.train;

import org.strata.engine.backend.Engine;
import org.strata.engine.backend.NetworkBackend;
import java.util.Locale;
import java.util.Optional;
import org.strata.engine.analysis.Analysis;
import org.strata.engine.graph.Graph;
import org.strata.engine.params.Params;
import org.strata.engine.text.Message;
import org.strata.engine.train.dl4j.Dl4jBackend;
import org.strata.engine.train.dl4j.Dl4jCompiler;
import org.strata.engine.train.fast.FastNetwork;

/**
 * Chooses and builds the engine that runs a graph: Strata's fast engine where it supports the graph, else
 * Deeplearning4j, which supports every layer type. The system property {@code strata.engine} (auto, strata, dl4j)
 * overrides the choice.
 */
public final class Backends {
    /** Which engine to use. */
    public enum Preference {
        AUTO, STRATA, DL4J;

        /** @return the preference for exactly this engine (a model or checkpoint goes on where it was trained) */
        public static Preference of(Engine engine) {
            return engine == Engine.DL4J ? DL4J : STRATA;
        }

        /** @return its value for {@code strata.engine} and {@code --engine}: "auto", "strata", "dl4j" */
        public String key() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    private Backends() {
    }

    /**
     * The engine a graph will train on, and why.
     *
     * @param engine the engine
     * @param reason why Deeplearning4j was chosen, or empty
     */
    public record Choice(Engine engine, Optional<Message> reason) {
        /** @return e.g. "Deeplearning4j (LSTM layers are not in Strata's fast engine yet)" */
        public String describe() {
            return engine + reason.map(r -> " (" + r + ")").orElse("");
        }
    }

    /** @return the preference from the {@code strata.engine} system property (default auto) */
    public static Preference preference() {
        String p = System.getProperty("strata.engine", "auto").toUpperCase(Locale.ROOT);
        try {
            return p.equals("FAST") ? Preference.STRATA : Preference.valueOf(p);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("strata.engine is '" + p.toLowerCase(Locale.ROOT)
                    + "'; use auto, strata or dl4j", e);
        }
    }

    /** @return which engine {@link #compile} will use */
    public static Choice choose(Graph graph, Analysis analysis, Params training, Preference preference) {
        if (preference == Preference.DL4J) {
            return new Choice(Engine.DL4J, Optional.of(Message.of("fast.chosen",
                    "chosen with --engine or strata.engine")));
        }
        Optional<Message> why = FastNetwork.unsupported(graph, analysis, training);
        if (why.isEmpty()) return new Choice(Engine.STRATA, Optional.empty());
        if (preference == Preference.STRATA) {
            throw new IllegalArgumentException("Strata's fast engine cannot run this graph: " + why.get());
        }
        return new Choice(Engine.DL4J, why);
    }

    /**
     * Compiles a valid graph for training on the engine the preference and the graph allow.
     *
     * @param training values of {@link org.strata.engine.project.TrainingSettings#TABLE}
     */
    public static NetworkBackend compile(Graph graph, Analysis analysis, Params training, Preference preference) {
        return compile(graph, analysis, training, choose(graph, analysis, training, preference));
    }

    /** Compiles for an engine already chosen with {@link #choose}. */
    public static NetworkBackend compile(Graph graph, Analysis analysis, Params training, Choice choice) {
        return switch (choice.engine()) {
            case STRATA -> new FastNetwork(graph, analysis, training);
            case DL4J -> new Dl4jBackend(graph, Dl4jCompiler.compile(graph, analysis, training));
        };
    }

    /** As {@link #compile(Graph, Analysis, Params, Preference)} with the {@link #preference()}. */
    public static NetworkBackend compile(Graph graph, Analysis analysis, Params training) {
        return compile(graph, analysis, training, preference());
    }
}
