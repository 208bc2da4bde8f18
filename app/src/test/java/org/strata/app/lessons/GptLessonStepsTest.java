package org.strata.app.lessons;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.strata.app.training.WritingLog;
import org.strata.engine.train.TrainingState;

/** The GPT lesson's steps and what Try it tells them, without a window. */
class GptLessonStepsTest {
    private static LessonState state(int epochs, int runsEnded, WritingLog log) {
        return new LessonState(TrainingState.IDLE, runsEnded, Set.of("embedding"), Set.of(), List.of(), 0.003,
                "tab-inference", false, null, -1, epochs, log.temperatures(), log.headsShown());
    }

    private static boolean done(int step, LessonState s) {
        return Lessons.GPT.steps().get(step).done().test(s);
    }

    @Test
    void training_is_done_after_three_epochs_or_when_the_student_stops_early() {
        WritingLog log = new WritingLog();
        assertThat(done(2, state(2, 0, log))).isFalse();
        assertThat(done(2, state(3, 0, log))).isTrue();
        assertThat(done(2, state(1, 1, log))).as("stopped after one epoch").isTrue();
    }

    @Test
    void a_head_shown_again_counts_once_so_only_another_head_moves_the_attention_step_on() {
        WritingLog log = new WritingLog();
        log.showedHead("b1_attention", 1);
        log.showedHead("b1_attention", 1);
        assertThat(done(4, state(3, 1, log))).isFalse();
        log.showedHead("b2_attention", 1);
        assertThat(done(4, state(3, 1, log))).isTrue();
    }

    @Test
    void greedy_needs_two_writings_at_zero_and_bold_one_at_about_one_and_a_half() {
        WritingLog log = new WritingLog();
        int before = log.versionProperty().get();
        log.wrote(0.8);
        log.wrote(0);
        assertThat(log.versionProperty().get()).as("each writing is told").isEqualTo(before + 2);
        assertThat(done(3, state(3, 1, log))).as("Write, then One token").isTrue();
        assertThat(done(5, state(3, 1, log))).as("one greedy line is not two").isFalse();
        log.wrote(0);
        assertThat(done(5, state(3, 1, log))).isTrue();
        log.wrote(1.4);
        assertThat(done(6, state(3, 1, log))).isFalse();
        log.wrote(1.5);
        assertThat(done(6, state(3, 1, log))).isTrue();
        assertThat(log.temperatures()).containsExactly(0.8, 0.0, 0.0, 1.4, 1.5);
    }
}
