package org.strata.app.training;

import java.time.Duration;

/**
 * The threads a run's window-side logic uses, handed in so that the logic runs without a window in tests: the UI
 * thread (where properties change), background threads (loading, evaluating, keeping a run), and a clock that takes
 * the training thread's events in a few times a second. {@link FxRunThreads} is the window's.
 */
public interface RunThreads {
    /** Runs {@code r} on the UI thread, later. */
    void ui(Runnable r);

    /** Runs {@code r} on a new background thread named {@code name}, which does not keep the program alive. */
    void background(String name, Runnable r);

    /**
     * @return a clock calling {@code tick} on the UI thread every {@code period} while it is started; a stopped clock
     *     can be started again
     */
    Clock every(Duration period, Runnable tick);

    /** A clock from {@link #every}, or a one-off delay from {@link #after}. */
    interface Clock {
        /** Starts it (a delay: from now, once); starting a running clock changes nothing. */
        void start();

        void stop();

        /** @return whether it is started and has not run out */
        boolean running();
    }

    /** @return a delay that calls {@code action} on the UI thread {@code delay} after each {@link Clock#start()} */
    Clock after(Duration delay, Runnable action);
}
