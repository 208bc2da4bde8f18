package org.strata.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import javafx.scene.control.TableView;
import javafx.scene.shape.CubicCurve;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.strata.engine.project.DatasetKind;
import org.strata.engine.project.DatasetSpec;
import org.strata.engine.project.Project;
import org.strata.engine.project.ProjectFile;
import org.strata.engine.project.TrainingSettings;

/**
 * A language model in the window: its data as the next token at every position with the byte-pair merges learned,
 * the head tied to the embedding drawn on the canvas, and its evaluation per token, not as a matrix of a vocabulary.
 */
class LanguageModelWindowTest extends AppTest {
    @TempDir
    Path dir;

    private Path project() throws Exception {
        Files.writeString(dir.resolve("poems.txt"), "床前明月光，疑是地上霜。\n举头望明月，低头思故乡。\n".repeat(30),
                StandardCharsets.UTF_8);
        var d = DatasetKind.LANGUAGE_MODEL.params().defaults();
        d.set("corpus", "poems.txt").set("tokenizer", "bpe").set("vocabularySize", 30).set("context", 8)
                .set("stride", 4);
        var g = new org.strata.engine.graph.Graph();
        String[][] chain = {{"input", "Input"}, {"embedding", "Embedding"}, {"position", "PositionEmbedding"},
                {"attention", "MultiHeadAttention"}, {"head", "Dense"}, {"output", "Output"}};
        for (int i = 0; i < chain.length; i++) {
            var type = org.strata.engine.layers.LayerCatalogue.get(chain[i][1]);
            g.add(new org.strata.engine.graph.Node(chain[i][0], type, chain[i][0], type.params().defaults(),
                    40 + 280 * (i % 3), 60 + 160 * (i / 3)));
            if (i > 0) g.connect(chain[i - 1][0], chain[i][0]);
        }
        g.require("input").params().set("size", 8);
        g.require("embedding").params().set("vocabulary", 30).set("dimension", 8);
        g.require("attention").params().set("heads", 2).set("keySize", 4).set("causal", true);
        g.require("head").params().set("units", 30).set("activation", "identity").set("useBias", false)
                .set("tieEmbedding", true);
        Project p = new Project("poems", "", g, new DatasetSpec(DatasetKind.LANGUAGE_MODEL, d),
                TrainingSettings.defaults());
        p.training().set("epochs", 2);
        Path file = dir.resolve("poems.strata");
        ProjectFile.save(p, file);
        return file;
    }

    @Test
    void a_language_model_shows_its_next_tokens_its_merges_its_tied_head_and_its_accuracy_per_token()
            throws Exception {
        Path file = project();
        fxRun(() -> window.open(file));
        int ties = fx(() -> lookup("#canvas-ties .tie-link").queryAll().size());
        assertThat(ties).as("one dashed tie, embedding to head").isEqualTo(1);
        javafx.scene.Node tie = lookup("#canvas-ties .tie-link").query();
        assertThat(tie).isInstanceOf(CubicCurve.class);

        clickOn("#tab-data .tab-label");
        waitFor(60, () -> lookup("#data-rows").tryQuery().isPresent());
        assertThat(lookup("#data-summary").queryLabeled().getText())
                .contains("the next token at each of 8 positions, one of 30 tokens");
        assertThat(lookup("#data-classes").tryQuery()).as("a vocabulary's counts are in its own table").isEmpty();
        TableView<?> merges = lookup("#data-merges").queryAs(TableView.class);
        assertThat(merges.getItems()).as("30 tokens: 20 characters, <pad>, <unk> and 8 merges").hasSize(8);

        fxRun(() -> run().start());
        waitForFinalEvaluation(120);
        var ev = run().evaluationProperty().get();
        assertThat(ev.perToken()).isTrue();
        assertThat(ev.confusion()).isNull();
        clickOn("#tab-training");
        assertThat(lookup("#confusion-title").queryLabeled().getText()).contains("the next token right")
                .contains("positions").contains("perplexity");
    }

    /** @return the text the model wrote in Try it (call on the JavaFX thread) */
    private String written() {
        return ((javafx.scene.text.Text) lookup(".generated-text").query()).getText();
    }

