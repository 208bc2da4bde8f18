package org.strata.app.training;

import java.util.ArrayList;
import java.util.List;
import org.strata.engine.data.text.TextEncoding;

/**
 * A text typed into Try it, read as the network reads it: its tokens (at most the data's length) and, in one batch,
 * for each token the text up to it (how the prediction changes as the network reads on, letter by letter or word by
 * word) and the whole text with that token read as {@code <unk>} (occlusion: how much the prediction rests on it).
 *
 * @param tokens the tokens the network reads, in order
 * @param batch  n prefixes (the last is the whole text), then n occluded texts, n the number of tokens
 */
public record TextTrial(List<String> tokens, float[][] batch) {
    /** @return the trial of {@code text}; no tokens for a blank text */
    public static TextTrial of(TextEncoding encoding, String text) {
        List<String> tokens = encoding.tokens(text);
        int n = tokens.size();
        float[][] batch = new float[2 * n][];
        for (int k = 0; k < n; k++) {
            batch[k] = encoding.encodeTokens(tokens.subList(0, k + 1));
            batch[n + k] = encoding.encodeTokens(tokens);
            batch[n + k][k] = 1; // <unk>: the token's place kept, what it says gone
        }
        return new TextTrial(List.copyOf(tokens), batch);
    }

    /** @return the predictions for the prefixes, from the predictions for {@link #batch} */
    public float[][] afterEachToken(float[][] predictions) {
        return java.util.Arrays.copyOf(predictions, tokens.size());
    }

    /**
     * @return for each token, how much the probability of the class predicted for the whole text falls when the
     * token is read as {@code <unk>}: above zero it supports the prediction, below zero it speaks against it
     */
    public float[] support(float[][] predictions) {
        int n = tokens.size();
        float[] whole = predictions[n - 1];
        int best = best(whole);
        float[] out = new float[n];
        for (int k = 0; k < n; k++) out[k] = whole[best] - predictions[n + k][best];
        return out;
    }

    /** @return whether there is nothing to ask the network about */
    public boolean isEmpty() {
        return tokens.isEmpty();
    }

    /**
     * @return what to call each step in a table: the token, with the text read so far when the tokens are
     * characters ("wor" + "d"), made visible where it is white space
     */
    public List<String> stepLabels(boolean characters) {
        List<String> out = new ArrayList<>();
        StringBuilder read = new StringBuilder();
        for (String t : tokens) {
            // a token from the data is shown, its control and bidi characters in their visible form
            String shown = t.isBlank() ? "␣" : org.strata.engine.text.TerminalText.escape(t);
            if (characters) {
                read.append(shown);
                out.add(read.toString());
            } else {
                out.add(shown);
            }
        }
        return out;
    }

    /** @return the index of the largest value (the predicted class) */
    public static int best(float[] p) {
        int best = 0;
        for (int i = 1; i < p.length; i++) if (p[i] > p[best]) best = i;
        return best;
    }
}
