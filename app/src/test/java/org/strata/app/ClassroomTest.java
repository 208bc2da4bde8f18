package org.strata.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Optional;
import javafx.geometry.Bounds;
import javafx.geometry.Rectangle2D;
import javafx.scene.control.Label;
import javafx.scene.input.KeyCode;
import org.junit.jupiter.api.Test;
import org.strata.app.document.EditorDocument;
import org.strata.app.window.WindowBounds;

/** What a class reads off a projected window: it fits the screen, and what it shows is current. */
class ClassroomTest extends AppTest {
    @Test
    void the_inspector_shows_the_new_output_shape_and_parameter_count_right_after_an_edit() {
        fxRun(() -> window.open(sample("xor")));
        EditorDocument doc = editor().document();
        clickOn("#node-hidden");
        assertThat(lookup("#inspector-shapes").queryAs(Label.class).getText()).contains("8");
        clickOn("#param-units");
        fxRun(() -> lookup("#param-units").queryTextInputControl().selectAll());
        write("3");
        type(KeyCode.ENTER);
        assertThat(doc.graph().require("hidden").params().getInt("units")).isEqualTo(3);
        // 2 inputs × 3 units + 3 biases; the shape the analysis now gives
        assertThat(lookup("#inspector-params").queryAs(Label.class).getText()).contains("9");
        String out = doc.analysis().shapeOf("hidden").orElseThrow().toString();
        assertThat(lookup("#inspector-shapes").queryAs(Label.class).getText()).endsWith(out);
        assertThat(out).contains("3");
    }

    @Test
    void the_window_opens_within_the_screen_it_was_on_or_within_the_main_screen() {
        Rectangle2D laptop = new Rectangle2D(0, 0, 1366, 738);
        WindowBounds first = WindowBounds.initial(Optional.empty(), List.of(laptop), laptop);
        assertThat(first.width()).isLessThanOrEqualTo(1366);
        assertThat(first.height()).isLessThanOrEqualTo(738);
        assertThat(first.x()).isGreaterThanOrEqualTo(0);
        // last closed on a monitor that is no longer attached: back on the laptop's screen
        WindowBounds away = new WindowBounds(2000, 100, 1800, 1000, false);
        WindowBounds back = WindowBounds.initial(Optional.of(away), List.of(laptop), laptop);
        assertThat(back.x() + back.width()).isLessThanOrEqualTo(1366);
        assertThat(back.y() + back.height()).isLessThanOrEqualTo(738);
        // on a screen still there it opens where it was, made to fit
        Rectangle2D small = new Rectangle2D(0, 0, 1280, 690);
        WindowBounds big = new WindowBounds(100, 50, 1400, 900, false);
        WindowBounds fitted = WindowBounds.initial(Optional.of(big), List.of(small), small);
        assertThat(fitted.width()).isEqualTo(1280);
        assertThat(fitted.height()).isEqualTo(690);
        assertThat(fitted.x()).isZero();
        WindowBounds kept = WindowBounds.initial(Optional.of(new WindowBounds(40, 30, 1000, 640, true)),
                List.of(small), small);
        assertThat(kept).isEqualTo(new WindowBounds(40, 30, 1000, 640, true));
    }

    @Test
    void at_1280_by_720_the_menus_the_status_bar_and_its_fields_show_whole() {
        for (double[] size : new double[][]{{1280, 720}, {1366, 768}}) {
            fxRun(() -> {
                window.stage().setWidth(size[0]);
                window.stage().setHeight(size[1]);
            });
            fxRun(() -> window.open(sample("mnist-cnn")));
            Bounds scene = fx(() -> window.stage().getScene().getRoot().getLayoutBounds());
            Bounds status = fx(() -> lookup("#status-bar").query().localToScene(
                    lookup("#status-bar").query().getLayoutBounds()));
            assertThat(status.getMaxY()).as("status bar inside the window").isLessThanOrEqualTo(scene.getHeight() + 1);
            for (String id : List.of("#status-validity", "#status-params", "#status-engine", "#status-zoom")) {
                Label l = lookup(id).queryAs(Label.class);
                String shown = fx(() -> ((javafx.scene.text.Text) l.lookup(".text")).getText());
                assertThat(shown).as(id + " at " + size[0] + "×" + size[1]).isEqualTo(fx(l::getText));
            }
            Bounds canvas = fx(() -> editor().canvas().localToScene(editor().canvas().getLayoutBounds()));
            assertThat(canvas.getWidth()).as("canvas width").isGreaterThan(500);
            assertThat(canvas.getHeight()).as("canvas height").isGreaterThan(250);
        }
    }

    @Test
    void pause_pressed_right_after_train_pauses_the_run_even_while_its_data_loads() throws Exception {
        fxRun(() -> window.open(sample("spirals")));
        fxRun(() -> {
            menuItem("menu-train-start").fire();
            assertThat(run().phase()).isEqualTo(org.strata.engine.train.TrainingState.LOADING);
            menuItem("menu-train-pause").fire(); // at once: the data is still loading
        });
        waitFor(60, () -> run().phase() == org.strata.engine.train.TrainingState.PAUSED || !run().isActive());
        assertThat(fx(() -> run().phase())).isEqualTo(org.strata.engine.train.TrainingState.PAUSED);
        assertThat(fx(() -> run().messageProperty().get())).startsWith("Paused at iteration 0");
        fxRun(() -> run().stop());
        waitFor(30, () -> !run().isActive());
    }

    @Test
    void a_slow_pace_lets_a_class_watch_and_fastest_finishes_the_run() throws Exception {
        fxRun(() -> window.open(sample("xor")));
        @SuppressWarnings("unchecked")
        javafx.scene.control.ComboBox<Double> pace = lookup("#training-pace").queryAs(
                javafx.scene.control.ComboBox.class);
        fxRun(() -> pace.setValue(3.0));
        assertThat(fx(() -> run().pace())).isEqualTo(3.0);
        fxRun(() -> run().start());
        Thread.sleep(1500);
        assertThat(fx(() -> run().isActive())).as("XOR's 300 epochs take minutes at 3 batches a second").isTrue();
        fxRun(() -> pace.setValue(0.0));
        waitFor(60, () -> !run().isActive());
        assertThat(fx(() -> run().phase())).isEqualTo(org.strata.engine.train.TrainingState.FINISHED);
    }
}
