package org.strata.app.training.view;

import java.util.ArrayList;
import java.util.List;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.Slider;
import javafx.scene.control.Spinner;
import javafx.scene.control.TextField;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.scene.text.Text;
import javafx.scene.text.TextFlow;
import org.strata.app.i18n.Messages;
import org.strata.app.training.SequenceInside;
import org.strata.app.training.TrainingRun;
import org.strata.engine.generate.ContextWindow;
import org.strata.engine.generate.Generation;
import org.strata.engine.generate.Sampling;
import org.strata.engine.text.TerminalText;

/**
 * Try it for a language model: a prompt, the sampling (temperature, top-k, top-p, a seed), and the text the model
 * writes on, a token at a time or many; the next-token probabilities of the last token as bars, the chosen one
 * marked; the chosen attention head's weights over the context for the new token; and, while the run trains, the line
 * the model writes now.
 */
final class GenerationView extends VBox {
    private final TrainingRun run;
    private final TextField prompt = new TextField();
    private final Spinner<Integer> tokens = new Spinner<>(1, 500, 40);
    private final Slider temperature = new Slider(0, 2, 0.8);
    private final Spinner<Integer> topK = new Spinner<>(0, 1_000_000, 0);
    private final Slider topP = new Slider(0.05, 1, 1);
    private final Spinner<Integer> seed = new Spinner<>(0, Integer.MAX_VALUE, 1);
    private final Text before = new Text();
    private final Text written = new Text();
    private final VBox bars = new VBox(3);
    private final FlowPane attention = new FlowPane(2, 2);
    private final ComboBox<Head> head = new ComboBox<>();
    private final Label error = new Label();
    /** The text written after the prompt so far, and how many tokens (a seed per token for "One token"). */
    private String continued = "";
    private int count;
    private int asked;

    GenerationView(TrainingRun run) {
        this.run = run;
        setSpacing(8);
        getStyleClass().add("generation-view");
        Label hint = wrapped(Messages.get("generate.hint", run.dataset().text().orElseThrow().length()));
        prompt.setId("generate-prompt");
        prompt.setPromptText(Messages.get("generate.promptHint"));
        HBox.setHgrow(prompt, Priority.ALWAYS);
        tokens.setId("generate-tokens");
        tokens.setEditable(true);
        tokens.setPrefWidth(90);
        Button all = new Button(Messages.get("generate.run"));
        all.setId("generate-run");
        all.setDefaultButton(true);
        all.setOnAction(e -> write(tokens.getValue(), true));
        Button one = new Button(Messages.get("generate.one"));
        one.setId("generate-one");
        one.setOnAction(e -> write(1, false));
        Button clear = new Button(Messages.get("generate.clear"));
        clear.setId("generate-clear");
        clear.setOnAction(e -> clear());
        HBox ask = new HBox(6, prompt, new Label(Messages.get("generate.tokens")), tokens, all, one, clear);
        ask.setAlignment(Pos.CENTER_LEFT);
        prompt.textProperty().addListener((o, a, b) -> {
            run.writing().setLivePrompt(b);
            clear();
        });

        temperature.setId("generate-temperature");
        temperature.setMajorTickUnit(0.5);
        temperature.setShowTickMarks(true);
        temperature.setPrefWidth(160);
        Label tLabel = new Label();
        tLabel.textProperty().bind(javafx.beans.binding.Bindings.createStringBinding(() -> temperature.getValue()
                < 0.05 ? Messages.get("generate.greedy") : Messages.get("generate.temperature",
                String.format("%.1f", temperature.getValue())), temperature.valueProperty()));
        topK.setId("generate-topk");
        topK.setEditable(true);
        topK.setPrefWidth(100);
        topP.setId("generate-topp");
        topP.setPrefWidth(120);
        Label pLabel = new Label();
        pLabel.textProperty().bind(javafx.beans.binding.Bindings.createStringBinding(() -> Messages.get(
                "generate.topP", String.format("%.2f", topP.getValue())), topP.valueProperty()));
        seed.setId("generate-seed");
        seed.setEditable(true);
        seed.setPrefWidth(100);
        FlowPane settings = new FlowPane(10, 6, tLabel, temperature, new Label(Messages.get("generate.topK")), topK,
                pLabel, topP, new Label(Messages.get("generate.seed")), seed);
        settings.setAlignment(Pos.CENTER_LEFT);

        written.getStyleClass().add("generated-text");
        before.getStyleClass().add("generated-prompt");
        TextFlow text = new TextFlow(before, written);
        text.setId("generate-text");
        text.getStyleClass().add("generate-text");
        text.setPadding(new Insets(6));

        bars.setId("generate-bars");
        attention.setId("generate-attention");
        head.setId("generate-head");
        head.getItems().setAll(heads());
        if (!head.getItems().isEmpty()) head.getSelectionModel().select(0);
        head.valueProperty().addListener((o, a, b) -> showAttention());
        VBox right = new VBox(6, wrapped(Messages.get("generate.barsTitle")), bars);
        VBox left = new VBox(6, text, head.getItems().isEmpty() ? new Label() : new HBox(6,
                new Label(Messages.get("generate.attention")), head), attention);
        HBox.setHgrow(left, Priority.ALWAYS);
        HBox middle = new HBox(16, left, right);

        Label live = wrapped("");
        live.setId("generate-live");
        live.getStyleClass().add("generate-live");
        // only while the run trains ("writes now"), its lines as lines: the class reads verse, not "\n"
        live.textProperty().bind(javafx.beans.binding.Bindings.createStringBinding(() -> {
            String line = run.writing().liveProperty().get();
            return line.isEmpty() || !run.isActive() ? "" : Messages.get("generate.live", org.strata.app.training.Writing.asLines(line));
        }, run.writing().liveProperty(), run.phaseProperty()));
        live.managedProperty().bind(live.textProperty().isNotEmpty());
        live.visibleProperty().bind(live.textProperty().isNotEmpty());
        error.setId("generate-error");
        error.getStyleClass().add("inspector-error");
        error.setWrapText(true);
        getChildren().addAll(hint, live, ask, settings, middle, error);
    }

