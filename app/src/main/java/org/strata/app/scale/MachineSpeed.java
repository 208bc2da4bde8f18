package org.strata.app.scale;

import java.util.OptionalDouble;
import org.strata.engine.analysis.Analysis;
import org.strata.engine.analysis.GraphAnalyzer;
import org.strata.engine.analysis.TransformerSize;
import org.strata.engine.graph.Graph;
import org.strata.engine.project.TrainingSettings;
import org.strata.engine.train.ForwardTiming;
import org.strata.engine.train.TrainingException;

/**
 * This machine's speed for the scale view: the FLOP/s of one forward pass of a small transformer ({@link #SIZE}) at
 * random weights, timed once by {@link ForwardTiming} (the engine's own, as {@code strata summary --measure} times a
 * project) and kept for the rest of the session. Slow (it builds a network): call it off the UI thread.
 */
public final class MachineSpeed {
    /** The network timed: small enough to build in a moment, large enough that its products, not overhead, count. */
    public static final TransformerSize SIZE = new TransformerSize(2, 256, 4, 128, 1000);

    private static volatile OptionalDouble measured;

    private MachineSpeed() {
    }

    /** @return the speed measured earlier in this session, if it was */
    public static OptionalDouble known() {
        OptionalDouble m = measured;
        return m == null ? OptionalDouble.empty() : m;
    }

    /** @return forward FLOP/s on this machine, measured now unless it was before; empty where it cannot be measured */
    public static synchronized OptionalDouble measure() {
        if (measured != null) return measured;
        Graph g = SIZE.graph();
        Analysis a = GraphAnalyzer.analyze(g);
        try {
            ForwardTiming.Result r = ForwardTiming.measure(g, a, TrainingSettings.defaults(), 5);
            measured = OptionalDouble.of(a.totalFlops() / r.seconds());
        } catch (TrainingException | RuntimeException e) {
            measured = OptionalDouble.empty(); // said as "could not be measured"; the GPU's time is still shown
        }
        return measured;
    }
}
