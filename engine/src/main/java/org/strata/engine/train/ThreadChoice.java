package org.strata.engine.train;

import java.util.List;
import java.util.function.BiConsumer;
import org.strata.engine.runtime.Threads;

/**
 * How many native threads a run uses: the count asked for, or the fastest measured on the run's first steps (and
 * checked again as it trains; see {@link ThreadTuner}), never more than a limit. On a GPU there is nothing to choose.
 */
final class ThreadChoice {
    private volatile int requested = Threads.requested();
    private volatile int limit = Integer.MAX_VALUE;
    private volatile int used;
    private ThreadTuner tuner;

    /** @param n threads to use; 0 measures */
    void request(int n) {
        requested = Math.max(0, n);
    }

    /** @param n the most threads a measurement may choose */
    void limit(int n) {
        limit = Math.max(1, n);
    }

    /** @return the threads in use; 0 before the run or while the first measurement goes on */
    int used() {
        return used;
    }

    /** Sets the count a run starts with (on the training thread, before its first step). */
    void begin(boolean onGpu) {
        tuner = null;
        if (onGpu) return; // the GPU computes; host threads only feed it
        if (requested > 0) {
            Threads.set(requested);
            used = requested;
        } else {
            tuner = new ThreadTuner(Math.max(1, Math.min(limit, Threads.available())), Threads::set);
            used = 0; // until the first measurement ends
        }
    }

    /**
     * Times a step; when the measurement takes another count, tells {@code changed} the counts it compared and
     * whether this is the first choice.
     */
    void afterStep(long nanos, BiConsumer<List<Integer>, Boolean> changed) {
        if (tuner == null) return;
        tuner.record(nanos);
        if (tuner.takeChange()) {
            boolean first = used == 0;
            used = tuner.threads();
            changed.accept(tuner.candidates(), first);
        }
    }
}
