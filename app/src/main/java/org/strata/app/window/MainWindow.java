package org.strata.app.window;

import org.strata.engine.train.TrainingState;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.TextInputControl;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.Pane;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import org.strata.app.document.DataWatcher;
import org.controlsfx.control.StatusBar;
import org.strata.app.document.EditorDocument;
import org.strata.app.document.Edits;
import org.strata.app.document.Fragment;
import org.strata.app.document.AutoLayout;
import org.strata.app.i18n.Messages;
import org.strata.app.training.TrainingRun;
import org.strata.engine.graph.Graph;
import org.strata.engine.project.Project;
import org.strata.engine.project.TrainingSettings;

/**
 * The main window: menus and toolbar ({@link MenuBuilder}), the start page or the editor of the open project, and the
 * status bar. It owns the one open {@link EditorDocument} and the actions on it.
 */
public final class MainWindow {
    private final Stage stage;
    /** Reads the open project's data off the JavaFX thread, one read at a time. */
    private final java.util.concurrent.Executor dataReader = java.util.concurrent.Executors.newSingleThreadExecutor(
            r -> {
                Thread t = new Thread(r, "strata-data-reader");
                t.setDaemon(true);
                return t;
            });
    private DataWatcher data;
    private final AppSettings settings;
    private final BorderPane frame = new BorderPane();
    private final Pane ghostLayer = new Pane();
    private final StackPane root = new StackPane(frame, ghostLayer);
    private final StatusBar status = new StatusBar();
    private final Label validity = new Label();
    private final Label params = new Label();
    private final Label engine = new Label();
    private final Label device = new Label();
    private final Label zoom = new Label();
    private final FileActions files;
    private final Theme theme;
    private EditorPane editor;
    private TrainingRun run;
    /** The lesson under way, if any; it outlives the documents its samples open. */
    private final org.strata.app.lessons.LessonRunner lessons = new org.strata.app.lessons.LessonRunner(
            name -> open(Samples.folder().resolve(name).resolve(name + org.strata.engine.project.ProjectFile.EXTENSION)));
    private final Recovery recovery = new Recovery(Recovery.defaultDir());
    /** Autosave for crash recovery: once a minute, only while there are unsaved changes. */
    private final javafx.animation.Timeline autosave = new javafx.animation.Timeline(
            new javafx.animation.KeyFrame(javafx.util.Duration.minutes(1), e -> autosaveNow()));
    private MenuBuilder menus;
    private static Fragment clipboard;
    /** Where the window is when it is neither maximized nor iconified: kept for the next start. */
    private WindowBounds normalBounds;

