package org.strata.engine.project;

import org.strata.engine.params.Params;

/**
 * Which data a project trains on: a kind and its parameters. Paths are relative to the project file.
 *
 * @param kind   the dataset kind
 * @param params values for {@code kind.params()}
 */
public record DatasetSpec(DatasetKind kind, Params params) {
    public DatasetSpec {
        if (params.table() != kind.params()) throw new IllegalArgumentException("params are not for " + kind.key());
    }

    /** A spec of {@code kind} with default parameters. */
    public static DatasetSpec of(DatasetKind kind) {
        return new DatasetSpec(kind, kind.params().defaults());
    }
}
