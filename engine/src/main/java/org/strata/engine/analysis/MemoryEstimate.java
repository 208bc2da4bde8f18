package org.strata.engine.analysis;

import java.util.Locale;

/**
 * About how much memory training a network takes, before anything is allocated: its weights and their gradients,
 * the optimizer's state (Adam keeps two values per weight), and every layer's outputs and their gradients for one
 * batch. Engines add scratch arrays and the data itself, so this is a floor, good to a factor of about 1.5.
 *
 * @param weights     bytes of weights and gradients
 * @param optimizer   bytes of the optimizer's state
 * @param activations bytes of a batch's layer outputs and their gradients
 * @param largest     the node holding the most of it (its weights or its outputs), to name in a message
 */
public record MemoryEstimate(long weights, long optimizer, long activations, String largest) {

    /**
     * @param batch     samples per batch
     * @param optimizer the training settings' optimizer ("adam", "sgd", …)
     */
    public static MemoryEstimate of(Analysis a, int batch, String optimizer) {
        int slots = switch (optimizer) {
            case "sgd" -> 0;
            case "adam", "adamw" -> 2;
            default -> 1; // momentum, rmsprop
        };
        long weights = 0;
        long activations = 0;
        long most = -1;
        String largest = "";
        for (String id : a.order()) {
            long w = a.paramCounts().getOrDefault(id, 0L);
            long out = a.shapeOf(id).map(s -> s.size()).orElse(0L);
            long bytes = 4 * (w * (2 + slots) + out * batch * 2L);
            weights += 8 * w;
            activations += 8 * out * batch;
            if (bytes > most) {
                most = bytes;
                largest = id;
            }
        }
        return new MemoryEstimate(weights, weights / 2 * slots, activations, largest);
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
