package org.strata.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.strata.app.training.SequenceInside;
import org.strata.app.training.view.SequenceInsideView;
import org.strata.engine.train.TrainingState;

/** The Layers tab while a sequence network learns: a recurrent layer's memory over the steps, attention's weights. */
class SequenceViewsTest extends AppTest {
    private List<SequenceInside.Matrix> shown() {
        return lookup("#sequence-inside").tryQueryAs(SequenceInsideView.class)
                .filter(v -> v.getParent() != null).map(SequenceInsideView::shown).orElse(List.of());
    }

    /** Starts a long run of {@code sample} and opens the Layers tab on {@code node} once it has learnt a little. */
    private void runAndLookAt(String sample, String node) throws Exception {
        fxRun(() -> window.open(sample(sample)));
        fxRun(() -> {
            editor().document().project().training().set("epochs", 500); // still running while the test looks
            run().start();
        });
        waitFor(90, () -> run().curves().layers().of(node).size() >= 2);
        clickOn("#tab-layers");
        clickOn("#node-" + node);
        waitFor(30, () -> !shown().isEmpty());
    }

    /** The tokens of the sample the Layers tab shows, read back from its token numbers. */
    private List<String> sampleTokens() {
        return fx(() -> {
            var split = run().sampleSplit();
            float[] raw = new float[split.featureSize()];
            split.rawFeatures(0, raw, 0);
            var tokens = run().dataset().text().orElseThrow().vocabulary().tokens();
            List<String> out = new ArrayList<>();
            for (float v : raw) out.add(v == 0 ? "·" : tokens.get((int) v));
            return out;
        });
    }

    @Test
    void a_running_gru_shows_its_memory_after_each_letter_of_the_sample() throws Exception {
        runAndLookAt("which-language", "gru");
        SequenceInside.Matrix m = fx(() -> shown().get(0));
        assertThat(m.rows()).as("a row per unit").isEqualTo(64);
        assertThat(m.cols()).as("a column per letter").isEqualTo(12);
        assertThat(m.colLabels()).isEqualTo(sampleTokens());
        assertThat(m.weights()).isFalse();
        assertThat(lookup("#layer-activation-caption").queryLabeled().getText()).contains("12 steps");
        assertThat(fx(() -> run().phase())).isEqualTo(TrainingState.RUNNING);
        // the memory moves: some unit is not zero after the first letter
        float first = 0;
        for (int u = 0; u < 64; u++) first = Math.max(first, Math.abs(m.values()[u * 12]));
        assertThat(first).isPositive();
        fxRun(() -> run().stop());
        waitFor(30, () -> !run().isActive());
    }

    @Test
    void a_word_typed_in_try_it_is_what_the_layers_tab_looks_inside() throws Exception {
        fxRun(() -> window.open(sample("which-language")));
        fxRun(() -> {
            editor().document().project().training().set("epochs", 1);
            run().start();
        });
        waitFor(90, () -> run().phase() == TrainingState.FINISHED);
        clickOn("#tab-inference .tab-label");
        clickOn("#inference-text");
        write("haus");
        clickOn("#tab-layers .tab-label");
        clickOn("#node-gru");
        List<String> haus = List.of("h", "a", "u", "s", "·", "·", "·", "·", "·", "·", "·", "·");
        waitFor(30, () -> !shown().isEmpty() && shown().get(0).colLabels().equals(haus));
        assertThat(lookup("#layer-typed").queryAs(javafx.scene.control.CheckBox.class).isSelected()).isTrue();
        assertThat(lookup("#layer-sample-label").queryLabeled().getText()).contains("typed in Try it");
        // unticked, the held-out sample is back
        List<String> held = sampleTokens();
        clickOn("#layer-typed");
        waitFor(30, () -> !shown().isEmpty() && shown().get(0).colLabels().equals(held));
    }

    @Test
    void a_running_transformer_shows_where_each_head_looks_with_the_digits_as_labels() throws Exception {
        runAndLookAt("attention-reverse", "attention");
        List<SequenceInside.Matrix> heads = fx(this::shown);
        assertThat(heads).hasSize(2);
        List<String> digits = fx(() -> {
            var split = run().sampleSplit();
            float[] raw = new float[8];
            split.rawFeatures(0, raw, 0);
            List<String> out = new ArrayList<>();
            for (float v : raw) out.add(Integer.toString((int) v));
            return out;
        });
        for (SequenceInside.Matrix head : heads) {
            assertThat(head.rows()).isEqualTo(8);
            assertThat(head.cols()).isEqualTo(8);
            assertThat(head.rowLabels()).isEqualTo(digits);
            assertThat(head.weights()).isTrue();
            for (int t = 0; t < 8; t++) {
                double sum = 0;
                for (int u = 0; u < 8; u++) sum += head.values()[t * 8 + u];
                assertThat(sum).isCloseTo(1.0, org.assertj.core.data.Offset.offset(1e-4));
            }
        }
        assertThat(lookup("#layer-activation-caption").queryLabeled().getText()).contains("2 heads");
        assertThat(fx(() -> run().phase())).isEqualTo(TrainingState.RUNNING);
        fxRun(() -> run().stop());
        waitFor(30, () -> !run().isActive());
    }
}
