package org.strata.engine.train;

import java.util.ArrayList;
import java.util.List;
import java.util.function.IntConsumer;

/**
 * Picks the native thread count while training runs, and keeps checking it. The first steps of a run are timed
 * with 1, 2, 4… threads and the fastest count is chosen; from then on, now and then (after 128 steps, then 256,
 * 512… up to every 4,096 while the choice holds), a few steps are timed with a neighbouring count and compared with
 * the chosen count's latest steps; a count that wins is timed once more right after, and taken on a second win. No
 * step is wasted, and nothing delays the first one.
 *
 * <p>Checks come at fixed step numbers, not after so much time: which steps run with which count then depends only
 * on the choices made, so two runs of a seed that make the same choices compute the same numbers (a different
 * thread count may sum a convolution's gradient in another order).
 *
 * <p>Why check again: a count timed on a run's first steps can be wrong for the rest of it. In a fresh JVM the
 * compiler threads, or another program, can hold a core for a few of those steps (the CNN then picked 1 thread in
 * 2 of 5 benchmark rounds and trained ~35 % slower); a later check, timed next to the chosen count's own latest
 * steps, corrects it (for the seed CNN about a second later).
 */
final class ThreadTuner {
    /** Steps left untimed after each switch: the first ones with a new count also prepare oneDNN's kernels for it. */
    static final int WARMUP = 3;
    /** Steps timed per measurement: their sum is compared, so a count that stalls now and then pays for it. */
    static final int TIMED = 6;
    /**
     * More threads must be this much faster to be preferred: fewer threads leave the machine more responsive, and
     * a small network's gain from a second thread, seen in a few steps, did not last (the MLP then ran ~85k samples/s
     * instead of ~115k); the CNN's second thread makes each step ~1.6× faster and is still chosen.
     */
    static final double MARGIN = 0.85;
    /** Steps before the first check; doubled after each check that keeps the count. */
    static final int FIRST_CHECK_STEPS = 128;
    static final int LAST_CHECK_STEPS = 4096;

    private final List<Integer> candidates = new ArrayList<>();
    private final IntConsumer apply;
    /** The chosen candidate's index; -1 during the first sweep. */
    private int chosen = -1;
    /** The candidate being timed (the sweep's current one, or a neighbour under check); -1 when none. */
    private int timing;
    private double timed;
    private int step;
    /** The chosen count's latest timed steps (a ring) and how many have been recorded since the last switch. */
    private final long[] latest = new long[TIMED];
    private int latestCount;
    private final double[] sweep;
    private int sinceCheck;
    /** Steps between checks while the choice holds: doubles after each check that keeps it. */
    private int interval = FIRST_CHECK_STEPS;
    private int checkEvery = FIRST_CHECK_STEPS;
    /** A count that won one check and gets a second, or -1. */
    private int pending = -1;
    private boolean checkBelow = true;
    private boolean changed;
    /** The candidate whose count is set now. */
    private int applied;

    /**
     * @param available the most threads to try
     * @param apply     sets the native thread count (process-wide)
     */
    ThreadTuner(int available, IntConsumer apply) {
        for (int t = 1; t < available; t *= 2) candidates.add(t);
        candidates.add(available);
        this.apply = apply;
        sweep = new double[candidates.size()];
        timing = 0;
        apply.accept(candidates.get(0));
        applied = 0;
        if (candidates.size() == 1) choose(0);
    }

    /** @return the candidates, for messages */
    List<Integer> candidates() {
        return List.copyOf(candidates);
    }

    /** @return the chosen count, or 0 while the first measurement runs */
    int threads() {
        return chosen < 0 ? 0 : candidates.get(chosen);
    }

    /** @return whether the chosen count was set or changed since the last call (once per change) */
    boolean takeChange() {
        boolean c = changed;
        changed = false;
        return c;
    }

    /** Records one training step's duration, switching counts as the measurements need. */
    void record(long nanos) {
        if (timing >= 0) {
            if (step >= WARMUP) timed += nanos;
            if (++step < WARMUP + TIMED) return;
            if (chosen < 0) endSweepStep(); else endCheck();
            return;
        }
        if (step++ >= WARMUP) latest[latestCount++ % TIMED] = nanos;
        sinceCheck++;
        if (sinceCheck >= checkEvery && latestCount >= TIMED && candidates.size() > 1) startCheck();
    }

    private void endSweepStep() {
        sweep[timing] = timed;
        if (timing + 1 < candidates.size()) {
            switchTo(timing + 1);
            timing++;
            return;
        }
        int best = 0;
        for (int i = 1; i < sweep.length; i++) best = preferred(best, sweep[best], i, sweep[i]);
        choose(best);
    }

    private void startCheck() {
        if (pending >= 0) { // a second look at the count that won the last check
            switchTo(pending);
            timing = pending;
            return;
        }
        int below = chosen - 1;
        int above = chosen + 1;
        boolean down = below >= 0 && (checkBelow || above >= candidates.size());
        checkBelow = !checkBelow;
        switchTo(down ? below : above);
        timing = down ? below : above;
    }

    private void endCheck() {
        double mine = 0;
        for (long t : latest) mine += t;
        int best = preferred(chosen, mine, timing, timed);
        if (best != chosen && pending != best) {
            // One win may be luck (the MLP's second thread now and then runs a few steps 30 % faster, then stalls):
            // look again as soon as the chosen count has fresh steps to compare, and switch on a second win.
            pending = best;
            choose(chosen);
            checkEvery = WARMUP + TIMED;
            return;
        }
        pending = -1;
        interval = best == chosen ? Math.min(LAST_CHECK_STEPS, interval * 2) : FIRST_CHECK_STEPS;
        choose(best);
        checkEvery = interval;
    }

    /** Of two candidates and their timed sums, the one with more threads only if it is {@link #MARGIN} faster. */
    private int preferred(int a, double timeA, int b, double timeB) {
        int few = a < b ? a : b;
        int many = a < b ? b : a;
        double timeFew = a < b ? timeA : timeB;
        double timeMany = a < b ? timeB : timeA;
        return timeMany < timeFew * MARGIN ? many : few;
    }

    private void choose(int best) {
        if (best != chosen) changed = true;
        chosen = best;
        timing = -1;
        switchTo(best);
        latestCount = 0;
        sinceCheck = 0;
    }

    /** Sets the count of candidate {@code index}; steps after a real change are left untimed at first. */
    private void switchTo(int index) {
        if (index != applied) {
            apply.accept(candidates.get(index));
            applied = index;
            step = 0;
        } else {
            step = WARMUP;
        }
        timed = 0;
    }
}
