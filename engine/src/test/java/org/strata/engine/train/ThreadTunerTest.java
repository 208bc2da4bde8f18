package org.strata.engine.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.function.IntToLongFunction;
import org.junit.jupiter.api.Test;

class ThreadTunerTest {
    private static final long MS = 1_000_000L;

    /** Drives a tuner with step durations given per thread count (and step number), as a training loop would. */
    private static final class Loop {
        final List<Integer> set = new ArrayList<>();
        final List<Integer> choices = new ArrayList<>();
        int threads;
        int steps;
        final ThreadTuner tuner;

        Loop(int available) {
            tuner = new ThreadTuner(available, t -> {
                threads = t;
                set.add(t);
            });
        }

        /** Runs {@code n} steps, each lasting what {@code duration} says for the current count. */
        Loop run(int n, StepTime duration) {
            for (int i = 0; i < n; i++, steps++) {
                tuner.record(duration.nanos(threads, steps));
                if (tuner.takeChange()) choices.add(tuner.threads());
            }
            return this;
        }
    }

    @FunctionalInterface
    private interface StepTime {
        long nanos(int threads, int step);
    }

    private static StepTime perCount(IntToLongFunction millis) {
        return (t, s) -> millis.applyAsLong(t) * MS;
    }

    @Test
    void picks_the_faster_count_after_timing_each() {
        Loop loop = new Loop(2).run(2 * (ThreadTuner.WARMUP + ThreadTuner.TIMED), perCount(t -> t == 2 ? 6 : 10));
        assertEquals(List.of(2), loop.choices);
        assertEquals(2, loop.threads);
    }

    @Test
    void keeps_fewer_threads_unless_more_are_clearly_faster() {
        Loop loop = new Loop(2).run(40, perCount(t -> t == 2 ? 9 : 10));
        assertEquals(List.of(1), loop.choices);
        assertEquals(1, loop.threads);
    }

    @Test
    void measures_every_power_of_two_up_to_the_cores() {
        Loop loop = new Loop(6).run(4 * (ThreadTuner.WARMUP + ThreadTuner.TIMED), perCount(t -> 24 / t));
        assertEquals(List.of(1, 2, 4, 6), loop.set);
        assertEquals(List.of(6), loop.choices);
    }

    @Test
    void a_single_core_is_chosen_at_once() {
        Loop loop = new Loop(1).run(1, perCount(t -> 5));
        assertEquals(List.of(1), loop.choices);
        assertEquals(List.of(1), loop.set);
    }

    @Test
    void a_later_check_corrects_a_choice_disturbed_while_first_timed() {
        int sweep = 2 * (ThreadTuner.WARMUP + ThreadTuner.TIMED);
        // While the second thread is first timed another process holds that core: 2 threads look slow.
        StepTime disturbedAtFirst = (t, s) -> (t == 2 ? (s < sweep ? 30 : 6) : 10) * MS;
        Loop loop = new Loop(2).run(sweep, disturbedAtFirst);
        assertEquals(List.of(1), loop.choices);
        int check = ThreadTuner.WARMUP + ThreadTuner.TIMED;
        loop.run(ThreadTuner.FIRST_CHECK_STEPS + check, disturbedAtFirst);
        assertEquals(List.of(1), loop.choices, "one win is not enough");
        loop.run(2 * check, disturbedAtFirst);
        assertEquals(List.of(1, 2), loop.choices, "a second win switches");
        assertEquals(2, loop.threads);
    }

    @Test
    void checks_come_at_fixed_steps_less_often_while_the_choice_holds() {
        int sweep = 2 * (ThreadTuner.WARMUP + ThreadTuner.TIMED);
        Loop loop = new Loop(2).run(sweep, perCount(t -> t == 2 ? 5 : 10));
        List<Integer> switchedAt = new ArrayList<>();
        int before = loop.set.size();
        for (int i = 0; i < 20_000; i++) {
            loop.run(1, perCount(t -> t == 2 ? 5 : 10));
            if (loop.set.size() > before) {
                switchedAt.add(loop.steps - 1 - sweep);
                before = loop.set.size();
            }
        }
        // each check: a switch to 1 thread, and back after its warm-up and timed steps
        int check = ThreadTuner.WARMUP + ThreadTuner.TIMED;
        // chosen at the sweep's end with no switch, so its first steps are timed at once: 128 steps, then a check…
        List<Integer> expected = new ArrayList<>();
        int at = 0;
        int every = ThreadTuner.FIRST_CHECK_STEPS;
        for (int k = 0; at + every + check < 20_000; k++) {
            int warm = k == 0 ? 0 : ThreadTuner.WARMUP; // after switching back, the first steps are left untimed
            at += Math.max(every, warm + ThreadTuner.TIMED) - 1;
            expected.add(at);
            at += check;
            expected.add(at);
            at++;
            every = Math.min(ThreadTuner.LAST_CHECK_STEPS, every * 2);
        }
        assertEquals(expected, switchedAt);
        assertEquals(List.of(2), loop.choices, "the choice never changed");
    }

    @Test
    void a_count_that_wins_one_check_by_luck_is_not_taken() {
        int sweep = 2 * (ThreadTuner.WARMUP + ThreadTuner.TIMED);
        int firstCheck = sweep + ThreadTuner.FIRST_CHECK_STEPS;
        int check = ThreadTuner.WARMUP + ThreadTuner.TIMED;
        // two threads are slower, except for the few steps of the first check
        StepTime luckyOnce = (t, s) -> (t == 2 ? (s >= firstCheck && s < firstCheck + check ? 5 : 20) : 10) * MS;
        Loop loop = new Loop(2).run(sweep + 2000, luckyOnce);
        assertEquals(List.of(1), loop.choices);
        assertEquals(1, loop.threads);
    }

    @Test
    void a_check_that_finds_fewer_threads_faster_switches_back() {
        int sweep = 2 * (ThreadTuner.WARMUP + ThreadTuner.TIMED);
        StepTime slowsLater = (t, s) -> (t == 2 ? (s < sweep ? 5 : 20) : 10) * MS;
        Loop loop = new Loop(2).run(sweep + 300, slowsLater);
        assertEquals(List.of(2, 1), loop.choices);
        assertFalse(loop.tuner.takeChange());
    }
}
