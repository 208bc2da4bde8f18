package org.strata.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.strata.app.document.EditorDocument;
import org.strata.app.document.Edits;
import org.strata.engine.analysis.Problem;

/** Data and network meet in the editor, before training: every mismatch listed, each fixed in one click. */
class DataMeetsGraphTest extends AppTest {
    @TempDir
    Path dir;

    private static List<String> codes(EditorDocument doc) {
        return fx(() -> codesNow(doc));
    }

    /** On the JavaFX thread already (waitFor's conditions run there). */
    private static List<String> codesNow(EditorDocument doc) {
        return doc.analysis().problems().stream().map(Problem::code).toList();
    }

    @Test
    void an_input_and_an_output_that_do_not_fit_the_data_are_listed_before_training_and_fixed_in_one_click()
            throws Exception {
        fxRun(() -> window.open(sample("iris")));
        EditorDocument doc = editor().document();
        waitFor(20, () -> doc.data().isPresent());
        assertThat(codes(doc)).isEmpty();
        String input = fx(() -> doc.graph().inputNodes().get(0).id());
        String dense = fx(() -> doc.analysis().order().stream().filter(id -> doc.graph().require(id).type().id()
                .equals("Dense")).reduce((a, b) -> b).orElseThrow());
        fxRun(() -> {
            doc.execute(Edits.setParam(doc.graph(), input, "size", 784));
            doc.execute(Edits.setParam(doc.graph(), dense, "units", 10));
        });
        assertThat(codes(doc)).containsExactly("data.inputSize", "data.classes");
        assertThat(fx(() -> window.stage().getScene().lookup("#status-validity")
                .getStyleClass().contains("status-error"))).isTrue();
        clickOn("#tab-problems .tab-label");
        clickOn(lookup("#fix-inputShape").queryAs(Button.class));
        assertThat(fx(() -> doc.graph().require(input).params().getInt("size"))).isEqualTo(4);
        clickOn(lookup("#fix-units").queryAs(Button.class));
        assertThat(fx(() -> doc.graph().require(dense).params().getInt("units"))).isEqualTo(3);
        assertThat(codes(doc)).isEmpty();
        // each fix is one step to undo
        fxRun(doc::undo);
        assertThat(codes(doc)).containsExactly("data.classes");
    }

    @Test
    void a_blank_project_is_not_ready_to_train_until_it_has_data_and_choose_data_leads_to_the_choice()
            throws Exception {
        fxRun(() -> window.openBlank());
        EditorDocument doc = editor().document();
        waitFor(20, () -> codesNow(doc).contains("dataset.none"));
        clickOn("#tab-problems .tab-label");
        clickOn(lookup("#fix-choose-data").queryAs(Button.class));
        ComboBox<?> kind = lookup("#inspector-dataset-kind").queryAs(ComboBox.class);
        assertThat(fx(kind::isFocused)).isTrue();
        fxRun(kind::hide);
    }

    @Test
    void the_label_column_is_chosen_from_the_files_header_and_a_wrong_one_is_fixed_in_one_click()
            throws Exception {
        Path csv = dir.resolve("plants.csv");
        Files.writeString(csv, "height,width,kind\n1,2,a\n2,1,b\n3,3,a\n4,2,b\n5,5,a\n1,4,b\n2,2,a\n3,1,b\n"
                + "4,4,a\n5,3,b\n");
        fxRun(() -> window.openBlank());
        EditorDocument doc = editor().document();
        fxRun(() -> {
            doc.project().setFile(dir.resolve("plants.strata"));
            var spec = org.strata.engine.project.DatasetSpec.of(org.strata.engine.project.DatasetKind.CSV);
            spec.params().set("path", "plants.csv");
            doc.execute(Edits.setDataset(doc.project(), spec, "path"));
            doc.selection().clear();
        });
        waitFor(20, () -> codesNow(doc).contains("dataset.csv.noColumn"));
        @SuppressWarnings("unchecked")
        ComboBox<String> column = lookup("#param-labelColumn").queryAs(ComboBox.class);
        assertThat(fx(() -> List.copyOf(column.getItems()))).containsExactly("height", "width", "kind");
        scrollIntoView("#inspector-fix-labelColumn");
        clickOn(lookup("#inspector-fix-labelColumn").queryAs(Button.class));
        assertThat(fx(() -> doc.project().dataset().orElseThrow().params().getString("labelColumn")))
                .isEqualTo("kind");
        waitFor(20, () -> !codesNow(doc).contains("dataset.csv.noColumn"));
        // an empty graph has nothing to fit yet; the data itself is fine now
        assertThat(codes(doc)).doesNotContain("dataset.csv.noColumn", "dataset.none");
    }

    @Test
    void a_gbk_file_is_refused_naming_line_and_column_until_its_encoding_is_chosen_in_the_inspector()
            throws Exception {
        // what Excel on a Chinese Windows saves as "CSV": GBK, not UTF-8
        StringBuilder csv = new StringBuilder("\u9ad8,\u5bbd,\u79cd\u7c7b\n"); // 高,宽,种类
        for (int i = 0; i < 10; i++) {
            csv.append(i % 5 + 1).append(',').append(i % 3 + 1).append(',').append(i % 2 == 0 ? "\u72d7" : "\u732b")
                    .append('\n');
        }
        Files.write(dir.resolve("animals.csv"), csv.toString().getBytes(java.nio.charset.Charset.forName("GBK")));
        fxRun(() -> window.openBlank());
        EditorDocument doc = editor().document();
        fxRun(() -> {
            doc.project().setFile(dir.resolve("animals.strata"));
            var spec = org.strata.engine.project.DatasetSpec.of(org.strata.engine.project.DatasetKind.CSV);
            spec.params().set("path", "animals.csv").set("labelColumn", "\u79cd\u7c7b");
            doc.execute(Edits.setDataset(doc.project(), spec, "path"));
            doc.selection().clear();
        });
        waitFor(20, () -> codesNow(doc).contains("dataset.encoding.undecodable"));
        assertThat(fx(() -> doc.analysis().problems().stream().map(Problem::message).toList()).toString())
                .contains("animals.csv, line 1, column 1");
        @SuppressWarnings("unchecked")
        ComboBox<String> encoding = lookup("#param-encoding").queryAs(ComboBox.class);
        assertThat(fx(() -> List.copyOf(encoding.getItems()))).containsExactly("UTF-8", "GBK", "GB18030",
                "ISO-8859-1");
        fxRun(() -> encoding.setValue("GBK"));
        assertThat(fx(() -> doc.project().dataset().orElseThrow().params().getString("encoding"))).isEqualTo("GBK");
        waitFor(20, () -> !codesNow(doc).contains("dataset.encoding.undecodable"));
        // the header now reads as Chinese: the label column is offered by its name
        waitFor(20, () -> lookup("#param-labelColumn").queryAs(ComboBox.class).getItems().contains("\u79cd\u7c7b"));
    }

    @Test
    void a_new_input_takes_the_shape_of_the_projects_data() throws Exception {
        fxRun(() -> window.open(sample("xor")));
        EditorDocument doc = editor().document();
        waitFor(20, () -> doc.data().isPresent());
        fxRun(() -> editor().canvas().addLayerInView(org.strata.engine.layers.LayerCatalogue.get("Input")));
        String added = fx(() -> doc.selection().nodes().get(0));
        assertThat(fx(() -> doc.graph().require(added).params().getInt("size"))).isEqualTo(2);
    }
}
