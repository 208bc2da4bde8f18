package org.strata.engine.analysis;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.strata.engine.text.Message;

/**
 * The lines of {@code strata summary} that say how large a network is and what it costs, as {@link Message}s (a
 * window says them in its language): parameters against the 100-million line, memory, FLOPs, this machine's
 * measured speed where it was measured, and the time training would take here and, assumed, on a GPU. The command
 * line prints {@link #of}; the window's Summary tab shows {@link #forWindow}, the same lines without the command's
 * options and without a measurement (it never times a network on its own).
 */
public final class ScaleLines {
    private ScaleLines() {
    }

    /**
     * @param s        the estimate
     * @param batch    the batch the training memory is for
     * @param optimizer the optimizer it is for
     * @param tokens   tokens (samples where not per token) to train on; empty: 20 per parameter for a model with a
     *                 class at every step (a language model), no time for any other
     * @param measured seconds one forward pass of one sample took here, and the engine's name, or empty
     */
    public static List<Message> of(ScaleEstimate s, int batch, String optimizer, Optional<Long> tokens,
                                   Optional<Measured> measured) {
        List<Message> out = size(s, batch, optimizer);
        if (measured.isPresent()) {
            Measured m = measured.get();
            String took = seconds(m.seconds());
            out.add(Message.of("scale.measured", "One forward pass of one sample, measured here: " + took + " on "
                    + m.engine() + " (" + rate(s.flopsPerSecond(m.seconds())) + ")", took, m.engine(),
                    rate(s.flopsPerSecond(m.seconds()))));
        } else {
            out.add(Message.of("scale.notMeasured", "This machine's speed: not measured (add --measure to time one "
                    + "forward pass)"));
        }
        if (tokens.isEmpty() && !s.perToken()) { // 20 per parameter is a language model's rule, not a classifier's
            out.add(Message.of("scale.samples.none", "Time to train: give the samples to train on with --tokens N"));
            return out;
        }
        long n = tokens.orElse(20 * s.parameters());
        String count = SummaryTable.group(n);
        Message unit = unit(s);
        out.add(tokens.isPresent()
                ? Message.of("scale.tokens", "Training on " + count + " " + unit, count, unit)
                : Message.of("scale.tokens.default", "Training on " + count + " " + unit + " (20 per parameter, "
                        + "the compute-optimal amount of Hoffmann et al., 2022; set another with --tokens N)",
                        count, unit));
        measured.ifPresent(m -> {
            Message here = durationMessage(s.secondsToTrain(n, s.flopsPerSecond(m.seconds())));
            out.add(Message.of("scale.train.here", "Estimated time to train here, at that speed: " + here, here));
        });
        out.add(gpu(s, n));
        return out;
    }

    /**
     * The lines that need no speed: parameters against the 100-million line, memory to run one sample and to train
     * a batch, FLOPs per token (per sample) forward and in training.
     */
    public static List<Message> size(ScaleEstimate s, int batch, String optimizer) {
        List<Message> out = new ArrayList<>();
        String params = SummaryTable.group(s.parameters());
        String line = SummaryTable.group(ScaleEstimate.LARGE_MODEL);
        out.add(s.large()
                ? Message.of("scale.large", params + " parameters: a large model (more than " + line
                        + " parameters)", params, line)
                : Message.of("scale.notLarge", params + " parameters: not a large model (" + percent(s) + " of the "
                        + line + " parameters where one begins)", params, percent(s), line));
        MemoryEstimate run = s.toRun();
        out.add(Message.of("scale.memory.run", "Memory to run one sample: at least " + bytes(run.total())
                + " (weights " + bytes(run.weights()) + ", outputs " + bytes(run.activations()) + ")",
                bytes(run.total()), bytes(run.weights()), bytes(run.activations())));
        MemoryEstimate train = s.toTrain();
        out.add(Message.of("scale.memory.train", "Memory to train a batch of " + batch + " with " + optimizer
                + ": at least " + bytes(train.total()) + " (weights and gradients " + bytes(train.weights())
                + ", optimizer state " + bytes(train.optimizer()) + ", outputs and their gradients "
                + bytes(train.activations()) + ")", batch, optimizer, bytes(train.total()), bytes(train.weights()),
                bytes(train.optimizer()), bytes(train.activations())));
        String forward = SummaryTable.human(Math.round(s.forwardPerToken()));
        String ratio = String.format(Locale.ROOT, "%.2f", s.ratioToTwiceParameters());
        String training = SummaryTable.human(Math.round(s.trainingPerToken()));
        out.add(Message.of("scale.flops", "FLOPs per " + one(s) + ": " + forward + " forward (" + ratio
                + " × 2 × parameters), " + training + " to train (" + ScaleEstimate.TRAINING_PASSES + " × forward)",
                unit(s, true), forward, ratio, training, ScaleEstimate.TRAINING_PASSES));
        return out;
    }

