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
 * Deeplearning4j, which supports every layer type. A {@link Preference} passed by the caller overrides the choice;
 * nothing here reads a system property (the command line's entry point reads {@code -Dstrata.engine} once).
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

        /**
         * @param key "auto", "strata" (or "fast") or "dl4j", in any case
         * @throws IllegalArgumentException for any other text
         */
        public static Preference parse(String key) {
            String k = key.toUpperCase(Locale.ROOT);
            if (k.equals("FAST")) return STRATA;
            for (Preference p : values()) if (p.name().equals(k)) return p;
            throw new IllegalArgumentException("'" + key + "' is not an engine; use auto, strata or dl4j");
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

    /** As {@link #compile(Graph, Analysis, Params, Preference)} with {@link Preference#AUTO}. */
    public static NetworkBackend compile(Graph graph, Analysis analysis, Params training) {
        return compile(graph, analysis, training, Preference.AUTO);
    }
}
