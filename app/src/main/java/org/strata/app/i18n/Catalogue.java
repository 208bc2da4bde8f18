package org.strata.app.i18n;

import java.text.MessageFormat;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;
import org.strata.engine.analysis.Problem;
import org.strata.engine.layers.LayerType;
import org.strata.engine.layers.TensorShape;
import org.strata.engine.params.ParamSpec;
import org.strata.engine.params.ParamTable;
import org.strata.engine.text.Message;

/**
 * The engine's texts in the window's language: its layer and parameter texts, and what it says (the validator's
 * problems, a run's state, why a run failed or a dataset cannot be read). English is the engine's own text (a
 * layer's, written once next to its shape rule; a message's, made where it is said); other languages translate it in
 * {@code catalogue_<lang>.properties}, by the message's code with its values.
 */
public final class Catalogue {
    private static final String BUNDLE = "org.strata.ui.catalogue";

    private Catalogue() {
    }

    /** @return the layer type's one-line description */
    public static String description(LayerType type) {
        return text("layer." + type.id(), type.description());
    }

    /** @return the layer type's formula (its reference doc line) */
    public static String formula(LayerType type) {
        return text("formula." + type.id(), type.doc());
    }

    /**
     * @return a sample project's name or description in the window's language (the project file's own text in
     * English); {@code what} is "name" or "description"
     */
    public static String sample(String folder, String what, String english) {
        return text("sample." + folder + "." + what, english);
    }

    /**
     * @param owner the owner of the parameter's table ({@link ParamTable#owner()}: "Conv2D", "training")
     * @return the parameter's label ("Kernel size", "卷积核大小"): its owner's own text where it has one
     *     ({@code param.Conv2D.padding}), else the text shared by every parameter of that name
     */
    public static String label(String owner, ParamSpec spec) {
        return firstOf(spec.label(), "param." + owner + "." + spec.name(), "param." + spec.name());
    }

    /**
     * @return how a choice's value is shown ("标准化" for {@code standardize}): its owner's own text,
     * else the text for that parameter's value, else for the value anywhere; the value itself where the language
     * keeps it (algorithm names such as relu or adam, and English)
     */
    public static String choice(String owner, ParamSpec spec, String value) {
        return firstOf(value, "choice." + owner + "." + spec.name() + "." + value, "choice." + spec.name() + "."
                + value, "choice." + value);
    }

    /**
     * @return a class name of Strata's generated data ("same sign", "blob 3") in the window's language; names from
     * the user's own data are never passed here
     */
    public static String generatedClass(String english) {
        java.util.regex.Matcher blob = java.util.regex.Pattern.compile("blob (\\d+)").matcher(english);
        if (blob.matches()) {
            String pattern = firstOf(null, "class.blob");
            return pattern == null ? english : MessageFormat.format(pattern, blob.group(1));
        }
        return text("class." + english.replace(' ', '_'), english);
    }

    /** @return the parameter's one-line description, looked up as {@link #label} is */
    public static String description(String owner, ParamSpec spec) {
        return firstOf(spec.description(), "desc." + owner + "." + spec.name(), "desc." + spec.name());
    }

    /**
     * @param node the problem's node (null for the graph as a whole)
     * @return a validator problem in the window's language: the engine's English message, or the translation of
     * its code with its values (shape kinds and axis names translated too)
     */
    public static String problem(Problem p, org.strata.engine.graph.Node node) {
        if (p.code() == null) return p.message();
        ResourceBundle b = current();
        if (b == null) return p.message();
        List<Object> args = new ArrayList<>(p.args());
        if (p.code().equals("param.invalid")) {
            // (parameter name, value) → (translated label, value, the rule it broke)
            if (node == null) return p.message();
            var spec = node.type().params().spec((String) args.get(0));
            if (spec.isEmpty()) return p.message();
            args.set(0, label(node.type().params().owner(), spec.get()));
            args.add(rule(spec.get()));
        }
        String key = "problem." + p.code();
        if (!b.containsKey(key) && p.code().startsWith("shape.kind.")) key = "problem.shape.kind";
        if (!b.containsKey(key)) key = "message." + p.code(); // the data's problems: what training would say
        if (!b.containsKey(key)) return p.message();
        Object[] words = args.stream().map(Catalogue::word).toArray();
        return new MessageFormat(b.getString(key), Messages.locale()).format(words);
    }

