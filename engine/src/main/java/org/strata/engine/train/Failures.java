package org.strata.engine.train;

import org.strata.engine.text.Message;

/** What to tell a user about an error a library raised mid-run: never its class name or stack. */
final class Failures {
    private Failures() {
    }

    /** @return why the run failed: unreadable data's own message, out of memory, else the error's words */
    static Message explain(RuntimeException e) {
        Throwable root = e;
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            // data that turns out unreadable mid-run (an image file that does not decode): its own message
            if (t instanceof org.strata.engine.data.DatasetException d) return d.text();
            root = t;
        }
        if (root instanceof OutOfMemoryError || String.valueOf(root.getMessage()).contains("memory")) {
            return outOfMemory();
        }
        String why = String.valueOf(root.getMessage());
        return Message.of("run.failed", "Training stopped: " + why, why);
    }

    /** @return what to say when memory ran out mid-run */
    static Message outOfMemory() {
        return Message.of("run.outOfMemory", "Out of memory while training: lower the batch size or the layer sizes");
    }
}
