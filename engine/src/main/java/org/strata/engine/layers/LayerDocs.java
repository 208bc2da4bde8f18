package org.strata.engine.layers;

import java.util.List;
import java.util.stream.Collectors;
import org.strata.engine.params.ParamSpec;

/** Reference documentation generated from the catalogue, so it can never disagree with the code. */
public final class LayerDocs {
    private LayerDocs() {
    }

    /** @return Markdown for one layer type: description, formula and a parameter table */
    public static String markdown(LayerType t) {
        StringBuilder sb = new StringBuilder();
        sb.append("### ").append(t.id()).append(" (").append(t.category().title()).append(")\n\n");
        sb.append(t.description()).append(".\n\n").append(t.doc()).append("\n\n");
        sb.append(t.fastKernel() != null ? "Runs on Strata's fast engine.\n\n"
                : "Not in Strata's fast engine yet: graphs with it train through Deeplearning4j.\n\n");
        List<ParamSpec> specs = t.params().specs();
        if (specs.isEmpty()) return sb.append("No parameters.\n").toString();
        sb.append("| parameter | type | default | allowed | description |\n|---|---|---|---|---|\n");
        for (ParamSpec s : specs) {
            sb.append("| `").append(s.name()).append("` | ").append(s.type().name().toLowerCase(java.util.Locale.ROOT))
                    .append(" | ").append(value(s.defaultValue())).append(" | ").append(allowed(s)).append(" | ")
                    .append(s.description())
                    .append(s.condition() == null ? "" : " (when " + s.condition().param() + " is "
                            + String.join(" or ", s.condition().values()) + ")")
                    .append(" |\n");
        }
        return sb.toString();
    }

    /** @return Markdown for every layer type, in palette order */
    public static String markdown() {
        return LayerCatalogue.all().stream().map(LayerDocs::markdown).collect(Collectors.joining("\n"));
    }

    private static String allowed(ParamSpec s) {
        return switch (s.type()) {
            case CHOICE -> String.join(", ", s.choices());
            case INT, DOUBLE, INT_TUPLE -> range(s);
            case BOOLEAN -> "true, false";
            default -> "text";
        };
    }

    private static String range(ParamSpec s) {
        return num(s.min()) + " – " + num(s.max()) + (s.tupleLength() > 0 ? " each" : "");
    }

    private static String num(Double d) {
        if (d == null) return "∞";
        return d == Math.rint(d) && Math.abs(d) < 1e15 ? String.format(java.util.Locale.ROOT, "%,d", d.longValue())
                : d.toString();
    }

    private static String value(Object v) {
        return v instanceof List<?> l ? l.stream().map(Object::toString).collect(Collectors.joining("×")) : "`" + v + "`";
    }
}
