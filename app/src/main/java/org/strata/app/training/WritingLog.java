package org.strata.app.training;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;

/**
 * What the student has had a language model write in Try it: the temperature of each writing (Write or One token)
 * and which attention heads' weights were shown. A lesson watches it ({@link #versionProperty()}) to know a step is
 * done; the panel tells it. Without views.
 */
public final class WritingLog {
    private final List<Double> temperatures = new ArrayList<>();
    private final Set<String> heads = new LinkedHashSet<>();
    private final ReadOnlyIntegerWrapper version = new ReadOnlyIntegerWrapper(this, "version", 0);

    /** A writing asked for by the student ended with at least one token, sampled at {@code temperature} (0: greedy). */
    public void wrote(double temperature) {
        temperatures.add(temperature);
        version.set(version.get() + 1);
    }

    /** The weights of head {@code head} (from 1) of the attention layer {@code nodeId} were shown for a new token. */
    public void showedHead(String nodeId, int head) {
        if (heads.add(nodeId + "#" + head)) version.set(version.get() + 1);
    }

    /** @return the temperature of each writing, oldest first */
    public List<Double> temperatures() {
        return List.copyOf(temperatures);
    }

    /** @return how many different heads' weights were shown */
    public int headsShown() {
        return heads.size();
    }

    /** Changes whenever a writing ends or a head is shown for the first time. */
    public ReadOnlyIntegerProperty versionProperty() {
        return version.getReadOnlyProperty();
    }
}
