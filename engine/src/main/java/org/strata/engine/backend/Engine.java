package org.strata.engine.backend;

/** The engines a network can train on. Code branches on these, never on their names. */
public enum Engine {
    /** Strata's fast engine: the graph run directly on libnd4j's ops ({@code train.fast}). */
    STRATA("Strata"),
    /** Deeplearning4j's {@code ComputationGraph}, which runs every layer type ({@code train.dl4j}). */
    DL4J("Deeplearning4j");

    private final String title;

    Engine(String title) {
        this.title = title;
    }

    /** @return the engine's name as users see it and model files record it ("Strata", "Deeplearning4j") */
    public String title() {
        return title;
    }

    /** @return the engine a model file names, by its {@link #title()} */
    public static java.util.Optional<Engine> byTitle(String title) {
        for (Engine e : values()) if (e.title.equals(title)) return java.util.Optional.of(e);
        return java.util.Optional.empty();
    }

    @Override
    public String toString() {
        return title;
    }
}
