package org.strata.engine.train;

import java.util.ArrayList;
import java.util.List;
import org.strata.engine.runtime.Threads;

/**
 * Picks the native thread count while training runs: the first steps of a run are timed with 1, 2, 4… threads
 * (after warm-up steps each) and the fastest count is kept. No step is wasted, and nothing delays the first one.
 */
final class ThreadTuner {
    /** Steps left untimed after each switch: the first ones with a new count also prepare oneDNN's kernels for it. */
    private static final int WARMUP = 3;
    private static final int TIMED = 6;
    /**
     * More threads must be this much faster to be preferred: fewer threads leave the machine more responsive, and
     * a small network's gain from a second thread, seen in a few steps, did not last (the MLP then ran ~85k samples/s
     * instead of ~115k); the CNN's second thread makes each step ~1.6× faster and is still chosen.
     */
    private static final double MARGIN = 0.85;

    private final List<Integer> candidates = new ArrayList<>();
    private final double[] time;
    private int candidate;
    private int step;
    private int best = -1;

    ThreadTuner(int available) {
        for (int t = 1; t < available; t *= 2) candidates.add(t);
        candidates.add(available);
        time = new double[candidates.size()];
        Threads.set(candidates.get(0));
    }

    /** @return whether tuning is over */
    boolean done() {
        return best > 0;
    }

    /** @return the chosen count, once {@link #done()} */
    int best() {
        return best;
    }

    /** @return the candidates, for messages */
    List<Integer> candidates() {
        return List.copyOf(candidates);
    }

    /** Records one training step's duration; switches to the next candidate or finishes when it has seen enough. */
    void record(long nanos) {
        if (done()) return;
        if (step >= WARMUP) time[candidate] += nanos;
        if (++step < WARMUP + TIMED) return;
        step = 0;
        if (++candidate < candidates.size()) {
            Threads.set(candidates.get(candidate));
            return;
        }
        int chosen = 0;
        for (int i = 1; i < time.length; i++) if (time[i] < time[chosen] * MARGIN) chosen = i;
        best = candidates.get(chosen);
        Threads.set(best);
    }
}
