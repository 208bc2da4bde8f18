package org.strata.engine.train;

import org.strata.engine.text.Message;

/** Training cannot start or go on; the message names the cause (node, value, file) and how to fix it. */
public final class TrainingException extends Exception {
    private static final long serialVersionUID = 1L;
    private final String nodeId;
    private final Message text;

    public TrainingException(String message) {
        this(message, null, null);
    }

    public TrainingException(String message, String nodeId, Throwable cause) {
        this(Message.plain(message), nodeId, cause);
    }

    /** @param text the message, with a code where a user interface can say it in another language */
    public TrainingException(Message text, String nodeId, Throwable cause) {
        super(text.english(), cause);
        this.nodeId = nodeId;
        this.text = text;
    }

    /** @return the message, with its code and values where it has them */
    public Message text() {
        return text;
    }

    /** @return the node the problem is on, or null */
    public String nodeId() {
        return nodeId;
    }
}
