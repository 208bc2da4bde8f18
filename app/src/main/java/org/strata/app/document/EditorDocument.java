package org.strata.app.document;

import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Optional;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyLongProperty;
import javafx.beans.property.ReadOnlyLongWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import org.strata.engine.analysis.Analysis;
import org.strata.engine.analysis.GraphAnalyzer;
import org.strata.engine.data.DataProbe;
import org.strata.engine.graph.Graph;
import org.strata.engine.project.Project;

/**
 * The open project and its undo history. Every change goes through {@link #execute(Command)}; after each one the
 * graph is analysed again and {@link #revisionProperty()} moves on, which is what the panels observe.
 */
public final class EditorDocument {
    private final Project project;
    private final Selection selection = new Selection();
    private final Deque<Command> undo = new ArrayDeque<>();
    private final Deque<Command> redo = new ArrayDeque<>();
    /** The command on top of the undo stack when the project was last saved (null: the empty history). */
    private Command savedAt;
    private boolean neverSaved;
    private boolean recovered;
    private boolean executing;
    private final ReadOnlyLongWrapper revision = new ReadOnlyLongWrapper(this, "revision");
    private final ReadOnlyBooleanWrapper dirty = new ReadOnlyBooleanWrapper(this, "dirty");
    private final ReadOnlyObjectWrapper<Analysis> analysis = new ReadOnlyObjectWrapper<>(this, "analysis");
    private final ReadOnlyBooleanWrapper readOnly = new ReadOnlyBooleanWrapper(this, "readOnly");
    private final ReadOnlyBooleanWrapper pausedEdits = new ReadOnlyBooleanWrapper(this, "pausedEditsAllowed");
    private java.util.function.Consumer<String> onRefused = what -> { };
    /** What the project's data looked like when last read (null until first read): its problems join the graph's. */
    private DataProbe.Result data;

    /** Opens {@code project}; its history starts empty and it counts as saved if it has a file. */
    public EditorDocument(Project project) {
        this(project, false);
    }

    /**
     * Opens {@code project}; a project recovered after a crash starts with unsaved changes (its file on disk is
     * older than what is shown).
     */
    public EditorDocument(Project project, boolean recovered) {
        this.project = project;
        this.neverSaved = project.file().isEmpty();
        this.recovered = recovered;
        analysis.set(analyze());
        dirty.set(recovered);
    }

    public Project project() {
        return project;
    }

    public Graph graph() {
        return project.graph();
    }

    public Selection selection() {
        return selection;
    }

    /**
     * @return the analysis of the current graph (shapes, parameter counts, problems), with the problems of the
     * graph against its data as last read ({@link #setData})
     */
    public Analysis analysis() {
        return analysis.get();
    }

    public ReadOnlyObjectProperty<Analysis> analysisProperty() {
        return analysis.getReadOnlyProperty();
    }

    /** Increases by one after every executed, undone or redone command. */
    public ReadOnlyLongProperty revisionProperty() {
        return revision.getReadOnlyProperty();
    }

    /** Whether there are changes since the last save (a new, never-saved project is not dirty until edited). */
    public ReadOnlyBooleanProperty dirtyProperty() {
        return dirty.getReadOnlyProperty();
    }

    public boolean isDirty() {
        return dirty.get();
    }

    /** @return the project's file, if it has been saved or was opened from one */
    public Optional<Path> file() {
        return project.file();
    }

    /**
     * Runs a command and records it for undo.
     *
     * @throws IllegalStateException if called from inside another command (edits never nest)
     */
    public void execute(Command command) {
        if (executing) throw new IllegalStateException("re-entrant edit: " + command.description());
        if (refuses(command)) {
            onRefused.accept(command.description());
            revision.set(revision.get() + 1); // views that moved ahead of the model (a drag) go back to it
            return;
        }
        executing = true;
        try {
            command.execute();
        } finally {
            executing = false;
        }
        Command top = undo.peek();
        if (top == null || top == savedAt || !top.mergeWith(command)) undo.push(command);
        redo.clear();
        changed();
    }

    public boolean canUndo() {
        return !undo.isEmpty();
    }

    public boolean canRedo() {
        return !redo.isEmpty();
    }

    /** @return the description of the command {@link #undo()} would reverse */
    public Optional<String> undoDescription() {
        return Optional.ofNullable(undo.peek()).map(Command::description);
    }

    /** @return the description of the command {@link #redo()} would repeat */
    public Optional<String> redoDescription() {
        return Optional.ofNullable(redo.peek()).map(Command::description);
    }

    public void undo() {
        if (undo.isEmpty() || executing) return;
        if (refuses(undo.peek())) {
            onRefused.accept(undo.peek().description());
            return;
        }
        Command c = undo.pop();
        c.undo();
        redo.push(c);
        changed();
    }

    public void redo() {
        if (redo.isEmpty() || executing) return;
        if (refuses(redo.peek())) {
            onRefused.accept(redo.peek().description());
            return;
        }
        Command c = redo.pop();
        c.execute();
        undo.push(c);
        changed();
    }

    /** While training runs, the graph is read-only: commands are refused (and reported) instead of executed. */
    public void setReadOnly(boolean on) {
        readOnly.set(on);
    }

    /**
     * While a run is paused: the edits that the run can take in when it resumes ({@link Command#allowedWhilePaused})
     * are allowed although the document is read-only.
     */
    public void setPausedEditsAllowed(boolean on) {
        pausedEdits.set(on);
    }

    /** Whether paused-run edits are allowed now (see {@link #setPausedEditsAllowed}). */
    public ReadOnlyBooleanProperty pausedEditsAllowedProperty() {
        return pausedEdits.getReadOnlyProperty();
    }

    private boolean refuses(Command c) {
        return readOnly.get() && !(pausedEdits.get() && c.allowedWhilePaused());
    }

    public ReadOnlyBooleanProperty readOnlyProperty() {
        return readOnly.getReadOnlyProperty();
    }

    /** Where refused edits are reported (the status bar), with the refused command's description. */
    public void setOnRefused(java.util.function.Consumer<String> sink) {
        onRefused = sink;
    }

    /**
     * Takes in what the project's data looks like now (read off the JavaFX thread by a {@link DataWatcher}): the
     * analysis is made again with the data's problems, and the panels refresh. Not an edit: nothing to undo or save.
     */
    public void setData(DataProbe.Result result) {
        data = result;
        analysis.set(analyze());
        revision.set(revision.get() + 1);
    }

    /** @return what the project's data looked like when last read, if it has been */
    public Optional<DataProbe.Result> data() {
        return Optional.ofNullable(data);
    }

    private Analysis analyze() {
        Analysis a = GraphAnalyzer.analyze(project.graph());
        return data == null ? a : a.with(data.problems(project.graph(), a));
    }

    /** Records that the project as it is now was written to {@code file}. */
    public void markSaved(Path file) {
        project.setFile(file);
        savedAt = undo.peek();
        neverSaved = false;
        recovered = false;
        dirty.set(false);
        revision.set(revision.get() + 1);
    }

    private void changed() {
        selection.retainExisting(project.graph());
        analysis.set(analyze());
        dirty.set(recovered || undo.peek() != savedAt || (neverSaved && !undo.isEmpty()));
        revision.set(revision.get() + 1);
    }
}
