package org.strata.engine.params;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Values for one {@link ParamTable}. Every value is checked against its spec when set: an out-of-range
 * value is refused with a message, never clamped.
 */
public final class Params {
    private final ParamTable table;
    private final Map<String, Object> values = new LinkedHashMap<>();

    Params(ParamTable table) {
        this.table = table;
    }

    /** @return the schema these values follow */
    public ParamTable table() {
        return table;
    }

    /** @return the value of {@code name}; the default if never set */
    public Object get(String name) {
        Object v = values.get(name);
        if (v != null) return v;
        return table.spec(name).orElseThrow(() -> new IllegalArgumentException("no parameter " + name)).defaultValue();
    }

    /** @return an INT parameter */
    public int getInt(String name) {
        return ((Number) get(name)).intValue();
    }

    /** @return a DOUBLE parameter */
    public double getDouble(String name) {
        return ((Number) get(name)).doubleValue();
    }

    /** @return a BOOLEAN parameter */
    public boolean getBool(String name) {
        return (Boolean) get(name);
    }

    /** @return a CHOICE, STRING, COLUMN, PATH or FOLDER parameter */
    public String getString(String name) {
        return (String) get(name);
    }

    /** @return a CHOICE parameter as the constant of {@code type} it names */
    public <E extends Enum<E> & Choice> E getChoice(String name, Class<E> type) {
        return Choice.of(type, getString(name));
    }

    /** @return an INT_TUPLE parameter */
    public int[] getTuple(String name) {
        List<?> l = (List<?>) get(name);
        return l.stream().mapToInt(o -> (Integer) o).toArray();
    }

    /**
     * Sets a value after checking it.
     *
     * @throws IllegalArgumentException naming the parameter and the allowed values if it is invalid
     */
    public Params set(String name, Object value) {
        ParamSpec spec = table.spec(name).orElseThrow(() -> new IllegalArgumentException("no parameter " + name));
        Object normal = normalise(spec, value);
        Optional<String> err = spec.check(normal);
        if (err.isPresent()) throw new IllegalArgumentException(spec.label() + " " + err.get());
        values.put(name, normal);
        return this;
    }

    void putUnchecked(String name, Object value) {
        values.put(name, value);
    }

    /** @return a deep copy */
    public Params copy() {
        Params p = new Params(table);
        p.values.putAll(values);
        return p;
    }

    /** @return the values, in table order, of the parameters that apply (see {@link ParamSpec#appliesTo}) */
    public Map<String, Object> applicable() {
        Map<String, Object> out = new LinkedHashMap<>();
        for (ParamSpec s : table.specs()) if (s.appliesTo(this)) out.put(s.name(), get(s.name()));
        return Collections.unmodifiableMap(out);
    }

    /** Accepts the loose forms callers naturally have (an int for a double, an int[] for a tuple). */
    static Object normalise(ParamSpec spec, Object value) {
        if (spec.type() == ParamType.DOUBLE && value instanceof Number n) return n.doubleValue();
        if (spec.type() == ParamType.INT && value instanceof Long l && l == l.intValue()) return l.intValue();
        if (spec.type() == ParamType.INT_TUPLE && value instanceof int[] a) {
            List<Integer> l = new ArrayList<>();
            for (int i : a) l.add(i);
            return List.copyOf(l);
        }
        if (spec.type() == ParamType.INT_TUPLE && value instanceof List<?> l) return List.copyOf(l);
        return value;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Params p && p.table == table && p.applicable().equals(applicable());
    }

    @Override
    public int hashCode() {
        return applicable().hashCode();
    }

    @Override
    public String toString() {
        return applicable().toString();
    }
}
