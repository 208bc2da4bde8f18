package org.strata.app.training.view;

import java.util.ArrayList;
import java.util.List;
import javafx.beans.property.SimpleStringProperty;
import javafx.collections.FXCollections;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Spinner;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.strata.app.i18n.Catalogue;
import org.strata.app.i18n.Messages;
import org.strata.app.training.StepThrough;
import org.strata.app.training.TrainingRun;
import org.strata.engine.backprop.ChainRule;
import org.strata.engine.backprop.Numbers;
import org.strata.engine.backprop.StepFormulas;
import org.strata.engine.backprop.StepPhase;
import org.strata.engine.backprop.StepTrace;
import org.strata.engine.backprop.Values;
import org.strata.engine.backprop.Worked;
import org.strata.engine.graph.Graph;

/**
 * The Step tab: the phase of a traced step the student is in, with Back and Next; the sample whose numbers are
 * shown; and what the phase computes, as the layer's formula filled in with those numbers next to the value the
 * engine computed: a unit's output in the forward pass, the loss and the gradient it sends back, the chain rule for
 * one weight in the backward pass, and the largest weight moves in the update.
 */
public final class StepView extends BorderPane {
    /** Weights offered in the chain rule's list at most (a large layer's first ones). */
    private static final int WEIGHTS_OFFERED = 200;
    /** Weight moves listed in the update. */
    private static final int CHANGES = 15;
    /** Values of a layer without a worked formula listed at most. */
    private static final int VALUES_SHOWN = 16;

    private final TrainingRun run;
    private final StepThrough step;
    private final Label title = new Label();
    private final Button back = new Button(Messages.get("step.back"));
    private final Button next = new Button(Messages.get("step.next"));
    private final Spinner<Integer> sample = new Spinner<>(1, 1, 1);
    private final VBox body = new VBox(8);
    /** What the body shows, for tests: each Worked or ChainRule on screen, in order. */
    private final List<Object> shown = new ArrayList<>();
    private boolean updating;

    public StepView(TrainingRun run) {
        this.run = run;
        this.step = run.stepThrough();
        setId("step-view");
        getStyleClass().add("step-view");
        title.setId("step-title");
        title.getStyleClass().add("step-title");
        back.setId("step-back");
        next.setId("step-next");
        next.setDefaultButton(false);
        back.setOnAction(e -> step.back());
        next.setOnAction(e -> step.next());
        sample.setId("step-sample");
        sample.setEditable(true);
        sample.setPrefWidth(90);
        sample.valueProperty().addListener((o, a, b) -> {
            if (!updating && b != null) step.setSample(b - 1);
        });
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        HBox bar = new HBox(8, title, spacer, new Label(Messages.get("step.sample")), sample, back, next);
        bar.setAlignment(Pos.CENTER_LEFT);
        bar.setPadding(new Insets(4, 8, 4, 8));
        setTop(bar);
        body.setPadding(new Insets(4, 12, 12, 12));
        ScrollPane scroll = new ScrollPane(body);
        scroll.setFitToWidth(true);
        setCenter(scroll);
        // a chooser set while the tab is being built (a layer without the weight chosen before) is already shown
        step.versionProperty().addListener((o, a, b) -> {
            if (!updating) refresh();
        });
        run.phaseProperty().addListener((o, a, b) -> refresh());
        refresh();
    }

    /** @return the worked formulas and chain rules the tab shows now, in order (for tests) */
    public List<Object> shown() {
        return List.copyOf(shown);
    }

