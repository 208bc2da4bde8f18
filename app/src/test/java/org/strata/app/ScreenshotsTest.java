package org.strata.app;

import org.strata.engine.train.TrainingState;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import javafx.embed.swing.SwingFXUtils;
import javafx.scene.image.WritableImage;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Writes the pictures of the README and the user guide (docs/): a documentation tool, run by
 * {@code mvn -B -Pscreenshots -pl app -am verify} (into {@code app/docs/screenshots}), never by the test run.
 * Run by hand without the profile's {@code -Dstrata.screenshots=DIR}, it skips itself.
 */
class ScreenshotsTest extends AppTest {
    private Path out;

    @org.junit.jupiter.api.BeforeEach
    void outputFolder() throws Exception {
        String dir = System.getProperty("strata.screenshots");
        assumeTrue(dir != null, "set -Dstrata.screenshots=DIR to write screenshots");
        out = Path.of(dir).toAbsolutePath();
        Files.createDirectories(out);
        // a common laptop screen (and a classroom projector's): what most users and every class see
        fxRun(() -> {
            window.stage().setWidth(1366);
            window.stage().setHeight(768);
        });
    }

    @Test
    void training_mid_run_at_the_projector_size_in_both_themes_and_languages() throws Exception {
        // The spirals learning at a pace a class can follow, at the projector's text size.
        fxRun(() -> window.setFontSize(20));
        fxRun(() -> window.open(sample("spirals")));
        fxRun(() -> {
            run().setPace(30);
            run().start();
        });
        waitFor(60, () -> run().phase() == TrainingState.RUNNING);
        Thread.sleep(5000);
        snap("training-projector-light-en.png");
        fxRun(() -> window.setLanguage(Locale.SIMPLIFIED_CHINESE));
        setDark(true);
        Thread.sleep(3000);
        snap("training-projector-dark-zh.png");
        fxRun(() -> run().stop());
        waitFor(30, () -> !run().isActive());
        setDark(false);
        fxRun(() -> window.setLanguage(Locale.ENGLISH));
        fxRun(() -> window.setFontSize(13));
    }

    @Test
    void a_gbk_file_named_in_chinese_then_read_in_its_encoding_at_the_projector_size(
            @org.junit.jupiter.api.io.TempDir Path dir) throws Exception {
        // what Excel on a Chinese Windows saves as "CSV": the Problems list names line and column, the setting reads it
        StringBuilder csv = new StringBuilder("\u9ad8,\u5bbd,\u79cd\u7c7b\n"); // 高,宽,种类
        for (int i = 0; i < 30; i++) {
            csv.append(i % 5 + 1).append(',').append(i % 3 + 1).append(',').append(i % 2 == 0 ? "\u72d7" : "\u732b")
                    .append('\n');
        }
        Files.write(dir.resolve("animals.csv"), csv.toString().getBytes(java.nio.charset.Charset.forName("GBK")));
        fxRun(() -> window.setLanguage(Locale.SIMPLIFIED_CHINESE));
        fxRun(() -> window.setFontSize(20));
        fxRun(() -> window.openBlank());
        var doc = editor().document();
        fxRun(() -> {
            doc.project().setFile(dir.resolve("animals.strata"));
            var spec = org.strata.engine.project.DatasetSpec.of(org.strata.engine.project.DatasetKind.CSV);
            spec.params().set("path", "animals.csv").set("labelColumn", "\u79cd\u7c7b");
            doc.execute(org.strata.app.document.Edits.setDataset(doc.project(), spec, "path"));
            doc.selection().clear();
        });
        Thread.sleep(1500);
        scrollIntoView("#param-encoding");
        snap("encoding-refused-projector-zh.png");
        fxRun(() -> {
            @SuppressWarnings("unchecked")
            javafx.scene.control.ComboBox<String> encoding = lookup("#param-encoding")
                    .queryAs(javafx.scene.control.ComboBox.class);
            encoding.setValue("GBK");
        });
        Thread.sleep(1500);
        scrollIntoView("#param-encoding");
        snap("encoding-gbk-projector-zh.png");
        fxRun(() -> window.setFontSize(13));
        fxRun(() -> window.setLanguage(Locale.ENGLISH));
    }

    @Test
    void class_names_with_control_characters_show_them_visibly_at_the_projector_size(
            @org.junit.jupiter.api.io.TempDir Path dir) throws Exception {
        // a label that would retitle a terminal and reverse the text after it: the confusion matrix shows its escapes
        Path iris = sample("iris");
        Files.writeString(dir.resolve("iris.strata"), Files.readString(iris));
        Files.writeString(dir.resolve("iris.csv"), Files.readString(iris.resolveSibling("iris.csv"))
                .replace("setosa", "se\u001b]0;owned\u0007tosa\u202e"));
        fxRun(() -> window.setFontSize(20));
        fxRun(() -> window.open(dir.resolve("iris.strata")));
        trainUnsaved(20);
        waitForFinalEvaluation(120);
        clickOn("#tab-training .tab-label");
        scrollIntoView("#confusion-0-0");
        snap("confusion-control-characters-projector-en.png");
        fxRun(() -> window.setFontSize(13));
    }

