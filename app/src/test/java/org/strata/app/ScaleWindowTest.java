package org.strata.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import javafx.scene.control.Label;
import org.junit.jupiter.api.Test;
import org.strata.app.dock.ScaleView;
import org.strata.app.scale.ScaleModel.Dimension;
import org.strata.engine.analysis.SummaryTable;
import org.testfx.util.WaitForAsyncUtils;

/**
 * How large is large, in the window: the Scale tab's sliders over a GPT-style transformer, dragged as a user drags
 * them, its texts whole at the projector's size, and the Summary tab's scale lines, said again after an edit.
 */
class ScaleWindowTest extends AppTest {
    private String text(String query) {
        return fx(() -> lookup(query).queryLabeled().getText());
    }

    private ScaleView view() {
        return lookup("#scale").queryAs(ScaleView.class);
    }

    @Test
    void the_scale_tab_starts_at_the_open_gpt2_and_a_dragged_slider_changes_its_parameters_and_memory()
            throws Exception {
        fxRun(() -> window.open(sample("gpt2-small")));
        clickOn("#tab-scale .tab-label");
        assertThat(text("#scale-parameters"))
                .isEqualTo("124,439,808 parameters: a large model (more than 100,000,000 parameters)");
        assertThat(fx(() -> lookup("#scale-preset-project").query().isDisabled())).as("it is a transformer").isFalse();
        String trainBefore = text("#scale-memory-train");

        drag("#scale-layers .thumb").moveBy(80, 0).drop();
        WaitForAsyncUtils.waitForFxEvents();
        int layers = fx(() -> view().model().value(Dimension.LAYERS).get());
        assertThat(layers).as("dragged to the right").isGreaterThan(12);
        assertThat(text("#scale-value-layers")).isEqualTo(String.valueOf(layers));
        // each block of width 768 is 7,087,872 parameters
        assertThat(text("#scale-parameters")).startsWith(SummaryTable.group(124_439_808L + (layers - 12) * 7_087_872L)
                + " parameters");
        assertThat(text("#scale-memory-train")).isNotEqualTo(trainBefore);
        // memory across the layers, and where this machine's ends
        waitFor(10, () -> lookup("#scale-machine-line").tryQuery().isPresent()
                && lookup(".scale-bar").queryAll().size() == view().model().curve().size());
        assertThat(fx(() -> lookup(".scale-bar-current").queryAll().size())).as("the sliders' network marked")
                .isEqualTo(1);
        assertThat(text("#scale-curve-title")).isEqualTo("Memory to train a batch of 8 across Layers (blocks)");

        scrollIntoView("#scale-preset-medium");
        clickOn("#scale-preset-medium");
        assertThat(text("#scale-parameters")).startsWith("354,823,168 parameters");
        scrollIntoView("#scale-preset-project");
        clickOn("#scale-preset-project");
        assertThat(text("#scale-parameters")).startsWith("124,439,808 parameters");
        // a new batch size in the project's training settings: the memory is for it, no text is left from before
        var doc = editor().document();
        fxRun(() -> doc.execute(org.strata.app.document.Edits.setTraining(doc.project(), "batchSize", 16)));
        assertThat(text("#scale-memory-train")).startsWith("Memory to train a batch of 16 with adam");
        assertThat(text("#scale-curve-title")).isEqualTo("Memory to train a batch of 16 across Layers (blocks)");
        // this machine's speed, measured once off the UI thread, gives the time here
        waitFor(180, () -> lookup("#scale-time-here").queryLabeled().getText()
                .startsWith("Estimated time to train on them here: "));
    }

    @Test
    void the_sliders_stay_where_they_were_when_the_language_changes() {
        fxRun(() -> window.open(sample("gpt2-small")));
        clickOn("#tab-scale .tab-label");
        fxRun(() -> view().model().set(Dimension.LAYERS, 20));
        fxRun(() -> window.setLanguage(java.util.Locale.SIMPLIFIED_CHINESE));
        assertThat(fx(() -> view().model().value(Dimension.LAYERS).get())).isEqualTo(20);
        assertThat(text("#scale-parameters")).startsWith(SummaryTable.group(124_439_808L + 8 * 7_087_872L) + " 个参数");
        fxRun(() -> window.setLanguage(java.util.Locale.ENGLISH));
    }

