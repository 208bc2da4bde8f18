package org.strata.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Locale;
import javafx.scene.control.Label;
import org.junit.jupiter.api.Test;
import org.strata.app.i18n.Messages;
import org.strata.app.lessons.Lessons;
import org.strata.engine.train.TrainingState;

/** A lesson opens its sample and moves on when the student does what it asks, and only then. */
class LessonsTest extends AppTest {
    private String card() {
        return fx(() -> lookup("#lesson-text").queryAs(Label.class).getText());
    }

    @Test
    void the_backpropagation_lesson_advances_as_the_student_steps_through() throws Exception {
        fxRun(() -> menuItem("menu-help-lesson-backprop").fire());
        waitFor(30, () -> window.lessons().lesson().isPresent() && window.editor().isPresent());
        assertEquals("XOR", fx(() -> editor().document().project().name()), "it opened its sample");
        assertEquals(0, fx(() -> window.lessons().step()));
        assertEquals(Messages.get("lesson.backprop.1"), card());
        Thread.sleep(300);
        assertEquals(0, fx(() -> window.lessons().step()), "nothing done, nothing moves");

        clickOn("#tool-train-stepThrough");
        waitFor(120, () -> window.lessons().step() == 1);
        assertEquals(Messages.get("lesson.backprop.2"), card());
        clickOn("#step-next");
        waitFor(30, () -> window.lessons().step() == 2);
        clickOn("#step-next");
        waitFor(30, () -> window.lessons().step() == 3);
        assertEquals(Messages.get("lesson.backprop.4"), card());
        clickOn("#step-next");
        waitFor(30, () -> window.lessons().step() == 4);
        clickOn("#step-next");
        clickOn("#step-next");
        waitFor(30, () -> window.lessons().step() == 5);
        assertEquals(Messages.get("lesson.backprop.6"), card());
        clickOn("#lesson-next"); // Finish
        waitFor(30, () -> window.lessons().lesson().isEmpty());
        assertFalse(fx(() -> lookup("#lesson-card").query().isVisible()));
    }

    @Test
    void the_xor_lesson_waits_for_the_hidden_layer_to_go_and_the_wire_to_be_drawn() throws Exception {
        fxRun(() -> window.startLesson(Lessons.of("xor").orElseThrow()));
        waitFor(30, () -> window.lessons().lesson().isPresent() && window.editor().isPresent());
        clickOn("#node-hidden");
        type(javafx.scene.input.KeyCode.DELETE);
        waitFor(30, () -> window.lessons().step() == 1);
        drag("#port-input-out").dropTo("#port-dense-in");
        waitFor(30, () -> window.lessons().step() == 2);
        // Back shows a step again; the next change of state finds it done and moves on
        clickOn("#lesson-back");
        waitFor(30, () -> window.lessons().step() == 1);
        assertTrue(fx(() -> lookup("#lesson-card").query().isVisible()));
        fxRun(() -> run().start());
        waitFor(120, () -> run().phase() == TrainingState.FINISHED && window.lessons().step() >= 2);
    }

    @Test
    void the_card_speaks_chinese_in_a_chinese_window() throws Exception {
        fxRun(() -> window.startLesson(Lessons.of("line").orElseThrow()));
        waitFor(30, () -> window.lessons().lesson().isPresent() && window.editor().isPresent());
        fxRun(() -> window.setLanguage(Locale.SIMPLIFIED_CHINESE));
        waitFor(30, () -> lookup("#lesson-text").tryQuery().isPresent());
        assertTrue(card().contains("损失曲面"), card());
        clickOn("#tab-surface .tab-label");
        waitFor(30, () -> window.lessons().step() == 1);
        fxRun(() -> window.setLanguage(Locale.ENGLISH));
    }
}
