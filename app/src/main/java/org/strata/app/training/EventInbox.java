package org.strata.app.training;

import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import org.strata.engine.text.Message;
import org.strata.engine.train.TrainingEvents;
import org.strata.engine.train.TrainingListener;
import org.strata.engine.train.TrainingState;

/**
 * Where a training session's events wait for the window: the training thread only offers to an unbounded
 * lock-free queue and never waits; the JavaFX thread takes everything waiting a few times a second. Iterations
 * beyond {@link #MAX_WAITING} waiting are dropped (the window is behind; training must not slow down for it).
 */
final class EventInbox {
    /** Iteration events are dropped while this many events wait. */
    static final int MAX_WAITING = 20_000;

    /** A session's state changed, with what to tell the user. */
    record StateChange(TrainingState state, Message message) {
    }

    private final ConcurrentLinkedQueue<Object> queue = new ConcurrentLinkedQueue<>();
    private final AtomicInteger waiting = new AtomicInteger();

    /** @return a listener for a session, offering its events here */
    TrainingListener listener() {
        return new TrainingListener() {
            @Override
            public void onIteration(TrainingEvents.Iteration e) {
                if (waiting.get() < MAX_WAITING) offer(e);
            }

            @Override
            public void onEpoch(TrainingEvents.Epoch e) {
                offer(e);
            }

            @Override
            public void onSnapshot(TrainingEvents.Snapshot s) {
                offer(s);
            }

            @Override
            public void onStateChanged(TrainingState state, Message message) {
                offer(new StateChange(state, message));
            }
        };
    }

    /**
     * @return the oldest waiting event (a {@link TrainingEvents.Iteration}, {@link TrainingEvents.Epoch},
     *     {@link TrainingEvents.Snapshot} or {@link StateChange}), or null when none waits
     */
    Object poll() {
        Object o = queue.poll();
        if (o != null) waiting.decrementAndGet();
        return o;
    }

    /** Drops whatever waits (a new run starts). */
    void clear() {
        queue.clear();
        waiting.set(0);
    }

    private void offer(Object o) {
        queue.add(o);
        waiting.incrementAndGet();
    }
}
