package org.strata.engine.train;

import org.strata.engine.analysis.Analysis;
import org.strata.engine.analysis.MemoryEstimate;
import org.strata.engine.graph.Graph;
import org.strata.engine.params.Params;
import org.strata.engine.text.Message;

/**
 * Refuses a network too large to build here before it is built: building allocates its weights (and the optimizer's
 * state) in native memory, and a network of 200,000 × 200,000 weights read from a model file would otherwise crash
 * the Java process there, not fail in it. Counts come from the graph's shapes, in long, as training's check does.
 */
public final class NetworkMemory {
    private NetworkMemory() {
    }

    /**
     * @param what what is being built, to start the message ("model.zip", "weights.npz's project")
     * @throws TrainingException naming the memory needed, the memory there and the largest layer
     */
    public static void checkBuild(String what, Graph graph, Analysis a, Params training) throws TrainingException {
        // weights, gradients and optimizer state: what building allocates before the first sample
        MemoryEstimate m = MemoryEstimate.of(a, 1, training.getString("optimizer"));
        long budget = org.strata.engine.runtime.MemoryBudget.bytes();
        if (m.total() <= budget) return;
        String need = MemoryEstimate.bytes(m.total());
        String have = MemoryEstimate.bytes(budget);
        String largest = graph.node(m.largest()).map(n -> n.name()).orElse(m.largest());
        throw new TrainingException(Message.of("model.tooLarge", what + ": building its network takes at least "
                + need + " (" + String.format(java.util.Locale.ROOT, "%,d", a.totalParams()) + " weights) but this "
                + "machine has about " + have + " for it; the largest layer is '" + largest + "': open it on a "
                + "machine with more memory, or make that layer smaller and train again", what, need, have,
                largest), m.largest(), null);
    }
}
