package org.strata.app.training;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import org.strata.app.canvas.WireValues;
import org.strata.engine.backprop.StepFormulas;
import org.strata.engine.backprop.StepPhase;
import org.strata.engine.backprop.StepTrace;
import org.strata.engine.backprop.Values;
import org.strata.engine.graph.Edge;
import org.strata.engine.graph.Graph;
import org.strata.engine.train.TrainingState;

/**
 * Step Through: one training step, traced by the engine, taken apart into phases a student advances one at a time
 * (each layer's forward pass, the loss, each layer's backward pass last first, the update), for one chosen sample of
 * the batch. Says what each wire carries in the current phase and which layer is at work; the Step tab and the canvas
 * observe {@link #versionProperty()}. Without views, so it is tested without a window.
 */
public final class StepThrough {
    private final TrainingRun run;
    private final RunThreads threads;
    private final ReadOnlyBooleanWrapper active = new ReadOnlyBooleanWrapper(this, "active", false);
    private final ReadOnlyBooleanWrapper waiting = new ReadOnlyBooleanWrapper(this, "waiting", false);
    /** Moves on whenever anything shown changes: the trace, the phase, the sample, the unit, the weight. */
    private final ReadOnlyIntegerWrapper version = new ReadOnlyIntegerWrapper(this, "version", 0);
    private StepTrace trace;
    private Graph graph;
    private StepFormulas formulas;
    private List<StepPhase> phases = List.of();
    private int phase;
    private int sample;
    private int unit;
    private String weight = "W";
    private int weightIndex;
    /** The engine in use cannot trace a step (Deeplearning4j). */
    private boolean unavailable;

    StepThrough(TrainingRun run, RunThreads threads) {
        this.run = run;
        this.threads = threads;
        run.phaseProperty().addListener((o, a, b) -> {
            if (!active.get()) return;
            if (b == TrainingState.PAUSED && trace == null && !waiting.get()) traceNext();
            if (b == TrainingState.RUNNING && trace != null) {
                trace = null; // resumed: the step shown is no longer the network's; paused again, the next is traced
                changed();
            }
            if (b.isOver() || b == TrainingState.IDLE) {
                waiting.set(false);
                changed();
            }
        });
    }

    /** Turns Step Through on: pauses the run (starting one, paused, if none is going) and traces its next batch. */
    public void enter() {
        if (active.get()) return;
        active.set(true);
        unavailable = false;
        trace = null;
        changed();
        switch (run.phase()) {
            case PAUSED -> traceNext();
            case RUNNING, LOADING -> run.pause();
            default -> {
                run.start();
                run.pause(); // while it loads: it starts paused
            }
        }
    }

    /** Turns Step Through off; the run stays paused, to go on or step as before. */
    public void exit() {
        if (!active.get()) return;
        active.set(false);
        trace = null;
        formulas = null;
        phases = List.of();
        changed();
    }

    /** The next phase; after the update, the next batch's step. */
    public void next() {
        if (!active.get() || waiting.get()) return;
        if (trace != null && phase < phases.size() - 1) {
            phase++;
            changed();
        } else if (run.phase() == TrainingState.PAUSED) {
            traceNext();
        }
    }

    /** The phase before. */
    public void back() {
        if (trace != null && phase > 0) {
            phase--;
            changed();
        }
    }

    /** Goes to phase {@code index} of this step. */
    public void goTo(int index) {
        if (trace != null && index >= 0 && index < phases.size() && index != phase) {
            phase = index;
            changed();
        }
    }

    private void traceNext() {
        waiting.set(true);
        changed();
        traceStep().whenComplete((t, err) -> threads.ui(() -> {
            waiting.set(false);
            if (!active.get()) return;
            Optional<StepTrace> got = err == null ? t : Optional.empty();
            Optional<Graph> g = trainedGraph();
            if (got.isPresent() && g.isPresent()) {
                trace = got.get();
                graph = g.get();
                formulas = new StepFormulas(trace, graph);
                phases = StepPhase.of(List.copyOf(trace.outputs().keySet()), graph.inputNodes().get(0).id(),
                        graph.outputNodes().get(0).id());
                phase = 0;
                sample = Math.min(sample, trace.batch() - 1);
            } else {
                unavailable = run.phase() == TrainingState.PAUSED;
            }
            changed();
        }));
    }

    private void changed() {
        version.set(version.get() + 1);
    }

    public ReadOnlyBooleanProperty activeProperty() {
        return active.getReadOnlyProperty();
    }

    public boolean isActive() {
        return active.get();
    }

    /** @return true while the engine computes a step */
    public ReadOnlyBooleanProperty waitingProperty() {
        return waiting.getReadOnlyProperty();
    }

    public ReadOnlyIntegerProperty versionProperty() {
        return version.getReadOnlyProperty();
    }

    /** @return true while the run trains on (resumed while stepping through): pausing it traces its next batch */
    public boolean training() {
        return active.get() && trace == null && !waiting.get() && run.phase() == TrainingState.RUNNING;
    }

