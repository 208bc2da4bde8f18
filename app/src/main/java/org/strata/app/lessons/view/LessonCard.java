package org.strata.app.lessons.view;

import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.strata.app.i18n.Messages;
import org.strata.app.lessons.Lesson;
import org.strata.app.lessons.LessonRunner;

/**
 * The lesson under way, as a card in a corner of the canvas: its title, "Step 2 of 5", what to look at and do now,
 * and Back, Skip (Finish on the last step) and Close. It moves on by itself when the student has done the step.
 */
public final class LessonCard extends VBox {
    private final LessonRunner runner;
    private final Label title = new Label();
    private final Label counter = new Label();
    private final Label text = new Label();
    private final Button back = new Button(Messages.get("lesson.back"));
    private final Button next = new Button();

    public LessonCard(LessonRunner runner) {
        super(8);
        this.runner = runner;
        setId("lesson-card");
        getStyleClass().add("lesson-card");
        title.getStyleClass().add("lesson-title");
        title.setWrapText(true);
        counter.getStyleClass().add("lesson-counter");
        text.setId("lesson-text");
        text.getStyleClass().add("lesson-text");
        text.setWrapText(true);
        text.setMinHeight(Region.USE_PREF_SIZE);
        title.setMinHeight(Region.USE_PREF_SIZE);
        back.setId("lesson-back");
        next.setId("lesson-next");
        Button close = new Button("✕");
        close.setId("lesson-close");
        close.getStyleClass().add("lesson-close");
        close.setOnAction(e -> runner.close());
        back.setOnAction(e -> runner.back());
        next.setOnAction(e -> runner.next());
        Region gap = new Region();
        HBox.setHgrow(gap, Priority.ALWAYS);
        HBox head = new HBox(8, title, gap, close);
        head.setAlignment(Pos.TOP_LEFT);
        Region gap2 = new Region();
        HBox.setHgrow(gap2, Priority.ALWAYS);
        HBox buttons = new HBox(8, counter, gap2, back, next);
        buttons.setAlignment(Pos.CENTER_LEFT);
        getChildren().addAll(head, text, buttons);
        setMaxWidth(Region.USE_PREF_SIZE);
        setMaxHeight(Region.USE_PREF_SIZE);
        runner.versionProperty().addListener((o, a, b) -> refresh());
        refresh();
    }

    private void refresh() {
        var lesson = runner.lesson();
        setVisible(lesson.isPresent());
        setManaged(lesson.isPresent());
        if (lesson.isEmpty()) return;
        Lesson l = lesson.get();
        int at = runner.step();
        int of = l.steps().size();
        title.setText(Messages.get(l.titleKey()));
        counter.setText(Messages.get("lesson.counter", at + 1, of));
        text.setText(Messages.get(l.textKey(at)));
        back.setDisable(at == 0);
        next.setText(Messages.get(at == of - 1 ? "lesson.finish" : "lesson.skip"));
    }
}
