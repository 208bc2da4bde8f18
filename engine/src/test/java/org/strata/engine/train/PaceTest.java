package org.strata.engine.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.strata.engine.Samples;
import org.strata.engine.project.ProjectFile;

/** A run can be slowed down to be watched, and a pause or stop asked for while it waits takes effect at once. */
class PaceTest {
    @Test
    void a_paced_run_trains_no_faster_than_its_pace_pauses_while_waiting_and_finishes_when_released()
            throws Exception {
        TrainingSession s = TrainingSession.create(ProjectFile.load(Samples.file("xor")));
        AtomicLong steps = new AtomicLong();
        s.addListener(new TrainingListener() {
            @Override
            public void onIteration(TrainingEvent.Iteration e) {
                steps.set(e.iteration());
            }
        });
        s.setPace(4); // a batch every 250 ms
        long t0 = System.nanoTime();
        Thread t = s.start();
        Thread.sleep(1000);
        long seconds = Math.max(1, (System.nanoTime() - t0) / 1_000_000_000L + 1);
        assertTrue(steps.get() <= 4 * seconds + 1, steps.get() + " batches in about a second at 4 a second");

        s.pause(); // while it waits for its next batch
        long until = System.nanoTime() + 5_000_000_000L;
        while (s.state() != TrainingState.PAUSED && System.nanoTime() < until) Thread.sleep(5);
        assertEquals(TrainingState.PAUSED, s.state());
        long pausedAt = steps.get();
        Thread.sleep(600);
        assertEquals(pausedAt, steps.get(), "no batch while paused");

        s.setPace(0); // as fast as it can: the run ends soon after it resumes
        s.resume();
        t.join(60_000);
        assertEquals(TrainingState.FINISHED, s.state());
        assertTrue(steps.get() > 100, "all epochs trained: " + steps.get());
    }
}
