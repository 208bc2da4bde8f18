package org.strata.engine.generate;

import java.util.Arrays;
import org.strata.engine.data.text.TextEncoding;
import org.strata.engine.project.DatasetKind;
import org.strata.engine.project.Project;

/**
 * Which of the tokens written so far a language model reads to choose the next one: the last T (its context). A
 * model trained on windows that start at a line break (the corpus's {@code windowStart} "lines") learned every
 * position as a place in a line, so it reads a context that starts at one too: from the first line break among the
 * last T tokens, or, when there is none (a prompt in the middle of a line), the last T − 1 tokens after a line
 * break. No tokens at all start from a line break.
 */
public final class ContextWindow {
    private final int context;
    private final boolean fromLineStart;
    private final boolean[] breaks;
    private final int lineBreak;

    /**
     * @param encoding      the model's tokens and its context's T
     * @param fromLineStart whether its windows started at line breaks
     */
    public ContextWindow(TextEncoding encoding, boolean fromLineStart) {
        this.context = encoding.length();
        this.fromLineStart = fromLineStart;
        this.breaks = encoding.vocabulary().lineBreaks();
        this.lineBreak = encoding.vocabulary().tokens().indexOf("\n");
    }

    /** @return the window rule of a model trained on {@code project}'s data, with {@code encoding} */
    public static ContextWindow of(Project project, TextEncoding encoding) {
        return new ContextWindow(encoding, fromLineStart(project));
    }

    /** @return whether {@code project}'s corpus is cut into windows that start at line breaks */
    public static boolean fromLineStart(Project project) {
        return project.dataset().map(d -> d.kind() == DatasetKind.LANGUAGE_MODEL
                && d.params().getString("windowStart").equals("lines")).orElse(false);
    }

    /** @return whether a context is made to start at a line break */
    public boolean fromLineStart() {
        return fromLineStart;
    }

    /**
     * @param tokens the token numbers so far
     * @return the tokens the model reads, at most T, in order
     * @throws GenerationException when there are no tokens, or a context must start at a line break, and the
     *                             vocabulary has no line break
     */
    public int[] of(int[] tokens) {
        if (tokens.length == 0) return new int[]{lineBreak()};
        int from = Math.max(0, tokens.length - context);
        if (!fromLineStart) return Arrays.copyOfRange(tokens, from, tokens.length);
        for (int i = from; i < tokens.length; i++) {
            if (breaks[tokens[i]]) return Arrays.copyOfRange(tokens, i, tokens.length);
        }
        int[] out = new int[Math.min(tokens.length, context - 1) + 1];
        out[0] = lineBreak();
        System.arraycopy(tokens, tokens.length - (out.length - 1), out, 1, out.length - 1);
        return out;
    }

    /**
     * @param read tokens a model reads ({@link #of}), at most T
     * @return them as the network's input of T numbers: their numbers at positions 0.., then 0 ({@code <pad>}),
     * which the causal model never reads at the last token's position
     */
    public float[] input(int[] read) {
        float[] window = new float[context];
        for (int i = 0; i < read.length; i++) window[i] = read[i];
        return window;
    }

    private int lineBreak() {
        if (lineBreak >= 0) return lineBreak;
        throw new GenerationException(org.strata.engine.text.Message.of("generate.emptyPrompt", "the prompt is empty "
                + "and the model's vocabulary has no line break to start from: give a prompt of at least one token"));
    }

    /** @return T, the most tokens a context holds */
    public int context() {
        return context;
    }
}
