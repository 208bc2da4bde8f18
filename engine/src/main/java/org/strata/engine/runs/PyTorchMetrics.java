package org.strata.engine.runs;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.List;
import org.strata.engine.text.JsonWhere;
import org.strata.engine.text.Message;
import org.strata.engine.text.TerminalText;

/**
 * Reads the {@code metrics.json} a PyTorch export's {@code train.py} writes beside its weights, checked rather than
 * trusted: an absent file means "nothing to check against", but a file that is there and cannot be read, is not
 * JSON or holds a field of the wrong type is refused (never quietly taken as absent, which would skip the import's
 * check), and a {@code NaN} or infinite loss or metric (what PyTorch writes when training diverged) is refused as
 * such. Messages name the file, the line or field and the fix; no parser's own text reaches the user.
 */
final class PyTorchMetrics {
    /** Far more than any history of epochs: a larger file is not what train.py writes. */
    static final long MAX_BYTES = 64L << 20;
    private static final String FIX = "write it again by running train.py, or delete it to import the weights "
            + "without checking them";
    // NaN and Infinity are read so that a diverged run is named as such, not as a syntax error
    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .enable(JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS).build();
    private static final List<String> HISTORY_NUMBERS = List.of("trainLoss", "trainMetric", "validationLoss",
            "validationMetric", "learningRate", "seconds", "samples");

    private PyTorchMetrics() {
    }

    /**
     * @return the figures in {@code file}, or null when there is no such file
     * @throws ImportException naming the file and what is wrong when it is there but cannot be used
     */
    static JsonNode read(Path file) throws ImportException {
        if (Files.notExists(file, LinkOption.NOFOLLOW_LINKS)) return null;
        if (!Files.isRegularFile(file)) {
            throw refused(file, "it is not a file (a folder or a device?)");
        }
        byte[] bytes;
        try {
            if (Files.size(file) > MAX_BYTES) {
                throw refused(file, "it is larger than " + (MAX_BYTES >> 20) + " MB, far more than train.py writes");
            }
            bytes = Files.readAllBytes(file);
        } catch (IOException e) {
            if (e instanceof ImportException ie) throw ie;
            throw refused(file, "it cannot be read: check that you may read it");
        }
        JsonNode root;
        try {
            root = MAPPER.readTree(bytes);
        } catch (JsonProcessingException e) {
            throw refused(file, "it is not valid JSON" + JsonWhere.of(e));
        } catch (IOException e) {
            throw refused(file, "it cannot be read: check that you may read it");
        }
        if (root == null || root.isMissingNode()) throw refused(file, "it is empty");
        if (!root.isObject()) throw refused(file, "it holds no JSON object of figures");
        check(file, root);
        // its texts (PyTorch's version, the device's name) are shown in runs, the window and the terminal: kept in
        // their visible form, so that none acts on what shows it
        for (String s : List.of("torch", "device", "backend", "metricName")) {
            if (root.path(s).isTextual()) {
                ((ObjectNode) root).put(s, TerminalText.escape(root.path(s).asText()));
            }
        }
        return root;
    }