    /** Trains the open project for {@code epochs} and waits for the run to end. */
    private void train(int epochs) throws Exception {
        fxRun(() -> window.editor().orElseThrow().document().execute(org.strata.app.document.Edits.setTraining(
                window.editor().orElseThrow().document().project(), "epochs", epochs)));
        startAndWait();
    }

    private void startAndWait() throws Exception {
        fxRun(() -> window.run().orElseThrow().start());
        WaitForAsyncUtils.waitFor(300, java.util.concurrent.TimeUnit.SECONDS,
                () -> fx(() -> !window.run().orElseThrow().isActive()));
    }

    /** As {@link #train}, without an edit to save: another project can be opened after it without a dialog. */
    private void trainUnsaved(int epochs) throws Exception {
        fxRun(() -> window.editor().orElseThrow().document().project().training().set("epochs", epochs));
        startAndWait();
    }

    @Test
    void editor_in_both_themes_and_languages() throws Exception {
        fxRun(() -> window.open(sample("mnist-cnn")));
        Thread.sleep(300);
        for (boolean dark : new boolean[]{false, true}) {
            for (Locale l : new Locale[]{Locale.ENGLISH, Locale.SIMPLIFIED_CHINESE}) {
                fxRun(() -> {
                    window.setLanguage(l);
                });
                fxRun(() -> window.editor().orElseThrow().document().selection().set(java.util.List.of("conv1")));
                setDark(dark);
                snap("main-window-" + (dark ? "dark" : "light") + "-" + l.getLanguage() + ".png");
            }
        }
        // A classroom projector: English, light, the largest text size, the project's settings in the inspector.
        fxRun(() -> window.setLanguage(Locale.ENGLISH));
        setDark(false);
        fxRun(() -> window.setFontSize(20));
        fxRun(() -> window.editor().orElseThrow().document().selection().clear());
        snap("main-window-projector.png");
        fxRun(() -> window.setFontSize(13));
        fxRun(() -> window.newProject());
        snap("start-page.png");
    }

    @Test
    void training() throws Exception {
        // Training: the spirals sample after its run, with the loss curves in the dock.
        fxRun(() -> window.open(sample("spirals")));
        fxRun(() -> window.run().orElseThrow().start());
        WaitForAsyncUtils.waitFor(180, java.util.concurrent.TimeUnit.SECONDS,
                () -> fx(() -> !window.run().orElseThrow().isActive()));
        snap("training.png");
    }

    @Test
    void training_in_chinese() throws Exception {
        // What a Chinese-reading student sees while the seed MLP trains, and once stopped: the status line included.
        fxRun(() -> window.setLanguage(Locale.SIMPLIFIED_CHINESE));
        fxRun(() -> window.open(sample("mnist-mlp")));
        fxRun(() -> window.editor().orElseThrow().document().execute(org.strata.app.document.Edits.setTraining(
                window.editor().orElseThrow().document().project(), "epochs", 50)));
        fxRun(() -> window.run().orElseThrow().start());
        WaitForAsyncUtils.waitFor(60, java.util.concurrent.TimeUnit.SECONDS, () -> fx(() -> window.run()
                .orElseThrow().phase() == org.strata.engine.train.TrainingState.RUNNING));
        Thread.sleep(3000);
        snap("training-running-zh.png");
        fxRun(() -> window.run().orElseThrow().stop());
        WaitForAsyncUtils.waitFor(60, java.util.concurrent.TimeUnit.SECONDS,
                () -> fx(() -> !window.run().orElseThrow().isActive()));
        snap("training-stopped-zh.png");
        fxRun(() -> window.setLanguage(Locale.ENGLISH));
    }

    @Test
    void training_failure_in_chinese(@org.junit.jupiter.api.io.TempDir Path dir) throws Exception {
        // A project whose CSV is not where it says: the dialog a Chinese-reading student gets.
        Path project = dir.resolve("iris.strata");
        Files.writeString(project, Files.readString(sample("iris")));
        fxRun(() -> window.setLanguage(Locale.SIMPLIFIED_CHINESE));
        fxRun(() -> window.setFontSize(20)); // a dialog takes the window's text size
        fxRun(() -> window.open(project));
        fxRun(() -> window.run().orElseThrow().start());
        WaitForAsyncUtils.waitFor(60, java.util.concurrent.TimeUnit.SECONDS, () -> fx(() -> window.run()
                .orElseThrow().phase() == org.strata.engine.train.TrainingState.FAILED));
        Thread.sleep(500);
        javafx.scene.control.DialogPane dialog = lookup("#training-error").queryAs(
                javafx.scene.control.DialogPane.class);
        WritableImage image = fx(() -> dialog.getScene().getRoot().snapshot(null, null));
        ImageIO.write(SwingFXUtils.fromFXImage(image, null), "png", out.resolve("training-failure-zh.png").toFile());
        clickOn("#training-error .button");
        fxRun(() -> window.setFontSize(13));
        fxRun(() -> window.setLanguage(Locale.ENGLISH));
    }

