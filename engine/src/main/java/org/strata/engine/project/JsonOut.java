package org.strata.engine.project;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Iterator;
import java.util.Map;

/**
 * Writes a JSON tree in Strata's one canonical layout: two-space indent, one key per line, arrays of numbers or
 * strings on one line. A file Strata wrote, loaded and saved again, gives the same bytes.
 */
final class JsonOut {
    private JsonOut() {
    }

    static ObjectNode object() {
        return JsonNodeFactory.instance.objectNode();
    }

    /** A number as it reads best: whole numbers without ".0". */
    static JsonNode number(double d) {
        if (d == Math.rint(d) && Math.abs(d) < 1e15) return JsonNodeFactory.instance.numberNode((long) d);
        return JsonNodeFactory.instance.numberNode(d);
    }

    static String write(JsonNode root) {
        StringBuilder sb = new StringBuilder();
        write(root, sb, 0);
        return sb.append('\n').toString();
    }

    private static void write(JsonNode n, StringBuilder sb, int indent) {
        if (n.isObject()) {
            if (n.isEmpty()) {
                sb.append("{}");
                return;
            }
            sb.append("{\n");
            Iterator<Map.Entry<String, JsonNode>> it = n.fields();
            while (it.hasNext()) {
                Map.Entry<String, JsonNode> e = it.next();
                pad(sb, indent + 1).append(JsonNodeFactory.instance.textNode(e.getKey()).toString()).append(": ");
                write(e.getValue(), sb, indent + 1);
                sb.append(it.hasNext() ? ",\n" : "\n");
            }
            pad(sb, indent).append('}');
        } else if (n.isArray()) {
            boolean flat = true;
            for (JsonNode c : n) flat &= c.isValueNode();
            if (n.isEmpty()) {
                sb.append("[]");
            } else if (flat) {
                sb.append('[');
                for (int i = 0; i < n.size(); i++) sb.append(i == 0 ? "" : ", ").append(n.get(i).toString());
                sb.append(']');
            } else {
                sb.append("[\n");
                for (int i = 0; i < n.size(); i++) {
                    pad(sb, indent + 1);
                    write(n.get(i), sb, indent + 1);
                    sb.append(i < n.size() - 1 ? ",\n" : "\n");
                }
                pad(sb, indent).append(']');
            }
        } else {
            sb.append(n.toString());
        }
    }

    private static StringBuilder pad(StringBuilder sb, int indent) {
        return sb.append("  ".repeat(indent));
    }
}
