package org.strata.engine.data.text;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * How a text becomes the numbers a network reads: split into tokens, each token's number in the vocabulary, cut or
 * padded to a fixed length. Saved with a trained model, so that Try it and every export read a typed text exactly as
 * training read its data.
 *
 * <p>A language model's encoding ({@code language-model} data) reads its text as one stream: its tokenizer gives
 * the text back when its tokens are run together ({@link Tokenizer#rebuildsText}), {@link #length} is its context,
 * and {@link #ids}/{@link #text} turn a prompt of any length into token numbers and generated numbers into text.
 *
 * @param tokenizer  characters, words (with or without white space) or byte-pair encoding
 * @param lowercase  whether case is folded before splitting
 * @param length     tokens per sample: longer texts are cut, shorter ones padded with 0 (a language model's context)
 * @param vocabulary the numbers of the tokens, built from the training split
 * @param merges     for {@link Tokenizer#BPE}, the merges learned on the training text, in order; else none
 */
public record TextEncoding(Tokenizer tokenizer, boolean lowercase, int length, Vocabulary vocabulary,
                           BytePairEncoding merges) {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    public TextEncoding {
        if (length < 1) throw new IllegalArgumentException("a text is read as at least one token, not " + length);
        if (merges == null) merges = BytePairEncoding.NONE;
    }

    /** An encoding without merges (characters or words). */
    public TextEncoding(Tokenizer tokenizer, boolean lowercase, int length, Vocabulary vocabulary) {
        this(tokenizer, lowercase, length, vocabulary, BytePairEncoding.NONE);
    }

    /** @return every token of {@code text}, in order, merges applied: as many as the text holds */
    public List<String> allTokens(String text) {
        List<String> split = tokenizer.split(text, lowercase);
        return tokenizer == Tokenizer.BPE ? merges.apply(split) : split;
    }

    /** @return the tokens of {@code text} as the network reads them: at most {@link #length} */
    public List<String> tokens(String text) {
        List<String> all = allTokens(text);
        return all.size() <= length ? all : List.copyOf(all.subList(0, length));
    }

    /** @return the {@link #length} numbers the network reads for {@code text} */
    public float[] encode(String text) {
        float[] out = new float[length];
        vocabulary.encode(allTokens(text), length, out, 0);
        return out;
    }

    /**
     * @return the number of every token of {@code text}, not cut or padded (a prompt to go on from; a token not in
     * the vocabulary is 1, {@value Vocabulary#UNKNOWN})
     */
    public int[] ids(String text) {
        List<String> all = allTokens(text);
        int[] out = new int[all.size()];
        for (int i = 0; i < out.length; i++) out[i] = vocabulary.number(all.get(i));
        return out;
    }

    /**
     * @return the text token numbers stand for, every one of them: run together when the tokenizer gives text back
     * (a space between words otherwise); {@value Vocabulary#PAD} stands for nothing, a number beyond the
     * vocabulary for {@value Vocabulary#UNKNOWN}
     */
    public String text(int[] ids) {
        StringBuilder b = new StringBuilder();
        for (int i : ids) {
            if (i == 0) continue;
            if (b.length() > 0 && !tokenizer.rebuildsText()) b.append(' ');
            b.append(i > 0 && i < vocabulary.size() ? vocabulary.tokens().get(i) : Vocabulary.UNKNOWN);
        }
        return b.toString();
    }

    /** @return the {@link #length} numbers the network reads for text already split into {@code tokens} */
    public float[] encodeTokens(List<String> tokens) {
        float[] out = new float[length];
        vocabulary.encode(tokens, length, out, 0);
        return out;
    }

    /**
     * @return the text {@code numbers} stand for, up to the first padding: characters run together, words with a
     * space between them ({@value Vocabulary#UNKNOWN} for a token not kept)
     */
    public String decode(float[] numbers) {
        StringBuilder b = new StringBuilder();
        for (float n : numbers) {
            int i = Math.round(n);
            if (i == 0) break;
            if (b.length() > 0 && !tokenizer.rebuildsText()) b.append(' ');
            b.append(i < vocabulary.size() ? vocabulary.tokens().get(i) : Vocabulary.UNKNOWN);
        }
        return b.toString();
    }

    /** @return the encoding as the JSON a model file keeps ({@code text.json}) */
    public byte[] toJson() {
        ObjectNode root = MAPPER.createObjectNode();
        root.put("tokenizer", tokenizer.key());
        root.put("lowercase", lowercase);
        root.put("length", length);
        ArrayNode tokens = root.putArray("tokens");
        vocabulary.tokens().forEach(tokens::add);
        ArrayNode counts = root.putArray("counts");
        vocabulary.counts().forEach(counts::add);
        // written only when there are merges: a file without them reads as it did before they existed
        if (!merges.merges().isEmpty()) {
            ArrayNode list = root.putArray("merges");
            for (BytePairEncoding.Merge m : merges.merges()) {
                list.addArray().add(m.left()).add(m.right()).add(m.count());
            }
        }
        try {
            return MAPPER.writerWithDefaultPrettyPrinter().writeValueAsBytes(root);
        } catch (IOException e) {
            throw new IllegalStateException(e); // writing a tree of strings and numbers to bytes cannot fail
        }
    }

    /**
     * Reads what {@link #toJson} wrote.
     *
     * @throws IOException saying what is missing or wrong
     */
    public static TextEncoding fromJson(byte[] json) throws IOException {
        JsonNode root;
        try {
            root = MAPPER.readTree(json);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IOException("the text encoding is not valid JSON" + org.strata.engine.text.JsonWhere.of(e));
        }
        if (root == null || !root.isObject()) throw new IOException("the text encoding is not a JSON object");
        List<String> tokens = new ArrayList<>();
        List<Integer> counts = new ArrayList<>();
        root.path("tokens").forEach(t -> tokens.add(t.asText()));
        root.path("counts").forEach(c -> counts.add(c.asInt()));
        List<BytePairEncoding.Merge> merges = new ArrayList<>();
        for (JsonNode m : root.path("merges")) {
            if (!m.isArray() || m.size() != 3 || !m.get(0).isTextual() || !m.get(1).isTextual()) {
                throw new IOException("the text encoding is damaged: merge " + (merges.size() + 1) + " is not "
                        + "[left, right, count]");
            }
            merges.add(new BytePairEncoding.Merge(m.get(0).asText(), m.get(1).asText(), m.get(2).asInt()));
        }
        try {
            return new TextEncoding(Tokenizer.of(root.path("tokenizer").asText()), root.path("lowercase").asBoolean(),
                    root.path("length").asInt(), new Vocabulary(tokens, counts), new BytePairEncoding(merges));
        } catch (IllegalArgumentException e) {
            throw new IOException("the text encoding is damaged: " + e.getMessage(), e);
        }
    }
}