    @Test
    void try_it_writes_on_from_a_prompt_greedily_as_the_engine_does_and_shows_the_next_token_bars()
            throws Exception {
        Path file = project();
        fxRun(() -> window.open(file));
        fxRun(() -> run().start());
        waitForFinalEvaluation(120);
        clickOn("#tab-inference .tab-label");
        waitFor(30, () -> lookup("#generate-prompt").tryQuery().isPresent());
        clickOn("#generate-prompt").write("床前");
        fxRun(() -> {
            lookup("#generate-temperature").queryAs(javafx.scene.control.Slider.class).setValue(0);
            lookup("#generate-tokens").queryAs(javafx.scene.control.Spinner.class).getValueFactory().setValue(6);
        });
        clickOn("#generate-run");
        waitFor(60, () -> lookup("#generate-chosen").tryQuery().isPresent() && written().length() >= 6);
        String written = fx(this::written);
        var model = fx(() -> run().network().orElseThrow()).snapshot().get();
        var greedy = org.strata.engine.generate.Generator.of(model).generate("床前", 6,
                org.strata.engine.generate.Sampling.GREEDY);
        waitFor(30, () -> written().equals(greedy.text()));
        assertThat(lookup("#generate-bars .progress-bar").queryAll()).hasSizeBetween(1, 10);
        assertThat(lookup(".generate-drawn").queryAll().stream().map(n -> ((javafx.scene.control.Label) n).getText()))
                .as("greedy: the top token's chance in the draw is all of it").contains("\u2192 100.0%");

        clickOn("#generate-one");
        waitFor(30, () -> written().length() > written.length());
        assertThat(fx(this::written))
                .isEqualTo(org.strata.engine.generate.Generator.of(model).generate("床前", 7,
                        org.strata.engine.generate.Sampling.GREEDY).text()).as("greedy, one more token");
        assertThat(lookup("#generate-attention .attention-chip").queryAll()).as("the head's weights over the context")
                .isNotEmpty();
        String chooser = fx(() -> String.valueOf(lookup("#generate-head").queryAs(javafx.scene.control.ComboBox.class)
                .getValue()));
        assertThat(chooser).as("the layer's name and the head's number, as a reader says them").isEqualTo(
                "attention, head 1");

        // the Layers tab looks at what was written: attention and hidden states over its tokens
        String all = "床前" + fx(this::written);
        waitFor(30, () -> run().typedProperty().get() != null && run().typedProperty().get().text().equals(all));
        float[] raw = fx(() -> run().typedProperty().get().raw());
        var encoding = model.text().orElseThrow();
        int[] ids = encoding.ids(all);
        assertThat(raw[0]).as("the window: the last T tokens written").isEqualTo(
                (float) ids[ids.length - Math.min(ids.length, encoding.length())]);
        clickOn("#tab-layers .tab-label");
        String says = org.strata.app.i18n.Messages.get("layers.typedSample");
        waitFor(30, () -> lookup(n -> n instanceof javafx.scene.control.Labeled l && says.equals(l.getText()))
                .tryQuery().isPresent());
    }

    @Test
    void while_it_trains_the_model_writes_a_line_again_every_few_seconds() throws Exception {
        Path file = project();
        fxRun(() -> window.open(file));
        fxRun(() -> {
            editor().document().project().training().set("epochs", 500).set("earlyStopping", false);
            run().start();
        });
        clickOn("#tab-inference .tab-label");
        waitFor(60, () -> !run().writing().liveProperty().get().isEmpty());
        waitFor(30, () -> lookup("#generate-live").tryQuery().isPresent());
        String live = fx(() -> lookup("#generate-live").queryLabeled().getText());
        assertThat(live).startsWith("While it trains, the model writes now:").contains("\n").doesNotContain("\\n")
                .as("its lines as lines, not escaped");
        assertThat(fx(() -> lookup("#generate-live").query().isVisible())).isTrue();
        fxRun(() -> run().stop());
        waitFor(30, () -> !run().isActive());
        waitFor(10, () -> lookup("#generate-live").queryLabeled().getText().isEmpty());
        assertThat(fx(() -> lookup("#generate-live").query().isVisible())).as("no stale 'writes now' after the run")
                .isFalse();
    }

    @Test
    void the_live_line_shows_the_text_s_lines_without_empty_ones_and_escapes_control_characters() {
        assertThat(org.strata.app.training.Writing.asLines("床前明月光，\n\n疑是地上霜。\n"))
                .isEqualTo("\n床前明月光，\n疑是地上霜。");
        assertThat(org.strata.app.training.Writing.asLines("a\u0007b")).doesNotContain("\u0007");
    }
}
