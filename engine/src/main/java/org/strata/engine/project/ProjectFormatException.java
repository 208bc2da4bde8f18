package org.strata.engine.project;

import java.io.IOException;

/**
 * A project file could not be read. The message names the file, the JSON path of the offending value and what
 * is wrong with it, e.g. {@code mnist.strata: $.graph.nodes[2].params.units: must be between 1 and 1000000 (was 0)}.
 */
public final class ProjectFormatException extends IOException {
    private static final long serialVersionUID = 1L;
    private final String jsonPath;

    public ProjectFormatException(String jsonPath, String message) {
        super(jsonPath + ": " + message);
        this.jsonPath = jsonPath;
    }

    ProjectFormatException(String file, ProjectFormatException cause) {
        super(file + ": " + cause.getMessage(), cause);
        this.jsonPath = cause.jsonPath;
    }

    /** @return where in the document the problem is, e.g. {@code $.training.batchSize} */
    public String jsonPath() {
        return jsonPath;
    }
}