    @Test
    void at_the_projector_size_in_1280_by_720_the_scale_and_summary_tabs_show_their_texts_whole() throws Exception {
        fxRun(() -> {
            window.stage().setWidth(1280);
            window.stage().setHeight(720);
        });
        fxRun(() -> window.setFontSize(20));
        fxRun(() -> window.open(sample("gpt2-small")));
        clickOn("#tab-scale .tab-label");
        WaitForAsyncUtils.waitForFxEvents();
        List<Label> labels = fx(() -> lookup("#scale .label").queryAllAs(Label.class).stream()
                .filter(l -> l.isVisible() && !l.getText().isEmpty()).toList());
        assertThat(labels).hasSizeGreaterThan(10);
        for (Label l : labels) {
            String shown = fx(() -> ((javafx.scene.text.Text) l.lookup(".text")).getText().replace("\n", " "));
            assertThat(shown).as(l.getId() + " whole").isEqualTo(fx(() -> l.getText().replace("\n", " ")));
        }
        double slider = fx(() -> lookup("#scale-width").query().getLayoutBounds().getWidth());
        assertThat(slider).as("a slider long enough to move").isGreaterThan(150);
        clickOn("#tab-summary .tab-label");
        WaitForAsyncUtils.waitForFxEvents();
        List<Label> summary = new java.util.ArrayList<>(fx(() -> lookup("#summary-scale .label")
                .queryAllAs(Label.class)));
        summary.add(lookup("#summary-totals").queryAs(Label.class));
        assertThat(summary).hasSizeGreaterThan(5);
        for (Label l : summary) {
            String shown = fx(() -> ((javafx.scene.text.Text) l.lookup(".text")).getText().replace("\n", " "));
            assertThat(shown).as(l.getText() + " whole").isEqualTo(fx(() -> l.getText().replace("\n", " ")));
            double width = fx(() -> l.getWidth());
            assertThat(width).as("a readable column: " + l.getText()).isGreaterThan(200);
        }
        fxRun(() -> window.setFontSize(13));
    }

    @Test
    void the_summary_tab_says_how_large_gpt2_small_is_though_it_has_no_data_and_how_long_a_gpu_would_train_it() {
        fxRun(() -> window.open(sample("gpt2-small"))); // its one problem: no dataset
        clickOn("#tab-summary .tab-label");
        List<String> lines = fx(() -> lookup("#summary-scale .label").queryAllAs(Label.class).stream()
                .map(Label::getText).toList());
        assertThat(lines).first().isEqualTo("124,439,808 parameters: a large model (more than 100,000,000 parameters)");
        assertThat(lines).contains("FLOPs per token: 285M forward (1.14 × 2 × parameters), 855M to train (3 × forward)",
                "Training on 2,488,796,160 tokens (20 per parameter, the compute-optimal amount of Hoffmann et al., "
                        + "2022)");
        assertThat(lines).last().asString().startsWith("Estimated time to train on one GPU: 1.5 h (an assumption");
    }

    @Test
    void the_summary_tab_says_how_large_the_network_is_and_says_it_again_after_an_edit() throws Exception {
        fxRun(() -> window.open(sample("attention-reverse"))); // attention keeps its weights for the backward pass
        clickOn("#tab-summary .tab-label");
        var doc = editor().document();
        String first = fx(() -> ((Label) lookup("#summary-scale").queryAs(javafx.scene.layout.VBox.class)
                .getChildren().get(0)).getText());
        assertThat(first).startsWith(SummaryTable.group(fx(() -> doc.analysis().totalParams()))
                + " parameters: not a large model (");
        List<String> lines = fx(() -> lookup("#summary-scale .label").queryAllAs(Label.class).stream()
                .map(Label::getText).toList());
        assertThat(lines).anyMatch(l -> l.startsWith("FLOPs per sample: "))
                .noneMatch(l -> l.contains("--")); // the command line's options mean nothing here
        // the totals' memory is the scale lines' (both count the attention weights kept for the backward pass)
        String train = lines.stream().filter(l -> l.startsWith("Memory to train a batch")).findFirst().orElseThrow();
        String atLeast = train.replaceAll(".*: at least ([0-9.]+ [KMG]B) .*", "$1");
        assertThat(text("#summary-totals")).contains("at least " + atLeast);

        String dense = fx(() -> doc.graph().nodes().stream().filter(n -> n.type().id().equals("Dense")).findFirst()
                .orElseThrow().id());
        int units = fx(() -> doc.graph().require(dense).params().getInt("units"));
        fxRun(() -> doc.execute(org.strata.app.document.Edits.setParam(doc.graph(), dense, "units", units + 5)));
        String after = fx(() -> ((Label) lookup("#summary-scale").queryAs(javafx.scene.layout.VBox.class)
                .getChildren().get(0)).getText());
        assertThat(after).isNotEqualTo(first)
                .startsWith(SummaryTable.group(fx(() -> doc.analysis().totalParams())) + " parameters");
        // attention, but not a GPT: the Scale tab has no "this project" to start from
        clickOn("#tab-scale .tab-label");
        assertThat(fx(() -> lookup("#scale-preset-project").query().isDisabled())).isTrue();
    }
}
