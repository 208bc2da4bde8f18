package org.strata.engine.project;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.strata.engine.params.ParamSpec;
import org.strata.engine.params.ParamTable;
import org.strata.engine.params.ParamType;
import org.strata.engine.params.Params;

/** Reads and writes {@link Params} as JSON, driven by their {@link ParamTable}. */
final class ParamsJson {
    private ParamsJson() {
    }

    /**
     * Reads the keys of {@code in} that belong to {@code table}; keys in {@code skip} are the caller's own.
     * Missing parameters take their defaults; unknown keys and invalid values are errors.
     */
    static Params read(ParamTable table, JsonIn in, Set<String> skip, String owner) throws ProjectFormatException {
        in.object();
        Params p = table.defaults();
        Set<String> known = new HashSet<>(skip);
        List<String> names = new ArrayList<>();
        for (ParamSpec s : table.specs()) {
            known.add(s.name());
            names.add(s.name());
        }
        for (Iterator<String> it = in.raw().fieldNames(); it.hasNext(); ) {
            String k = it.next();
            if (!known.contains(k)) {
                throw new ProjectFormatException(in.path() + "." + k, "unknown parameter for " + owner
                        + (names.isEmpty() ? ", which has none" : "; known: " + String.join(", ", names)));
            }
        }
        for (ParamSpec s : table.specs()) {
            if (!in.has(s.name())) continue;
            JsonIn f = in.field(s.name());
            Object value = toValue(s, f);
            try {
                p.set(s.name(), value);
            } catch (IllegalArgumentException e) {
                throw f.error(e.getMessage());
            }
        }
        return p;
    }

    private static Object toValue(ParamSpec s, JsonIn f) throws ProjectFormatException {
        JsonNode n = f.raw();
        return switch (s.type()) {
            case INT -> {
                if (!n.isIntegralNumber() || !n.canConvertToInt()) throw f.error("expected a whole number but found "
                        + JsonIn.describe(n));
                yield n.asInt();
            }
            case DOUBLE -> {
                if (!n.isNumber()) throw f.error("expected a number but found " + JsonIn.describe(n));
                yield n.asDouble();
            }
            case BOOLEAN -> {
                if (!n.isBoolean()) throw f.error("expected true or false but found " + JsonIn.describe(n));
                yield n.asBoolean();
            }
            case CHOICE, STRING, COLUMN, PATH, FOLDER -> {
                if (!n.isTextual()) throw f.error("expected a string but found " + JsonIn.describe(n));
                yield n.asText();
            }
            case INT_TUPLE -> {
                if (!n.isArray()) throw f.error("expected an array of " + s.tupleLength() + " whole numbers, e.g. "
                        + s.defaultValue());
                List<Integer> l = new ArrayList<>();
                for (JsonNode e : n) {
                    // canConvertToInt: 4294967299 would otherwise wrap around to 3
                    if (!e.isIntegralNumber() || !e.canConvertToInt()) {
                        throw f.error("expected whole numbers (at most " + Integer.MAX_VALUE + ") but found "
                                + JsonIn.describe(e));
                    }
                    l.add(e.asInt());
                }
                yield l;
            }
        };
    }

    /** Writes the parameters that apply, in table order, into {@code out}. */
    static void write(Params p, ObjectNode out) {
        for (Map.Entry<String, Object> e : p.applicable().entrySet()) {
            ParamSpec s = p.table().spec(e.getKey()).orElseThrow();
            out.set(e.getKey(), toJson(s.type(), e.getValue()));
        }
    }

    private static JsonNode toJson(ParamType type, Object v) {
        JsonNodeFactory f = JsonNodeFactory.instance;
        return switch (type) {
            case INT -> f.numberNode((Integer) v);
            case DOUBLE -> f.numberNode((Double) v);
            case BOOLEAN -> f.booleanNode((Boolean) v);
            case CHOICE, STRING, COLUMN, PATH, FOLDER -> f.textNode((String) v);
            case INT_TUPLE -> {
                ArrayNode a = f.arrayNode();
                for (Object o : (List<?>) v) a.add((Integer) o);
                yield a;
            }
        };
    }
}