    /**
     * What the window's Summary tab shows: {@link #size}, and for a model with a class at every step (a language
     * model) the tokens of the compute-optimal rule and the assumed GPU's time to train on them; nothing about time
     * for any other model (its samples are the user's to choose).
     */
    public static List<Message> forWindow(ScaleEstimate s, int batch, String optimizer) {
        List<Message> out = size(s, batch, optimizer);
        if (!s.perToken()) return out;
        long n = 20 * s.parameters();
        String count = SummaryTable.group(n);
        out.add(Message.of("scale.tokens.rule", "Training on " + count + " " + unit(s) + " (20 per parameter, the "
                + "compute-optimal amount of Hoffmann et al., 2022)", count, unit(s)));
        out.add(gpu(s, n));
        return out;
    }

    /** @return the assumed GPU's time to train on {@code n} tokens (samples), said to be an assumption */
    public static Message gpu(ScaleEstimate s, long n) {
        Message gpu = durationMessage(s.secondsToTrain(n, ScaleEstimate.gpuFlopsPerSecond()));
        String peak = rate(ScaleEstimate.GPU_PEAK);
        String used = Math.round(ScaleEstimate.GPU_UTILISATION * 100) + " %";
        return Message.of("scale.train.gpu", "Estimated time to train on one GPU: " + gpu + " (an assumption, not "
                + "a measurement: an NVIDIA H100 at its " + peak + " dense BF16 peak, " + used + " of it used)",
                gpu, peak, used);
    }

    /**
     * A forward pass timed on this machine.
     *
     * @param seconds how long it took
     * @param engine  the engine that ran it, named for a person
     */
    public record Measured(double seconds, String engine) {
    }

    private static Message unit(ScaleEstimate s) {
        return unit(s, false);
    }

    private static Message unit(ScaleEstimate s, boolean one) {
        if (s.perToken()) return one ? Message.of("scale.unit.token", "token") : Message.of("scale.unit.tokens", "tokens");
        return one ? Message.of("scale.unit.sample", "sample") : Message.of("scale.unit.samples", "samples");
    }

    private static String one(ScaleEstimate s) {
        return s.perToken() ? "token" : "sample";
    }

    private static String percent(ScaleEstimate s) {
        double p = 100.0 * s.parameters() / ScaleEstimate.LARGE_MODEL;
        return (p == 0 ? "0" : p >= 1 ? String.format(Locale.ROOT, "%.0f", p) : p >= 0.01 ? String.format(Locale.ROOT, "%.2f", p)
                : String.format(Locale.ROOT, "%.1g", p)) + " %";
    }

    /** @return FLOP/s with its prefix: "47.2 GFLOP/s", "989 TFLOP/s" */
    public static String rate(double flopsPerSecond) {
        String h = SummaryTable.human(Math.round(flopsPerSecond));
        char last = h.charAt(h.length() - 1);
        return Character.isLetter(last) ? h.substring(0, h.length() - 1) + " " + last + "FLOP/s" : h + " FLOP/s";
    }

    private static String bytes(long b) {
        return MemoryEstimate.bytes(b);
    }

    /** @return seconds in a few characters: "0.484 ms", "420 ms", "6.1 s" */
    public static String seconds(double s) {
        if (s < 1e-3) return String.format(Locale.ROOT, "%.3g ms", s * 1e3);
        return s < 1 ? String.format(Locale.ROOT, "%.0f ms", s * 1e3) : String.format(Locale.ROOT, "%.1f s", s);
    }

    /** @return a duration in the unit that reads best: "41 s", "3.2 min", "5.0 h", "12 days", "3.4 years" */
    public static String duration(double s) {
        return durationMessage(s).english();
    }

    /**
     * @return {@link #duration} as a message (the number its value, the unit in the window's language): "3.4
     *     years", "3.4 年"
     */
    public static Message durationMessage(double s) {
        if (s < 1e-3) return inUnit(String.format(Locale.ROOT, "%.3g", s * 1e3), "ms");
        if (s < 1) return inUnit(String.format(Locale.ROOT, "%.0f", s * 1e3), "ms");
        if (s < 60) return inUnit(String.format(Locale.ROOT, "%.1f", s), "s");
        if (s < 3600) return inUnit(String.format(Locale.ROOT, "%.1f", s / 60), "min");
        if (s < 86_400) return inUnit(String.format(Locale.ROOT, "%.1f", s / 3600), "h");
        if (s < 365 * 86_400.0) return inUnit(String.format(Locale.ROOT, "%.1f", s / 86_400), "days");
        return inUnit(String.format(Locale.ROOT, "%.1f", s / (365 * 86_400.0)), "years");
    }

    private static Message inUnit(String number, String unit) {
        return Message.of("scale.duration." + unit, number + " " + unit, number);
    }
}
