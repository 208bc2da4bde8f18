package org.strata.app.document;

import java.util.concurrent.Executor;
import org.strata.engine.data.DataProbe;
import org.strata.engine.graph.Graph;
import org.strata.engine.project.DatasetSpec;
import org.strata.engine.project.Project;

/**
 * Keeps a document's view of its data current: whenever the dataset settings or its files change, reads the data
 * again off the JavaFX thread (as training would) and hands the result to {@link EditorDocument#setData}, so that
 * a mismatch between data and graph is listed before anyone presses Train. A result overtaken by a newer change is
 * dropped.
 */
public final class DataWatcher {
    private final EditorDocument document;
    private final Executor background;
    private final Executor ui;
    private String stamp;
    private long generation;

    /**
     * @param background where the data is read (one thread: reads queue rather than compete)
     * @param ui         the JavaFX thread, where the document is changed
     */
    public DataWatcher(EditorDocument document, Executor background, Executor ui) {
        this.document = document;
        this.background = background;
        this.ui = ui;
        document.revisionProperty().addListener((o, a, b) -> check());
        check();
    }

    /** Reads the data again if its settings or files changed since last time (e.g. when the window gets focus). */
    public void check() {
        Project project = document.project();
        String now = DataProbe.stamp(project);
        if (now.equals(stamp)) return;
        stamp = now;
        long mine = ++generation;
        Project data = dataOnly(project);
        background.execute(() -> {
            DataProbe.Result r = DataProbe.probe(data);
            ui.execute(() -> {
                if (mine == generation) document.setData(r);
            });
        });
    }

    /** A copy holding only what reading the data needs, so the read never sees an edit half-made. */
    private static Project dataOnly(Project p) {
        DatasetSpec spec = p.dataset().map(d -> new DatasetSpec(d.kind(), d.params().copy())).orElse(null);
        Project copy = new Project(p.name(), "", new Graph(), spec, p.training().copy());
        p.file().ifPresent(copy::setFile);
        return copy;
    }
}