    @Test
    void data_and_network_mismatch_listed_with_its_fixes() throws Exception {
        // Iris with the seed MLP's Input and output: what Problems says before anyone presses Train.
        for (Locale l : new Locale[]{Locale.ENGLISH, Locale.SIMPLIFIED_CHINESE}) {
            fxRun(() -> window.setLanguage(l));
            fxRun(() -> window.setFontSize(20));
            fxRun(() -> window.open(sample("iris")));
            var doc = editor().document();
            waitFor(20, () -> doc.data().isPresent());
            fxRun(() -> {
                String input = doc.graph().inputNodes().get(0).id();
                doc.execute(org.strata.app.document.Edits.setParam(doc.graph(), input, "size", 784));
                String last = doc.analysis().order().stream().filter(id -> doc.graph().require(id).type().id()
                        .equals("Dense")).reduce((a, b) -> b).orElseThrow();
                doc.execute(org.strata.app.document.Edits.setParam(doc.graph(), last, "units", 10));
                doc.selection().set(java.util.List.of(input));
            });
            Thread.sleep(500);
            snap("problems-data-" + l.getLanguage() + ".png");
            fxRun(() -> {
                doc.undo();
                doc.undo();
            });
        }
        fxRun(() -> window.setFontSize(13));
        fxRun(() -> window.setLanguage(Locale.ENGLISH));
    }

    @Test
    void layers_at_the_projector_size() throws Exception {
        // What a class reads in the Layers tab: a hidden layer's 128 values as a crisp heat map (the seed MLP) and
        // XOR's tanh layer as bars on both sides of zero, in English and Chinese.
        fxRun(() -> window.setFontSize(20));
        fxRun(() -> window.open(sample("mnist-mlp")));
        trainUnsaved(1);
        clickOn("#tab-layers .tab-label");
        fxRun(() -> window.editor().orElseThrow().document().selection().set(java.util.List.of("dense1")));
        Thread.sleep(1500);
        snap("layers-heatmap-projector-en.png");
        fxRun(() -> window.open(sample("xor")));
        trainUnsaved(40);
        clickOn("#tab-layers .tab-label");
        fxRun(() -> window.editor().orElseThrow().document().selection().set(java.util.List.of("hidden")));
        Thread.sleep(1500);
        snap("layers-bars-projector-en.png");
        fxRun(() -> window.setLanguage(Locale.SIMPLIFIED_CHINESE));
        Thread.sleep(1500);
        snap("layers-bars-projector-zh.png");
        fxRun(() -> window.setLanguage(Locale.ENGLISH));
        fxRun(() -> window.setFontSize(13));
    }

    @Test
    void start_page_and_project_settings_in_chinese_at_the_projector_size() throws Exception {
        fxRun(() -> window.setLanguage(Locale.SIMPLIFIED_CHINESE));
        fxRun(() -> window.setFontSize(20));
        fxRun(() -> window.newProject());
        Thread.sleep(500);
        snap("start-projector-zh.png");
        fxRun(() -> window.open(sample("spirals")));
        fxRun(() -> editor().document().selection().clear());
        Thread.sleep(500);
        scrollIntoView("#param-normalization");
        snap("settings-projector-zh.png");
        fxRun(() -> window.setFontSize(13));
        fxRun(() -> window.setLanguage(Locale.ENGLISH));
    }

    @Test
    void try_it_on_the_plane() throws Exception {
        fxRun(() -> window.open(sample("xor")));
        trainUnsaved(300);
        clickOn("#tab-inference .tab-label");
        var plane = lookup("#inference-plane .boundary-canvas").query();
        var b = fx(() -> plane.localToScreen(plane.getBoundsInLocal()));
        clickOn(new javafx.geometry.Point2D(b.getMinX() + 0.75 * b.getWidth(), b.getMinY() + 0.3 * b.getHeight()));
        Thread.sleep(800);
        snap("try-it-plane.png");
    }

    @Test
    void try_it_reading_a_word_in_both_languages() throws Exception {
        fxRun(() -> window.open(sample("which-language")));
        trainUnsaved(6);
        clickOn("#tab-inference .tab-label");
        snapEachLanguage("try-it-word-", () -> {
            var typed = lookup("#inference-text").queryTextInputControl();
            fxRun(() -> typed.setText("schmetterling"));
            waitFor(30, () -> lookup("#inference-steps .inference-step-best").queryAll().size() == 12);
        });
    }

    /** Gives the dock the lower half of the window, as a teacher showing the Layers tab would. */
    private void tallDock() {
        tallDock(0.42);
    }

    /** Gives the dock the window below {@code at} (a fraction of the height). */
    private void tallDock(double at) {
        fxRun(() -> lookup(".split-pane").queryAllAs(javafx.scene.control.SplitPane.class).stream()
                .filter(p -> p.getOrientation() == javafx.geometry.Orientation.VERTICAL && p.getItems().size() == 2
                        && p.getItems().get(1) instanceof javafx.scene.control.TabPane)
                .forEach(p -> p.setDividerPositions(at)));
    }