    private void refresh() {
        updating = true;
        try {
            body.getChildren().clear();
            shown.clear();
            var phase = step.phase();
            boolean traced = phase.isPresent();
            back.setDisable(!traced || step.phaseIndex() == 0 || step.waitingProperty().get());
            next.setDisable(!step.isActive() || step.waitingProperty().get()
                    || !traced && run.phase() != org.strata.engine.train.TrainingState.PAUSED);
            next.setText(Messages.get(traced && step.phaseIndex() == step.phases().size() - 1 ? "step.nextBatch"
                    : "step.next"));
            sample.setDisable(!traced);
            if (!step.isActive()) {
                title.setText(Messages.get("step.title"));
                Button start = new Button(Messages.get("step.start"));
                start.setId("step-start");
                start.setOnAction(e -> step.enter());
                body.getChildren().addAll(wrapped(Messages.get("step.idle"), "step-explain"), start);
                return;
            }
            if (!traced) {
                title.setText(Messages.get("step.title"));
                String why = step.unavailable() ? "step.unavailable" : step.training() ? "step.running"
                        : run.phase().isOver() || run.phase() == org.strata.engine.train.TrainingState.IDLE
                        ? "step.ended" : "step.waiting";
                body.getChildren().add(wrapped(Messages.get(why), "step-explain"));
                return;
            }
            StepTrace t = step.trace().orElseThrow();
            ((javafx.scene.control.SpinnerValueFactory.IntegerSpinnerValueFactory) sample.getValueFactory())
                    .setMax(t.batch());
            sample.getValueFactory().setValue(step.sample() + 1);
            StepPhase p = phase.get();
            title.setText(phaseTitle(p));
            body.getChildren().add(sampleLine(t));
            switch (p.kind()) {
                case FORWARD -> forward(p.node());
                case LOSS -> loss(t);
                case BACKWARD -> backward(p.node());
                case UPDATE -> update(t);
            }
        } finally {
            updating = false;
        }
    }

    private String phaseTitle(StepPhase p) {
        int at = step.phaseIndex() + 1;
        int of = step.phases().size();
        return switch (p.kind()) {
            case FORWARD -> Messages.get("step.phase.forward", name(p.node()), at, of);
            case LOSS -> Messages.get("step.phase.loss", at, of);
            case BACKWARD -> Messages.get("step.phase.backward", name(p.node()), at, of);
            case UPDATE -> Messages.get("step.phase.update", at, of);
        };
    }

    private Node sampleLine(StepTrace t) {
        int n = step.sample();
        String index = t.samples().length > n ? String.valueOf(t.samples()[n] + 1) : "?";
        String input = values(t.features().row(n), 6);
        String label = values(t.labels().row(n), 6);
        Label l = wrapped(Messages.get("step.sampleInfo", n + 1, t.batch(), index, input, label), "step-sample");
        l.setId("step-sample-info");
        return l;
    }

    private void forward(String node) {
        Graph g = step.graph();
        StepFormulas f = step.formulas();
        body.getChildren().add(wrapped(Messages.get("step.explain.forward", name(node)), "step-explain"));
        Values out = step.trace().orElseThrow().outputs().get(node);
        if (!f.worksForward(node)) {
            valuesOf(node, out);
            return;
        }
        long[] shape = out.rowShape();
        int units = (int) shape[shape.length - 1]; // a Dense's units, a Conv2D's filters
        body.getChildren().add(unitChooser(units));
        f.forward(node, step.sample(), Math.min(step.unit(), units - 1)).ifPresent(w -> showWorked(w,
                Messages.get("step.formula")));
        body.getChildren().add(wrapped(Catalogue.formula(g.require(node).type()), "step-reference"));
    }

    private void loss(StepTrace t) {
        StepFormulas f = step.formulas();
        body.getChildren().add(wrapped(Messages.get("step.explain.loss"), "step-explain"));
        String output = step.graph().outputNodes().get(0).id();
        int n = step.sample();
        body.getChildren().add(wrapped(Messages.get("step.prediction", values(t.outputs().get(output).row(n), 8),
                values(t.labels().row(n), 8)), "step-formula"));
        if (!f.worksLoss()) { // a class at every step: the loss in general, its numbers are the engine's
            body.getChildren().add(wrapped(Messages.get("step.loss.perStep"), "step-reference"));
            return;
        }
        showWorked(f.sampleLoss(n), Messages.get("step.loss.sample"));
        showWorked(f.batchLoss(), Messages.get("step.loss.batch"));
        int units = t.outputs().get(output).rowSize();
        body.getChildren().add(unitChooser(units));
        showWorked(f.lossGradient(n, Math.min(step.unit(), units - 1)), Messages.get("step.loss.gradient"));
    }