    /**
     * @return something the engine said (a run's state, why a graph trains on Deeplearning4j, why a run failed, why
     * a dataset cannot be read) in the window's language: the translation of its code with its values, a value that
     * is a message itself translated too; the engine's English text in English, or for a message without a code
     */
    public static String message(Message m) {
        ResourceBundle b = current();
        String key = "message." + m.code();
        if (m.code() == null || b == null || !b.containsKey(key)) return m.english();
        Object[] values = m.args().stream().map(a -> a instanceof Message inner ? message(inner)
                : a instanceof Double || a instanceof Float ? a.toString() : a).toArray();
        if (m.code().equals("dataset.notSet") || m.code().equals("dataset.folderNotSet")) {
            // the setting (owner.name) named as the inspector names it
            String setting = (String) values[0];
            String name = setting.substring(setting.lastIndexOf('.') + 1);
            values[0] = firstOf(name, "param." + setting, "param." + name);
        }
        return new MessageFormat(b.getString(key), Messages.locale()).format(values);
    }

    /** @return a problem's one-click fix as its button says it, in the window's language */
    public static String fix(org.strata.engine.analysis.Fix f) {
        ResourceBundle b = current();
        if (b == null || !b.containsKey(f.code())) return f.english();
        return new MessageFormat(b.getString(f.code()), Messages.locale()).format(f.args().stream()
                .map(Catalogue::word).toArray());
    }

    /** @return why something failed, in the window's language where the engine gave its message a code */
    public static String explain(Throwable e) {
        if (e instanceof OutOfMemoryError) return org.strata.app.i18n.Messages.get("error.outOfMemory");
        if (e instanceof StackOverflowError) return org.strata.app.i18n.Messages.get("error.tooDeep");
        if (e instanceof org.strata.engine.train.TrainingException t) return message(t.text());
        if (e instanceof org.strata.engine.data.DatasetException d) return message(d.text());
        if (e instanceof org.strata.engine.runs.ImportException i) return message(i.text());
        return e.getMessage() == null ? e.toString() : e.getMessage();
    }

    /**
     * @return why a value was refused, in the window's language (the engine's English message as given when the
     * language is English)
     */
    public static String refusal(String owner, ParamSpec spec, Object value, String englishMessage) {
        ResourceBundle b = current();
        if (b == null || !b.containsKey("refusal")) return englishMessage;
        return new MessageFormat(b.getString("refusal"), Messages.locale()).format(
                new Object[]{label(owner, spec), String.valueOf(value), rule(spec)});
    }

    /** The rule a parameter's values follow, e.g. "必须在 1 到 1000000 之间". */
    private static String rule(ParamSpec spec) {
        ResourceBundle b = current();
        String range = spec.min() != null && spec.max() != null ? format(b, "rule.range", num(spec.min()),
                num(spec.max())) : spec.min() != null ? format(b, "rule.atLeast", num(spec.min()))
                : spec.max() != null ? format(b, "rule.atMost", num(spec.max())) : "";
        return switch (spec.type()) {
            case INT -> range.isEmpty() ? format(b, "rule.whole") : format(b, "rule.whole") + "，" + range;
            case DOUBLE -> range.isEmpty() ? format(b, "rule.number") : range;
            case BOOLEAN -> format(b, "rule.boolean");
            case CHOICE -> format(b, "rule.choice", String.join(", ", spec.choices()));
            case INT_TUPLE -> format(b, "rule.tuple", spec.tupleLength(), range);
            default -> format(b, "rule.text");
        };
    }

    private static String format(ResourceBundle b, String key, Object... args) {
        return new MessageFormat(b.getString(key), Messages.locale()).format(args);
    }

    private static String num(double d) {
        return d == Math.rint(d) && Math.abs(d) < 1e15 ? Long.toString((long) d) : Double.toString(d);
    }

    /** Words inside messages: shape kinds and the axis names height and width. */
    private static Object word(Object a) {
        if (a instanceof TensorShape.Kind k) return text("kind." + k.name().toLowerCase(Locale.ROOT),
                k.name().toLowerCase(Locale.ROOT));
        if ("height".equals(a) || "width".equals(a)) return text("param." + a, (String) a);
        if (a instanceof Number n) return n.toString(); // sizes, not quantities: no digit grouping
        return a;
    }

    /** @return the translation bundle of the window's language, or null for English (the engine's own text) */
    private static ResourceBundle current() {
        try {
            ResourceBundle b = bundle(Messages.locale());
            return b.keySet().isEmpty() ? null : b;
        } catch (MissingResourceException e) {
            return null;
        }
    }

    /** @return the bundle of a language, for the completeness test */
    public static ResourceBundle bundle(Locale l) {
        return ResourceBundle.getBundle(BUNDLE, l, ResourceBundle.Control.getNoFallbackControl(
                ResourceBundle.Control.FORMAT_PROPERTIES));
    }

    /** @return the first of {@code keys} the window's language has, else {@code english} */
    private static String firstOf(String english, String... keys) {
        try {
            ResourceBundle b = bundle(Messages.locale());
            for (String key : keys) if (b.containsKey(key)) return b.getString(key);
            return english;
        } catch (MissingResourceException e) {
            return english;
        }
    }

    private static String text(String key, String english) {
        return firstOf(english, key);
    }
}
