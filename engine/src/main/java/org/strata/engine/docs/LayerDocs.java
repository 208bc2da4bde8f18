package org.strata.engine.docs;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;
import org.strata.engine.layers.LayerCatalogue;
import org.strata.engine.layers.LayerType;
import org.strata.engine.layers.ShapeException;
import org.strata.engine.layers.TensorShape;
import org.strata.engine.layers.Weight;
import org.strata.engine.params.ParamSpec;
import org.strata.engine.params.ParamType;
import org.strata.engine.train.dl4j.Dl4jLayers;
import org.strata.engine.train.fast.Kernels;

/**
 * Reference documentation generated from the catalogue and the engines' mappings, so it can never disagree with the
 * code: one type's page ({@code strata layers TYPE}) and docs/layers.md's tables ({@code strata layers --markdown}).
 */
public final class LayerDocs {
    /**
     * docs/layers.md's generated tables, each between {@code <!-- layers:NAME -->} and
     * {@code <!-- /layers:NAME -->}.
     */
    public static final List<String> TABLES = List.of("types", "engines", "weights");

    private LayerDocs() {
    }

    /** @return Markdown for one layer type: description, formula, engines, weights and a parameter table */
    public static String markdown(LayerType t) {
        StringBuilder sb = new StringBuilder();
        sb.append("### ").append(t.id()).append(" (").append(t.category().title()).append(")\n\n");
        sb.append(t.description()).append(".\n\n").append(t.doc()).append("\n\n");
        sb.append("Output: ").append(t.outputRule()).append(".\n\n");
        sb.append(Kernels.runs(t.id()) ? "Runs on Strata's fast engine.\n\n"
                : "Not in Strata's fast engine (" + Kernels.declined(t.id()).orElse("no kernel")
                        + "): graphs with it train through Deeplearning4j.\n\n");
        String weights = weights(t);
        if (!weights.isEmpty()) sb.append("Weights (as exported): ").append(weights).append(".\n\n");
        List<ParamSpec> specs = t.params().specs();
        if (specs.isEmpty()) return sb.append("No parameters.\n").toString();
        sb.append("| parameter | type | default | allowed | description |\n|---|---|---|---|---|\n");
        for (ParamSpec s : specs) {
            sb.append("| `").append(s.name()).append("` | ").append(s.type().name().toLowerCase(Locale.ROOT))
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

    /** @return docs/layers.md's generated tables, each between its markers, separated by blank lines */
    public static String readmeTables() {
        return TABLES.stream().map(LayerDocs::readmeTable).collect(Collectors.joining("\n"));
    }

    /** @return one of the {@link #TABLES}, between its markers */
    public static String readmeTable(String name) {
        StringBuilder sb = new StringBuilder("<!-- layers:" + name + " -->\n");
        switch (name) {
            case "types" -> {
                sb.append("| layer | parameters | output |\n|---|---|---|\n");
                for (LayerType t : LayerCatalogue.all()) {
                    String params = t.params().specs().stream().map(LayerDocs::briefly)
                            .collect(Collectors.joining(", "));
                    sb.append("| ").append(t.id()).append(" | ").append(params.isEmpty() ? "–" : params)
                            .append(" | ").append(code(t.outputRule())).append(" |\n");
                }
            }
            case "engines" -> {
                sb.append("| layer | Strata's fast engine | Deeplearning4j |\n|---|---|---|\n");
                for (LayerType t : LayerCatalogue.all()) {
                    sb.append("| ").append(t.id()).append(" | ")
                            .append(Kernels.runs(t.id()) ? "yes" : "no: " + Kernels.declined(t.id()).orElse("no kernel"))
                            .append(" | ").append(Dl4jLayers.maps(t.id()) ? "yes" : "no").append(" |\n");
                }
            }
            case "weights" -> {
                sb.append("| layer | arrays and layouts |\n|---|---|\n");
                for (LayerType t : LayerCatalogue.all()) {
                    String w = weights(t);
                    if (!w.isEmpty()) sb.append("| ").append(t.id()).append(" | ").append(w).append(" |\n");
                }
            }
            default -> throw new IllegalArgumentException("no table " + name + "; tables: " + TABLES);
        }
        return sb.append("<!-- /layers:").append(name).append(" -->\n").toString();
    }

    /** The weights a type declares with its default parameters, on the first input kind it accepts. */
    private static String weights(LayerType t) {
        return example(t).map(in -> t.weights(in, t.params().defaults()).stream()
                .map(w -> "`" + w.name() + "` " + code(w.layout())).collect(Collectors.joining(", "))).orElse("");
    }

    /** @return input shapes the type accepts with its default parameters, if any of a vector, image or sequence */
    private static Optional<List<TensorShape>> example(LayerType t) {
        var p = t.params().defaults();
        for (TensorShape s : List.of(TensorShape.vector(8), TensorShape.image(8, 8, 3), TensorShape.sequence(5, 8))) {
            List<TensorShape> in = new ArrayList<>();
            for (int i = 0; i < t.inputPorts(p).size(); i++) in.add(s);
            try {
                t.outputShape(in, p);
                return Optional.of(in);
            } catch (ShapeException | RuntimeException e) {
                // not this kind: try the next
            }
        }
        return Optional.empty();
    }

    /** "padding (valid/same)" for a short choice, the name alone otherwise. */
    private static String briefly(ParamSpec s) {
        if (s.type() == ParamType.CHOICE && s.choices().size() <= 3) {
            return s.name() + " (" + String.join("/", s.choices()) + ")";
        }
        return s.name();
    }

    /** Puts each bracketed shape in code: "[C] from an image" → "`[C]` from an image". */
    private static String code(String text) {
        return text.replaceAll("\\[[^\\]]*\\]", "`$0`");
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
        return d == Math.rint(d) && Math.abs(d) < 1e15 ? String.format(Locale.ROOT, "%,d", d.longValue())
                : d.toString();
    }

    private static String value(Object v) {
        return v instanceof List<?> l ? l.stream().map(Object::toString).collect(Collectors.joining("×")) : "`" + v + "`";
    }
}
