package org.strata.app.training;

import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import org.strata.engine.train.TrainingEvent;

/**
 * Where a training session's events wait for the window: the training thread only offers to an unbounded
 * lock-free queue and never waits; the JavaFX thread takes everything waiting a few times a second. Iterations
 * beyond {@link #MAX_WAITING} waiting are dropped (the window is behind; training must not slow down for it).
 */
final class EventInbox {
    /** Iteration events are dropped while this many events wait. */
    static final int MAX_WAITING = 20_000;

    private final ConcurrentLinkedQueue<TrainingEvent> queue = new ConcurrentLinkedQueue<>();
    private final AtomicInteger waiting = new AtomicInteger();

    /** @return a handler for a session's events, offering them here */
    TrainingEvent.Handler listener() {
        return new TrainingEvent.Handler() {
            @Override
            public void onIteration(TrainingEvent.Iteration e) {
                if (waiting.get() < MAX_WAITING) offer(e);
            }

            @Override
            public void onEpoch(TrainingEvent.Epoch e) {
                offer(e);
            }

            @Override
            public void onSnapshot(TrainingEvent.Snapshot s) {
                offer(s);
            }

            @Override
            public void onStateChanged(TrainingEvent.StateChanged s) {
                offer(s);
            }

            @Override
            public void onWeights(TrainingEvent.Weights w) {
                if (waiting.get() < MAX_WAITING) offer(w);
            }
        };
    }

    /** @return the oldest waiting event, or null when none waits */
    TrainingEvent poll() {
        TrainingEvent o = queue.poll();
        if (o != null) waiting.decrementAndGet();
        return o;
    }

    /** Drops whatever waits (a new run starts). */
    void clear() {
        queue.clear();
        waiting.set(0);
    }

    private void offer(TrainingEvent o) {
        queue.add(o);
        waiting.incrementAndGet();
    }
}
