package org.strata.app.training;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import javafx.beans.property.ReadOnlyLongProperty;
import javafx.beans.property.ReadOnlyLongWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.strata.app.document.EditorDocument;
import org.strata.engine.model.TrainedModel;
import org.strata.engine.runs.RunProofs;
import org.strata.engine.runs.RunRecord;
import org.strata.engine.runs.RunStore;
import org.strata.engine.runs.WeightsImport;

/**
 * The runs kept with the open project (see {@link RunStore}): listed for the Runs tab, some overlaid on the loss
 * chart. A project not saved yet keeps its runs in a temporary folder; when it is first saved (or saved elsewhere)
 * they are copied next to the project file. Changed on the JavaFX thread; files are written off it (the folder is
 * guarded by this object's lock, as the evaluation thread asks for it when it keeps a run).
 */
public final class RunHistory {
    private final EditorDocument document;
    private final ObservableList<RunRecord> runs = FXCollections.observableArrayList();
    private final ReadOnlyLongWrapper overlayVersion = new ReadOnlyLongWrapper(this, "overlayVersion");
    private final Set<String> overlaid = new LinkedHashSet<>();
    /** Each run's proofs by id, read with the list (the Runs table asks for them at every repaint). */
    private final java.util.Map<String, List<RunProofs.Entry>> proofs = new java.util.concurrent.ConcurrentHashMap<>();
    private Path folder;
    private boolean temporary;
    private String problem = "";
    private final Path templates;

    private final RunThreads threads;

    /**
     * @param templates a folder whose projects are templates (the bundled samples): their runs stay in a temporary
     *                  folder until the project is saved elsewhere; may be null
     * @param threads   where files are copied and deleted (off the UI thread) and the list reloaded (on it)
     */
    public RunHistory(EditorDocument document, Path templates, RunThreads threads) {
        this.document = document;
        this.threads = threads;
        this.templates = templates == null ? null : templates.toAbsolutePath().normalize();
        folder = runsFolder();
        reload();
        document.revisionProperty().addListener((o, a, b) -> followFile());
    }

    /** @return the kept runs, oldest first */
    public ObservableList<RunRecord> runs() {
        return runs;
    }

    /** @return why some run folders could not be read ("" if none) */
    public String problem() {
        return problem;
    }

    /** @return the store runs are kept in, made on first use (a temporary folder before the project is saved) */
    public synchronized RunStore store() throws IOException {
        if (folder == null) {
            folder = Files.createTempDirectory("strata-runs");
            temporary = true;
        }
        return new RunStore(folder);
    }

    /** @return the runs folder beside the project file, or null while runs are kept in a temporary folder */
    synchronized Path keptFolder() {
        return temporary ? null : folder;
    }

    /** Lists the runs folder again. */
    public synchronized void reload() {
        runs.clear();
        if (folder == null) return;
        RunStore s = new RunStore(folder);
        runs.setAll(s.list());
        proofs.clear();
        for (RunRecord r : runs) proofs.put(r.id(), RunProofs.read(folder.resolve(r.id())));
        problem = String.join("\n", s.problems());
        overlaid.retainAll(runs.stream().map(RunRecord::id).toList());
        overlayVersion.set(overlayVersion.get() + 1);
    }

    /** Adds a run that was just kept (on the JavaFX thread). */
    void added(RunRecord run) {
        runs.add(run);
    }

    /** Deletes a run and its model. */
    public void delete(RunRecord run) throws IOException {
        store().delete(run.id());
        runs.remove(run);
        proofs.remove(run.id());
        overlaid.remove(run.id());
        overlayVersion.set(overlayVersion.get() + 1);
    }

    /** @return a run's trained model (reads its file: call off the JavaFX thread for large models) */
    public TrainedModel model(RunRecord run) throws IOException {
        return store().loadModel(run.id());
    }

