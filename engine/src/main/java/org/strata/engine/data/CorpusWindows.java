package org.strata.engine.data;

/**
 * The windows of one block of a corpus's token numbers: window {@code i} reads {@code context} tokens from
 * {@code i × stride}, and its targets are the same positions one token later, the next token at every position.
 * A window never reaches past its block, so no window of the training text reads validation or test text.
 * Its labels are classes at every position: the vocabulary's token numbers.
 */
public final class CorpusWindows implements SampleSource {
    private final int[] tokens;
    private final int context;
    private final int stride;

    /**
     * @param tokens  the block's token numbers, in order
     * @param context tokens each window reads
     * @param stride  tokens from one window's start to the next
     */
    CorpusWindows(int[] tokens, int context, int stride) {
        this.tokens = tokens;
        this.context = context;
        this.stride = stride;
    }

    /** @return how many windows of {@code context} (and the one next token) fit in {@code tokens} at {@code stride} */
    static int count(long tokens, int context, int stride) {
        return tokens < context + 1L ? 0 : (int) Math.min(Integer.MAX_VALUE, (tokens - context - 1) / stride + 1);
    }

    /** @return the token the window {@code index} starts at, within its block */
    public int start(int index) {
        return index * stride;
    }

    @Override
    public int size() {
        return count(tokens.length, context, stride);
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
