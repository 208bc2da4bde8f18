package org.strata.app;

import org.strata.engine.train.TrainingState;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.TimeUnit;
import javafx.scene.control.CheckBox;
import javafx.scene.input.KeyCode;
import org.junit.jupiter.api.Test;
import org.strata.app.training.TrainingRun;
import org.testfx.util.WaitForAsyncUtils;

/** While a run is paused: change the learning rate and freeze a layer in the inspector; nothing else. */
class PausedEditsTest extends AppTest {
    @Test
    void learning_rate_and_freezing_change_while_paused_and_apply_on_resume() throws Exception {
        fxRun(() -> window.open(sample("mnist-mlp")));
        fxRun(() -> {
            editor().document().project().training().set("epochs", 500);
            run().start();
        });
        waitFor(90, () -> run().curves().history().train().size() >= 3);
        clickOn("#tool-train-pause");
        waitFor(30, () -> run().phase() == TrainingState.PAUSED);
        // the project's settings: only the learning rate is editable now
        fxRun(() -> editor().document().selection().clear());
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(lookup("#inspector").query().isDisabled()).isFalse();
        assertThat(lookup("#param-batchSize").query().isDisabled()).isTrue();
        assertThat(lookup("#param-learningRate").query().isDisabled()).isFalse();
        scrollIntoView("#param-learningRate");
        clickOn("#param-learningRate");
        fxRun(() -> lookup("#param-learningRate").queryTextInputControl().selectAll());
        write("0.0005");
        type(KeyCode.ENTER);
        assertThat(editor().document().project().training().getDouble("learningRate")).isEqualTo(0.0005);
        // freeze the first Dense layer from its inspector; the canvas marks it
        clickOn("#node-dense1");
        assertThat(lookup("#inspector-name").query().isDisabled()).isTrue();
        clickOn("#inspector-frozen");
        assertThat(lookup("#inspector-frozen").queryAs(CheckBox.class).isSelected()).isTrue();
        assertThat(editor().document().graph().require("dense1").frozen()).isTrue();
        assertThat(editor().canvas().nodeView("dense1").orElseThrow().getPseudoClassStates().toString())
                .contains("frozen");
        // other edits are still refused while paused
        push(KeyCode.DELETE);
        assertThat(editor().document().graph().node("dense1")).isPresent();
        // resume: the run uses the new rate, and the frozen layer's update ratio drops to nothing
        int before = fx(() -> run().curves().history().train().size());
        clickOn("#tool-train-start");
        waitFor(60, () -> run().curves().layers().of("dense1").size() >= 3
                && run().curves().layers().latestIteration() > before + 5);
        assertThat(run().curves().layers().latest("dense1").updateNorm()).isZero();
        assertThat(run().curves().layers().latest("dense2").updateNorm()).isPositive();
        clickOn("#tool-train-stop");
        waitFor(30, () -> run().phase() == TrainingState.STOPPED);
        // both edits are ordinary undo steps
        fxRun(() -> editor().document().undo());
        assertThat(editor().document().graph().require("dense1").frozen()).isFalse();
    }
}
