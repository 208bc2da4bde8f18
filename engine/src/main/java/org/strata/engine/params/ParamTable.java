package org.strata.engine.params;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** An ordered list of {@link ParamSpec}s: the schema of one layer type, dataset kind or settings block. */
public final class ParamTable {
    private final Map<String, ParamSpec> specs = new LinkedHashMap<>();

    /** @param specs the rows, in the order the inspector and the JSON file show them */
    public ParamTable(List<ParamSpec> specs) {
        for (ParamSpec s : specs) {
            if (this.specs.put(s.name(), s) != null) throw new IllegalArgumentException("duplicate " + s.name());
        }
    }

    /** A table with the given rows. */
    public static ParamTable of(ParamSpec... specs) {
        return new ParamTable(List.of(specs));
    }

    /** @return the rows in order */
    public List<ParamSpec> specs() {
        return List.copyOf(specs.values());
    }

    /** @return the row named {@code name} */
    public Optional<ParamSpec> spec(String name) {
        return Optional.ofNullable(specs.get(name));
    }

    /** @return a fresh set of values holding every default */
    public Params defaults() {
        Params p = new Params(this);
        for (ParamSpec s : specs.values()) p.putUnchecked(s.name(), s.defaultValue());
        return p;
    }
}
