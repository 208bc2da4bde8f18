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
 * @param tokenizer  characters or words
 * @param lowercase  whether case is folded before splitting
 * @param length     tokens per sample: longer texts are cut, shorter ones padded with 0
 * @param vocabulary the numbers of the tokens, built from the training split
 */
public record TextEncoding(Tokenizer tokenizer, boolean lowercase, int length, Vocabulary vocabulary) {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    public TextEncoding {
        if (length < 1) throw new IllegalArgumentException("a text is read as at least one token, not " + length);
    }

    /** @return the tokens of {@code text} as the network reads them: at most {@link #length} */
    public List<String> tokens(String text) {
        List<String> all = tokenizer.split(text, lowercase);
        return all.size() <= length ? all : List.copyOf(all.subList(0, length));
    }

    /** @return the {@link #length} numbers the network reads for {@code text} */
    public float[] encode(String text) {
        float[] out = new float[length];
        vocabulary.encode(tokenizer.split(text, lowercase), length, out, 0);
        return out;
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
            if (b.length() > 0 && tokenizer == Tokenizer.WORDS) b.append(' ');
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
        try {
            return new TextEncoding(Tokenizer.of(root.path("tokenizer").asText()), root.path("lowercase").asBoolean(),
                    root.path("length").asInt(), new Vocabulary(tokens, counts));
        } catch (IllegalArgumentException e) {
            throw new IOException("the text encoding is damaged: " + e.getMessage(), e);
        }
    }
}