    public MainWindow(Stage stage, AppSettings settings) {
        this.stage = stage;
        // a data file fixed in another program is read again when the user comes back
        stage.focusedProperty().addListener((o, a, now) -> {
            if (now && data != null && document() != null) data.check();
        });
        this.settings = settings;
        this.files = new FileActions(stage, settings);
        this.theme = new Theme(settings);
        ghostLayer.setMouseTransparent(true);
        ghostLayer.setPickOnBounds(false);
        status.setId("status-bar");
        validity.setId("status-validity");
        params.setId("status-params");
        engine.setId("status-engine");
        device.setId("status-device");
        zoom.setId("status-zoom");
        for (Label l : List.of(validity, params, engine, device, zoom)) {
            l.getStyleClass().add("status-item");
            l.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE); // whole, always: the message gives way
        }
        // the message on the left is cut when it must be; all of it is in its tooltip
        javafx.scene.control.Tooltip whole = new javafx.scene.control.Tooltip();
        whole.textProperty().bind(status.textProperty());
        status.setTooltip(whole);
        status.getRightItems().addAll(validity, params, engine, device, zoom);
        WindowBounds b = WindowBounds.initial(settings.windowBounds(), javafx.stage.Screen.getScreens().stream()
                .map(javafx.stage.Screen::getVisualBounds).toList(), javafx.stage.Screen.getPrimary().getVisualBounds());
        Scene scene = new Scene(root, b.width(), b.height());
        stage.setScene(scene);
        stage.setX(b.x());
        stage.setY(b.y());
        stage.setWidth(b.width());
        stage.setHeight(b.height());
        stage.setMaximized(b.maximized());
        normalBounds = b;
        for (var p : List.of(stage.xProperty(), stage.yProperty(), stage.widthProperty(), stage.heightProperty())) {
            p.addListener((o, was, now) -> {
                // the size it had before it was maximized is the one to come back to
                if (!stage.isMaximized() && !stage.isIconified()) {
                    normalBounds = new WindowBounds(stage.getX(), stage.getY(), stage.getWidth(), stage.getHeight(),
                            false);
                }
            });
        }
        theme.apply(scene);
        theme.followDialogs(stage);
        stage.setOnCloseRequest(e -> {
            if (files.confirmDiscard(document()) == FileActions.Unsaved.CANCEL) {
                e.consume();
                return;
            }
            rememberBounds();
            if (document() != null) recovery.discard(document());
            autosave.stop();
        });
        buildChrome();
        showStartPage();
        org.strata.engine.runtime.NativeSetup.warmUp().whenComplete((ok, error) ->
                javafx.application.Platform.runLater(() -> DeviceLabel.refresh(device)));
        autosave.setCycleCount(javafx.animation.Animation.INDEFINITE);
        autosave.play();
        javafx.application.Platform.runLater(this::offerRecovery);
    }

    /** Stops what runs in the background for this window (autosave timer, a training run); the window is done. */
    public void dispose() {
        autosave.stop();
        theme.stopFollowingDialogs();
        if (run != null) run.close();
    }

    /** Keeps the window's place and size for the next start. */
    private void rememberBounds() {
        WindowBounds b = normalBounds;
        settings.setWindowBounds(new WindowBounds(b.x(), b.y(), b.width(), b.height(), stage.isMaximized()));
    }

    /** Writes the open document's recovery file now (the timer does it every minute). */
    public void autosaveNow() {
        EditorDocument d = document();
        if (d != null) recovery.autosave(d, d);
    }

    /** At start: projects left unsaved by a crash are offered back, one by one. */
    private void offerRecovery() {
        for (Recovery.Found f : recovery.leftOver()) {
            Project p;
            try {
                p = recovery.read(f);
            } catch (java.io.IOException | RuntimeException e) {
                recovery.delete(f);
                continue;
            }
            javafx.scene.control.ButtonType recover = new javafx.scene.control.ButtonType(
                    Messages.get("recovery.recover"), javafx.scene.control.ButtonBar.ButtonData.YES);
            javafx.scene.control.ButtonType discard = new javafx.scene.control.ButtonType(
                    Messages.get("recovery.discard"), javafx.scene.control.ButtonBar.ButtonData.NO);
            javafx.scene.control.Alert a = new javafx.scene.control.Alert(
                    javafx.scene.control.Alert.AlertType.CONFIRMATION, Messages.get("recovery.message",
                    p.file().map(Path::toString).orElse(Messages.get("recovery.neverSaved"))), recover, discard);
            a.initOwner(stage);
            a.setTitle(Messages.get("recovery.title"));
            a.setHeaderText(Messages.get("recovery.header", p.name()));
            a.getDialogPane().setId("recovery-dialog");
            boolean yes = a.showAndWait().orElse(discard) == recover;
            recovery.delete(f);
            if (yes) {
                show(new EditorDocument(p, true));
                return; // one project at a time; the others stay for the next start
            }
        }
    }

    /** Builds menus, toolbar and status bar in the current language (again after a language switch). */
    private void buildChrome() {
        menus = new MenuBuilder(this, settings);
        frame.setTop(new VBox(menus.menuBar(), menus.toolBar()));
        frame.setBottom(status);
        status.setText(Messages.get("status.ready"));
        DeviceLabel.refresh(device);
        updateTitle();
    }

    public Stage stage() {
        return stage;
    }

    /** @return the editor of the open project, if one is open (not on the start page) */
    public Optional<EditorPane> editor() {
        return Optional.ofNullable(editor);
    }

    EditorDocument document() {
        return editor == null ? null : editor.document();
    }

    /** Shows the start page (on launch and on New) after offering to save unsaved changes. */
    public void newProject() {
        if (files.confirmDiscard(document()) == FileActions.Unsaved.CANCEL) return;
        showStartPage();
    }

    private void showStartPage() {
        if (document() != null) recovery.discard(document()); // saved or deliberately discarded by now
        if (run != null) run.close();
        run = null;
        editor = null;
        frame.setCenter(new StartPage(settings.dark(), settings.recent(), this::openBlank, this::open,
                this::openWithChooser, this::startLesson));
        refreshStatus();
        updateTitle();
        menus.refresh();
    }

    /** Opens an empty project with a default dataset-less setup. */
    public void openBlank() {
        show(new Project(Messages.get("project.untitled"), "", new Graph(), null, TrainingSettings.defaults()));
    }

    void openWithChooser() {
        if (files.confirmDiscard(document()) == FileActions.Unsaved.CANCEL) return;
        files.chooseToOpen().ifPresent(this::openUnchecked);
    }

    /** Opens a project file (after offering to save the current one); a file that cannot be read leaves all as is. */
    /** Starts a guided lesson: opens its sample and shows its first step over the canvas. */
    public void startLesson(org.strata.app.lessons.Lesson lesson) {
        lessons.start(lesson);
    }

    /** @return the lesson under way and its progress */
    public org.strata.app.lessons.LessonRunner lessons() {
        return lessons;
    }

    public void open(Path file) {
        if (files.confirmDiscard(document()) == FileActions.Unsaved.CANCEL) return;
        openUnchecked(file);
    }

    private void openUnchecked(Path file) {
        files.read(file).ifPresent(this::show);
    }

    private void show(Project project) {
        show(new EditorDocument(project));
    }

    private void show(EditorDocument doc) {
        Project project = doc.project();
        EditorDocument previous = document();
        if (previous != null) recovery.discard(previous); // saved or deliberately discarded by now
        if (run != null) run.close();
        TrainingRun r = new TrainingRun(doc, Samples.folder());
        r.setThreads(settings.threads());
        run = r;
        doc.setOnRefused(what -> status.setText(Messages.get("status.readOnly", what)));
        r.phaseProperty().addListener((o, a, b) -> {
            menus.refresh();
            status.setText(r.messageProperty().get());
            if (!r.isActive()) status.setProgress(0);
            if (b == TrainingState.FAILED) {
                // the layer to look at is selected and brought into view, behind the message
                r.failedNode().filter(id -> doc.graph().node(id).isPresent()).ifPresent(id -> {
                    doc.selection().set(java.util.List.of(id));
                    editor.canvas().centerOn(id);
                });
                showTrainingFailure(r.messageProperty().get());
            }
        });
        r.stepThrough().activeProperty().addListener((o, a, b) -> menus.refresh());
        r.curves().progressTextProperty().addListener((o, a, b) -> {
            if (r.isActive()) status.setText(b);
        });
        r.curves().progressProperty().addListener((o, a, b) -> status.setProgress(r.isActive() ? b.doubleValue() : 0));
        editor = new EditorPane(doc, run, ghostLayer, settings.fontSize(), settings.dark());
        lessons.attach(doc, r);
        editor.showLesson(lessons);
        data = new DataWatcher(doc, dataReader, javafx.application.Platform::runLater);
        doc.analysisProperty().addListener((o, a, b) -> refreshStatus()); // the data's problems arrive later
        configureCanvas();
        doc.revisionProperty().addListener((o, a, b) -> {
            refreshStatus();
            updateTitle();
            menus.refresh();
        });
        doc.selection().versionProperty().addListener((o, a, b) -> menus.refresh());
        doc.dirtyProperty().addListener((o, a, b) -> updateTitle());
        frame.setCenter(editor);
        refreshStatus();
        updateTitle();
        menus.refresh();
        status.setText(Messages.get("status.opened", project.name()));
        r.resumeOffer().check(found -> offerResume(r.resumeOffer(), found));
    }

    /** A run of the project that was interrupted (the window killed mid-run) is offered to go on from its checkpoint. */
    private void offerResume(org.strata.app.training.ResumeOffer offer, org.strata.engine.runs.InterruptedRuns.Run found) {
        var choices = offer.choices();
        javafx.scene.control.ButtonType resume = new javafx.scene.control.ButtonType(choices.get(0),
                javafx.scene.control.ButtonBar.ButtonData.YES);
        javafx.scene.control.ButtonType discard = new javafx.scene.control.ButtonType(choices.get(1),
                javafx.scene.control.ButtonBar.ButtonData.NO);
        javafx.scene.control.Alert a = new javafx.scene.control.Alert(
                javafx.scene.control.Alert.AlertType.CONFIRMATION, offer.message(found), resume, discard,
                org.strata.app.i18n.DialogButtons.cancel());
        a.initOwner(stage);
        a.setTitle(offer.title());
        a.setHeaderText(offer.header(found));
        a.getDialogPane().setId("resume-dialog");
        // not modal to the caller: the project is open behind it, and Cancel leaves the checkpoint for next time
        a.resultProperty().addListener((o, was, chosen) -> {
            if (chosen == resume) offer.resume(found);
            else if (chosen == discard) offer.discard(found);
        });
        a.show();
    }

    /** Saves to the project's file (asks for one if it has none). @return whether it was saved */
    public boolean save() {
        EditorDocument d = document();
        if (d == null) return false;
        boolean ok = files.save(d);
        if (ok) recovery.discard(d);
        if (ok) status.setText(Messages.get("status.saved", d.file().map(Path::toString).orElse("")));
        return ok;
    }

    void saveAs() {
        EditorDocument d = document();
        if (d == null || !files.saveAs(d)) return;
        recovery.discard(d);
        status.setText(Messages.get("status.saved", d.file().orElseThrow()));
    }

    /**
     * File › Import Weights…: weights trained elsewhere (a PyTorch export's trained/weights.npz) become a run of the
     * project, shown in the Runs tab with how Strata's evaluation compared with PyTorch's. A project not saved yet
     * is saved first: its file locates its data and keeps its runs.
     */
    void importWeights() {
        EditorDocument d = document();
        if (d == null || (d.file().isEmpty() && !save())) return;
        javafx.stage.FileChooser chooser = new javafx.stage.FileChooser();
        chooser.setTitle(Messages.get("file.importWeights.title"));
        chooser.getExtensionFilters().add(new javafx.stage.FileChooser.ExtensionFilter(
                Messages.get("runs.format.npz"), "*.npz"));
        d.file().map(f -> f.toAbsolutePath().getParent()).filter(java.nio.file.Files::isDirectory)
                .ifPresent(dir -> chooser.setInitialDirectory(dir.toFile()));
        java.io.File chosen = chooser.showOpenDialog(stage);
        if (chosen != null) importWeights(chosen.toPath());
    }

    /** Imports {@code weights} as a run of the open project without a dialog (scripts and tests). */
    public void importWeights(Path weights) {
        if (run == null || editor == null) return;
        status.setText(Messages.get("status.importing", weights.getFileName()));
        run.runs().importWeights(weights, imported -> {
            editor.showRuns().showImported(imported);
            status.setText(Messages.get("status.imported", weights.getFileName()));
        }, e -> {
            String why = org.strata.app.i18n.Catalogue.explain(e);
            editor.showRuns().showImportFailed(why);
            status.setText(Messages.get("runs.importFailed", why));
        });
    }

    /** Saves to a given file without a dialog (scripts and tests). */
    public boolean saveTo(Path file) {
        EditorDocument d = document();
        boolean ok = d != null && files.write(d, file);
        if (ok) recovery.discard(d);
        return ok;
    }

    void quit() {
        if (files.confirmDiscard(document()) == FileActions.Unsaved.CANCEL) return;
        rememberBounds();
        if (run != null) run.close();
        if (document() != null) recovery.discard(document());
        autosave.stop();
        stage.close();
    }

    // --- Train ---------------------------------------------------------------------------------------------------

    /** @return the open document's training run, if a project is open */
    public Optional<TrainingRun> run() {
        return Optional.ofNullable(run);
    }

    void train() {
        if (run != null) run.start();
    }

    /** A failed run says why in a dialog that does not block the window; the editor stays usable. */
    private void showTrainingFailure(String why) {
        javafx.scene.control.Alert a = new javafx.scene.control.Alert(javafx.scene.control.Alert.AlertType.ERROR,
                why, org.strata.app.i18n.DialogButtons.ok());
        a.initOwner(stage);
        a.initModality(javafx.stage.Modality.NONE);
        a.setTitle(Messages.get("train.failed.title"));
        a.setHeaderText(Messages.get("train.failed.header"));
        a.getDialogPane().setId("training-error");
        a.show();
    }

    // --- Edit ---------------------------------------------------------------------------------------------------

    /**
     * While a text field has the focus, clipboard, undo and delete keys belong to it, not to the graph: runs
     * {@code onText} on the field then, else {@code onGraph} if a project is open.
     */
    private void edit(java.util.function.Consumer<TextInputControl> onText,
                      java.util.function.Consumer<EditorDocument> onGraph) {
        if (stage.getScene().getFocusOwner() instanceof TextInputControl t) onText.accept(t);
        else if (document() != null) onGraph.accept(document());
    }

    void undo() {
        edit(TextInputControl::undo, EditorDocument::undo);
    }

    void redo() {
        edit(TextInputControl::redo, EditorDocument::redo);
    }

    void copy() {
        edit(TextInputControl::copy, d -> {
            if (d.selection().nodes().isEmpty()) return;
            clipboard = Fragment.of(d.graph(), d.selection().nodes());
            menus.refresh();
        });
    }

    void cut() {
        edit(TextInputControl::cut, d -> {
            copy();
            delete();
        });
    }

    void paste() {
        edit(TextInputControl::paste, d -> {
            if (clipboard != null && !clipboard.isEmpty()) insert(clipboard, Messages.get("edit.paste"));
        });
    }

    void duplicate() {
        edit(t -> { }, d -> {
            if (!d.selection().nodes().isEmpty()) {
                insert(Fragment.of(d.graph(), d.selection().nodes()), Messages.get("edit.duplicate"));
            }
        });
    }

    private void insert(Fragment f, String description) {
        EditorDocument d = document();
        Fragment.Instance copy = f.instantiate(d.graph(), 40, 40);
        d.execute(Edits.addNodes(d.graph(), copy.nodes(), copy.edges(), description));
        d.selection().set(copy.ids());
    }

    void delete() {
        edit(TextInputControl::deleteNextChar, d -> {
            if (!d.selection().isEmpty()) d.execute(Edits.remove(d.graph(), d.selection().nodes(), d.selection().edges()));
        });
    }

    void selectAll() {
        edit(TextInputControl::selectAll, d -> d.selection().set(d.graph().nodes().stream().map(n -> n.id()).toList()));
    }

    void autoLayout() {
        EditorDocument d = document();
        if (d == null || d.graph().nodes().isEmpty()) return;
        var canvas = editor.canvas();
        double[] before = canvas.view();
        // rows as wide as the view holds at a readable size: a long chain wraps instead of shrinking to a strip
        int columns = AutoLayout.columnsFitting(canvas.readableWidth(), org.strata.app.canvas.NodeView.WIDTH);
        var move = Edits.move(d.graph(), AutoLayout.positions(d.graph(), d.analysis(), columns),
                Messages.get("edit.autoLayout"));
        d.execute(new ViewKeepingCommand(move, () -> editor().ifPresent(e -> e.canvas().setView(before)),
                () -> editor().ifPresent(e -> e.canvas().fitReadable())));
    }

    boolean hasClipboard() {
        return clipboard != null && !clipboard.isEmpty();
    }

    // --- View ---------------------------------------------------------------------------------------------------

    public void setDark(boolean dark) {
        settings.setDark(dark);
        theme.apply(stage.getScene());
        if (editor == null) showStartPage(); // the cards' pictures use the theme's colours
        else rebuildEditor(); // the charts are drawn in the theme's colours: made again, not left white
    }

    /** Sets the window's text size (13, 16 or 20 px) and lays the editor out again for it. */
    public void setFontSize(int size) {
        settings.setFontSize(size);
        theme.apply(stage.getScene());
        if (editor != null) rebuildEditor(false);
    }

    /** Keeps where to compute for the next start (ND4J picks its device once per process) and says so. */
    void setDevice(org.strata.engine.runtime.ComputeDevice.Choice choice) {
        settings.setDevice(choice);
        status.setText(Messages.get("status.device.next", Messages.get("menu.train.device." + choice.key())));
    }

    void setThreads(int threads) {
        settings.setThreads(threads);
        if (run != null) run.setThreads(threads);
        status.setText(Messages.get("status.threads.next", MenuBuilder.threadsLabel(threads)));
    }

    /** Shows or hides the palette and the inspector beside the canvas; remembered. */
    public void showPanels(boolean palette, boolean inspector) {
        settings.setShowPalette(palette);
        settings.setShowInspector(inspector);
        if (editor != null) editor.showPanels(palette, inspector);
    }

    void setSnap(boolean snap) {
        settings.setSnapToGrid(snap);
        if (editor != null) editor.canvas().setSnapToGrid(snap);
    }

    /** Switches the language: rebuilds every panel in it, keeping the open project, its history and selection. */
    public void setLanguage(Locale l) {
        settings.setLanguage(l);
        Messages.setLocale(l);
        if (run != null) run.languageChanged(); // the run's line, said again in the new language
        buildChrome();
        if (editor == null) showStartPage();
        else rebuildEditor();
    }

    /** A new editor pane on the same document (history and selection kept), after a language or text size change. */
    private void rebuildEditor() {
        rebuildEditor(true);
    }

    /** @param keepView whether the graph keeps its zoom and place (not after a text size change: it fits again) */
    private void rebuildEditor(boolean keepView) {
        EditorPane.Arrangement was = editor.arrangement();
        editor = new EditorPane(editor.document(), run, ghostLayer, settings.fontSize(), settings.dark());
        editor.showLesson(lessons);
        editor.arrange(was, keepView);
        configureCanvas();
        frame.setCenter(editor);
        refreshStatus();
        menus.refresh();
    }

    private void configureCanvas() {
        editor.canvas().setOnMessage(status::setText);
        editor.canvas().zoomProperty().addListener((o, a, b) -> refreshZoom());
        editor.canvas().setSnapToGrid(settings.snapToGrid());
        editor.canvas().setTextSize(settings.fontSize());
        editor.showPanels(settings.showPalette(), settings.showInspector());
    }

    /** Help › Layer Reference: one window, brought to the front when asked for again. */
    void layerReference() {
        if (reference == null) reference = HelpWindows.layerReference(stage);
        reference.show();
        reference.toFront();
    }

    /** Help › Keyboard Shortcuts, read from the menus as they are now (the language's names). */
    void shortcuts() {
        HelpWindows.shortcuts(stage, menus.menuBar()).show();
    }

    private Stage reference;

    void about() {
        javafx.scene.control.Alert a = new javafx.scene.control.Alert(javafx.scene.control.Alert.AlertType.INFORMATION,
                Messages.get("about.text"), org.strata.app.i18n.DialogButtons.ok());
        a.initOwner(stage);
        a.setTitle(Messages.get("about.title"));
        a.setHeaderText(Messages.get("app.name") + " " + version());
        a.showAndWait();
    }

    static String version() {
        String v = MainWindow.class.getPackage().getImplementationVersion();
        return v == null ? "0.1.0" : v;
    }

    // --- Status -------------------------------------------------------------------------------------------------

    private void refreshStatus() {
        EditorDocument d = document();
        if (d == null) {
            validity.setText("");
            params.setText("");
            engine.setText("");
            zoom.setText("");
            return;
        }
        var a = d.analysis();
        long errors = a.errors().size();
        long warnings = a.problems().size() - errors;
        validity.setText(errors > 0 ? Messages.get("status.errors", errors)
                : warnings > 0 ? Messages.get("status.warnings", warnings) : Messages.get("status.valid"));
        validity.getStyleClass().removeAll("status-error", "status-ok", "status-warning");
        validity.getStyleClass().add(errors > 0 ? "status-error" : warnings > 0 ? "status-warning" : "status-ok");
        params.setText(Messages.get("status.params", org.strata.engine.analysis.SummaryTable.group(a.totalParams())));
        EngineLabel.show(engine, d);
        refreshZoom();
    }

    private void refreshZoom() {
        if (editor != null) zoom.setText(Messages.get("status.zoom", Math.round(editor.canvas().zoom() * 100)));
    }

    private void updateTitle() {
        EditorDocument d = document();
        String app = Messages.get("app.name");
        if (d == null) {
            stage.setTitle(app);
            return;
        }
        String file = d.file().map(p -> " (" + p.getFileName() + ")").orElse("");
        stage.setTitle((d.isDirty() ? "*" : "") + d.project().name() + file + " — " + app);
    }
}
