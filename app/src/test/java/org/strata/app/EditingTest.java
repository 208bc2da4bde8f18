package org.strata.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import javafx.scene.control.Label;
import javafx.scene.input.KeyCode;
import org.junit.jupiter.api.Test;
import org.strata.app.document.EditorDocument;

/** Keyboard and inspector editing on an open sample: refusals, clipboard, delete, undo texts, palette search. */
class EditingTest extends AppTest {
    private EditorDocument openXor() {
        fxRun(() -> window.open(sample("xor")));
        return editor().document();
    }

    private String hidden() {
        return editor().document().graph().nodes().stream().filter(n -> n.type().id().equals("Dense"))
                .findFirst().orElseThrow().id();
    }

    @Test
    void an_out_of_range_value_is_refused_with_its_range_and_not_clamped() {
        EditorDocument doc = openXor();
        String id = hidden();
        int units = doc.graph().require(id).params().getInt("units");
        clickOn("#node-" + id);
        clickOn("#param-units");
        fxRun(() -> lookup("#param-units").queryTextInputControl().selectAll());
        write("0");
        type(KeyCode.ENTER);
        assertThat(lookup("#inspector-error").queryAs(Label.class).getText()).contains("between 1 and");
        assertThat(doc.graph().require(id).params().getInt("units")).isEqualTo(units);
        assertThat(lookup("#param-units").queryTextInputControl().getText()).isEqualTo(Integer.toString(units));
        assertThat(doc.canUndo()).isFalse();
    }

    @Test
    void copy_paste_duplicate_delete_and_undo_from_the_keyboard() {
        EditorDocument doc = openXor();
        int nodes = doc.graph().nodes().size();
        String id = hidden();
        clickOn("#node-" + id);
        push(KeyCode.CONTROL, KeyCode.C);
        push(KeyCode.CONTROL, KeyCode.V);
        assertThat(doc.graph().nodes()).hasSize(nodes + 1);
        assertThat(doc.selection().nodes()).hasSize(1).doesNotContain(id);
        assertThat(doc.undoDescription().orElse("")).contains("Paste");
        push(KeyCode.CONTROL, KeyCode.D);
        assertThat(doc.graph().nodes()).hasSize(nodes + 2);
        push(KeyCode.DELETE);
        assertThat(doc.graph().nodes()).hasSize(nodes + 1);
        clickOn("Edit");
        assertThat(lookup("Undo Delete layer").tryQuery()).isPresent();
        push(KeyCode.ESCAPE);
        push(KeyCode.CONTROL, KeyCode.Z);
        push(KeyCode.CONTROL, KeyCode.Z);
        push(KeyCode.CONTROL, KeyCode.Z);
        assertThat(doc.graph().nodes()).hasSize(nodes);
        assertThat(doc.isDirty()).isFalse();
        assertThat(window.stage().getTitle()).doesNotStartWith("*");
    }

    @Test
    void the_title_marks_unsaved_changes() {
        EditorDocument doc = openXor();
        clickOn("#node-" + hidden());
        push(KeyCode.DELETE);
        assertThat(window.stage().getTitle()).startsWith("*");
        push(KeyCode.CONTROL, KeyCode.Z);
        assertThat(window.stage().getTitle()).doesNotStartWith("*");
        assertThat(doc.isDirty()).isFalse();
    }

    @Test
    void a_node_dragged_with_the_mouse_moves_in_one_undo_step() {
        EditorDocument doc = openXor();
        String id = hidden();
        double x = doc.graph().require(id).x();
        drag("#node-" + id).moveBy(60, 40).moveBy(60, 40).drop();
        assertThat(doc.graph().require(id).x()).isGreaterThan(x + 50);
        assertThat(doc.undoDescription().orElse("")).contains("Move");
        push(KeyCode.CONTROL, KeyCode.Z);
        assertThat(doc.graph().require(id).x()).isEqualTo(x);
        assertThat(doc.canUndo()).isFalse();
    }

    @Test
    void palette_search_narrows_the_list_and_enter_adds_the_only_match() {
        EditorDocument doc = openXor();
        int nodes = doc.graph().nodes().size();
        clickOn("#palette-search");
        write("batchn");
        assertThat(lookup("#palette-Dense").tryQuery()).isEmpty();
        assertThat(lookup("#palette-BatchNorm").tryQuery()).isPresent();
        type(KeyCode.ENTER);
        assertThat(doc.graph().nodes()).hasSize(nodes + 1);
        assertThat(doc.undoDescription().orElse("")).contains("Add BatchNorm");
    }

    @Test
    void rubber_band_selects_the_nodes_it_touches() {
        EditorDocument doc = openXor();
        var canvas = fx(() -> editor().canvas().localToScreen(editor().canvas().getLayoutBounds()));
        drag(new javafx.geometry.Point2D(canvas.getMinX() + 5, canvas.getMinY() + 5))
                .dropTo(new javafx.geometry.Point2D(canvas.getMaxX() - 5, canvas.getMaxY() - 5));
        assertThat(doc.selection().nodes()).hasSameSizeAs(doc.graph().nodes());
    }

    @Test
    void switching_to_chinese_rebuilds_the_window_in_chinese_and_keeps_the_project() {
        EditorDocument doc = openXor();
        clickOn("View");
        clickOn("Language");
        clickOn("简体中文");
        var bar = lookup("#menu-bar").queryAs(javafx.scene.control.MenuBar.class);
        assertThat(bar.getMenus().get(0).getText()).isEqualTo("文件");
        assertThat(editor().document()).isSameAs(doc);
        assertThat(lookup("#tab-problems").tryQuery()).isPresent();
        fxRun(() -> window.setLanguage(java.util.Locale.ENGLISH));
        assertThat(lookup("#menu-bar").queryAs(javafx.scene.control.MenuBar.class).getMenus().get(0).getText())
                .isEqualTo("File");
    }

