package org.strata.engine.train;

import org.strata.engine.params.Params;

/** The learning rate of each epoch, from the training settings' schedule. */
final class LearningRateSchedule {
    private LearningRateSchedule() {
    }

    /** @param epoch 1-based */
    static double at(Params t, int epoch) {
        double lr = t.getDouble("learningRate");
        int e = epoch - 1;
        return switch (t.getString("schedule")) {
            case "step" -> lr * Math.pow(t.getDouble("decayRate"), e / t.getInt("decayEvery"));
            case "exponential" -> lr * Math.pow(t.getDouble("decayRate"), e);
            case "cosine" -> {
                int total = Math.max(1, t.getInt("epochs"));
                yield lr * 0.5 * (1 + Math.cos(Math.PI * e / total));
            }
            default -> lr;
        };
    }
}
