package org.strata.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import javafx.geometry.Bounds;
import javafx.geometry.Point2D;
import javafx.scene.control.ComboBox;
import javafx.scene.input.KeyCode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.strata.app.canvas.EdgeView;
import org.strata.app.canvas.NodeView;
import org.strata.app.document.EditorDocument;
import org.strata.engine.analysis.Analysis;
import org.strata.engine.analysis.GraphAnalyzer;
import org.strata.engine.analysis.SummaryTable;
import org.strata.engine.graph.Edge;
import org.strata.engine.project.ProjectFile;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The walk-through, driven with the mouse and keyboard: build a small CNN from an empty canvas, check what
 * the canvas shows against the engine, cause and fix a shape error, undo and redo everything, save and reopen.
 */
class BuildCnnTest extends AppTest {
    private static final List<String> LAYERS = List.of("Input", "Conv2D", "MaxPool2D", "Flatten", "Dense", "Output");

    @Test
    void a_student_builds_a_cnn_with_the_mouse_and_gets_it_back_after_saving(@TempDir Path dir) {
        clickOn("#start-blank");
        Bounds canvas = fx(() -> editor().canvas().localToScreen(editor().canvas().getLayoutBounds()));
        for (int i = 0; i < LAYERS.size(); i++) {
            // two rows of three, well apart, so wires and labels have room
            double x = canvas.getMinX() + 140 + (i % 3) * 240;
            double y = canvas.getMinY() + 120 + (i / 3) * 170;
            scrollIntoView("#palette-" + LAYERS.get(i)); // the palette is taller than the window
            drag("#palette-" + LAYERS.get(i)).dropTo(new Point2D(x, y));
        }
        EditorDocument doc = editor().document();
        assertThat(doc.graph().nodes()).hasSize(6);
        assertThat(ids(doc)).containsExactlyInAnyOrder("input", "conv2d", "maxpool2d", "flatten", "dense", "output");

        wire("input", "conv2d");
        wire("conv2d", "maxpool2d");
        wire("maxpool2d", "flatten");
        wire("flatten", "dense");
        wire("dense", "output");
        assertThat(doc.graph().edges()).hasSize(5);

        // Input: an image of 28×28×1 (the image fields appear once the kind is "image"; their defaults are MNIST's)
        clickOn("#node-input");
        ComboBox<?> kind = lookup("#param-kind").queryAs(ComboBox.class);
        clickOn(kind);
        clickOn("image");
        // Dense: 10 units with softmax, as the classifier
        clickOn("#node-dense");
        setText("#param-units", "10");
        ComboBox<?> act = lookup("#param-activation").queryAs(ComboBox.class);
        fxRun(() -> act.getSelectionModel().select(act.getItems().indexOf("softmax")));
        clickOn("#node-conv2d");
        setText("#param-kernel", "5x5"); // typed as 5x5, shown as 5×5
        // the graph is right; what it still lacks is data, and Problems says so
        assertThat(GraphAnalyzer.analyze(doc.graph()).isValid()).as(doc.analysis().problems().toString()).isTrue();
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(fx(() -> doc.analysis().problems().stream().map(p -> p.code()).toList()))
                .containsExactly("dataset.none");

        // What the canvas shows is what the engine computes.
        Analysis engine = GraphAnalyzer.analyze(doc.graph());
        for (Edge e : doc.graph().edges()) {
            EdgeView v = editor().canvas().edgeView(e).orElseThrow();
            assertThat(v.shapeText()).isEqualTo(engine.edgeShapes().get(e).toString());
        }
        assertThat(edgeLabel(doc, "maxpool2d", "flatten")).isEqualTo("12×12×32");
        assertThat(edgeLabel(doc, "flatten", "dense")).isEqualTo("4608");
        assertThat(lookup("#param-kernel").queryTextInputControl().getText()).isEqualTo("5×5");
        for (var row : SummaryTable.rows(doc.graph(), engine)) {
            NodeView v = editor().canvas().nodeView(row.node()).orElseThrow();
            assertThat(v.badgeText()).isEqualTo(row.params() == 0 ? "" : SummaryTable.human(row.params()));
        }
        assertThat(lookup("#status-params").queryLabeled().getText()).contains("46,922");

        // A shape error: the pooled image straight into Dense (lift the wire off Dense, wire the pool instead).
        String before = ProjectFile.toJson(doc.project());
        drag("#port-dense-in").dropTo(new Point2D(canvas.getMaxX() - 30, canvas.getMaxY() - 30));
        wire("maxpool2d", "dense");
        NodeView dense = editor().canvas().nodeView("dense").orElseThrow();
        assertThat(dense.showsError()).isTrue();
        assertThat(dense.tooltipText()).contains("Flatten");
        assertThat(lookup("#tab-problems").tryQuery()).isPresent();
        assertThat(doc.analysis().problemsOf("dense")).isNotEmpty();
        // Fix it: Undo twice (the new wire, then lifting the old one).
        press(KeyCode.CONTROL).press(KeyCode.Z).release(KeyCode.Z).release(KeyCode.CONTROL);
        press(KeyCode.CONTROL).press(KeyCode.Z).release(KeyCode.Z).release(KeyCode.CONTROL);
        assertThat(dense.showsError()).isFalse();
        assertThat(ProjectFile.toJson(doc.project())).isEqualTo(before);

        // The Summary tab's totals say what training it takes, for the project's batch size.
        String totals = fx(() -> lookup("#summary-totals").queryLabeled().getText());
        assertThat(totals).contains("Total parameters:")
                .containsPattern("Memory to train \\(batch \\d+\\): at least \\d+ [KMG]B");

        // Undo every step back to the empty canvas, then redo them all.
        int steps = 0;
        while (doc.canUndo()) {
            fxRun(doc::undo);
            steps++;
        }
        assertThat(doc.graph().nodes()).isEmpty();
        assertThat(steps).isEqualTo(6 + 5 + 4); // adds, wires, and kind, units, activation, kernel
        for (int i = 0; i < steps; i++) fxRun(doc::redo);
        assertThat(ProjectFile.toJson(doc.project())).isEqualTo(before);

        // Save, close, reopen: the same graph.
        Path file = dir.resolve("my-cnn.strata");
        assertThat(fx(() -> window.saveTo(file))).isTrue();
        assertThat(window.stage().getTitle()).doesNotStartWith("*");
        fxRun(window::newProject);
        assertThat(window.editor()).isEmpty();
        fxRun(() -> window.open(file));
        assertThat(ProjectFile.toJson(editor().document().project())).isEqualTo(before);
    }

    private void wire(String from, String to) {
        drag("#port-" + from + "-out").dropTo("#port-" + to + "-in");
        WaitForAsyncUtils.waitForFxEvents();
    }

    private void setText(String query, String text) {
        clickOn(query);
        fxRun(() -> lookup(query).queryTextInputControl().selectAll());
        write(text);
        type(KeyCode.ENTER);
    }

    private String edgeLabel(EditorDocument doc, String from, String to) {
        Edge e = doc.graph().edges().stream().filter(x -> x.from().node().equals(from) && x.to().node().equals(to))
                .findFirst().orElseThrow();
        return editor().canvas().edgeView(e).orElseThrow().shapeText();
    }

    private static List<String> ids(EditorDocument doc) {
        return doc.graph().nodes().stream().map(n -> n.id()).toList();
    }
}
