package org.strata.engine.params;

import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One row of a parameter table: name, type, default, valid range and a one-line description.
 * Layer types, dataset kinds and training settings are all described by such tables; the inspector,
 * the validator, the JSON format and the docs are generated from them.
 *
 * @param name        key in the JSON file and in {@link Params}
 * @param label       short human name for the inspector
 * @param type        the kind of value
 * @param defaultValue value used when the file does not give one (never null)
 * @param min         smallest allowed number (INT, DOUBLE, every INT_TUPLE element), or null
 * @param max         largest allowed number, or null
 * @param choices     allowed values for CHOICE, else empty
 * @param tupleLength element count for INT_TUPLE, else 0
 * @param description one line for tooltips and docs
 * @param condition   the parameter only applies when another parameter has a given value; null if always
 */
public record ParamSpec(String name, String label, ParamType type, Object defaultValue, Double min, Double max,
                        List<String> choices, int tupleLength, String description, Condition condition) {

    /** "Applies only when {@code param} equals one of {@code values}". */
    public record Condition(String param, List<String> values) {
        /** @return whether the condition holds for the given parameter values */
        public boolean holds(Params params) {
            return values.contains(String.valueOf(params.get(param)));
        }
    }

    public ParamSpec {
        Objects.requireNonNull(name);
        Objects.requireNonNull(type);
        Objects.requireNonNull(defaultValue, "default of " + name);
        choices = List.copyOf(choices);
    }

    /** A whole number in [min, max]. */
    public static ParamSpec integer(String name, String label, int def, int min, int max, String description) {
        return new ParamSpec(name, label, ParamType.INT, def, (double) min, (double) max, List.of(), 0, description, null);
    }

    /** A real number in [min, max]. */
    public static ParamSpec real(String name, String label, double def, double min, double max, String description) {
        return new ParamSpec(name, label, ParamType.DOUBLE, def, min, max, List.of(), 0, description, null);
    }

    /** A boolean. */
    public static ParamSpec bool(String name, String label, boolean def, String description) {
        return new ParamSpec(name, label, ParamType.BOOLEAN, def, null, null, List.of(), 0, description, null);
    }

    /** One of {@code choices}. */
    public static ParamSpec choice(String name, String label, String def, List<String> choices, String description) {
        if (!choices.contains(def)) throw new IllegalArgumentException(def + " not in " + choices);
        return new ParamSpec(name, label, ParamType.CHOICE, def, null, null, choices, 0, description, null);
    }

    /** One of the constants of an enum of {@link Choice}s, stored by key. */
    public static <E extends Enum<E> & Choice> ParamSpec choice(String name, String label, E def, String description) {
        return choice(name, label, def.key(), Choice.keys(def.getDeclaringClass()), description);
    }

    /** A tuple of {@code def.length} whole numbers, each in [min, max]. */
    public static ParamSpec tuple(String name, String label, int[] def, int min, int max, String description) {
        return new ParamSpec(name, label, ParamType.INT_TUPLE, List.copyOf(Arrays.stream(def).boxed().toList()),
                (double) min, (double) max, List.of(), def.length, description, null);
    }

    /** Free text. */
    public static ParamSpec text(String name, String label, String def, String description) {
        return new ParamSpec(name, label, ParamType.STRING, def, null, null, List.of(), 0, description, null);
    }

    /** The name of a column of the dataset's file, e.g. the label column of a CSV. */
    public static ParamSpec column(String name, String label, String def, String description) {
        return new ParamSpec(name, label, ParamType.COLUMN, def, null, null, List.of(), 0, description, null);
    }

    /** A file's path relative to the project file. */
    public static ParamSpec path(String name, String label, String description) {
        return new ParamSpec(name, label, ParamType.PATH, "", null, null, List.of(), 0, description, null);
    }

    /** A folder's path relative to the project file. */
    public static ParamSpec folder(String name, String label, String description) {
        return new ParamSpec(name, label, ParamType.FOLDER, "", null, null, List.of(), 0, description, null);
    }

    /** @return a copy that applies only when {@code param} has one of {@code values} */
    public ParamSpec when(String param, String... values) {
        return new ParamSpec(name, label, type, defaultValue, min, max, choices, tupleLength, description,
                new Condition(param, List.of(values)));
    }

    /** @return whether this parameter applies given the other values (see {@link #condition()}) */
    public boolean appliesTo(Params params) {
        return condition == null || condition.holds(params);
    }

    /**
     * Checks a value against type and range, without clamping.
     *
     * @return a message saying what is wrong and what is allowed, or empty if the value is valid
     */
    public Optional<String> check(Object value) {
        switch (type) {
            case INT -> {
                if (!(value instanceof Integer i)) return Optional.of("must be a whole number");
                return checkRange(i);
            }
            case DOUBLE -> {
                if (!(value instanceof Number n)) return Optional.of("must be a number");
                double d = n.doubleValue();
                if (!Double.isFinite(d)) return Optional.of("must be a finite number");
                return checkRange(d);
            }
            case BOOLEAN -> {
                return value instanceof Boolean ? Optional.empty() : Optional.of("must be true or false");
            }
            case CHOICE -> {
                return choices.contains(value) ? Optional.empty()
                        : Optional.of("must be one of " + String.join(", ", choices) + " (was " + value + ")");
            }
            case INT_TUPLE -> {
                if (!(value instanceof List<?> list) || list.size() != tupleLength
                        || !list.stream().allMatch(e -> e instanceof Integer)) {
                    return Optional.of("must be " + tupleLength + " whole numbers, e.g. " + defaultValue);
                }
                for (Object e : list) {
                    Optional<String> r = checkRange((Integer) e);
                    if (r.isPresent()) return Optional.of("each value " + r.get());
                }
                return Optional.empty();
            }
            case STRING, COLUMN, PATH, FOLDER -> {
                return value instanceof String ? Optional.empty() : Optional.of("must be text");
            }
            default -> throw new IllegalStateException(type.toString());
        }
    }

    private Optional<String> checkRange(double v) {
        if (min != null && v < min || max != null && v > max) {
            return Optional.of("must be between " + fmt(min) + " and " + fmt(max) + " (was " + fmt(v) + ")");
        }
        return Optional.empty();
    }

    private static String fmt(Double d) {
        if (d == null) return "∞";
        return d == Math.rint(d) && Math.abs(d) < 1e15 ? Long.toString(d.longValue()) : Double.toString(d);
    }
}