    private void backward(String node) {
        StepFormulas f = step.formulas();
        StepTrace t = step.trace().orElseThrow();
        boolean weights = t.before().containsKey(node);
        body.getChildren().add(wrapped(Messages.get(weights ? "step.explain.backward" : "step.explain.backwardOnly",
                name(node)), "step-explain"));
        if (!f.worksChain(node)) {
            Values g = t.gradients().get(node);
            if (g != null) {
                float[] row = g.row(step.sample());
                body.getChildren().add(wrapped(Messages.get("step.gradientValues", row.length,
                        Numbers.of(min(row), 3), Numbers.of(max(row), 3), values(row, VALUES_SHOWN)),
                        "step-formula"));
            }
            return;
        }
        body.getChildren().add(weightChooser(node, t));
        f.chain(node, step.weight(), step.weightIndex(), step.sample()).ifPresent(this::showChain);
    }

    private void update(StepTrace t) {
        body.getChildren().add(wrapped(Messages.get("step.explain.update", t.optimizer(),
                Numbers.of(t.learningRate())), "step-explain"));
        TableView<StepTrace.Change> table = new TableView<>(FXCollections.observableArrayList(
                t.largestChanges(CHANGES)));
        table.setId("step-changes");
        table.getColumns().add(column("step.table.layer", c -> name(c.node())));
        table.getColumns().add(column("step.table.weight", c -> weightName(c)));
        table.getColumns().add(column("step.table.before", c -> Numbers.of(c.before())));
        table.getColumns().add(column("step.table.gradient", c -> Numbers.of(c.grad())));
        table.getColumns().add(column("step.table.after", c -> Numbers.of(c.after())));
        table.getColumns().add(column("step.table.change", c -> Numbers.of(c.delta())));
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        table.setPrefHeight(320);
        body.getChildren().add(table);
    }

    /** "w₁₂" for W at row-major index i·units + j, "b₂" for b. */
    private String weightName(StepTrace.Change c) {
        Values w = step.trace().orElseThrow().before().get(c.node()).get(c.weight());
        if (c.weight().equals("W") && w.shape().length == 2) {
            int units = (int) w.shape()[1];
            return "w" + Numbers.sub(c.index() / units, c.index() % units);
        }
        if (w.shape().length == 4) { // a Conv2D's [kernelH, kernelW, inChannels, filters], counted from 1
            long[] d = w.shape();
            int i = c.index();
            return c.weight() + "[" + (i / (d[3] * d[2] * d[1]) + 1) + "," + (i / (d[3] * d[2]) % d[1] + 1) + ","
                    + (i / d[3] % d[2] + 1) + "," + (i % d[3] + 1) + "]";
        }
        return w.shape().length == 1 ? c.weight() + Numbers.sub(c.index()) : c.weight() + "[" + c.index() + "]";
    }

    private static TableColumn<StepTrace.Change, String> column(String key,
                                                                 java.util.function.Function<StepTrace.Change, String> f) {
        TableColumn<StepTrace.Change, String> c = new TableColumn<>(Messages.get(key));
        c.setCellValueFactory(d -> new SimpleStringProperty(f.apply(d.getValue())));
        c.setSortable(false);
        return c;
    }

    private Node unitChooser(int units) {
        Spinner<Integer> unit = new Spinner<>(1, Math.max(1, units), Math.min(step.unit(), units - 1) + 1);
        unit.setId("step-unit");
        unit.setPrefWidth(90);
        unit.valueProperty().addListener((o, a, b) -> {
            if (b != null) step.setUnit(b - 1);
        });
        HBox box = new HBox(8, new Label(Messages.get("step.unit")), unit);
        box.setAlignment(Pos.CENTER_LEFT);
        return box;
    }

