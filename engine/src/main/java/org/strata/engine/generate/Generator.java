package org.strata.engine.generate;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.function.Consumer;
import org.strata.engine.data.text.TextEncoding;
import org.strata.engine.data.text.Vocabulary;
import org.strata.engine.graph.Graph;
import org.strata.engine.layers.OutputLayerType;
import org.strata.engine.layers.TensorShape;
import org.strata.engine.model.TrainedModel;
import org.strata.engine.text.Message;
import org.strata.engine.train.ModelNetwork;

/**
 * Continues a prompt with a trained language model, one token at a time. The model reads windows of exactly its
 * context's T tokens and predicts the next token at every position; because its attention is causal, position t
 * depends on tokens 0..t only. So a context of n &lt; T tokens is put at positions 0..n−1, the rest padded with
 * {@value Vocabulary#PAD} (0), and position n−1 is read; a longer one is cut to its last T tokens and position T−1
 * is read. An empty prompt starts from a line break, where the vocabulary has one (a corpus's lines start after
 * one), and is refused otherwise; a model whose windows started at line breaks reads a context that starts at one
 * ({@link ContextWindow}). A prompt's characters the vocabulary lacks read as {@value Vocabulary#UNKNOWN},
 * as they do in training.
 */
public final class Generator {
    /** The most tokens one generation writes. */
    public static final int MOST_TOKENS = 10_000;

    /** Runs the network on windows of token numbers: one row of T·K probabilities (row-major [T, K]) per window. */
    @FunctionalInterface
    public interface Predictor {
        /** @return for each window of T token numbers, the probabilities of every token at every position */
        float[][] predict(float[][] windows);
    }

    private final TextEncoding encoding;
    private final ContextWindow window;
    private final int context;
    private final int classes;
    private final Predictor predictor;

    private Generator(TextEncoding encoding, ContextWindow window, Predictor predictor) {
        this.encoding = encoding;
        this.window = window;
        this.context = encoding.length();
        this.classes = encoding.vocabulary().size();
        this.predictor = predictor;
    }

    /**
     * Builds the model's network to generate with.
     *
     * @throws GenerationException when the model is not a language model
     * @throws IOException         when its network cannot be built here (too large, weights that do not fit)
     */
    public static Generator of(TrainedModel model) throws IOException {
        refuseUnlessLanguageModel(model);
        return of(ModelNetwork.of(model));
    }

    /** @throws GenerationException when the network's model is not a language model */
    public static Generator of(ModelNetwork network) {
        return of(network.model(), network::predict);
    }

    /**
     * Generates with {@code model}'s encoding through another network of the same graph (a run in training, whose
     * weights change between calls).
     *
     * @throws GenerationException when the model is not a language model
     */
    public static Generator of(TrainedModel model, Predictor predictor) {
        refuseUnlessLanguageModel(model);
        TextEncoding text = model.text().orElseThrow();
        return new Generator(text, ContextWindow.of(model.project(), text), predictor);
    }

    /**
     * @return why {@code model} cannot generate, or empty for a language model: a text encoding, an Input of its
     * context's T token numbers and an Output with a class of the vocabulary at each of the T steps
     */
    public static Optional<Message> refusal(TrainedModel model) {
        Graph g = model.project().graph();
        String name = model.project().name();
        Message no = Message.of("generate.notLanguageModel", name + " is not a language model: generating text needs "
                + "a model trained on language-model data (a corpus) whose Output predicts the next token at every "
                + "position", name);
        if (model.text().isEmpty() || g.inputNodes().size() != 1 || g.outputNodes().size() != 1) return Optional.of(no);
        int t = model.text().get().length();
        int k = model.text().get().vocabulary().size();
        Optional<TensorShape> in = model.analysis().shapeOf(g.inputNodes().get(0).id());
        Optional<TensorShape> out = model.analysis().shapeOf(g.outputNodes().get(0).id());
        boolean fits = in.isPresent() && in.get().kind() == TensorShape.Kind.VECTOR && in.get().size() == t
                && out.isPresent() && OutputLayerType.perStep(out.get()) && out.get().dim(0) == t
                && out.get().channels() == k && model.classNames().size() == k;
        return fits ? Optional.empty() : Optional.of(no);
    }

    private static void refuseUnlessLanguageModel(TrainedModel model) {
        Optional<Message> no = refusal(model);
        if (no.isPresent()) throw new GenerationException(no.get());
    }