    @Test
    void a_problem_clicked_in_the_problems_tab_selects_its_layer() {
        fxRun(() -> window.open(sample("mnist-cnn")));
        EditorDocument doc = editor().document();
        clickOn("#node-flatten");
        push(KeyCode.DELETE);
        assertThat(editor().canvas().nodeView("dense1").orElseThrow().showsError()).isTrue();
        assertThat(window.stage().getScene().lookup("#status-validity").toString()).isNotEmpty();
        assertThat(lookup("#status-validity").queryLabeled().getText()).contains("error");
        fxRun(() -> doc.selection().clear());
        clickOn(lookup("#problems .table-row-cell").nth(0).queryAs(javafx.scene.Node.class));
        assertThat(doc.selection().nodes()).containsExactly(doc.analysis().problems().get(0).nodeId());
        assertThat(lookup("#inspector-shapes").tryQuery()).isPresent();
    }

    @Test
    void arrow_keys_nudge_the_selection_and_escape_clears_it() {
        EditorDocument doc = openXor();
        String id = hidden();
        double x = doc.graph().require(id).x();
        clickOn("#node-" + id);
        push(KeyCode.RIGHT);
        push(KeyCode.SHIFT, KeyCode.DOWN);
        assertThat(doc.graph().require(id).x()).isEqualTo(x + 20);
        push(KeyCode.CONTROL, KeyCode.Z);
        push(KeyCode.CONTROL, KeyCode.Z);
        assertThat(doc.graph().require(id).x()).isEqualTo(x);
        push(KeyCode.ESCAPE);
        assertThat(doc.selection().isEmpty()).isTrue();
    }

    @Test
    void the_project_is_renamed_in_the_inspector_when_nothing_is_selected() {
        EditorDocument doc = openXor();
        fxRun(() -> doc.selection().clear());
        clickOn("#inspector-project-name");
        fxRun(() -> lookup("#inspector-project-name").queryTextInputControl().selectAll());
        write("Exclusive or");
        type(KeyCode.ENTER);
        assertThat(doc.project().name()).isEqualTo("Exclusive or");
        assertThat(window.stage().getTitle()).startsWith("*Exclusive or");
        assertThat(doc.undoDescription().orElse("")).isEqualTo("Rename project");
    }

    @Test
    void at_the_projector_text_size_setting_names_and_column_headers_show_whole() {
        fxRun(() -> window.open(sample("mnist-cnn")));
        fxRun(() -> window.setFontSize(20));
        fxRun(() -> editor().document().selection().clear()); // the project's settings: the longest names
        org.testfx.util.WaitForAsyncUtils.waitForFxEvents();
        assertThat(shownWhole(".inspector .property-sheet .label", "a setting name in the inspector"))
                .isGreaterThan(5);
        // and the tables' column headers (the Problems tab is open)
        assertThat(shownWhole("#problems .column-header .label", "a column header of the Problems tab")).isEqualTo(4);
    }

    /** Checks that every labelled node the query finds shows its whole text (no "…"); @return how many it found. */
    private int shownWhole(String query, String what) {
        List<Label> labels = fx(() -> lookup(query).queryAll().stream().map(n -> (Label) n)
                .filter(l -> !l.getText().isEmpty()).toList());
        for (Label l : labels) {
            String shown = fx(() -> ((javafx.scene.text.Text) l.lookup(".text")).getText());
            assertThat(shown).as(what).isEqualTo(l.getText());
        }
        return labels.size();
    }

    @Test
    void a_layer_drops_at_the_pointer_when_zoomed_and_panned() {
        EditorDocument doc = openXor();
        fxRun(() -> {
            editor().canvas().zoomIn();
            editor().canvas().zoomIn();
        });
        var canvas = fx(() -> editor().canvas().localToScreen(editor().canvas().getLayoutBounds()));
        drag(new javafx.geometry.Point2D(canvas.getMinX() + 300, canvas.getMinY() + 300), javafx.scene.input.MouseButton.SECONDARY)
                .dropBy(-120, -80);
        var drop = new javafx.geometry.Point2D(canvas.getMinX() + 250, canvas.getMinY() + 200);
        clickOn("#palette-search").write("Dropout"); // below the palette's fold: found as a user finds it
        drag("#palette-Dropout").dropTo(drop);
        var view = editor().canvas().nodeView("dropout").orElseThrow();
        var centre = fx(() -> view.localToScreen(view.getWidth() / 2, 32));
        assertThat(centre.distance(drop)).isLessThan(3);
        assertThat(doc.graph().require("dropout")).isNotNull();
    }

    @Test
    void a_wire_that_would_close_a_loop_or_reach_a_taken_input_is_refused_with_the_reason() {
        EditorDocument doc = openXor();
        int edges = doc.graph().edges().size();
        drag("#port-dense-out").dropTo("#port-hidden-in"); // hidden's input is taken
        assertThat(doc.graph().edges()).hasSize(edges);
        assertThat(lookup("#status-bar .status-label").queryLabeled().getText()).contains("already connected");
        push(KeyCode.CONTROL, KeyCode.A);
        drag("#port-dense-out").dropTo("#palette-Dense"); // dropped nowhere: nothing happens
        assertThat(doc.graph().edges()).hasSize(edges);
        // a loop: lift hidden's input wire and offer it dense's output instead
        drag("#port-hidden-in").dropTo(new javafx.geometry.Point2D(10, 10));
        drag("#port-dense-out").dropTo("#port-hidden-in");
        assertThat(lookup("#status-bar .status-label").queryLabeled().getText()).contains("loop");
        assertThat(doc.graph().edges()).hasSize(edges - 1);
    }
}
