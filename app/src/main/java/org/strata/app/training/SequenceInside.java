package org.strata.app.training;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.strata.engine.data.text.TextEncoding;
import org.strata.engine.export.NpzForward;
import org.strata.engine.graph.Node;

/**
 * What the Layers tab draws for a sequence layer and one sample, as matrices with their labels: a recurrent layer's
 * memory h at every step (units down, steps across), and for an attention layer each head's weights (the step that
 * looks down, the steps it looks at across). Labels are the sample's tokens where the data is text (or whole
 * numbers), else the step numbers.
 */
public final class SequenceInside {
    /** Layer types whose inside is drawn. */
    private static final List<String> RECURRENT = List.of("LSTM", "GRU", "SimpleRNN");

    private SequenceInside() {
    }

    /**
     * One matrix to paint.
     *
     * @param title     a head's number (1-based) for attention; 0 for a recurrent layer
     * @param rows      rows
     * @param cols      columns
     * @param values    row-major
     * @param rowLabels a label per row (attention: the looking step's token); empty for a recurrent layer's units
     * @param colLabels a label per column (the steps' tokens)
     * @param weights   true for attention weights (0 to 1), false for values either side of zero
     */
    public record Matrix(int title, int rows, int cols, float[] values, List<String> rowLabels, List<String> colLabels,
                         boolean weights) {
    }

    /** @return whether the Layers tab draws the inside of a layer of type {@code typeId} */
    public static boolean drawsInside(String typeId) {
        return RECURRENT.contains(typeId) || typeId.equals("MultiHeadAttention");
    }

    /**
     * @param inside the forward pass of the sample, with its insides
     * @param node   the layer
     * @param raw    the sample as the data holds it
     * @param text   how the data's texts became tokens; null for data of numbers
     * @return the layer's matrices; empty when the forward pass holds nothing of it
     */
    public static List<Matrix> of(NpzForward.Inside inside, Node node, float[] raw, TextEncoding text) {
        List<Matrix> out = new ArrayList<>();
        String nodeId = node.id();
        float[] states = inside.steps().get(nodeId);
        if (states != null) {
            int width = node.params().getInt("units") * (node.params().getBool("bidirectional") ? 2 : 1);
            int steps = states.length / width;
            List<String> labels = stepLabels(raw, steps, text);
            int units = states.length / steps;
            float[] byUnit = new float[states.length]; // [steps, units] turned to [units, steps]: time runs across
            for (int t = 0; t < steps; t++) {
                for (int u = 0; u < units; u++) byUnit[u * steps + t] = states[t * units + u];
            }
            out.add(new Matrix(0, units, steps, byUnit, List.of(), labels, false));
        }
        float[] looks = inside.attention().get(nodeId);
        if (looks != null) {
            int heads = node.params().getInt("heads");
            int steps = (int) Math.round(Math.sqrt(looks.length / (double) heads));
            List<String> labels = stepLabels(raw, steps, text);
            for (int h = 0; h < heads; h++) {
                float[] head = java.util.Arrays.copyOfRange(looks, h * steps * steps, (h + 1) * steps * steps);
                out.add(new Matrix(h + 1, steps, steps, head, labels, labels, true));
            }
        }
        return out;
    }

    /**
     * @param raw   the sample as the data holds it (token numbers for text)
     * @param steps the sequence layer's steps
     * @return a label per step: the tokens of a text, the numbers of a sequence of whole numbers (digits), a value
     * per step for one feature; else the step's number
     */
    public static List<String> stepLabels(float[] raw, int steps, TextEncoding text) {
        List<String> out = new ArrayList<>();
        if (text != null && raw.length == steps) {
            List<String> tokens = text.vocabulary().tokens();
            for (float v : raw) {
                int i = Math.round(v);
                out.add(i == 0 ? "·" : i < tokens.size() ? visible(tokens.get(i)) : "?");
            }
            return out;
        }
        if (raw.length == steps) {
            boolean whole = true;
            for (float v : raw) whole &= v == Math.rint(v) && Math.abs(v) < 1e6;
            for (float v : raw) out.add(whole ? Integer.toString((int) v) : String.format(Locale.ROOT, "%.2f", v));
            return out;
        }
        for (int t = 0; t < steps; t++) out.add(Integer.toString(t + 1));
        return out;
    }

    private static String visible(String token) {
        // a line break as Try it's bars show it (a poem's windows start at one); other white space as an open box
        if (token.isBlank() && token.contains("\n")) {
            return "↵".repeat((int) token.chars().filter(c -> c == '\n').count());
        }
        return token.isBlank() ? "␣" : org.strata.engine.text.TerminalText.escape(token); // a token acts on nothing
    }
}