    private Node weightChooser(String node, StepTrace t) {
        List<String[]> choices = new ArrayList<>();
        t.before().get(node).forEach((name, v) -> {
            for (int i = 0; i < Math.min(v.data().length, WEIGHTS_OFFERED); i++) {
                choices.add(new String[]{name, String.valueOf(i)});
            }
        });
        ComboBox<String> box = new ComboBox<>();
        box.setId("step-weight");
        int selected = 0;
        for (int k = 0; k < choices.size(); k++) {
            String[] c = choices.get(k);
            int index = Integer.parseInt(c[1]);
            box.getItems().add(weightName(new StepTrace.Change(node, c[0], index, 0, 0, 0)));
            if (c[0].equals(step.weight()) && index == step.weightIndex()) selected = k;
        }
        if (!choices.isEmpty() && !(choices.get(selected)[0].equals(step.weight())
                && Integer.parseInt(choices.get(selected)[1]) == step.weightIndex())) {
            step.setWeight(choices.get(0)[0], 0); // a layer without the weight chosen before: its first
        }
        box.getSelectionModel().select(selected);
        box.getSelectionModel().selectedIndexProperty().addListener((o, a, b) -> {
            int k = b.intValue();
            if (k >= 0) step.setWeight(choices.get(k)[0], Integer.parseInt(choices.get(k)[1]));
        });
        HBox row = new HBox(8, new Label(Messages.get("step.weight")), box);
        row.setAlignment(Pos.CENTER_LEFT);
        return row;
    }

    private void showWorked(Worked w, String heading) {
        shown.add(w);
        VBox box = new VBox(2, wrapped(heading, "step-heading"), formula(w.general(), "step-general"));
        for (String line : w.lines()) box.getChildren().add(formula(line, "step-formula"));
        if (!Double.isNaN(w.engine())) box.getChildren().add(check(w.value(), w.engine()));
        box.getStyleClass().add("step-block");
        body.getChildren().add(box);
    }

    private void showChain(ChainRule c) {
        shown.add(c);
        VBox box = new VBox(2, wrapped(Messages.get("step.chain"), "step-heading"),
                formula(c.general(), "step-general"));
        for (String line : c.lines()) box.getChildren().add(formula(line, "step-formula"));
        boolean same = Math.abs(c.batchSum() - c.engine()) <= 1e-6 * Math.max(1, Math.abs(c.engine()));
        Label l = wrapped(Messages.get(same ? "step.batchSum" : "step.batchSumDiffers", step.trace().orElseThrow()
                .batch(), Numbers.of(c.batchSum()), Numbers.of(c.engine())), same ? "step-check" : "step-mismatch");
        l.setId("step-chain-check");
        box.getChildren().add(l);
        box.getStyleClass().add("step-block");
        body.getChildren().add(box);
    }

    private Label check(double value, double engine) {
        boolean same = Math.abs(value - engine) <= 1e-6 * Math.max(1, Math.abs(engine));
        Label l = wrapped(Messages.get(same ? "step.engine" : "step.engineDiffers", Numbers.of(engine)),
                same ? "step-check" : "step-mismatch");
        return l;
    }

    private void valuesOf(String node, Values out) {
        body.getChildren().add(wrapped(Catalogue.formula(step.graph().require(node).type()), "step-reference"));
        float[] row = out.row(step.sample());
        body.getChildren().add(wrapped(Messages.get("step.values", row.length, Numbers.of(min(row), 3),
                Numbers.of(max(row), 3), values(row, VALUES_SHOWN)), "step-formula"));
    }

    private String name(String node) {
        return step.graph() == null ? node : step.graph().node(node).map(n -> n.name()).orElse(node);
    }

    private static double min(float[] v) {
        double m = Double.POSITIVE_INFINITY;
        for (float x : v) m = Math.min(m, x);
        return m;
    }

    private static double max(float[] v) {
        double m = Double.NEGATIVE_INFINITY;
        for (float x : v) m = Math.max(m, x);
        return m;
    }

    /** @return up to {@code max} values, "…" after them when there are more */
    private static String values(float[] v, int max) {
        StringBuilder b = new StringBuilder("(");
        for (int i = 0; i < Math.min(v.length, max); i++) b.append(i == 0 ? "" : ", ").append(Numbers.of(v[i], 3));
        if (v.length > max) b.append(", …");
        return b.append(')').toString();
    }

    private static Label formula(String text, String style) {
        Label l = wrapped(text, style);
        l.getStyleClass().add("step-math");
        return l;
    }

    private static Label wrapped(String text, String style) {
        Label l = new Label(text);
        l.setWrapText(true);
        l.getStyleClass().add(style);
        l.setMinHeight(Region.USE_PREF_SIZE);
        return l;
    }
}