    /** @return what was proved about a run's weights, oldest first */
    public List<RunProofs.Entry> proofs(RunRecord run) {
        return proofs.getOrDefault(run.id(), List.of());
    }

    /** Keeps an export's proof with the run it exported (call off the JavaFX thread). */
    public void addProof(RunRecord run, RunProofs.Entry proof) throws IOException {
        Path dir = store().folder().resolve(run.id());
        RunProofs.add(dir, proof);
        proofs.put(run.id(), RunProofs.read(dir));
    }

    /**
     * Imports weights trained elsewhere as a run of the open project (see {@link WeightsImport}), off the JavaFX
     * thread; then lists the runs again and hands {@code done} the run, or {@code failed} the reason, on it.
     */
    public void importWeights(Path weights, java.util.function.Consumer<WeightsImport.Imported> done,
                              java.util.function.Consumer<Exception> failed) {
        org.strata.engine.project.Project project = document.project().copy();
        threads.background("strata-import-weights", () -> {
            try {
                WeightsImport.Imported imported = WeightsImport.run(weights, project, store());
                threads.ui(() -> {
                    reload();
                    done.accept(imported);
                });
            } catch (Exception e) {
                threads.ui(() -> failed.accept(e));
            } catch (OutOfMemoryError | StackOverflowError e) { // said as a failure; the window and project stay
                var said = new java.io.IOException(org.strata.app.i18n.Catalogue.explain(e), e);
                threads.ui(() -> failed.accept(said));
            }
        });
    }

    /** Shows or hides a run's loss curve on the loss chart. */
    public void setOverlaid(RunRecord run, boolean on) {
        if (on ? overlaid.add(run.id()) : overlaid.remove(run.id())) overlayVersion.set(overlayVersion.get() + 1);
    }

    /** @return whether a run's curve is on the loss chart */
    public boolean isOverlaid(RunRecord run) {
        return overlaid.contains(run.id());
    }

    /** @return the runs on the loss chart, oldest first */
    public List<RunRecord> overlaidRuns() {
        Set<String> ids = overlaid;
        return runs.stream().filter(r -> ids.contains(r.id())).toList();
    }

    /** Moves on whenever the overlaid runs change. */
    public ReadOnlyLongProperty overlayVersionProperty() {
        return overlayVersion.getReadOnlyProperty();
    }

    /** @return the run with this id, if kept */
    public Optional<RunRecord> find(String id) {
        return runs.stream().filter(r -> r.id().equals(id)).findFirst();
    }

    /**
     * When the project is saved to a (new) file, its runs go with it: copied from the temporary folder (then
     * deleted) or from the runs folder of the file it was saved from (Save As keeps the old one too).
     */
    private synchronized void followFile() {
        Path now = runsFolder();
        if (now == null || now.equals(folder)) return;
        Path old = folder;
        boolean wasTemporary = temporary;
        folder = now;
        temporary = false;
        if (old == null) {
            reload();
            return;
        }
        threads.background("strata-runs-copy", () -> {
            try {
                new RunStore(old).copyTo(now);
                if (wasTemporary) RunStore.deleteTree(old);
            } catch (IOException e) {
                problem = now + ": " + e.getMessage();
            }
            threads.ui(this::reload);
        });
    }

    /** Deletes the temporary folder of a project that was never saved, if there is one (off the JavaFX thread). */
    synchronized void discardTemporary() {
        if (!temporary || folder == null) return;
        Path dir = folder;
        folder = null;
        temporary = false;
        threads.background("strata-runs-discard", () -> {
            try {
                RunStore.deleteTree(dir);
            } catch (IOException ignored) {
                // a temporary folder the system cleans up anyway
            }
        });
    }

    /** @return the runs folder beside the project file, or null for none yet or a template */
    private Path runsFolder() {
        Path file = document.file().map(f -> f.toAbsolutePath().normalize()).orElse(null);
        if (file == null || (templates != null && file.startsWith(templates))) return null;
        return RunStore.folderFor(file);
    }
}
