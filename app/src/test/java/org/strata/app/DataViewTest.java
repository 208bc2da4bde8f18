package org.strata.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import javafx.scene.control.TableView;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.strata.app.document.Edits;

/** The Data tab: what the network will see, before training. */
class DataViewTest extends AppTest {
    private void openData(String sample) throws Exception {
        fxRun(() -> window.open(sample(sample)));
        clickOn("#tab-data .tab-label");
    }

    @Test
    void a_text_dataset_shows_its_splits_class_balance_first_texts_and_vocabulary() throws Exception {
        openData("which-language");
        waitFor(60, () -> lookup("#data-rows").tryQuery().isPresent());
        assertThat(lookup("#data-summary").queryLabeled().getText())
                .startsWith("words.csv: 16,800 training, 2,400 validation and 4,800 test samples").contains("6 classes");
        assertThat(lookup("#data-classes .progress-bar").queryAll()).hasSize(6);
        TableView<?> rows = lookup("#data-rows").queryAs(TableView.class);
        assertThat(rows.getItems()).hasSize(24);
        TableView<?> vocabulary = lookup("#data-vocabulary").queryAs(TableView.class);
        assertThat(vocabulary.getItems()).hasSize(50);
        // the first text is a word of letters, and its label one of the six languages
        String first = fx(() -> String.valueOf(rows.getColumns().get(0).getCellData(0)));
        assertThat(first).matches("\\p{L}{3,12}");
        assertThat(fx(() -> String.valueOf(rows.getColumns().get(1).getCellData(0))))
                .isIn("English", "French", "German", "Italian", "Spanish", "Dutch");
    }

    @Test
    void images_show_as_pictures_and_a_series_as_a_plot() throws Exception {
        openData("mnist-mlp");
        waitFor(60, () -> lookup("#data-pictures").tryQuery().isPresent());
        assertThat(lookup("#data-pictures .image-view").queryAll()).hasSize(24);
        openData("forecast-signal");
        waitFor(60, () -> lookup("#data-series").tryQuery().isPresent());
        assertThat(lookup("#data-summary").queryLabeled().getText()).contains("1 number to predict");
    }

    @Test
    void a_malformed_text_file_is_explained_and_shows_no_samples(@TempDir Path dir) throws Exception {
        Path project = dir.resolve("words.strata");
        Files.copy(sample("which-language"), project);
        Files.write(dir.resolve("words.csv"), "word,language\ncaf\u00e9,French\n".getBytes(StandardCharsets.ISO_8859_1));
        fxRun(() -> window.open(project));
        clickOn("#tab-data .tab-label");
        waitFor(60, () -> lookup("#data-summary").queryLabeled().getText().contains("UTF-8"));
        assertThat(lookup("#data-summary").queryLabeled().getText()).contains("words.csv").contains("line 2");
        assertThat(lookup("#data-rows").tryQuery()).isEmpty();
        // the project and its graph are as they were
        assertThat(fx(() -> editor().document().graph().nodes().size())).isEqualTo(5);
        // mended, the data shows
        Files.writeString(dir.resolve("words.csv"), "word,language\ncafé,French\nhaus,German\nhouse,English\n"
                + "maison,French\nhuis,Dutch\ncasa,Italian\ncasa,Spanish\nword,English\nwort,German\n");
        fxRun(() -> {
            var p = editor().document().project();
            var spec = p.dataset().orElseThrow();
            var params = spec.params().copy();
            params.set("testSplit", 0.0);
            params.set("validationSplit", 0.0); // nine words: every language in training
            editor().document().execute(Edits.setDataset(p, new org.strata.engine.project.DatasetSpec(spec.kind(),
                    params), "testSplit"));
        });
        waitFor(60, () -> lookup("#data-rows").tryQuery().isPresent());
    }
}
