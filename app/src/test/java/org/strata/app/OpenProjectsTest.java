package org.strata.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javafx.scene.control.DialogPane;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.strata.app.window.Samples;
import org.strata.engine.project.ProjectFile;
import org.testfx.util.WaitForAsyncUtils;

class OpenProjectsTest extends AppTest {
    @Test
    void a_sample_opens_from_the_file_menu() {
        // Fired through the menu model: Monocle's nested pop-up menus are not reliably clickable.
        var bar = lookup("#menu-bar").queryAs(javafx.scene.control.MenuBar.class);
        var samples = (javafx.scene.control.Menu) bar.getMenus().get(0).getItems().stream()
                .filter(i -> "menu-file-openSample".equals(i.getId())).findFirst().orElseThrow();
        var xor = samples.getItems().stream().filter(i -> "menu-sample-xor".equals(i.getId())).findFirst().orElseThrow();
        fxRun(xor::fire);
        assertThat(window.stage().getTitle()).startsWith("XOR");
        assertThat(editor().document().graph().nodes()).isNotEmpty();
    }

    @Test
    void every_sample_opens_without_errors_and_shows_every_node_and_wire() throws Exception {
        List<Path> samples = Samples.all();
        assertThat(samples).hasSizeGreaterThanOrEqualTo(8);
        for (Path p : samples) {
            fxRun(() -> window.open(p));
            var doc = editor().document();
            var expected = ProjectFile.load(p);
            // GPT-2 and BERT are samples to open and measure, not to train: they have no data, and say so
            assertThat(doc.analysis().errors().stream().filter(e -> expected.dataset().isPresent()
                    || !e.code().equals("dataset.none")).toList()).as(p.toString()).isEmpty();
            assertThat(doc.graph().nodes()).hasSameSizeAs(expected.graph().nodes());
            for (var n : doc.graph().nodes()) assertThat(editor().canvas().nodeView(n.id())).isPresent();
            for (var e : doc.graph().edges()) {
                assertThat(editor().canvas().edgeView(e).orElseThrow().shapeText()).as(e.toString()).isNotEmpty();
            }
            assertThat(doc.isDirty()).isFalse();
        }
    }

    @Test
    void the_start_page_offers_the_classic_samples_first() {
        assertThat(lookup("#sample-mnist-mlp").tryQuery()).isPresent();
        assertThat(lookup("#sample-mnist-cnn").tryQuery()).isPresent();
        clickOn("#sample-mnist-cnn");
        assertThat(editor().document().project().name()).isEqualTo("MNIST CNN");
    }

    @Test
    void a_malformed_file_shows_why_and_leaves_the_open_project_untouched(@TempDir Path dir) throws Exception {
        fxRun(() -> window.open(sample("xor")));
        var before = editor().document();
        Path bad = dir.resolve("bad.strata");
        Files.writeString(bad, Files.readString(sample("xor")).replace("\"units\": 8", "\"units\": 0"));
        javafx.application.Platform.runLater(() -> window.open(bad)); // the dialog waits in a nested event loop
        WaitForAsyncUtils.waitForFxEvents();
        DialogPane dialog = lookup("#error-dialog").queryAs(DialogPane.class);
        assertThat(dialog.getHeaderText()).contains("bad.strata");
        assertThat(dialog.getContentText()).contains("units").contains("between 1 and");
        clickOn("OK");
        assertThat(editor().document()).isSameAs(before);
    }

    @Test
    void a_file_from_a_newer_strata_is_refused_with_the_reason(@TempDir Path dir) throws Exception {
        Path newer = dir.resolve("newer.strata");
        Files.writeString(newer, Files.readString(sample("xor")).replace("\"formatVersion\": 2", "\"formatVersion\": 99"));
        javafx.application.Platform.runLater(() -> window.open(newer));
        WaitForAsyncUtils.waitForFxEvents();
        DialogPane dialog = lookup("#error-dialog").queryAs(DialogPane.class);
        assertThat(dialog.getContentText()).containsIgnoringCase("newer");
        clickOn("OK");
        assertThat(window.editor()).isEmpty();
    }
}