    private static Label wrapped(String text) {
        Label l = new Label(text);
        l.setWrapText(true);
        return l;
    }

    /**
     * One head of an attention layer, as the chooser lists it.
     *
     * @param nodeId the layer's id
     * @param name   the layer's name, as the canvas shows it
     * @param number the head's number, from 1
     */
    private record Head(String nodeId, String name, int number) {
        @Override
        public String toString() {
            return Messages.get("generate.head", TerminalText.escape(name), number);
        }
    }

    /** @return every head of every attention layer, in the graph's order */
    private List<Head> heads() {
        List<Head> out = new ArrayList<>();
        var net = run.network();
        if (net.isEmpty()) return out;
        for (var n : net.get().graph().nodes()) {
            if (!n.type().id().equals("MultiHeadAttention")) continue;
            for (int h = 1; h <= n.params().getInt("heads"); h++) out.add(new Head(n.id(), n.name(), h));
        }
        return out;
    }

    private Sampling sampling(int offset) {
        double t = temperature.getValue() < 0.05 ? 0 : temperature.getValue();
        return new Sampling(t, topK.getValue(), topP.getValue(), seed.getValue() + offset);
    }

    private void clear() {
        continued = "";
        count = 0;
        asked++;
        before.setText(prompt.getText());
        written.setText("");
        bars.getChildren().clear();
        attention.getChildren().clear();
        error.setText("");
    }

    /** Writes {@code n} tokens: afresh from the prompt, or one more after what is written. */
    private void write(int n, boolean fresh) {
        if (fresh) clear();
        int mine = ++asked;
        String start = prompt.getText() + continued;
        before.setText(prompt.getText());
        error.setText("");
        Sampling how = sampling(fresh ? 0 : count);
        run.writing().write(start, n, how, step -> {
            if (mine != asked) return;
            continued += step.text();
            count++;
            written.setText(continued);
            showBars(step);
        }).whenComplete((g, failed) -> javafx.application.Platform.runLater(() -> {
            if (mine != asked) return;
            if (failed != null) {
                error.setText(org.strata.app.i18n.Catalogue.explain(failed.getCause() != null ? failed.getCause()
                        : failed));
                return;
            }
            if (!g.steps().isEmpty()) run.writing().log().wrote(how.temperature());
            showAttention();
            showInLayers();
        }));
    }

    /**
     * Gives the Layers tab the text written so far as its sample: its attention per head and layer and its hidden
     * states over the tokens the model reads now (the window that would choose the next token).
     */
    private void showInLayers() {
        var text = run.dataset() == null ? null : run.dataset().text().orElse(null);
        if (text == null) return;
        String all = prompt.getText() + continued;
        ContextWindow rule = contextWindow(text);
        run.typedProperty().set(new org.strata.app.training.TrainingRun.TypedSample(all,
                rule.input(rule.of(text.ids(all)))));
    }