    /** @return how the model turns text into token numbers and back */
    public TextEncoding encoding() {
        return encoding;
    }

    /** @return T: the tokens the model reads at once */
    public int context() {
        return context;
    }

    /** @return which of the tokens so far the model reads to choose the next one */
    public ContextWindow window() {
        return window;
    }

    /**
     * @param tokens the token numbers so far (the prompt's and those generated); empty starts from a line break
     * @return the model's probability of every token (K, the vocabulary's size) coming next
     * @throws GenerationException when {@code tokens} is empty and the vocabulary has no line break
     */
    public float[] next(int[] tokens) {
        int[] ids = window.of(tokens);
        int n = ids.length;
        for (int id : ids) {
            if (id < 0 || id >= classes) {
                throw new IllegalArgumentException("token " + id + " is not in the vocabulary of " + classes);
            }
        }
        float[] row = predictor.predict(new float[][]{window.input(ids)})[0];
        if (row.length != context * classes) {
            throw new IllegalStateException(row.length + " probabilities for a window, not " + context + " × "
                    + classes);
        }
        return Arrays.copyOfRange(row, (n - 1) * classes, n * classes);
    }

    /**
     * Chooses the token after {@code tokens}.
     *
     * @param random the draws of a sampled choice (not used by a greedy one)
     */
    public Generation.Step step(int[] tokens, Sampling sampling, Random random) {
        float[] p = next(tokens);
        double[] chance = sampling.adjust(p);
        int chosen = sampling.greedy() ? Sampling.argmax(p) : Sampling.draw(chance, random);
        double[] model = new double[p.length];
        for (int i = 0; i < p.length; i++) model[i] = p[i];
        Integer[] order = Sampling.order(model);
        List<Generation.Candidate> top = new ArrayList<>();
        for (int r = 0; r < Math.min(Generation.TOP, order.length); r++) {
            int i = order[r];
            top.add(new Generation.Candidate(i, token(i), p[i], chance[i]));
        }
        return new Generation.Step(chosen, token(chosen), p[chosen], chance[chosen], top);
    }

    /** As {@link #generate(String, int, Sampling, Consumer)}, all at once. */
    public Generation generate(String prompt, int tokens, Sampling sampling) {
        return generate(prompt, tokens, sampling, s -> {
        });
    }

    /**
     * Writes {@code tokens} tokens after {@code prompt}; the same prompt, settings and seed write the same text.
     *
     * @param each told of every token as soon as it is chosen (to show the text as it grows)
     * @throws GenerationException when {@code tokens} is not 1 to {@value #MOST_TOKENS}, or the prompt is empty and
     *                             the vocabulary has no line break to start from
     */
    public Generation generate(String prompt, int tokens, Sampling sampling, Consumer<Generation.Step> each) {
        if (tokens < 1 || tokens > MOST_TOKENS) {
            throw new GenerationException(Message.of("generate.tokens", "cannot generate " + tokens + " tokens: ask for "
                    + "1 to " + String.format(java.util.Locale.ROOT, "%,d", MOST_TOKENS), tokens, MOST_TOKENS));
        }
        int[] start = encoding.ids(prompt);
        if (start.length == 0) start = window.of(start); // a line break to start from
        int[] all = Arrays.copyOf(start, start.length + tokens);
        Random random = sampling.random();
        List<Generation.Step> steps = new ArrayList<>();
        int[] written = new int[tokens];
        for (int k = 0; k < tokens; k++) {
            // the last T tokens are all the model reads
            int from = Math.max(0, start.length + k - context);
            Generation.Step s = step(Arrays.copyOfRange(all, from, start.length + k), sampling, random);
            all[start.length + k] = s.token();
            written[k] = s.token();
            steps.add(s);
            each.accept(s);
        }
        return new Generation(prompt, encoding.text(written), joined(prompt, encoding.text(written)), steps);
    }

    /** @return the prompt and the text written after it, as the tokenizer joins tokens */
    private String joined(String prompt, String text) {
        boolean space = !encoding.tokenizer().rebuildsText() && !prompt.isEmpty() && !text.isEmpty();
        return prompt + (space ? " " : "") + text;
    }

    /** @return a token's text ({@value Vocabulary#PAD} for padding) */
    private String token(int id) {
        return encoding.vocabulary().tokens().get(id);
    }
}