    @Test
    void a_gru_s_memory_and_attention_s_weights_in_both_languages() throws Exception {
        fxRun(() -> window.open(sample("which-language")));
        trainUnsaved(3);
        clickOn("#tab-layers .tab-label");
        tallDock();
        clickOn("#node-gru");
        waitFor(30, () -> lookup("#sequence-inside").tryQuery().map(n -> n.getParent() != null).orElse(false));
        snapEachLanguage("gru-memory-", () -> Thread.sleep(800)); // the views ask the network again
        fxRun(() -> window.open(sample("attention-reverse")));
        trainUnsaved(10);
        clickOn("#tab-layers .tab-label");
        tallDock();
        clickOn("#node-attention");
        waitFor(30, () -> lookup("#sequence-inside").tryQuery().map(n -> n.getParent() != null).orElse(false));
        snapEachLanguage("attention-weights-", () -> Thread.sleep(800));
    }

    @Test
    void the_scale_view_of_gpt2_small_in_both_themes_and_languages() throws Exception {
        // GPT-2 small on the sliders (the open project's sizes): its memory against this machine's, in every look
        fxRun(() -> window.open(sample("gpt2-small")));
        clickOn("#tab-scale .tab-label");
        tallDock();
        waitFor(180, () -> !lookup("#scale-time-here").queryLabeled().getText().contains("\u2026"));
        Object[][] looks = {{Locale.ENGLISH, false, "scale-light-en.png"}, {Locale.ENGLISH, true, "scale-dark-en.png"},
                {Locale.SIMPLIFIED_CHINESE, false, "scale-light-zh.png"},
                {Locale.SIMPLIFIED_CHINESE, true, "scale-dark-zh.png"}};
        for (Object[] look : looks) {
            fxRun(() -> window.setLanguage((Locale) look[0]));
            setDark((Boolean) look[1]);
            Thread.sleep(600); // the curve is drawn once its slider rests
            snap((String) look[2]);
        }
        setDark(false);
        fxRun(() -> window.setLanguage(Locale.ENGLISH));
    }

    @Test
    void step_through_backpropagation_in_both_languages() throws Exception {
        fxRun(() -> window.open(sample("xor")));
        clickOn("#tool-train-stepThrough");
        waitFor(120, () -> run().stepThrough().trace().isPresent());
        tallDock();
        fxRun(() -> run().stepThrough().setSample(2));
        fxRun(() -> run().stepThrough().setUnit(1));
        Step ready = () -> {
            tallDock();
            Thread.sleep(200);
            fxRun(() -> window.editor().orElseThrow().canvas().fitToWindow());
        };
        snapEachLanguage("step-forward-", ready);
        fxRun(() -> run().stepThrough().goTo(2));
        snapEachLanguage("step-loss-", ready);
        fxRun(() -> run().stepThrough().goTo(4));
        fxRun(() -> run().stepThrough().setWeight("W", 3));
        snapEachLanguage("step-backward-", ready);
        fxRun(() -> run().stepThrough().goTo(5));
        snapEachLanguage("step-update-", ready);
        fxRun(() -> run().stepThrough().exit());
        fxRun(() -> run().stop());
        waitFor(30, () -> !run().isActive());
    }

    @Test
    void step_through_a_cnn_at_the_projector_size() throws Exception {
        fxRun(() -> window.setFontSize(20));
        fxRun(() -> window.open(sample("mnist-cnn")));
        clickOn("#tool-train-stepThrough");
        waitFor(120, () -> run().stepThrough().trace().isPresent());
        fxRun(() -> run().stepThrough().goTo(run().stepThrough().phases().size() - 2)); // back through conv1
        Thread.sleep(300);
        fxRun(() -> lookup("#step-view .scroll-pane").queryAs(javafx.scene.control.ScrollPane.class).setVvalue(1));
        Thread.sleep(300);
        snap("step-cnn-projector-en.png");
        fxRun(() -> run().stepThrough().exit());
        fxRun(() -> run().stop());
        waitFor(30, () -> !run().isActive());
        fxRun(() -> window.setFontSize(13));
    }

    @Test
    void the_loss_surface_of_a_line_in_both_languages() throws Exception {
        fxRun(() -> window.open(sample("linear-regression")));
        trainUnsaved(30);
        clickOn("#tab-surface .tab-label");
        tallDock();
        waitFor(60, () -> run().surface().grid().isPresent());
        snapEachLanguage("loss-surface-", () -> {
            clickOn("#tab-surface .tab-label");
            tallDock();
            Thread.sleep(800); // the network's answer across the data
        });
    }

    @Test
    void lessons_in_both_languages() throws Exception {
        snapEachLanguage("start-lessons-", () -> waitFor(30, () -> lookup("#lesson-backprop").tryQuery().isPresent()));
        fxRun(() -> window.startLesson(org.strata.app.lessons.Lessons.of("backprop").orElseThrow()));
        waitFor(30, () -> window.lessons().lesson().isPresent() && window.editor().isPresent());
        clickOn("#tool-train-stepThrough");
        waitFor(120, () -> window.lessons().step() == 1);
        snapEachLanguage("lesson-backprop-", () -> waitFor(30, () -> lookup("#lesson-text").tryQuery().isPresent()));
        fxRun(() -> window.lessons().close());
        fxRun(() -> run().stepThrough().exit());
        fxRun(() -> run().stop());
        waitFor(30, () -> !run().isActive());
    }