    /** @return true when the engine in use cannot trace a step */
    public boolean unavailable() {
        return unavailable;
    }

    /** @return the traced step, if one is shown */
    public Optional<StepTrace> trace() {
        return Optional.ofNullable(trace);
    }

    /** @return the graph the traced network was built from (the run's copy) */
    public Graph graph() {
        return graph;
    }

    /** @return the step's formulas with its numbers (null before a trace) */
    public StepFormulas formulas() {
        return formulas;
    }

    public List<StepPhase> phases() {
        return phases;
    }

    public int phaseIndex() {
        return phase;
    }

    /** @return the current phase, if a step is traced */
    public Optional<StepPhase> phase() {
        return trace == null ? Optional.empty() : Optional.of(phases.get(phase));
    }

    /** @return the row of the batch whose numbers are shown */
    public int sample() {
        return sample;
    }

    public void setSample(int row) {
        int r = trace == null ? 0 : Math.max(0, Math.min(row, trace.batch() - 1));
        if (r != sample) {
            sample = r;
            changed();
        }
    }

    /** @return the output unit whose formula is worked out */
    public int unit() {
        return unit;
    }

    public void setUnit(int u) {
        if (u != unit && u >= 0) {
            unit = u;
            changed();
        }
    }

    /** @return the weight ("W" or "b") whose chain rule is worked out */
    public String weight() {
        return weight;
    }

    /** @return that weight's position, row-major */
    public int weightIndex() {
        return weightIndex;
    }

    public void setWeight(String name, int index) {
        if (!name.equals(weight) || index != weightIndex) {
            weight = name;
            weightIndex = Math.max(0, index);
            changed();
        }
    }

    /** @return the layer at work in this phase (null in the update, or before a trace) */
    public String focus() {
        return phase().map(StepPhase::node).orElse(null);
    }

    /** @return whether the gradient flows in this phase (the loss and the backward pass) */
    public boolean backward() {
        return phase().map(p -> p.kind() == StepPhase.Kind.LOSS || p.kind() == StepPhase.Kind.BACKWARD)
                .orElse(false);
    }

    /**
     * @return per node, what its outgoing wires carry now for the chosen sample: its output once the forward pass
     *     has computed it, and dLoss/d(that output) once the backward pass has come back to it
     */
    public Map<String, WireValues> wires() {
        Map<String, WireValues> out = new HashMap<>();
        if (trace == null || !active.get()) return out;
        String input = graph.inputNodes().get(0).id();
        String output = graph.outputNodes().get(0).id();
        trace.outputs().forEach((id, values) -> {
            if (id.equals(output)) return;
            boolean forward = id.equals(input) || phase >= forwardPhase(id);
            Values g = trace.gradients().get(id);
            boolean back = g != null && phase >= gradientPhase(id);
            if (!forward && !back) return;
            out.put(id, new WireValues(forward ? values.row(sample) : null, values.rowShape(),
                    back ? g.row(sample) : null));
        });
        return out;
    }

    /** @return the phase in which node {@code id}'s output is computed */
    private int forwardPhase(String id) {
        return phases.indexOf(new StepPhase(StepPhase.Kind.FORWARD, id));
    }

    /** @return the first phase by which the gradient of {@code id}'s output is complete: all its readers went back */
    private int gradientPhase(String id) {
        int at = -1;
        String output = graph.outputNodes().get(0).id();
        for (Edge e : graph.outgoing(id)) {
            String reader = e.to().node();
            StepPhase p = reader.equals(output) ? new StepPhase(StepPhase.Kind.LOSS, output)
                    : new StepPhase(StepPhase.Kind.BACKWARD, reader);
            int i = phases.indexOf(p);
            if (i < 0) return Integer.MAX_VALUE;
            at = Math.max(at, i);
        }
        return at < 0 ? Integer.MAX_VALUE : at;
    }

    /**
     * While paused, trains one batch with the engine copying out everything it computed.
     *
     * @return completes (on the training thread) with the step, or empty when there is no paused run or its engine
     *     cannot trace
     */
    private java.util.concurrent.CompletableFuture<java.util.Optional<org.strata.engine.backprop.StepTrace>>
            traceStep() {
        org.strata.engine.train.TrainingSession s = run.session();
        if (s == null || run.phase() != TrainingState.PAUSED) {
            return java.util.concurrent.CompletableFuture.completedFuture(java.util.Optional.empty());
        }
        s.requestSnapshot(); // the other views show the same batch
        return s.traceStep();
    }

    /** @return the graph of the network the current (or last) run trains: its own copy, unchanged by later edits */
    private java.util.Optional<org.strata.engine.graph.Graph> trainedGraph() {
        org.strata.engine.train.TrainingSession s = run.session();
        return s == null ? java.util.Optional.empty() : java.util.Optional.of(s.project().graph());
    }
}
