package org.strata.app.training.view;

import static org.assertj.core.api.Assertions.assertThat;

import javafx.scene.layout.Region;
import org.junit.jupiter.api.Test;

class ValueBarTest {
    private static Region laidOut(double value, double reach, boolean diverging) {
        ValueBar bar = new ValueBar();
        bar.resize(200, 14);
        bar.set(value, reach, diverging);
        bar.layout();
        return (Region) bar.getChildrenUnmodifiable().get(0);
    }

    @Test
    void a_negative_value_goes_left_of_the_zero_line_in_its_own_colour() {
        Region negative = laidOut(-0.5, 1, true);
        assertThat(negative.getLayoutX() + negative.getWidth()).isEqualTo(100);
        assertThat(negative.getWidth()).isEqualTo(50);
        assertThat(negative.getStyleClass()).containsExactly("activation-bar-negative");
        Region positive = laidOut(0.5, 1, true);
        assertThat(positive.getLayoutX()).isEqualTo(100);
        assertThat(positive.getWidth()).isEqualTo(50);
        assertThat(positive.getStyleClass()).containsExactly("activation-bar-positive");
    }

    @Test
    void values_that_are_all_positive_grow_from_the_left_over_the_whole_track() {
        Region bar = laidOut(0.25, 0.5, false);
        assertThat(bar.getLayoutX()).isZero();
        assertThat(bar.getWidth()).isEqualTo(100);
        assertThat(bar.getStyleClass()).containsExactly("activation-bar");
    }
}