    /** Try it writes from {@code prompt} and shows the bars and the first head's weights over the context. */
    private void writeALine(String prompt) throws Exception {
        clickOn("#tab-inference .tab-label");
        tallDock(0.38); // the ten bars below the settings
        waitFor(60, () -> lookup("#generate-run").tryQuery().isPresent());
        fxRun(() -> {
            lookup("#generate-prompt").queryAs(javafx.scene.control.TextField.class).setText(prompt);
            lookup("#generate-tokens").queryAs(javafx.scene.control.Spinner.class).getValueFactory().setValue(24);
        });
        clickOn("#generate-run");
        waitFor(60, () -> !lookup("#generate-attention .attention-chip").queryAll().isEmpty());
    }

    @Test
    void the_gpt_lesson_and_try_it_writing_tang_poems_in_both_themes_and_languages() throws Exception {
        // the lesson at its attention step, over Try it with a line written: the bars and one head's weights
        fxRun(() -> window.startLesson(org.strata.app.lessons.Lessons.of("gpt").orElseThrow()));
        waitFor(30, () -> window.lessons().lesson().isPresent() && window.editor().isPresent());
        clickOn("#tab-data .tab-label");
        clickOn("#node-embedding");
        waitFor(30, () -> window.lessons().step() == 2);
        trainUnsaved(12);
        writeALine("");
        clickOn("#generate-one");
        waitFor(60, () -> window.lessons().step() == 4);
        Object[][] looks = {{Locale.ENGLISH, false, "light-en.png"}, {Locale.ENGLISH, true, "dark-en.png"},
                {Locale.SIMPLIFIED_CHINESE, false, "light-zh.png"}, {Locale.SIMPLIFIED_CHINESE, true, "dark-zh.png"}};
        for (Object[] look : looks) {
            fxRun(() -> window.setLanguage((Locale) look[0]));
            setDark((Boolean) look[1]);
            writeALine("");
            snap("lesson-gpt-" + look[2]);
        }
        fxRun(() -> window.lessons().close());
        // the panel alone, from the first character of a line
        for (Object[] look : looks) {
            fxRun(() -> window.setLanguage((Locale) look[0]));
            setDark((Boolean) look[1]);
            writeALine("春");
            snap("generate-" + look[2]);
        }
        setDark(false);
        fxRun(() -> window.setLanguage(Locale.ENGLISH));
    }

    @Test
    void the_data_tab_before_training_in_both_languages() throws Exception {
        fxRun(() -> window.open(sample("which-language")));
        clickOn("#tab-data .tab-label");
        tallDock();
        waitFor(60, () -> lookup("#data-rows").tryQuery().isPresent());
        snapEachLanguage("data-text-", () -> {
            clickOn("#tab-data .tab-label");
            waitFor(60, () -> lookup("#data-rows").tryQuery().isPresent());
        });
        fxRun(() -> window.open(sample("mnist-cnn")));
        clickOn("#tab-data .tab-label");
        waitFor(60, () -> lookup("#data-pictures").tryQuery().isPresent());
        Thread.sleep(300);
        snap("data-images.png");
        fxRun(() -> window.open(sample("forecast-signal")));
        clickOn("#tab-data .tab-label");
        waitFor(60, () -> lookup("#data-series").tryQuery().isPresent());
        Thread.sleep(300);
        snap("data-series.png");
    }

    @Test
    void help_windows() throws Exception {
        fxRun(() -> window.open(sample("xor")));
        for (String[] w : new String[][]{{"menu-help-reference", "#layer-reference", "help-reference.png"},
                {"menu-help-shortcuts", "#shortcuts", "help-shortcuts.png"}}) {
            fxRun(() -> menuItem(w[0]).fire());
            Thread.sleep(500);
            javafx.stage.Window help = fx(() -> javafx.stage.Window.getWindows().stream()
                    .filter(x -> x.getScene() != null && x.getScene().lookup(w[1]) != null).findFirst().orElseThrow());
            WritableImage img = fx(() -> help.getScene().getRoot().snapshot(null, null));
            ImageIO.write(SwingFXUtils.fromFXImage(img, null), "png", out.resolve(w[2]).toFile());
            fxRun(help::hide);
        }
    }

    @Test
    void a_transformer_block_with_its_sequence_layers_in_both_languages() throws Exception {
        // The benchmark's 2-block transformer encoder: attention, Dense per step, LayerNorm; the palette scrolled to
        // the sequence layers, the attention node's settings in the inspector; then trained one epoch.
        fxRun(() -> window.open(Path.of("../bench/networks/mnist-transformer.strata")));
        Thread.sleep(300);
        fxRun(() -> window.editor().orElseThrow().document().selection().set(java.util.List.of("attention1")));
        snapInBothLanguages("#palette-MultiHeadAttention", "transformer-");
        trainUnsaved(1);
        snapLayersTab("transformer-layers.png");
    }

