package org.strata.engine.train;

import java.util.Locale;
import java.util.Optional;
import org.strata.engine.text.Message;

/**
 * Notices a run that is not learning although its loss stays finite: the training loss risen far above where it
 * started, or a classifier guessing at chance level for several epochs while its loss does not improve. Says so once
 * each, naming the learning rate as the likely cause; the run goes on (the user decides).
 */
final class DivergenceWatch {
    /** A loss this many times the first epoch's is diverging. */
    static final double RISE = 3;
    /** Epochs at chance level, the loss not falling over them, before it is said. */
    static final int PATIENCE = 3;

    private final int classes;
    private final java.util.List<Double> losses = new java.util.ArrayList<>();
    private double firstLoss = Double.NaN;
    private int atChanceFor;
    private boolean saidRise;
    private boolean saidChance;

    /** @param classes the number of classes, or 0 for regression (no chance level) */
    DivergenceWatch(int classes) {
        this.classes = classes;
    }

    /**
     * Takes an epoch's figures.
     *
     * @param accuracy the training accuracy, or NaN for regression
     * @return what to tell the user, the first time a symptom shows
     */
    Optional<Message> epoch(int epoch, double trainLoss, double accuracy, double learningRate) {
        String rate = String.format(Locale.ROOT, "%.3g", learningRate);
        if (Double.isNaN(firstLoss)) firstLoss = trainLoss;
        losses.add(trainLoss);
        if (!saidRise && epoch > 1 && trainLoss > RISE * firstLoss && trainLoss > firstLoss + 1e-3) {
            saidRise = true;
            String x = String.format(Locale.ROOT, "%.3g", trainLoss / firstLoss);
            return Optional.of(Message.of("run.diverging", "The loss is rising (epoch " + epoch + ": " + x
                    + "× the first epoch's): training is diverging; lower the learning rate (now " + rate + ")",
                    epoch, x, rate));
        }
        if (classes >= 2 && !Double.isNaN(accuracy)) {
            double chance = 1.0 / classes;
            boolean atChance = accuracy <= chance + Math.max(0.02, 0.1 * chance);
            atChanceFor = atChance ? atChanceFor + 1 : 0;
            // falling by less than 5 % over those epochs: a slow start that is learning is left alone
            boolean flat = losses.size() > PATIENCE
                    && trainLoss > 0.95 * losses.get(losses.size() - 1 - PATIENCE);
            if (!saidChance && atChanceFor >= PATIENCE && flat) {
                saidChance = true;
                String acc = String.format(Locale.ROOT, "%.1f%%", 100 * accuracy);
                return Optional.of(Message.of("run.atChance", "Accuracy " + acc + " after " + epoch
                        + " epochs is what guessing gets with " + classes + " classes, and the loss is not falling: "
                        + "the network is not learning; lower the learning rate (now " + rate + ") or check the "
                        + "data", acc, epoch, classes, rate));
            }
        }
        return Optional.empty();
    }
}
