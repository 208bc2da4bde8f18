package org.strata.app.window;

import java.io.IOException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Optional;
import javafx.scene.control.Alert;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.stage.FileChooser;
import javafx.stage.Window;
import org.strata.app.document.EditorDocument;
import org.strata.app.i18n.Messages;
import org.strata.engine.project.Project;
import org.strata.engine.project.ProjectFile;

/**
 * Opening and saving project files, with the dialogs a desktop user expects: a file chooser filtered to
 * {@code .strata}, "save changes?" before they would be lost, and the reason when a file cannot be read (the open
 * project stays as it was).
 */
final class FileActions {
    /** What the user chose when asked about unsaved changes. */
    enum Unsaved { SAVED, DISCARD, CANCEL }

    private final Window owner;
    private final AppSettings settings;

    FileActions(Window owner, AppSettings settings) {
        this.owner = owner;
        this.settings = settings;
    }

    /** Asks for a project file to open. */
    Optional<Path> chooseToOpen() {
        FileChooser fc = chooser();
        fc.setTitle(Messages.get("file.open.title"));
        return Optional.ofNullable(fc.showOpenDialog(owner)).map(java.io.File::toPath);
    }

    /**
     * Reads a project, or shows why it cannot be read.
     *
     * @return the project, or empty after the error dialog
     */
    Optional<Project> read(Path file) {
        try {
            Project p = ProjectFile.load(file);
            settings.addRecent(file);
            return Optional.of(p);
        } catch (NoSuchFileException e) {
            error(Messages.get("file.open.failed", file.getFileName()), Messages.get("file.notFound", file));
        } catch (IOException | RuntimeException e) {
            error(Messages.get("file.open.failed", file.getFileName()), e.getMessage());
        }
        return Optional.empty();
    }

    /** Saves to the document's file, or asks for one. @return whether it was saved */
    boolean save(EditorDocument doc) {
        Optional<Path> file = doc.file();
        return savesInPlace(file) ? write(doc, file.get()) : saveAs(doc);
    }

    /**
     * @return whether Save writes to {@code file} itself: not when there is none yet, and not for a bundled sample,
     * which stays as shipped (the next student opens it as it was; on a lab machine its folder is not writable), so
     * Save asks where to keep the changed copy
     */
    static boolean savesInPlace(Optional<Path> file) {
        return file.isPresent() && Samples.nameOf(file.get()).isEmpty();
    }

    boolean saveAs(EditorDocument doc) {
        FileChooser fc = chooser();
        fc.setTitle(Messages.get("file.saveAs.title"));
        fc.setInitialFileName(doc.project().name().replaceAll("[^\\p{L}\\p{N}._-]+", "-") + ProjectFile.EXTENSION);
        doc.file().filter(FileActions::notSample).map(Path::getParent).filter(p -> p.toFile().isDirectory())
                .ifPresent(p -> fc.setInitialDirectory(p.toFile()));
        java.io.File f = fc.showSaveDialog(owner);
        if (f == null) return false;
        Path path = f.toPath();
        if (!path.getFileName().toString().endsWith(ProjectFile.EXTENSION)) {
            path = path.resolveSibling(path.getFileName() + ProjectFile.EXTENSION);
        }
        return write(doc, path);
    }

    private static boolean notSample(Path file) {
        return Samples.nameOf(file).isEmpty();
    }

    /**
     * Writes atomically (the engine writes a temporary file, then renames it). Saving into another folder rewrites
     * relative dataset paths so they still find the data.
     */
    boolean write(EditorDocument doc, Path file) {
        Optional<Path> previous = doc.file();
        try {
            doc.project().relocate(file);
            ProjectFile.save(doc.project(), file);
            doc.markSaved(file);
            settings.addRecent(file);
            return true;
        } catch (IOException | RuntimeException e) {
            previous.ifPresent(doc.project()::relocate);
            error(Messages.get("file.save.failed", file.getFileName()), e.getMessage());
            return false;
        }
    }

    /** Before closing or replacing a document: offers to save its changes. */
    Unsaved confirmDiscard(EditorDocument doc) {
        if (doc == null || !doc.isDirty()) return Unsaved.DISCARD;
        ButtonType save = new ButtonType(Messages.get("unsaved.save"), ButtonBar.ButtonData.YES);
        ButtonType discard = new ButtonType(Messages.get("unsaved.discard"), ButtonBar.ButtonData.NO);
        ButtonType cancel = new ButtonType(Messages.get("unsaved.cancel"), ButtonBar.ButtonData.CANCEL_CLOSE);
        Alert a = new Alert(Alert.AlertType.CONFIRMATION, Messages.get("unsaved.message", doc.project().name()),
                save, discard, cancel);
        a.initOwner(owner);
        a.setTitle(Messages.get("unsaved.title"));
        a.setHeaderText(Messages.get("unsaved.header", doc.project().name()));
        ButtonType chosen = a.showAndWait().orElse(cancel);
        if (chosen == save) return save(doc) ? Unsaved.SAVED : Unsaved.CANCEL;
        return chosen == discard ? Unsaved.DISCARD : Unsaved.CANCEL;
    }

    void error(String header, String detail) {
        Alert a = new Alert(Alert.AlertType.ERROR, detail, org.strata.app.i18n.DialogButtons.ok());
        a.initOwner(owner);
        a.setTitle(Messages.get("app.name"));
        a.setHeaderText(header);
        a.getDialogPane().setId("error-dialog");
        a.showAndWait();
    }

    private FileChooser chooser() {
        FileChooser fc = new FileChooser();
        fc.getExtensionFilters().add(new FileChooser.ExtensionFilter(Messages.get("file.filter"),
                "*" + ProjectFile.EXTENSION));
        return fc;
    }
}