    @Test
    void a_gru_reading_both_ways_in_both_languages() throws Exception {
        // The benchmark's GRU over MNIST rows made bidirectional as a user would tick it: 256 wide after it, the
        // inspector's Bidirectional box; then one epoch and its Layers tab.
        fxRun(() -> window.open(Path.of("../bench/networks/mnist-gru.strata")));
        fxRun(() -> editor().document().execute(org.strata.app.document.Edits.setParam(
                editor().document().project().graph(), "gru", "bidirectional", true)));
        fxRun(() -> editor().document().selection().set(java.util.List.of("gru")));
        snapInBothLanguages("#palette-GRU", "gru-bidirectional-");
        train(1);
        snapLayersTab("gru-bidirectional-layers.png");
    }

    @Test
    void a_conv1d_network_in_chinese_and_its_layers() throws Exception {
        // The benchmark's Conv1D network over MNIST rows, its first convolution selected, in Chinese; then one epoch
        // and the Layers tab on that convolution.
        fxRun(() -> window.open(Path.of("../bench/networks/mnist-conv1d.strata")));
        fxRun(() -> editor().document().selection().set(java.util.List.of("conv1")));
        fxRun(() -> window.setLanguage(Locale.SIMPLIFIED_CHINESE));
        scrollIntoView("#palette-Conv1D");
        snap("conv1d-zh.png");
        fxRun(() -> window.setLanguage(Locale.ENGLISH));
        trainUnsaved(1);
        snapLayersTab("conv1d-layers.png");
    }

    @Test
    void depthwise_and_transposed_convolutions_in_both_languages() throws Exception {
        // The seed CNN with its first pool swapped for a strided DepthwiseConv2D and a ConvTranspose2D that doubles
        // the second convolution's map, edited as commands; the transposed convolution's feature maps after one epoch.
        fxRun(() -> window.open(sample("mnist-cnn")));
        fxRun(() -> {
            var doc = editor().document();
            var g = doc.project().graph();
            var dwType = org.strata.engine.layers.LayerCatalogue.get("DepthwiseConv2D");
            var dw = new org.strata.engine.graph.Node("dw", dwType, "depthwise", dwType.params().defaults()
                    .set("stride", new int[]{2, 2}).set("padding", "same").set("activation", "relu"), 600, 40);
            var upType = org.strata.engine.layers.LayerCatalogue.get("ConvTranspose2D");
            var up = new org.strata.engine.graph.Node("up", upType, "up", upType.params().defaults()
                    .set("filters", 16).set("kernel", new int[]{2, 2}).set("stride", new int[]{2, 2})
                    .set("activation", "relu"), 180, 200);
            doc.execute(org.strata.app.document.Edits.remove(g, java.util.List.of("pool1"), java.util.List.of()));
            doc.execute(org.strata.app.document.Edits.disconnect(g, edge("conv2", "pool2")));
            doc.execute(org.strata.app.document.Edits.addNodes(g, java.util.List.of(dw, up), java.util.List.of(),
                    "add"));
            doc.execute(org.strata.app.document.Edits.connect(g, edge("conv1", "dw")));
            doc.execute(org.strata.app.document.Edits.connect(g, edge("dw", "conv2")));
            doc.execute(org.strata.app.document.Edits.connect(g, edge("conv2", "up")));
            doc.execute(org.strata.app.document.Edits.connect(g, edge("up", "pool2")));
            doc.selection().set(java.util.List.of("up"));
        });
        snapInBothLanguages("#palette-ConvTranspose2D", "depthwise-transposed-");
        train(1);
        snapLayersTab("depthwise-transposed-layers.png");
    }

    /** The window in English and in Chinese, the palette scrolled to {@code paletteEntry}: NAMEen.png, NAMEzh.png. */
    private void snapInBothLanguages(String paletteEntry, String name) throws Exception {
        for (Locale l : new Locale[]{Locale.ENGLISH, Locale.SIMPLIFIED_CHINESE}) {
            fxRun(() -> window.setLanguage(l));
            scrollIntoView(paletteEntry);
            snap(name + l.getLanguage() + ".png");
        }
        fxRun(() -> window.setLanguage(Locale.ENGLISH));
    }

    /** What to do after a language switch before the picture is taken (wait for a view, type again…). */
    private interface Step {
        void run() throws Exception;
    }

    /** The window in English and in Chinese, {@code ready} done after each switch: NAMEen.png, NAMEzh.png. */
    private void snapEachLanguage(String name, Step ready) throws Exception {
        for (Locale l : new Locale[]{Locale.ENGLISH, Locale.SIMPLIFIED_CHINESE}) {
            fxRun(() -> window.setLanguage(l));
            ready.run();
            Thread.sleep(300);
            snap(name + l.getLanguage() + ".png");
        }
        fxRun(() -> window.setLanguage(Locale.ENGLISH));
    }

    /** The Layers tab, once its views have asked the network for the selected layer's values. */
    private void snapLayersTab(String name) throws Exception {
        clickOn("#tab-layers .tab-label");
        Thread.sleep(1100);
        snap(name);
    }

    private static org.strata.engine.graph.Edge edge(String from, String to) {
        return new org.strata.engine.graph.Edge(new org.strata.engine.graph.PortRef(from, "out"),
                new org.strata.engine.graph.PortRef(to, "in"));
    }

