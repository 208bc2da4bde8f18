package org.strata.app.training.view;

import java.util.List;
import javafx.scene.control.Label;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.GridPane;
import org.strata.app.i18n.Messages;
import org.strata.app.training.TextTrial;

/** Try it's two tables for a typed text: the probabilities after each token, and what the answer rests on. */
final class TextTrialTables {
    private TextTrialTables() {
    }

    /**
     * The tokens, each shaded by how much the prediction rests on it: red where reading it as {@code <unk>} lowers
     * the predicted class's probability, blue where it raises it, the number in its tooltip.
     */
    static void support(FlowPane support, List<String> tokens, float[] drop) {
        support.getChildren().clear();
        for (int k = 0; k < tokens.size(); k++) {
            Label t = new Label(tokens.get(k).isBlank() ? "␣"
                    : org.strata.engine.text.TerminalText.escape(tokens.get(k)));
            t.getStyleClass().add("inference-token");
            float d = Math.max(-1, Math.min(1, drop[k]));
            t.setStyle("-fx-background-color: " + (d >= 0 ? "rgba(207, 34, 46, " : "rgba(9, 105, 218, ")
                    + String.format(java.util.Locale.ROOT, "%.2f", 0.06 + 0.9 * Math.abs(d)) + ");");
            t.setTooltip(new javafx.scene.control.Tooltip(Messages.get("inference.tokenSupport",
                    String.format("%+.1f", -100 * drop[k]))));
            support.getChildren().add(t);
        }
    }

    /** The probabilities after each token: a row per token, a column per class, the strongest cell marked. */
    static void steps(GridPane steps, List<String> names, List<String> labels, float[][] p) {
        steps.getChildren().clear();
        if (names.isEmpty()) return;
        steps.add(new Label(""), 0, 0);
        for (int c = 0; c < names.size(); c++) {
            Label head = new Label(names.get(c));
            head.getStyleClass().add("inference-step-head");
            steps.add(head, c + 1, 0);
        }
        for (int k = 0; k < labels.size(); k++) {
            Label token = new Label(labels.get(k));
            token.getStyleClass().add("inference-step-token");
            steps.add(token, 0, k + 1);
            int best = TextTrial.best(p[k]);
            for (int c = 0; c < names.size() && c < p[k].length; c++) {
                Label cell = new Label(String.format("%.0f%%", 100 * p[k][c]));
                cell.getStyleClass().add("inference-step-cell");
                if (c == best) cell.getStyleClass().add("inference-step-best");
                cell.setMaxWidth(Double.MAX_VALUE);
                // the cell's shade is its probability: a column of dark cells is the network's mind made up
                cell.setStyle("-fx-background-color: rgba(64, 128, 220, " + String.format(java.util.Locale.ROOT,
                        "%.2f", 0.08 + 0.8 * p[k][c]) + ");");
                steps.add(cell, c + 1, k + 1);
            }
        }
    }
}
