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
        for (double[] size : new double[][]{{1366, 768}, {1280, 720}}) { // shrinking: Monocle keeps its buffer
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

    @Test
    void after_training_at_1280_by_720_the_charts_can_be_read_and_ten_classes_show_every_column() throws Exception {
        fxRun(() -> {
            window.stage().setWidth(1280);
            window.stage().setHeight(720);
        });
        fxRun(() -> window.open(sample("mnist-mlp")));
        fxRun(() -> {
            editor().document().project().training().set("epochs", 1);
            run().start();
        });
        waitForFinalEvaluation(180);
        org.testfx.util.WaitForAsyncUtils.waitForFxEvents();
        for (String chart : List.of("#loss-chart", "#metric-chart")) {
            double h = fx(() -> lookup(chart).query().getLayoutBounds().getHeight());
            assertThat(h).as(chart + " height").isGreaterThanOrEqualTo(160);
        }
        javafx.scene.control.ScrollPane matrix = lookup("#confusion").queryAs(javafx.scene.control.ScrollPane.class);
        for (int r = 0; r < 10; r++) {
            javafx.scene.Node last = lookup("#confusion-" + r + "-9").query();
            Bounds cell = fx(() -> matrix.sceneToLocal(last.localToScene(last.getLayoutBounds())));
            assertThat(cell.getMaxX()).as("column 9 of row " + r + " inside the pane")
                    .isLessThanOrEqualTo(fx(() -> matrix.getWidth()));
        }
    }

    @Test
    void a_language_or_theme_switch_keeps_the_open_tab_says_the_runs_line_again_and_redraws_the_charts()
            throws Exception {
        fxRun(() -> window.open(sample("xor")));
        fxRun(() -> {
            editor().document().project().training().set("epochs", 3);
            run().start();
        });
        waitFor(60, () -> !run().isActive());
        assertThat(fx(() -> run().messageProperty().get())).isEqualTo("Finished 3 epochs");
        fxRun(() -> window.setLanguage(java.util.Locale.SIMPLIFIED_CHINESE));
        assertThat(fx(() -> lookup("#training-status").queryAs(Label.class).getText())).doesNotContain("Finished")
                .contains("3");
        assertThat(lookup("#training-status").query().isVisible()).as("the Training tab is still open").isTrue();
        fxRun(() -> window.setDark(true));
        waitFor(10, () -> brightness("#loss-chart") < 0.3);
        fxRun(() -> window.setDark(false));
        waitFor(10, () -> brightness("#loss-chart") > 0.7);
        fxRun(() -> window.setLanguage(java.util.Locale.ENGLISH));
        assertThat(fx(() -> run().messageProperty().get())).isEqualTo("Finished 3 epochs");
    }

    @Test
    void searching_dropout_and_pressing_enter_adds_a_dropout_beside_the_layers_not_on_them() {
        fxRun(() -> window.open(sample("xor")));
        EditorDocument doc = editor().document();
        int before = doc.graph().nodes().size();
        clickOn("#palette-search");
        write("dropout"); // BatchNorm's description names dropout too
        type(KeyCode.ENTER);
        assertThat(doc.graph().nodes()).hasSize(before + 1);
        var added = doc.graph().require(doc.selection().nodes().get(0));
        assertThat(added.type().id()).isEqualTo("Dropout");
        for (var other : doc.graph().nodes()) {
            if (other == added) continue;
            boolean apart = Math.abs(other.x() - added.x()) >= 180 || Math.abs(other.y() - added.y()) >= 64;
            assertThat(apart).as(added.id() + " on top of " + other.id()).isTrue();
        }
    }

    @Test
    void a_bundled_samples_description_is_shown_in_the_windows_language() {
        fxRun(() -> window.setLanguage(java.util.Locale.SIMPLIFIED_CHINESE));
        fxRun(() -> window.open(sample("xor")));
        fxRun(() -> editor().document().selection().clear());
        List<String> texts = fx(() -> lookup(".inspector-description").queryAll().stream()
                .map(n -> ((Label) n).getText()).toList());
        assertThat(texts).contains("没有一条直线能分开 XOR：一个隐藏层就能把边界弯过来。");
        fxRun(() -> window.setLanguage(java.util.Locale.ENGLISH));
    }

    @Test
    void at_every_text_size_a_sample_opens_with_its_node_text_as_large_as_the_windows() {
        for (int size : new int[]{13, 16, 20}) {
            fxRun(() -> window.setFontSize(size));
            fxRun(() -> window.open(sample("mnist-cnn")));
            double nodeText = fx(() -> editor().canvas().zoom()) * org.strata.app.canvas.GraphCanvas.WORLD_FONT;
            assertThat(nodeText).as("node text at text size " + size).isGreaterThanOrEqualTo(size - 0.01);
        }
        fxRun(() -> window.setFontSize(13));
    }

    /** @return how bright the corner of a chart's picture is (0 black … 1 white); 0.5 before it is drawn */
    private double brightness(String chart) {
        javafx.scene.image.ImageView view = (javafx.scene.image.ImageView) ((javafx.scene.Parent) lookup(chart)
                .query()).getChildrenUnmodifiable().get(0);
        var image = view.getImage();
        return image == null ? 0.5 : image.getPixelReader().getColor(2, 2).getBrightness();
    }

    @Test
    void a_selected_node_with_a_warning_or_an_error_shows_both_its_problem_and_the_selection() {
        fxRun(() -> window.open(sample("xor")));
        EditorDocument doc = editor().document();
        // a Dense hanging off the hidden layer leads nowhere: a warning on it
        fxRun(() -> {
            var extra = org.strata.engine.graph.Node.of("extra", org.strata.engine.layers.LayerCatalogue.get("Dense"));
            extra.moveTo(40, 400);
            doc.execute(org.strata.app.document.Edits.addNodes(doc.graph(), List.of(extra), List.of(
                    new org.strata.engine.graph.Edge(new org.strata.engine.graph.PortRef("hidden", "out"),
                            new org.strata.engine.graph.PortRef("extra", "in"))), "add"));
            doc.selection().set(List.of("extra"));
        });
        var view = editor().canvas().nodeView("extra").orElseThrow();
        assertThat(fx(() -> doc.analysis().problemsOf("extra"))).isNotEmpty();
        var strokes = fx(() -> view.getBorder().getStrokes());
        assertThat(strokes).as("the problem's border and the selection's ring").hasSize(2);
        assertThat(strokes.get(0).getTopStroke()).isNotEqualTo(strokes.get(1).getTopStroke());
        fxRun(() -> doc.selection().clear());
        assertThat(fx(() -> view.getBorder().getStrokes())).hasSize(1);
    }

    @Test
    void a_shape_label_between_close_ports_moves_off_them() {
        fxRun(() -> window.open(sample("xor")));
        EditorDocument doc = editor().document();
        // the hidden layer right next to the Input: the ports are closer than the label is wide
        fxRun(() -> {
            var input = doc.graph().require("input");
            doc.execute(org.strata.app.document.Edits.move(doc.graph(), java.util.Map.of("hidden",
                    new double[]{input.x() + org.strata.app.canvas.NodeView.WIDTH + 10, input.y()}), "move"));
        });
        org.strata.engine.graph.Edge wire = fx(() -> doc.graph().outgoing("input").get(0));
        var edge = editor().canvas().edgeView(wire).orElseThrow();
        Bounds label = fx(() -> edge.label().localToScene(edge.label().getLayoutBounds()));
        for (String port : List.of("#port-input-out", "#port-hidden-in")) {
            Bounds p = fx(() -> lookup(port).query().localToScene(lookup(port).query().getLayoutBounds()));
            assertThat(label.intersects(p)).as(port + " " + p + " under the label " + label).isFalse();
        }
    }

    @Test
    void help_lists_every_layer_and_every_menu_shortcut_and_escape_closes_each_help_window() {
        fxRun(() -> menuItem("menu-help-reference").fire());
        javafx.stage.Stage reference = fx(() -> (javafx.stage.Stage) javafx.stage.Window.getWindows().stream()
                .filter(w -> w.getScene() != null && w.getScene().lookup("#layer-reference") != null).findFirst()
                .orElseThrow());
        var root = fx(() -> reference.getScene().getRoot());
        for (var type : org.strata.engine.layers.LayerCatalogue.all()) {
            assertThat(fx(() -> root.lookup("#reference-" + type.id()))).as(type.id()).isNotNull();
        }
        fxRun(() -> ((javafx.scene.control.TextField) root.lookup("#reference-search")).setText("dropout"));
        assertThat(fx(() -> root.lookup("#reference-Dropout"))).isNotNull();
        assertThat(fx(() -> root.lookup("#reference-Dense"))).isNull();
        pressEscape(reference);
        assertThat(fx(reference::isShowing)).as("Escape closes the layer reference").isFalse();

        fxRun(() -> menuItem("menu-help-shortcuts").fire());
        javafx.stage.Stage keys = fx(() -> (javafx.stage.Stage) javafx.stage.Window.getWindows().stream()
                .filter(w -> w.getScene() != null && w.getScene().lookup("#shortcuts") != null).findFirst()
                .orElseThrow());
        String text = fx(() -> keys.getScene().getRoot().lookupAll(".label").stream()
                .map(n -> ((Label) n).getText()).reduce("", (a, b) -> a + "\n" + b));
        String save = fx(() -> menuItem("menu-file-save").getAccelerator().getDisplayText());
        assertThat(text).contains(save).contains("F1").contains("Esc");
        pressEscape(keys);
        assertThat(fx(keys::isShowing)).as("Escape closes the shortcuts").isFalse();
    }

    /** Presses Escape in a window, as a key press reaches its scene. */
    private void pressEscape(javafx.stage.Stage w) {
        fxRun(() -> javafx.event.Event.fireEvent(w.getScene().getRoot(), new javafx.scene.input.KeyEvent(
                javafx.scene.input.KeyEvent.KEY_PRESSED, "", "", javafx.scene.input.KeyCode.ESCAPE, false, false,
                false, false)));
    }

    @Test
    void after_a_step_the_header_says_the_new_iteration_and_no_time_left() throws Exception {
        fxRun(() -> window.open(sample("xor")));
        fxRun(() -> {
            run().setPace(20);
            run().start();
        });
        waitFor(60, () -> run().phase() == org.strata.engine.train.TrainingState.RUNNING
                && run().curves().history().train().size() >= 3);
        fxRun(() -> run().pause());
        waitFor(30, () -> run().phase() == org.strata.engine.train.TrainingState.PAUSED);
        String paused = fx(() -> run().messageProperty().get());
        fxRun(() -> run().step());
        waitFor(30, () -> !run().messageProperty().get().equals(paused));
        long at = fx(() -> (long) run().curves().history().train().get(run().curves().history().train().size() - 1)[0]);
        assertThat(fx(() -> run().messageProperty().get())).isEqualTo("Paused at iteration " + at);
        assertThat(fx(() -> run().curves().progressTextProperty().get())).endsWith("paused").doesNotContain("left");
        fxRun(() -> run().stop());
        waitFor(30, () -> !run().isActive());
    }

    @Test
    void hiding_the_side_panels_gives_the_canvas_their_room_and_is_remembered() {
        fxRun(() -> window.open(sample("mnist-cnn")));
        double before = fx(() -> editor().canvas().getWidth());
        fxRun(() -> {
            ((javafx.scene.control.CheckMenuItem) menuItem("menu-view-palette")).setSelected(false);
            menuItem("menu-view-palette").fire();
            ((javafx.scene.control.CheckMenuItem) menuItem("menu-view-inspector")).setSelected(false);
            menuItem("menu-view-inspector").fire();
        });
        org.testfx.util.WaitForAsyncUtils.waitForFxEvents();
        assertThat(lookup("#palette").tryQuery()).isEmpty();
        assertThat(lookup("#inspector").tryQuery()).isEmpty();
        assertThat(fx(() -> editor().canvas().getWidth())).isGreaterThan(before * 1.5);
        // a language switch rebuilds the panels: they stay hidden
        fxRun(() -> window.setLanguage(java.util.Locale.SIMPLIFIED_CHINESE));
        assertThat(lookup("#inspector").tryQuery()).isEmpty();
        fxRun(() -> window.setLanguage(java.util.Locale.ENGLISH));
        fxRun(() -> window.showPanels(true, true));
        org.testfx.util.WaitForAsyncUtils.waitForFxEvents();
        assertThat(lookup("#palette").tryQuery()).isPresent();
        assertThat(fx(() -> editor().canvas().getWidth())).isCloseTo(before, org.assertj.core.data.Offset.offset(30.0));
    }
}
