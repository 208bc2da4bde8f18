package org.strata.engine.backend;

/**
 * A compiled network, whatever engine runs it: trained through {@link TrainableNetwork}, looked at through
 * {@link NetworkInspection}. The training session, model files and exporters talk to these interfaces only, so
 * engines can be swapped per project (Deeplearning4j for every layer type, Strata's own executor where it supports
 * the graph). An engine that can also copy out a whole step implements {@link NetworkTracing}.
 */
public interface NetworkBackend extends TrainableNetwork, NetworkInspection {
    /** @return the engine running this network */
    Engine engine();

    /**
     * Same as {@link NetworkInspection#strided}; static methods are not inherited, and telemetry names it here.
     *
     * @return {@code v} itself, or every k-th value when it holds more than {@code max}
     */
    static float[] strided(float[] v, int max) {
        return NetworkInspection.strided(v, max);
    }
}
