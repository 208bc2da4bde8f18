package org.strata.app;

import org.strata.engine.train.TrainingState;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.TimeUnit;
import javafx.scene.control.Spinner;
import javafx.scene.image.Image;
import javafx.scene.image.ImageView;
import org.strata.app.training.view.ChartPane;
import org.junit.jupiter.api.Test;
import org.strata.app.canvas.NodeView;
import org.strata.app.training.TrainingRun;
import org.testfx.util.WaitForAsyncUtils;

/** Inside the network while it learns: the Layers tab and the live indicators on the canvas. */
class LayersTest extends AppTest {
    private int series(String chartId) {
        WaitForAsyncUtils.waitForFxEvents();
        return lookup(chartId).queryAs(ChartPane.class).inspect(c -> c.getXYPlot().getDataset().getSeriesCount());
    }

    private int items(String chartId) {
        WaitForAsyncUtils.waitForFxEvents();
        return lookup(chartId).queryAs(ChartPane.class).inspect(c -> c.getXYPlot().getDataset().getItemCount(0));
    }

    /** On the JavaFX thread (inside {@link #waitFor}): the activation picture shown, or null. */
    private Image activationImage() {
        ImageView v = lookup("#layer-activation-image").queryAs(ImageView.class);
        return v.getParent() == null ? null : (Image) v.getUserData(); // one pixel per value, before it is enlarged
    }

    @Test
    void layers_tab_shows_activations_histograms_and_update_ratios_of_the_selected_layer() throws Exception {
        fxRun(() -> window.open(sample("mnist-mlp")));
        fxRun(() -> {
            editor().document().project().training().set("epochs", 500); // still running when the test pauses it
            run().start();
        });
        waitFor(90, () -> run().curves().layers().of("dense1").size() >= 3);
        clickOn("#tool-train-pause");
        waitFor(30, () -> run().phase() == TrainingState.PAUSED);
        clickOn("#tab-layers");
        clickOn("#node-dense1");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(lookup("#layers-title").queryLabeled().getText()).contains("dense1").contains("update:parameter");
        assertThat(items("#histogram-activations")).isEqualTo(30);
        assertThat(items("#histogram-weights")).isEqualTo(30);
        assertThat(items("#histogram-gradients")).isEqualTo(30);
        assertThat(items("#layer-trend-chart")).isGreaterThanOrEqualTo(3);
        assertThat(series("#update-ratio-chart")).as("both Dense layers have parameters").isEqualTo(2);
        // Dense 128's output for sample 1 is a heat map of 128 cells (16 × 8)
        waitFor(30, () -> activationImage() != null);
        assertThat(fx(() -> activationImage().getWidth() * activationImage().getHeight())).isEqualTo(16.0 * 8);
        // shown crisp: enlarged by a whole factor, each value a square block, not scaled (and blurred) by the view
        Image shown = fx(() -> lookup("#layer-activation-image").queryAs(ImageView.class).getImage());
        double factor = shown.getWidth() / activationImage().getWidth();
        assertThat(factor).isGreaterThanOrEqualTo(2).isEqualTo(Math.rint(factor));
        assertThat(shown.getHeight()).isEqualTo(factor * activationImage().getHeight());
        assertThat(fx(() -> lookup("#layer-activation-image").queryAs(ImageView.class).getFitWidth())).isZero();
        // The Input's picture is the digit itself, 28 × 28, and changes with the chosen sample
        clickOn("#node-input");
        waitFor(30, () -> activationImage() != null && activationImage().getWidth() == 28);
        Image first = fx(this::activationImage);
        String firstClass = lookup("#layer-sample-label").queryLabeled().getText();
        assertThat(firstClass).startsWith("class");
        fxRun(() -> sampleSpinner().getValueFactory().setValue(2));
        waitFor(30, () -> activationImage() != first);
        // The Output (10 probabilities) is listed by class name
        clickOn("#node-output");
        waitFor(30, () -> lookup("#layer-activation-values").tryQuery().map(n -> n.getParent() != null).orElse(false));
        assertThat(lookup("#layer-activation-caption").queryLabeled().getText()).contains("10 values");
        // another sample refills the same rows (no new nodes to style while it trains)
        javafx.scene.layout.GridPane rows = lookup("#layer-activation-values").queryAs(
                javafx.scene.layout.GridPane.class);
        javafx.scene.Node firstRow = fx(() -> rows.getChildren().get(0));
        String before = fx(() -> rowValues(rows));
        fxRun(() -> sampleSpinner().getValueFactory().setValue(3));
        waitFor(30, () -> !rowValues(rows).equals(before));
        assertThat(fx(() -> rows.getChildren().size())).isEqualTo(3 * 10); // name, bar, number
        javafx.scene.Node afterRow = fx(() -> rows.getChildren().get(0));
        assertThat(afterRow).isSameAs(firstRow);
        // the canvas carries a sparkline and a health dot on each trained layer
        NodeView dense = editor().canvas().nodeView("dense1").orElseThrow();
        assertThat(dense.indicator()).isNotNull();
        assertThat(dense.indicator().trend().length).isGreaterThanOrEqualTo(3);
        assertThat(dense.indicator().health()).isNotEmpty();
        assertThat(dense.tooltipText()).contains("update:parameter ratio");
        clickOn("#tool-train-stop");
        waitFor(30, () -> run().phase() == TrainingState.STOPPED);
    }

    private static String rowValues(javafx.scene.layout.GridPane rows) {
        StringBuilder b = new StringBuilder();
        for (int i = 2; i < rows.getChildren().size(); i += 3) {
            b.append(((javafx.scene.control.Label) rows.getChildren().get(i)).getText());
        }
        return b.toString();
    }

    /** The Layers tab's sample chooser (a spinner of sample numbers). */
    @SuppressWarnings("unchecked")
    private Spinner<Integer> sampleSpinner() {
        return lookup("#layer-sample").queryAs(Spinner.class);
    }
}
