package org.strata.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import javafx.css.PseudoClass;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import org.junit.jupiter.api.Test;
import org.strata.app.training.StepThrough;
import org.strata.app.training.view.StepView;
import org.strata.engine.backprop.ChainRule;
import org.strata.engine.backprop.Numbers;
import org.strata.engine.backprop.StepPhase;
import org.strata.engine.backprop.StepTrace;
import org.strata.engine.backprop.Worked;
import org.strata.engine.graph.Edge;
import org.strata.engine.train.TrainingState;

/**
 * Step Through on the XOR sample, as a student uses it: the toolbar toggle pauses a run on its first batch, Next walks
 * the forward pass, the loss, the backward pass and the update, and the wires and the Step tab show the engine's own
 * numbers, with formulas and the chain rule that work out to them.
 */
class StepThroughTest extends AppTest {
    /** JavaFX's CSS warnings of looked-up colours it could not resolve (its logger, held so it is not collected). */
    private static final java.util.logging.Logger CSS = java.util.logging.Logger.getLogger("javafx.css");
    private static final List<String> UNRESOLVED = new java.util.concurrent.CopyOnWriteArrayList<>();

    static {
        CSS.addHandler(new java.util.logging.Handler() {
            @Override
            public void publish(java.util.logging.LogRecord r) {
                if (r.getMessage() != null && r.getMessage().contains("Could not resolve")) {
                    UNRESOLVED.add(r.getMessage());
                }
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        });
    }

    /** The step's numbers on the wires (.wire-forward) are styled with every looked-up colour found. */
    @org.junit.jupiter.api.AfterEach
    void noUnresolvedColours() {
        org.testfx.util.WaitForAsyncUtils.waitForFxEvents();
        List<String> seen = List.copyOf(UNRESOLVED);
        UNRESOLVED.clear();
        assertEquals(List.of(), seen);
    }

    private StepThrough step() {
        return run().stepThrough();
    }

    private StepTrace trace() {
        return fx(() -> step().trace().orElseThrow());
    }

    /** @return the values shown on the wire from {@code from} to {@code to} */
    private String wire(String from, String to) {
        return fx(() -> {
            Edge e = editor().document().graph().edges().stream()
                    .filter(x -> x.from().node().equals(from) && x.to().node().equals(to)).findFirst().orElseThrow();
            return editor().canvas().edgeView(e).orElseThrow().valuesText();
        });
    }

    /** As the wire writes them: four to a line (lines after the gradient's first indented past its "∂L "). */
    private static String numbers(float[] v, String indent) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < v.length; i++) {
            b.append(i == 0 ? "" : i % 4 == 0 ? "\n" + indent : " ").append(Numbers.of(v[i], 2));
        }
        return b.toString();
    }

    private static String numbers(float[] v) {
        return numbers(v, "");
    }

    private static String gradient(float[] v) {
        return "∂L " + numbers(v, "   ");
    }

    private boolean marked(String node, String pseudoClass) {
        return fx(() -> editor().canvas().nodeView(node).orElseThrow().getPseudoClassStates()
                .contains(PseudoClass.getPseudoClass(pseudoClass)));
    }

    private List<Object> shown() {
        return fx(() -> lookup("#step-view").queryAs(StepView.class).shown());
    }

    private void next(int expectedPhase) throws Exception {
        clickOn("#step-next");
        waitFor(30, () -> step().phaseIndex() == expectedPhase);
    }

    @Test
    void xor_steps_through_one_batch_with_the_engine_numbers_on_the_wires_and_in_the_formulas() throws Exception {
        fxRun(() -> window.open(sample("xor")));
        clickOn("#tool-train-stepThrough");
        waitFor(120, () -> step().trace().isPresent());
        assertEquals(TrainingState.PAUSED, fx(() -> run().phase()));
        assertTrue(fx(() -> lookup("#step-view").query().isVisible()), "the Step tab is in front");
        StepTrace t = trace();
        List<StepPhase> phases = fx(() -> step().phases());
        assertEquals(List.of(new StepPhase(StepPhase.Kind.FORWARD, "hidden"),
                new StepPhase(StepPhase.Kind.FORWARD, "dense"), new StepPhase(StepPhase.Kind.LOSS, "output"),
                new StepPhase(StepPhase.Kind.BACKWARD, "dense"), new StepPhase(StepPhase.Kind.BACKWARD, "hidden"),
                new StepPhase(StepPhase.Kind.UPDATE, null)), phases);
        fxRun(() -> step().setSample(3));

        // Forward through "hidden": its inputs and outputs on the wires, nothing yet after it
        assertTrue(marked("hidden", "step-forward"));
        assertEquals(numbers(t.features().row(3)), wire("input", "hidden"));
        assertEquals(numbers(t.outputs().get("hidden").row(3)), wire("hidden", "dense"));
        assertEquals("", wire("dense", "output"));
        fxRun(() -> step().setUnit(4));
        Worked unit = (Worked) shown().get(0);
        assertEquals(t.outputs().get("hidden").at(3, 4), unit.engine(), 0);
        assertEquals(unit.engine(), unit.value(), 1e-6, unit.lines().toString());
        assertTrue(unit.lines().get(0).startsWith("y₅ = tanh(w₁₅·x₁ + w₂₅·x₂ + b₅)"), unit.lines().get(0));
        assertTrue(unit.lines().get(unit.lines().size() - 1).endsWith("= " + Numbers.of(unit.value())));

        // Forward through "dense": the probabilities go on to the Output
        next(1);
        assertTrue(marked("dense", "step-forward"));
        assertFalse(marked("hidden", "step-forward"));
        assertEquals(numbers(t.outputs().get("dense").row(3)), wire("dense", "output"));

        // The loss: the sample's, the batch's (the engine's own), and the gradient it sends back
        next(2);
        List<Object> loss = shown();
        Worked batch = (Worked) loss.get(1);
        assertEquals(t.loss(), batch.engine(), 0);
        assertEquals(batch.engine(), batch.value(), 1e-6);
        Worked back = (Worked) loss.get(2);
        assertEquals(back.engine(), back.value(), 1e-6);
        assertEquals(numbers(t.outputs().get("dense").row(3)) + "\n" + gradient(t.gradients().get("dense").row(3)),
                wire("dense", "output"));
        assertEquals(numbers(t.outputs().get("hidden").row(3)), wire("hidden", "dense"), "not reached back yet");

        // Backward through "dense": the chain rule for w₃₂ as numbers that sum to the engine's gradient
        next(3);
        assertTrue(marked("dense", "step-backward"));
        fxRun(() -> step().setWeight("W", 2 * 2 + 1));
        ChainRule rule = (ChainRule) shown().get(0);
        assertEquals(t.gradient().get("dense").get("W").data()[5], rule.engine(), 0);
        assertEquals(rule.engine(), rule.batchSum(), 1e-6, rule.lines().toString());
        double product = rule.factors().stream().mapToDouble(ChainRule.Factor::value).reduce(1, (a, b) -> a * b);
        assertEquals(product, rule.sampleProduct(), 1e-12);
        assertEquals(t.gradients().get("dense").at(3, 1), rule.factors().get(0).value(), 0, "∂L/∂z₂ from the engine");
        assertEquals(t.outputs().get("hidden").at(3, 2), rule.factors().get(1).value(), 0, "x₃ from the engine");
        assertTrue(fx(() -> lookup("#step-chain-check").queryAs(Label.class).getStyleClass().contains("step-check")));

        // Backward through "hidden": its gradient reaches the wire into "dense"; the Input gets none
        next(4);
        fxRun(() -> step().setWeight("W", 1));
        ChainRule hidden = (ChainRule) shown().get(0);
        assertEquals(3, hidden.factors().size(), "∂L/∂y · tanh′(z) · x");
        assertEquals(hidden.engine(), hidden.batchSum(), 1e-6, hidden.lines().toString());
        assertEquals(numbers(t.outputs().get("hidden").row(3)) + "\n" + gradient(t.gradients().get("hidden")
                .row(3)), wire("hidden", "dense"));
        assertEquals(numbers(t.features().row(3)), wire("input", "hidden"));

        // The update: the largest moves, each the engine's before and after
        next(5);
        TableView<?> changes = fx(() -> lookup("#step-changes").queryAs(TableView.class));
        assertEquals(15, fx(() -> changes.getItems().size()));
        StepTrace.Change first = (StepTrace.Change) fx(() -> changes.getItems().get(0));
        assertEquals(t.after().get(first.node()).get(first.weight()).data()[first.index()], first.after(), 0);

        // Back, then on to the next batch: a new step, one iteration further
        clickOn("#step-back");
        waitFor(30, () -> step().phaseIndex() == 4);
        next(5);
        long before = fx(() -> run().curves().history().train().size());
        clickOn("#step-next");
        waitFor(60, () -> step().trace().map(x -> x != t).orElse(false) && step().phaseIndex() == 0);
        assertTrue(trace().loss() != t.loss(), "the next batch is another step");
        waitFor(30, () -> run().curves().history().train().size() == before + 1);

        // Off again: the wires show shapes only, the run stays paused
        clickOn("#tool-train-stepThrough");
        assertEquals("", wire("input", "hidden"));
        assertFalse(marked("hidden", "step-forward"));
        assertEquals(TrainingState.PAUSED, fx(() -> run().phase()));
    }

    @Test
    void resuming_clears_the_step_shown_and_pausing_again_traces_the_next_batch() throws Exception {
        fxRun(() -> window.open(sample("xor")));
        fxRun(() -> run().setPace(5)); // slow enough to pause before the run ends
        clickOn("#tool-train-stepThrough");
        waitFor(120, () -> step().trace().isPresent());
        StepTrace first = trace();
        fxRun(() -> run().resume());
        waitFor(30, () -> step().trace().isEmpty());
        assertEquals("", wire("input", "hidden"), "no numbers from a step the network has moved past");
        assertTrue(fx(() -> step().training()));
        fxRun(() -> run().pause());
        waitFor(60, () -> step().trace().isPresent());
        assertTrue(trace() != first);
        assertTrue(fx(() -> run().curves().history().train().size()) > 1, "it trained on in between");
        fxRun(() -> run().stop());
    }

    @Test
    void a_network_that_cannot_train_says_so_instead_of_waiting_for_a_step() throws Exception {
        fxRun(() -> window.open(sample("xor")));
        clickOn("#node-hidden");
        type(javafx.scene.input.KeyCode.DELETE); // dense now has no input: the run cannot start
        clickOn("#tool-train-stepThrough");
        waitFor(60, () -> run().phase() == TrainingState.FAILED);
        String ended = org.strata.app.i18n.Messages.get("step.ended");
        waitFor(30, () -> lookup("#step-view .step-explain").queryAll().stream()
                .anyMatch(n -> ((Label) n).getText().equals(ended)));
        assertTrue(fx(() -> lookup("#step-next").query().isDisabled()));
    }
}