    @Test
    void layers() throws Exception {
        // Inside the seed CNN after two epochs: the first convolution's feature maps for one test digit.
        fxRun(() -> window.open(sample("mnist-cnn")));
        train(2);
        clickOn("#tab-layers .tab-label");
        fxRun(() -> window.editor().orElseThrow().document().selection().set(java.util.List.of("conv1")));
        Thread.sleep(1100); // the feature maps are asked of the network after the selection
        snap("layers.png");
    }

    @Test
    void runs(@org.junit.jupiter.api.io.TempDir Path dir) throws Exception {
        // Two runs of XOR at different learning rates, the first overlaid on the second's loss curve.
        Path project = dir.resolve("xor.strata");
        Files.writeString(project, Files.readString(sample("xor")));
        fxRun(() -> window.open(project));
        train(15);
        fxRun(() -> window.run().orElseThrow().resetWeights());
        fxRun(() -> window.editor().orElseThrow().document().execute(org.strata.app.document.Edits.setTraining(
                window.editor().orElseThrow().document().project(), "learningRate", 0.003)));
        train(15);
        WaitForAsyncUtils.waitFor(60, java.util.concurrent.TimeUnit.SECONDS,
                () -> fx(() -> window.run().orElseThrow().runs().runs().size() == 2));
        fxRun(() -> {
            var runs = window.run().orElseThrow().runs();
            runs.setOverlaid(runs.runs().get(0), true);
        });
        snap("training-overlay.png");
        clickOn("#tab-runs .tab-label");
        // the first exported to ONNX (its proof in its row); the second's weights "trained in PyTorch" and imported
        var history = fx(() -> window.run().orElseThrow().runs());
        var first = history.runs().get(0);
        var second = history.runs().get(1);
        var view = lookup("#runs-view").queryAs(org.strata.app.training.view.RunsView.class);
        fxRun(() -> view.export(first, dir.resolve("xor.onnx"), "onnx"));
        WaitForAsyncUtils.waitFor(90, java.util.concurrent.TimeUnit.SECONDS,
                () -> fx(() -> !history.proofs(first).isEmpty()));
        Path trained = Files.createDirectories(dir.resolve("trained"));
        org.strata.engine.export.Exporters.npz(history.model(second), trained.resolve("weights.npz"));
        var test = second.outcome().test();
        Files.writeString(trained.resolve("metrics.json"), String.format(Locale.ROOT, "{\"epochs\": 15, "
                + "\"processes\": 2, \"backend\": \"Gloo\", \"device\": \"CPU\", \"torch\": \"1.13\", "
                + "\"seconds\": 2.0, \"history\": [], \"test\": {\"loss\": %.9f, \"metric\": %.9f}}", test.loss(),
                test.metric()));
        fxRun(() -> window.importWeights(trained.resolve("weights.npz")));
        WaitForAsyncUtils.waitFor(60, java.util.concurrent.TimeUnit.SECONDS, () -> fx(() -> history.runs().size() == 3));
        WaitForAsyncUtils.waitForFxEvents();
        snap("runs.png");
        fxRun(() -> window.setLanguage(Locale.SIMPLIFIED_CHINESE));
        clickOn("#tab-runs .tab-label");
        snap("runs-zh.png");
        fxRun(() -> window.setLanguage(Locale.ENGLISH));
    }

    @Test
    void paused_with_a_frozen_layer_and_a_confusion_cell_opened() throws Exception {
        // Paused mid-run with dense1 frozen (the inspector offers only what a paused run takes in), then the
        // pop-over of one confusion-matrix cell after the run.
        fxRun(() -> window.open(sample("mnist-mlp")));
        fxRun(() -> {
            editor().document().project().training().set("epochs", 500);
            run().start();
        });
        waitFor(90, () -> run().curves().layers().of("dense1").size() >= 2);
        clickOn("#tool-train-pause");
        waitFor(30, () -> run().phase() == org.strata.engine.train.TrainingState.PAUSED);
        clickOn("#node-dense1");
        clickOn("#inspector-frozen");
        snap("paused-frozen.png");
        clickOn("#tool-train-stop");
        waitForFinalEvaluation(120);
        clickOn("#tab-training .tab-label");
        long[][] m = run().evaluationProperty().get().confusion();
        int[] cell = {4, 9};
        for (int r = 0; r < m.length; r++) {
            for (int c = 0; c < m.length; c++) if (r != c && m[r][c] > m[cell[0]][cell[1]]) cell = new int[]{r, c};
        }
        String id = "#confusion-" + cell[0] + "-" + cell[1];
        scrollIntoView(id);
        clickOn(id);
        Thread.sleep(400);
        WaitForAsyncUtils.waitForFxEvents();
        // the pop-over is a window of its own: its picture is taken from its own scene
        var popup = fx(() -> javafx.stage.Window.getWindows().stream()
                .filter(w -> w instanceof org.controlsfx.control.PopOver).findFirst().orElseThrow());
        WritableImage img = fx(() -> popup.getScene().getRoot().snapshot(null, null));
        ImageIO.write(SwingFXUtils.fromFXImage(img, null), "png", out.resolve("confusion-samples.png").toFile());
    }

