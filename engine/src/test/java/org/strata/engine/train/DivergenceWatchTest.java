package org.strata.engine.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.strata.engine.text.Message;

class DivergenceWatchTest {
    private static List<Message> feed(DivergenceWatch w, double[][] epochs) {
        List<Message> said = new ArrayList<>();
        for (int i = 0; i < epochs.length; i++) w.epoch(i + 1, epochs[i][0], epochs[i][1], 10).ifPresent(said::add);
        return said;
    }

    @Test
    void a_classifier_stuck_at_chance_with_a_flat_loss_is_said_once_naming_the_learning_rate() {
        // the MNIST MLP with Adam at learning rate 10, as measured: a falling start, then flat at chance
        double[][] stuck = {{5.48, 0.109}, {2.80, 0.109}, {2.66, 0.115}, {2.98, 0.105}, {2.86, 0.109}, {2.9, 0.1}};
        List<Message> said = feed(new DivergenceWatch(10), stuck);
        assertEquals(1, said.size(), said.toString());
        assertEquals("run.atChance", said.get(0).code());
        assertTrue(said.get(0).english().contains("lower the learning rate (now 10.0)"), said.get(0).english());
    }

    @Test
    void a_loss_rising_far_above_its_start_is_said() {
        List<Message> said = feed(new DivergenceWatch(0), new double[][]{{1.0, Double.NaN}, {2.0, Double.NaN},
                {5.0, Double.NaN}, {9.0, Double.NaN}});
        assertEquals(1, said.size());
        assertEquals("run.diverging", said.get(0).code());
        assertTrue(said.get(0).english().startsWith("The loss is rising (epoch 3: 5.00× the first epoch's)"),
                said.get(0).english());
    }

    @Test
    void a_run_that_starts_at_chance_and_then_learns_is_left_alone() {
        // XOR's first epochs: accuracy near 50 % while the loss falls
        double[][] learning = {{0.70, 0.50}, {0.66, 0.51}, {0.62, 0.52}, {0.58, 0.53}, {0.45, 0.80}, {0.2, 0.97}};
        assertEquals(List.of(), feed(new DivergenceWatch(2), learning));
    }
}
