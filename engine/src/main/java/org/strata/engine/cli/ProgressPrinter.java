package org.strata.engine.cli;

import java.io.PrintWriter;
import java.util.Locale;
import org.strata.engine.train.TrainingEvent;
import org.strata.engine.train.TrainingListener;
import org.strata.engine.train.TrainingState;

/**
 * A live progress bar with loss, samples/s and ETA on a terminal (redrawn at most 10 times a second); one line
 * per epoch, and a line every quarter epoch when the output is not a terminal (logs, CI).
 */
final class ProgressPrinter implements TrainingListener {
    private static final int WIDTH = 24;
    private final PrintWriter out;
    private final boolean terminal;
    private final int epochs;
    private final long started = System.nanoTime();
    /** The first log line comes 2 s in, not at the first batch (whose figures still include the start-up). */
    private long lastDraw = started;
    private int lastQuarter = -1;
    private String lastMetric = "";

    ProgressPrinter(PrintWriter out, boolean terminal, int epochs) {
        this.out = out;
        this.terminal = terminal;
        this.epochs = epochs;
    }

    @Override
    public void onIteration(TrainingEvent.Iteration e) {
        // Called on the training thread every step: decide first, format only what is drawn (String.format each
        // step cost the MLP's early epochs up to half their speed).
        long now = System.nanoTime();
        if (terminal) {
            if (now - lastDraw > 100_000_000L || e.batch() == e.batchesPerEpoch() || e.iteration() == 1) {
                lastDraw = now;
                TerminalWriter.returnToLineStart(out);
                out.print(text(e, now) + "   ");
                out.flush();
            }
        } else {
            // Logs get a line per quarter epoch, and only when epochs are long enough for it to help.
            int quarter = (int) (4.0 * e.batch() / e.batchesPerEpoch());
            if (quarter != lastQuarter && quarter < 4 && now - lastDraw > 2_000_000_000L) {
                lastQuarter = quarter;
                lastDraw = now;
                out.println(text(e, now));
                out.flush();
            }
        }
    }

    private String text(TrainingEvent.Iteration e, long now) {
        double done = ((e.epoch() - 1) * (double) e.batchesPerEpoch() + e.batch()) / (epochs * (double) e.batchesPerEpoch());
        double elapsed = (now - started) / 1e9;
        // Before a second of training the rate still holds the first batches' start-up: no ETA yet.
        String eta = done > 0 && elapsed >= 1 ? time(elapsed / done * (1 - done)) : "…";
        return String.format(Locale.ROOT, "epoch %d/%d %s %3.0f%%  loss %.4f%s  %,.0f samples/s  ETA %s",
                e.epoch(), epochs, bar(e.batch() / (double) e.batchesPerEpoch()), 100.0 * e.batch() / e.batchesPerEpoch(),
                e.loss(), lastMetric, e.samplesPerSecond(), eta);
    }

    @Override
    public void onEpoch(TrainingEvent.Epoch e) {
        if (terminal) {
            TerminalWriter.returnToLineStart(out);
            out.print(" ".repeat(100));
            TerminalWriter.returnToLineStart(out);
        }
        lastQuarter = -1;
        String m = e.metricName().equals("accuracy") ? "acc" : "mae";
        double shown = Double.isNaN(e.validationMetric()) ? e.trainMetric() : e.validationMetric();
        lastMetric = String.format(Locale.ROOT, "  %s%s %.4f", Double.isNaN(e.validationMetric()) ? "" : "val_", m, shown);
        out.println(String.format(Locale.ROOT, "epoch %d/%d  loss %.4f  %s %.4f%s  lr %.3g  %,.0f samples/s  %.1f s",
                e.epoch(), epochs, e.trainLoss(), m, e.trainMetric(), Double.isNaN(e.validationLoss()) ? ""
                        : String.format(Locale.ROOT, "  val_loss %.4f  val_%s %.4f", e.validationLoss(), m,
                        e.validationMetric()), e.learningRate(), e.samplesPerSecond(), e.seconds()));
        out.flush();
    }

    @Override
    public void onStateChanged(TrainingEvent.StateChanged s) {
        TrainingState state = s.state();
        if (state == TrainingState.STOPPED || state == TrainingState.FAILED || state == TrainingState.RUNNING) {
            out.println(s.message().english());
            out.flush();
        }
    }

    private static String bar(double f) {
        int full = (int) Math.round(f * WIDTH);
        return "[" + "#".repeat(full) + ".".repeat(WIDTH - full) + "]";
    }

    private static String time(double s) {
        long t = Math.round(s);
        return t >= 3600 ? String.format(Locale.ROOT, "%d:%02d:%02d", t / 3600, t / 60 % 60, t % 60)
                : String.format(Locale.ROOT, "%d:%02d", t / 60, t % 60);
    }
}