    @Test
    void inference() throws Exception {
        // Try it: the MNIST MLP after three epochs, a 7 drawn on the pad.
        fxRun(() -> window.open(sample("mnist-mlp")));
        train(3);
        clickOn("#tab-inference .tab-label");
        var pad = lookup("#drawing-pad").query();
        var b = fx(() -> pad.localToScreen(pad.getBoundsInLocal()));
        double w = b.getWidth();
        drag(new javafx.geometry.Point2D(b.getMinX() + 0.25 * w, b.getMinY() + 0.22 * w))
                .moveTo(new javafx.geometry.Point2D(b.getMinX() + 0.75 * w, b.getMinY() + 0.22 * w))
                .moveTo(new javafx.geometry.Point2D(b.getMinX() + 0.55 * w, b.getMinY() + 0.55 * w))
                .moveTo(new javafx.geometry.Point2D(b.getMinX() + 0.42 * w, b.getMinY() + 0.85 * w)).drop();
        Thread.sleep(200); // the last prediction comes back from the training thread
        snap("inference.png");
    }

    private void setDark(boolean dark) {
        fxRun(() -> window.setDark(dark));
    }

    /** Lets the window settle (last events, layout, charts drawn), then writes its picture as {@code name}. */
    @Test
    void train_menu_with_its_compute_device_and_cpu_threads_submenus() throws Exception {
        fxRun(() -> window.open(sample("mnist-cnn")));
        clickOn("Train");
        clickOn("CPU Threads");
        snapWithPopups("train-menu-threads.png");
        closeMenus();
        clickOn("Train");
        clickOn("Compute Device");
        snapWithPopups("train-menu-device.png");
        closeMenus();
    }

    @Test
    void the_offer_to_resume_an_interrupted_run_at_the_projector_size(@org.junit.jupiter.api.io.TempDir Path dir)
            throws Exception {
        fxRun(() -> window.setFontSize(20));
        Object[][] looks = {{Locale.ENGLISH, false, "resume-offer-projector-light-en.png"},
                {Locale.SIMPLIFIED_CHINESE, true, "resume-offer-projector-dark-zh.png"}};
        for (Object[] look : looks) {
            Path folder = Files.createDirectories(dir.resolve(((Locale) look[0]).getLanguage()));
            Path project = org.strata.app.training.InterruptedXor.in(folder);
            fxRun(() -> window.setLanguage((Locale) look[0]));
            setDark((Boolean) look[1]);
            fxRun(() -> window.open(project));
            WaitForAsyncUtils.waitFor(60, java.util.concurrent.TimeUnit.SECONDS,
                    () -> lookup("#resume-dialog").tryQuery().isPresent());
            snapWithDialogs((String) look[2]);
            fxRun(() -> ((javafx.stage.Stage) lookup("#resume-dialog").query().getScene().getWindow()).close());
        }
        setDark(false);
        fxRun(() -> window.setLanguage(Locale.ENGLISH));
        fxRun(() -> window.setFontSize(13));
    }

    private void closeMenus() {
        for (int i = 0; i < 2; i++) type(javafx.scene.input.KeyCode.ESCAPE); // the submenu, then the menu
        WaitForAsyncUtils.waitForFxEvents();
    }

    /** The window with its open menus drawn over it where they are (each popup is a window of its own). */
    private void snapWithPopups(String name) throws Exception {
        snapWithOverlays(name, w -> w instanceof javafx.stage.PopupWindow);
    }

    /** The window with its dialogs drawn over it where they are. */
    private void snapWithDialogs(String name) throws Exception {
        snapWithOverlays(name, w -> w != window.stage());
    }

    /** The window with the other windows {@code drawn} picks drawn over it, each where it is on the screen. */
    private void snapWithOverlays(String name, java.util.function.Predicate<javafx.stage.Window> drawn)
            throws Exception {
        Thread.sleep(400);
        WaitForAsyncUtils.waitForFxEvents();
        java.awt.image.BufferedImage image = fx(() -> {
            javafx.stage.Stage stage = window.stage();
            java.awt.image.BufferedImage base = SwingFXUtils.fromFXImage(
                    stage.getScene().getRoot().snapshot(null, null), null);
            java.awt.Graphics2D g = base.createGraphics();
            double x0 = stage.getX() + stage.getScene().getX();
            double y0 = stage.getY() + stage.getScene().getY();
            for (javafx.stage.Window w : javafx.stage.Window.getWindows()) {
                if (w == stage || !w.isShowing() || w.getScene() == null || !drawn.test(w)) continue;
                WritableImage over = w.getScene().getRoot().snapshot(null, null);
                g.drawImage(SwingFXUtils.fromFXImage(over, null), (int) Math.round(w.getX() + w.getScene().getX() - x0),
                        (int) Math.round(w.getY() + w.getScene().getY() - y0), null);
            }
            g.dispose();
            return base;
        });
        ImageIO.write(image, "png", out.resolve(name).toFile());
    }

    private void snap(String name) throws Exception {
        Thread.sleep(400);
        WaitForAsyncUtils.waitForFxEvents();
        File file = out.resolve(name).toFile();
        // The root's snapshot: Scene.snapshot and the robot's screen capture come back empty under Monocle.
        WritableImage img = fx(() -> window.stage().getScene().getRoot().snapshot(null, null));
        ImageIO.write(SwingFXUtils.fromFXImage(img, null), "png", file);
    }
}
