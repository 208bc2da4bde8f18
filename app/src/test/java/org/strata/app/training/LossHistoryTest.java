package org.strata.app.training;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;

class LossHistoryTest {
    @Test
    void the_smoothed_loss_runs_through_the_middle_of_a_falling_noisy_loss_without_lagging_above_it() {
        LossHistory h = new LossHistory();
        java.util.Random r = new java.util.Random(1);
        for (int i = 0; i < 3000; i++) {
            double trend = 2.0 * Math.exp(-i / 300.0);
            h.addTrain(i, trend + 0.2 * (r.nextDouble() - 0.5));
        }
        List<double[]> s = h.smoothed();
        assertThat(s).hasSize(3000);
        // at iteration 300 the true loss is 2/e; an exponential average that starts at the first value lags above it
        assertThat(s.get(300)[1]).isCloseTo(2.0 * Math.exp(-1), within(0.03));
        assertThat(s.get(2999)[1]).isCloseTo(2.0 * Math.exp(-2999 / 300.0), within(0.05));
    }

    @Test
    void a_centred_window_averages_both_sides_and_only_what_there_is_at_the_ends() {
        List<double[]> pts = List.of(new double[]{0, 1}, new double[]{1, 2}, new double[]{2, 3}, new double[]{3, 10});
        List<double[]> s = LossHistory.centred(pts, 1);
        assertThat(s.get(0)[1]).isEqualTo(1.5);
        assertThat(s.get(1)[1]).isEqualTo(2.0);
        assertThat(s.get(3)[1]).isEqualTo(6.5);
        assertThat(s.get(3)[0]).isEqualTo(3.0);
    }
}
