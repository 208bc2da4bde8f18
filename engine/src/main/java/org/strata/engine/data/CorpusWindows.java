package org.strata.engine.data;

/**
 * The windows of one block of a corpus's token numbers: window {@code i} reads {@code context} tokens from its
 * start ({@code i × stride}, or the i-th line break), and its targets are the same positions one token later, the
 * next token at every position.
 * A window never reaches past its block, so no window of the training text reads validation or test text.
 * Its labels are classes at every position: the vocabulary's token numbers.
 */
public final class CorpusWindows implements SampleSource {
    private final int[] tokens;
    private final int context;
    private final int[] starts;

    private CorpusWindows(int[] tokens, int context, int[] starts) {
        this.tokens = tokens;
        this.context = context;
        this.starts = starts;
    }

    /**
     * @param tokens  the block's token numbers, in order
     * @param context tokens each window reads
     * @param stride  tokens from one window's start to the next
     */
    static CorpusWindows everyStride(int[] tokens, int context, int stride) {
        int[] starts = new int[count(tokens.length, context, stride)];
        for (int i = 0; i < starts.length; i++) starts[i] = i * stride;
        return new CorpusWindows(tokens, context, starts);
    }

    /**
     * Windows that start at a line break: position 0 of every window is a token that begins a line (see
     * {@link org.strata.engine.data.text.Vocabulary#lineBreaks}), so a position is a place in a line and a network with positions learns the
     * line's form (where the comma falls in a five-character line).
     *
     * @param tokens     the block's token numbers, in order
     * @param context    tokens each window reads
     * @param lineBreaks which token numbers begin with a line break
     */
    static CorpusWindows atLineBreaks(int[] tokens, int context, boolean[] lineBreaks) {
        int[] starts = new int[tokens.length];
        int n = 0;
        for (int s = 0; s + context + 1 <= tokens.length; s++) {
            if (lineBreaks[tokens[s]]) starts[n++] = s;
        }
        return new CorpusWindows(tokens, context, java.util.Arrays.copyOf(starts, n));
    }

    /** @return how many windows of {@code context} (and the one next token) fit in {@code tokens} at {@code stride} */
    static int count(long tokens, int context, int stride) {
        return tokens < context + 1L ? 0 : (int) Math.min(Integer.MAX_VALUE, (tokens - context - 1) / stride + 1);
    }

    /** @return the token the window {@code index} starts at, within its block */
    public int start(int index) {
        return starts[index];
    }

    @Override
    public int size() {
        return starts.length;
    }

    @Override
    public int featureSize() {
        return context;
    }

    @Override
    public void features(int index, float[] dst, int offset) {
        int s = start(index);
        for (int t = 0; t < context; t++) dst[offset + t] = tokens[s + t];
    }

    @Override
    public int label(int index) {
        throw new UnsupportedOperationException("a class at every position: see labels");
    }

    @Override
    public int labelSteps() {
        return context;
    }

    @Override
    public void labels(int index, int[] dst, int offset) {
        System.arraycopy(tokens, start(index) + 1, dst, offset, context);
    }
}