    /** @return which tokens the model reads: as the last generator made said, else the last T */
    private ContextWindow contextWindow(org.strata.engine.data.text.TextEncoding text) {
        return run.writing().window().orElseGet(() -> new ContextWindow(text, false));
    }

    /** The model's ten most probable next tokens before the choice, the chosen one marked. */
    private void showBars(Generation.Step step) {
        bars.getChildren().clear();
        GridPane g = new GridPane();
        g.setHgap(8);
        g.setVgap(3);
        int row = 0;
        // where temperature, top-k or top-p reshaped the model's probabilities, each token's chance in the draw
        boolean reshaped = step.top().stream().anyMatch(c -> Math.abs(c.chance() - c.probability()) > 5e-4);
        for (Generation.Candidate c : step.top()) {
            Label token = new Label(shown(c.text()));
            ProgressBar bar = new ProgressBar(c.probability());
            bar.setPrefWidth(160);
            Label pct = new Label(String.format("%.1f%%", 100 * c.probability()));
            Label drawn = new Label(reshaped ? String.format("\u2192 %.1f%%", 100 * c.chance()) : "");
            drawn.getStyleClass().add("generate-drawn");
            if (c.token() == step.token()) {
                token.getStyleClass().add("inference-best");
                pct.getStyleClass().add("inference-best");
                pct.setId("generate-chosen");
            }
            g.addRow(row++, token, bar, pct, drawn);
        }
        if (reshaped) g.add(wrapped(Messages.get("generate.drawn")), 0, step.top().size() + 1, 4, 1);
        if (step.top().stream().noneMatch(c -> c.token() == step.token())) { // sampled from beyond the ten
            Label token = new Label(shown(step.text()));
            token.getStyleClass().add("inference-best");
            Label pct = new Label(String.format("%.2f%%", 100 * step.probability()));
            pct.setId("generate-chosen");
            g.addRow(row, token, new Label("…"), pct);
        }
        bars.getChildren().add(g);
    }

    /** @return a token as the bars show it: a line break and a space made visible, control characters escaped */
    private static String shown(String token) {
        return TerminalText.escape(token.replace("\n", "\u21b5").replace(" ", "\u2423"));
    }

    /** The chosen head's weights, for the last token written, over the tokens of the context it read. */
    private void showAttention() {
        attention.getChildren().clear();
        Head chosen = head.getValue();
        var net = run.network();
        var text = run.dataset() == null ? null : run.dataset().text().orElse(null);
        if (chosen == null || net.isEmpty() || text == null || count == 0) return;
        int[] ids = text.ids(prompt.getText() + continued);
        if (ids.length == 0) return;
        ContextWindow rule = contextWindow(text);
        // the window that chose the last token: what the model read of the tokens before it
        int[] read = rule.of(java.util.Arrays.copyOf(ids, ids.length - 1));
        int n = read.length;
        float[] window = rule.input(read);
        int shownAt = asked;
        net.get().insideOf(window).whenComplete((inside, failed) -> javafx.application.Platform.runLater(() -> {
            if (failed != null || shownAt != asked) return;
            // the window held n tokens: the last token was chosen at position n − 1
            var node = net.get().nodeOf(chosen.nodeId());
            if (node.isEmpty()) return;
            List<SequenceInside.Matrix> heads = SequenceInside.of(inside, node.get(), window, text);
            if (chosen.number() > heads.size()) return;
            SequenceInside.Matrix m = heads.get(chosen.number() - 1);
            int row = n - 1;
            for (int c = 0; c < n && c < m.cols(); c++) {
                float w = m.values()[row * m.cols() + c];
                Label chip = new Label(shown(c < m.colLabels().size() ? m.colLabels().get(c) : "?"));
                chip.getStyleClass().add("attention-chip");
                chip.setStyle("-fx-background-color: rgba(9, 105, 218, " + String.format(java.util.Locale.ROOT,
                        "%.3f", Math.min(1, w)) + ");");
                chip.setTooltip(new javafx.scene.control.Tooltip(String.format("%.1f%%", 100 * w)));
                attention.getChildren().add(chip);
            }
            if (n > 0) run.writing().log().showedHead(chosen.nodeId(), chosen.number());
        }));
    }
}
