package org.strata.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;
import javafx.scene.control.Label;
import javafx.scene.control.Slider;
import org.junit.jupiter.api.Test;
import org.strata.app.i18n.Messages;
import org.strata.app.lessons.Lessons;

/**
 * The lesson "How a GPT writes", driven as a student in class would: the Data tab, the embedding on the canvas, the
 * Tang poems trained with the line written live, Write and One token with the next-token bars, another attention
 * head, then greedy and bold temperatures; each card waits for its action and moves on once it is done.
 */
class GptLessonTest extends AppTest {
    /** @return the card's text (call outside waitFor: it asks the JavaFX thread) */
    private String card() {
        return fx(() -> lookup("#lesson-text").queryAs(Label.class).getText());
    }

    private int step() {
        return fx(() -> window.lessons().step());
    }

    /** @return what Try it has written after the prompt (call on the JavaFX thread) */
    private String written() {
        return ((javafx.scene.text.Text) lookup(".generated-text").query()).getText();
    }

    private int writings() {
        return run().writing().log().temperatures().size();
    }

    /** Presses Write and waits until the writing has ended and been told to the lesson. */
    private String write() throws Exception {
        int before = fx(this::writings);
        clickOn("#generate-run");
        waitFor(60, () -> writings() > before);
        return fx(this::written);
    }

    private void temperature(double t) {
        fxRun(() -> lookup("#generate-temperature").queryAs(Slider.class).setValue(t));
    }

    @Test
    void the_gpt_lesson_goes_from_tokens_to_temperature_as_the_student_does_each_step() throws Exception {
        fxRun(() -> menuItem("menu-help-lesson-gpt").fire());
        waitFor(30, () -> window.lessons().lesson().isPresent() && window.editor().isPresent());
        assertThat(fx(() -> editor().document().project().name())).as("it opened the Tang poems")
                .isEqualTo("Tang poems: a small GPT");
        assertThat(card()).isEqualTo(Messages.get("lesson.gpt.1"));
        Thread.sleep(300);
        assertThat(step()).as("nothing done, nothing moves").isZero();

        // 1. the corpus as tokens: the card's vocabulary is the Data tab's
        clickOn("#tab-data .tab-label");
        waitFor(30, () -> window.lessons().step() == 1);
        waitFor(60, () -> lookup("#data-summary").tryQuery().isPresent()
                && lookup("#data-summary").queryLabeled().getText().contains("one of 2,146 tokens"));
        assertThat(card()).isEqualTo(Messages.get("lesson.gpt.2")).contains("2,146");

        // 2. the embedding on the canvas
        clickOn("#node-embedding");
        waitFor(30, () -> window.lessons().step() == 2);
        assertThat(card()).isEqualTo(Messages.get("lesson.gpt.3"));

        // 3. train (two epochs here, to keep the test short) and watch the line written live in Try it
        fxRun(() -> editor().document().project().training().set("epochs", 2));
        clickOn("#tool-train-start");
        clickOn("#tab-inference .tab-label");
        waitFor(120, () -> lookup("#generate-live").tryQuery().isPresent()
                && !lookup("#generate-live").queryLabeled().getText().isEmpty());
        waitFor(300, () -> !run().isActive() && window.lessons().step() == 3);
        assertThat(card()).isEqualTo(Messages.get("lesson.gpt.4"));

        // 4. Write from an empty prompt, then One token: the bars, the chosen one marked
        waitFor(30, () -> lookup("#generate-run").tryQuery().isPresent());
        write();
        assertThat(step()).as("Write, then One token").isEqualTo(3);
        int before = fx(this::writings);
        clickOn("#generate-one");
        waitFor(60, () -> writings() > before && window.lessons().step() == 4);
        assertThat(lookup("#generate-bars .progress-bar").queryAll()).hasSizeBetween(2, 10);
        assertThat(lookup("#generate-chosen").tryQuery()).isPresent();
        assertThat(card()).isEqualTo(Messages.get("lesson.gpt.5"));

        // 5. another head's weights over the context
        waitFor(30, () -> !lookup("#generate-attention .attention-chip").queryAll().isEmpty());
        fxRun(() -> { // the chooser's list is a popup, which the headless robot cannot click in
            var heads = lookup("#generate-head").queryAs(javafx.scene.control.ComboBox.class);
            Object other = heads.getItems().stream().filter(h -> h.toString().equals("block 2: attention, head 1"))
                    .findFirst().orElseThrow();
            heads.getSelectionModel().select(other);
        });
        waitFor(30, () -> window.lessons().step() == 5);
        assertThat(card()).isEqualTo(Messages.get("lesson.gpt.6"));

        // 6. greedy twice: the same line
        temperature(0);
        String first = write();
        assertThat(step()).as("one greedy line is not yet two").isEqualTo(5);
        String second = write();
        waitFor(30, () -> window.lessons().step() == 6);
        assertThat(second).as("greedy decoding writes the same line again").isEqualTo(first).isNotEmpty();
        assertThat(card()).isEqualTo(Messages.get("lesson.gpt.7"));

        // 7. bold: temperature 1.5
        temperature(1.5);
        write();
        waitFor(30, () -> window.lessons().step() == 7);
        assertThat(card()).isEqualTo(Messages.get("lesson.gpt.8"));
        assertThat(fx(() -> lookup("#lesson-next").queryButton().getText())).isEqualTo(Messages.get("lesson.finish"));
        clickOn("#lesson-next");
        waitFor(30, () -> window.lessons().lesson().isEmpty());
    }

    @Test
    void the_gpt_lesson_speaks_chinese_in_a_chinese_window() throws Exception {
        fxRun(() -> window.startLesson(Lessons.of("gpt").orElseThrow()));
        waitFor(30, () -> window.lessons().lesson().isPresent() && window.editor().isPresent());
        fxRun(() -> window.setLanguage(Locale.SIMPLIFIED_CHINESE));
        waitFor(30, () -> lookup("#lesson-text").tryQuery().isPresent());
        try {
            assertThat(card()).contains("词元").contains("“数据”标签页");
            clickOn("#tab-data .tab-label");
            waitFor(30, () -> window.lessons().step() == 1);
            assertThat(card()).contains("嵌入层").contains("向量");
            clickOn("#node-embedding");
            waitFor(30, () -> window.lessons().step() == 2);
            assertThat(card()).contains("开始训练").contains("试一试");
            assertThat(fx(() -> lookup("#lesson-next").queryButton().getText())).isEqualTo(Messages.get("lesson.skip"));
        } finally {
            fxRun(() -> window.setLanguage(Locale.ENGLISH));
        }
    }
}
