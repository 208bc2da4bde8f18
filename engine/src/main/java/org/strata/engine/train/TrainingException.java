package org.strata.engine.train;

/** Training cannot start or go on; the message names the cause (node, value, file) and how to fix it. */
public final class TrainingException extends Exception {
    private static final long serialVersionUID = 1L;
    private final String nodeId;

    public TrainingException(String message) {
        this(message, null, null);
    }

    public TrainingException(String message, String nodeId, Throwable cause) {
        super(message, cause);
        this.nodeId = nodeId;
    }

    /** @return the node the problem is on, or null */
    public String nodeId() {
        return nodeId;
    }
}
