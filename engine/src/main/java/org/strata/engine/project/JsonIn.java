package org.strata.engine.project;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Set;

/** Strict reading of a JSON tree that knows where it is, so every error names its JSON path. */
final class JsonIn {
    private final JsonNode node;
    private final String path;

    JsonIn(JsonNode node, String path) {
        this.node = node;
        this.path = path;
    }

    String path() {
        return path;
    }

    JsonNode raw() {
        return node;
    }

    ProjectFormatException error(String message) {
        return new ProjectFormatException(path, message);
    }

    JsonIn object() throws ProjectFormatException {
        if (!node.isObject()) throw error("expected an object {…} but found " + describe(node));
        return this;
    }

    boolean has(String key) {
        return node.has(key) && !node.get(key).isNull();
    }

    JsonIn field(String key) throws ProjectFormatException {
        object();
        if (!has(key)) throw new ProjectFormatException(path + "." + key, "missing");
        return new JsonIn(node.get(key), path + "." + key);
    }

    String string(String key) throws ProjectFormatException {
        JsonIn f = field(key);
        if (!f.node.isTextual()) throw f.error("expected a string but found " + describe(f.node));
        return f.node.asText();
    }

    String string(String key, String fallback) throws ProjectFormatException {
        return has(key) ? string(key) : fallback;
    }

    boolean bool(String key, boolean fallback) throws ProjectFormatException {
        if (!has(key)) return fallback;
        JsonIn f = field(key);
        if (!f.node.isBoolean()) throw f.error("expected true or false but found " + describe(f.node));
        return f.node.asBoolean();
    }

    double number(String key) throws ProjectFormatException {
        JsonIn f = field(key);
        if (!f.node.isNumber()) throw f.error("expected a number but found " + describe(f.node));
        return f.node.asDouble();
    }

    int integer(String key) throws ProjectFormatException {
        JsonIn f = field(key);
        if (!f.node.isIntegralNumber() || !f.node.canConvertToInt()) {
            throw f.error("expected a whole number but found " + describe(f.node));
        }
        return f.node.asInt();
    }

    List<JsonIn> array(String key) throws ProjectFormatException {
        JsonIn f = field(key);
        if (!f.node.isArray()) throw f.error("expected an array […] but found " + describe(f.node));
        List<JsonIn> out = new ArrayList<>();
        for (int i = 0; i < f.node.size(); i++) out.add(new JsonIn(f.node.get(i), f.path + "[" + i + "]"));
        return out;
    }

    /** Refuses keys the format does not know, so that typos are not silently ignored. */
    void onlyKeys(Set<String> allowed) throws ProjectFormatException {
        object();
        for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
            String k = it.next();
            if (!allowed.contains(k)) {
                throw new ProjectFormatException(path + "." + k, "unknown key; expected one of " + String.join(", ",
                        allowed.stream().sorted().toList()));
            }
        }
    }

    static String describe(JsonNode n) {
        if (n == null || n.isNull()) return "null";
        if (n.isTextual()) return "the string \"" + n.asText() + "\"";
        if (n.isNumber()) return "the number " + n.asText();
        if (n.isBoolean()) return n.asText();
        if (n.isArray()) return "an array";
        return "an object";
    }

    /**
     * @return a JSON parser's message in plain words: its first line, without the names of the library's settings it
     *     suggests (a user cannot "enable JsonReadFeature…")
     */
    static String plain(String parserMessage) {
        if (parserMessage == null) return "unreadable";
        String first = parserMessage.lines().findFirst().orElse("").strip();
        if (first.contains("'NaN'") || first.contains("'Infinity'") || first.contains("Non-standard token")) {
            return "NaN and Infinity are not numbers in JSON: write a number";
        }
        if (first.contains("Duplicate field")) return first.replace("Duplicate field", "the key appears twice:");
        if (first.contains("Trailing token")) return "there is more after the project's closing '}': remove it";
        if (first.contains("nesting depth")) return "nested too deeply to be a project file";
        return first.replaceAll("\\s*\\(.*(Feature|enable).*\\)", "");
    }
}
