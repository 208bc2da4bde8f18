package org.strata.engine.params;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** An ordered list of {@link ParamSpec}s: the schema of one layer type, dataset kind or settings block. */
public final class ParamTable {
    private final Map<String, ParamSpec> specs = new LinkedHashMap<>();
    private final String owner;

    /** @param specs the rows, in the order the inspector and the JSON file show them */
    public ParamTable(List<ParamSpec> specs) {
        this("", specs);
    }

    private ParamTable(String owner, List<ParamSpec> specs) {
        this.owner = owner;
        for (ParamSpec s : specs) {
            if (this.specs.put(s.name(), s) != null) throw new IllegalArgumentException("duplicate " + s.name());
        }
    }

    /** A table with the given rows. */
    public static ParamTable of(ParamSpec... specs) {
        return new ParamTable(List.of(specs));
    }

    /**
     * @return the same rows owned by {@code owner}: a layer type's id ("Conv2D"), "training", or "dataset.csv". Texts
     *     about a row are looked up by owner and name ({@code param.Conv2D.padding}), so two parameters with one name
     *     can say different things
     */
    public ParamTable ownedBy(String owner) {
        return new ParamTable(owner, specs());
    }

    /** @return who the rows belong to (see {@link #ownedBy}); "" for a table of no one */
    public String owner() {
        return owner;
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