    /** Every field train.py writes, where present, has its type; every loss and metric is finite. */
    private static void check(Path file, JsonNode m) throws ImportException {
        integer(file, m, "epochs", "epochs", 0);
        integer(file, m, "bestEpoch", "bestEpoch", 0);
        integer(file, m, "processes", "processes", 1);
        number(file, m, "seconds", "seconds");
        for (String s : List.of("torch", "device", "backend", "metricName")) {
            JsonNode v = m.get(s);
            if (v != null && !v.isNull() && !v.isTextual()) throw wrongType(file, s, v, "a text");
        }
        JsonNode classes = m.get("classes");
        if (classes != null && !classes.isNull()) {
            // the class names the weights were trained with: today's labels are numbered by them
            if (!classes.isArray() || classes.isEmpty()) throw wrongType(file, "classes", classes, "a list of names");
            java.util.Set<String> seen = new java.util.HashSet<>();
            for (int i = 0; i < classes.size(); i++) {
                JsonNode c = classes.get(i);
                if (!c.isTextual() || c.asText().isEmpty()) {
                    throw wrongType(file, "classes[" + i + "]", c, "a class name");
                }
                if (!seen.add(c.asText())) {
                    throw refused(file, "its class '" + TerminalText.escape(c.asText()) + "' is listed twice");
                }
            }
        }
        JsonNode history = m.get("history");
        if (history != null && !history.isNull()) {
            if (!history.isArray()) throw wrongType(file, "history", history, "a list of epochs");
            for (int i = 0; i < history.size(); i++) {
                JsonNode e = history.get(i);
                String at = "history[" + i + "]";
                if (!e.isObject()) throw wrongType(file, at, e, "an object with an epoch's figures");
                integer(file, e, "epoch", at + ".epoch", 0);
                for (String f : HISTORY_NUMBERS) number(file, e, f, at + "." + f);
                int epoch = e.path("epoch").asInt(i + 1);
                for (String f : List.of("trainLoss", "trainMetric", "validationLoss", "validationMetric")) {
                    JsonNode v = e.get(f);
                    if (v != null && v.isNumber() && !Double.isFinite(v.asDouble())) {
                        throw diverged(file, (f.contains("Loss") ? "loss " : "metric ") + text(v) + " at epoch "
                                + epoch + " (" + at + "." + f + ")");
                    }
                }
            }
        }
        // the figures the import is checked against: train.py always writes the training split's
        if (!m.path("train").isObject() || !m.path("train").path("loss").isNumber()
                || !m.path("train").path("metric").isNumber()) {
            throw refused(file, "it holds no figures to check against: train.py writes the training split's loss and "
                    + "metric under train");
        }
        for (String split : List.of("train", "validation", "test")) {
            JsonNode s = m.get(split);
            if (s == null || s.isNull()) continue;
            if (!s.isObject()) throw wrongType(file, split, s, "an object with the split's loss and metric");
            integer(file, s, "samples", split + ".samples", 0);
            for (String f : List.of("loss", "metric")) {
                number(file, s, f, split + "." + f);
                JsonNode v = s.get(f);
                if (v != null && v.isNumber() && !Double.isFinite(v.asDouble())) {
                    throw diverged(file, f + " " + text(v) + " on the " + split + " split (" + split + "." + f + ")");
                }
            }
        }
    }

    private static void integer(Path file, JsonNode o, String key, String field, long min) throws ImportException {
        JsonNode v = o.get(key);
        if (v == null || v.isNull()) return;
        if (!v.isIntegralNumber() || !v.canConvertToInt() || v.asLong() < min) {
            throw wrongType(file, field, v, "a whole number from " + min);
        }
    }

    private static void number(Path file, JsonNode o, String key, String field) throws ImportException {
        JsonNode v = o.get(key);
        if (v != null && !v.isNull() && !v.isNumber()) throw wrongType(file, field, v, "a number");
    }

    private static String text(JsonNode v) {
        double d = v.asDouble();
        return Double.isNaN(d) ? "NaN" : d > 0 ? "Infinity" : "-Infinity";
    }

    private static ImportException wrongType(Path file, String field, JsonNode v, String expected) {
        String shown = v.isTextual() ? "the text \"" + clip(v.asText()) + "\"" : v.isContainerNode()
                ? (v.isArray() ? "a list" : "an object") : clip(v.toString());
        return refused(file, "its field " + field + " is " + shown + " where train.py writes " + expected);
    }

    private static String clip(String s) {
        return s.length() > 40 ? s.substring(0, 40) + "…" : s;
    }

    private static ImportException refused(Path file, String why) {
        return new ImportException(Message.of("import.metrics", file + " cannot be used (" + why + "): " + FIX,
                file.toString(), why));
    }

    private static ImportException diverged(Path file, String where) {
        return new ImportException(Message.of("import.diverged", file + ": the PyTorch run diverged (" + where
                + "): its weights are not numbers worth importing; train again with a smaller learning rate (or "
                + "normalised data) and import the weights of a run whose loss stays finite", file.toString(), where));
    }
}
