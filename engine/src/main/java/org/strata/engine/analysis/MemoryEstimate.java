package org.strata.engine.analysis;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.ToLongFunction;
import org.strata.engine.graph.Edge;
import org.strata.engine.graph.Graph;
import org.strata.engine.graph.Node;
import org.strata.engine.graph.PortRef;
import org.strata.engine.layers.TensorShape;

/**
 * About how much memory training a network takes, before anything is allocated: its weights and their gradients,
 * the optimizer's state (Adam keeps two values per weight), and every layer's outputs and their gradients for one
 * batch. Engines add scratch arrays and the data itself, so this is a floor, good to a factor of about 1.5. Every
 * value is a 4-byte float.
 *
 * @param weights     bytes of weights and gradients (of the weights alone to run a sample: {@link #toRun})
 * @param optimizer   bytes of the optimizer's state
 * @param activations bytes of a batch's layer outputs and their gradients (of one sample's outputs to run it)
 * @param largest     the node holding the most of it (its weights or its outputs), to name in a message
 */
public record MemoryEstimate(long weights, long optimizer, long activations, String largest) {
    /** Bytes of one value: float32 everywhere. */
    public static final int BYTES = 4;

    /**
     * Training's estimate from the outputs alone (what the run's memory check uses).
     *
     * @param batch     samples per batch
     * @param optimizer the training settings' optimizer ("adam", "sgd", …)
     */
    public static MemoryEstimate of(Analysis a, int batch, String optimizer) {
        return estimate(a, id -> 0L, batch, slots(optimizer), true);
    }

    /**
     * As {@link #of(Analysis, int, String)}, counting also what layers keep beside their outputs for the backward
     * pass (attention's T² weights per head, which dominate a transformer's activations at a long context).
     */
    public static MemoryEstimate of(Graph g, Analysis a, int batch, String optimizer) {
        return estimate(a, kept(g, a), batch, slots(optimizer), true);
    }

    /** Memory to run one sample forward: the weights once, and one sample's outputs and kept values. */
    public static MemoryEstimate toRun(Graph g, Analysis a) {
        return estimate(a, kept(g, a), 1, 0, false);
    }

    /** @return values the optimizer keeps per weight: Adam its two moments, SGD none, momentum and RMSProp one */
    public static int slots(String optimizer) {
        return switch (optimizer) {
            case "sgd" -> 0;
            case "adam", "adamw" -> 2;
            default -> 1; // momentum, rmsprop
        };
    }

    private static MemoryEstimate estimate(Analysis a, ToLongFunction<String> kept, int batch, int slots,
                                           boolean training) {
        int copies = training ? 2 : 1; // a value and its gradient, or the value alone
        long weights = 0;
        long activations = 0;
        long most = -1;
        String largest = "";
        for (String id : a.order()) {
            long w = a.paramCounts().getOrDefault(id, 0L);
            long out = a.shapeOf(id).map(s -> s.size()).orElse(0L) + kept.applyAsLong(id);
            long bytes = BYTES * (w * (copies + slots) + out * batch * (long) copies);
            weights += BYTES * copies * w;
            activations += BYTES * copies * out * batch;
            if (bytes > most) {
                most = bytes;
                largest = id;
            }
        }
        return new MemoryEstimate(weights, weights / copies * slots, activations, largest);
    }

    /** @return per node, the values its layer keeps beside its output, from its inputs' shapes */
    private static ToLongFunction<String> kept(Graph g, Analysis a) {
        return id -> {
            Node n = g.node(id).orElse(null);
            if (n == null || a.shapeOf(id).isEmpty()) return 0L;
            List<TensorShape> in = new ArrayList<>();
            for (String port : n.type().inputPorts(n.params())) {
                var shape = g.incoming(new PortRef(id, port)).map(Edge::from).map(PortRef::node).flatMap(a::shapeOf);
                if (shape.isEmpty()) return 0L;
                in.add(shape.get());
            }
            return n.type().keptValues(in, a.shapeOf(id).get(), n.params());
        };
    }

    /** @return the whole estimate in bytes */
    public long total() {
        return weights + optimizer + activations;
    }

    /** @return bytes in a few characters: "512 MB", "13.1 GB" */
    public static String bytes(long b) {
        if (b < 1L << 20) return String.format(Locale.ROOT, "%d KB", Math.max(1, b >> 10));
        if (b < 1L << 30) return String.format(Locale.ROOT, "%d MB", b >> 20);
        return String.format(Locale.ROOT, "%.1f GB", b / (double) (1L << 30));
    }
}
