package org.strata.app.window;

import org.strata.engine.train.TrainingState;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javafx.scene.control.Button;
import javafx.scene.control.CheckMenuItem;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuItem;
import javafx.scene.control.RadioMenuItem;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.control.ToggleGroup;
import javafx.scene.control.ToolBar;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCombination;
import org.kordamp.ikonli.Ikon;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.materialdesign2.MaterialDesignA;
import org.kordamp.ikonli.materialdesign2.MaterialDesignB;
import org.kordamp.ikonli.materialdesign2.MaterialDesignC;
import org.kordamp.ikonli.materialdesign2.MaterialDesignD;
import org.kordamp.ikonli.materialdesign2.MaterialDesignF;
import org.kordamp.ikonli.materialdesign2.MaterialDesignK;
import org.kordamp.ikonli.materialdesign2.MaterialDesignM;
import org.kordamp.ikonli.materialdesign2.MaterialDesignP;
import org.kordamp.ikonli.materialdesign2.MaterialDesignR;
import org.kordamp.ikonli.materialdesign2.MaterialDesignS;
import org.kordamp.ikonli.materialdesign2.MaterialDesignU;
import org.strata.app.document.EditorDocument;
import org.strata.app.i18n.Messages;
import org.strata.app.training.TrainingRun;
import org.strata.engine.runtime.ComputeDevice;
import org.strata.engine.project.ProjectFile;

/**
 * The menu bar and toolbar of the main window, in the current language, and their enabled states and texts
 * ("Undo Change kernel size"), refreshed after every change.
 */
final class MenuBuilder {
    private final MainWindow window;
    private final AppSettings settings;
    private final MenuBar bar = new MenuBar();
    private final ToolBar tools = new ToolBar();
    private final List<MenuItem> needDocument = new ArrayList<>();
    private final List<Button> toolsNeedDocument = new ArrayList<>();
    private MenuItem undo;
    private MenuItem redo;
    private MenuItem paste;
    private Button undoButton;
    private Button redoButton;
    private Menu recent;
    private MenuItem trainItem;
    private MenuItem pauseItem;
    private MenuItem resumeItem;
    private MenuItem stepItem;
    private MenuItem stopItem;
    private CheckMenuItem stepThroughItem;
    private MenuItem resetItem;
    private Button trainButton;
    private Button pauseButton;
    private Button stepButton;
    private Button stopButton;
    private javafx.scene.control.ToggleButton stepThroughButton;

    MenuBuilder(MainWindow window, AppSettings settings) {
        this.window = window;
        this.settings = settings;
        bar.setUseSystemMenuBar(true);
        bar.setId("menu-bar");
        bar.getMenus().addAll(fileMenu(), editMenu(), viewMenu(), trainMenu(), helpMenu());
        buildToolBar();
    }

    MenuBar menuBar() {
        return bar;
    }

    ToolBar toolBar() {
        return tools;
    }

    private Menu fileMenu() {
        Menu m = menu("menu.file");
        recent = menu("menu.file.recent");
        recent.setOnShowing(e -> fillRecent());
        fillRecent();
        Menu samples = menu("menu.file.openSample");
        for (Path p : Samples.all()) {
            String name = p.getFileName().toString().replace(ProjectFile.EXTENSION, "");
            MenuItem it = new MenuItem(name);
            it.setId("menu-sample-" + name);
            it.setOnAction(e -> window.open(p));
            samples.getItems().add(it);
        }
        m.getItems().addAll(
                item("menu.file.new", "Shortcut+N", MaterialDesignF.FILE_OUTLINE, false, window::newProject),
                item("menu.file.open", "Shortcut+O", MaterialDesignF.FOLDER_OPEN_OUTLINE, false,
                        window::openWithChooser),
                samples, recent, new SeparatorMenuItem(),
                item("menu.file.save", "Shortcut+S", MaterialDesignC.CONTENT_SAVE_OUTLINE, true, window::save),
                item("menu.file.saveAs", "Shortcut+Shift+S", null, true, window::saveAs),
                new SeparatorMenuItem(),
                item("menu.file.importWeights", null, null, true, window::importWeights),
                new SeparatorMenuItem(),
                item("menu.file.quit", "Shortcut+Q", null, false, window::quit));
        return m;
    }

    private void fillRecent() {
        recent.getItems().clear();
        for (Path p : settings.recent()) {
            MenuItem it = new MenuItem(p.getFileName() + "  —  " + p.getParent());
            it.setMnemonicParsing(false);
            it.setOnAction(e -> window.open(p));
            recent.getItems().add(it);
        }
        if (recent.getItems().isEmpty()) {
            MenuItem none = new MenuItem(Messages.get("menu.file.recent.none"));
            none.setDisable(true);
            recent.getItems().add(none);
        }
    }

    private Menu editMenu() {
        Menu m = menu("menu.edit");
        undo = item("menu.edit.undo", "Shortcut+Z", MaterialDesignU.UNDO, true, window::undo);
        redo = item("menu.edit.redo", "Shortcut+Shift+Z", MaterialDesignR.REDO, true, window::redo);
        paste = item("menu.edit.paste", "Shortcut+V", MaterialDesignC.CONTENT_PASTE, true, window::paste);
        MenuItem redoY = item("menu.edit.redo", "Shortcut+Y", null, true, window::redo);
        redoY.setVisible(false); // a second accelerator for Redo, as Windows users expect
        m.getItems().addAll(undo, redo, redoY, new SeparatorMenuItem(),
                item("menu.edit.cut", "Shortcut+X", MaterialDesignC.CONTENT_CUT, true, window::cut),
                item("menu.edit.copy", "Shortcut+C", MaterialDesignC.CONTENT_COPY, true, window::copy),
                paste,
                item("menu.edit.duplicate", "Shortcut+D", MaterialDesignC.CONTENT_DUPLICATE, true,
                        window::duplicate),
                item("menu.edit.delete", "Delete", MaterialDesignD.DELETE_OUTLINE, true, window::delete),
                new SeparatorMenuItem(),
                item("menu.edit.selectAll", "Shortcut+A", MaterialDesignS.SELECT_ALL, true, window::selectAll),
                item("menu.edit.findLayer", "Shortcut+F", null, true,
                        () -> window.editor().ifPresent(e -> e.palette().focusSearch())));
        return m;
    }

    private Menu viewMenu() {
        Menu m = menu("menu.view");
        CheckMenuItem snap = new CheckMenuItem(Messages.get("menu.view.snap"));
        snap.setId("menu-view-snap");
        snap.setSelected(settings.snapToGrid());
        snap.setOnAction(e -> window.setSnap(snap.isSelected()));

        // the side panels can go, so that a projected graph gets the room (at 1366 × 768 they took 45 %)
        CheckMenuItem palette = new CheckMenuItem(Messages.get("menu.view.palette"));
        palette.setId("menu-view-palette");
        palette.setAccelerator(KeyCombination.keyCombination("Shortcut+Shift+P"));
        palette.setSelected(settings.showPalette());
        palette.setOnAction(e -> window.showPanels(palette.isSelected(), settings.showInspector()));
        CheckMenuItem inspector = new CheckMenuItem(Messages.get("menu.view.inspector"));
        inspector.setId("menu-view-inspector");
        inspector.setAccelerator(KeyCombination.keyCombination("Shortcut+Shift+I"));
        inspector.setSelected(settings.showInspector());
        inspector.setOnAction(e -> window.showPanels(settings.showPalette(), inspector.isSelected()));

        Menu theme = menu("menu.view.theme");
        ToggleGroup tg = new ToggleGroup();
        RadioMenuItem light = radio("menu.view.theme.light", tg, !settings.dark(), () -> window.setDark(false));
        RadioMenuItem dark = radio("menu.view.theme.dark", tg, settings.dark(), () -> window.setDark(true));
        theme.getItems().addAll(light, dark);

        Menu size = menu("menu.view.textSize");
        ToggleGroup sg = new ToggleGroup();
        for (int[] s : new int[][]{{13, 0}, {16, 1}, {20, 2}}) {
            String key = new String[]{"menu.view.textSize.normal", "menu.view.textSize.large",
                    "menu.view.textSize.projector"}[s[1]];
            size.getItems().add(radio(key, sg, settings.fontSize() == s[0], () -> window.setFontSize(s[0])));
        }

        Menu language = menu("menu.view.language");
        ToggleGroup lg = new ToggleGroup();
        for (Locale l : Messages.LANGUAGES) {
            RadioMenuItem it = new RadioMenuItem(Messages.nativeName(l));
            it.setId("menu-language-" + l.toLanguageTag());
            it.setToggleGroup(lg);
            it.setSelected(Messages.locale().getLanguage().equals(l.getLanguage()));
            it.setOnAction(e -> window.setLanguage(l));
            language.getItems().add(it);
        }
        m.getItems().addAll(
                item("menu.view.autoLayout", "Shortcut+L", MaterialDesignA.AUTO_FIX, true, window::autoLayout),
                new SeparatorMenuItem(),
                item("menu.view.zoomIn", "Shortcut+EQUALS", MaterialDesignM.MAGNIFY_PLUS_OUTLINE, true,
                        () -> window.editor().ifPresent(e -> e.canvas().zoomIn())),
                item("menu.view.zoomOut", "Shortcut+MINUS", MaterialDesignM.MAGNIFY_MINUS_OUTLINE, true,
                        () -> window.editor().ifPresent(e -> e.canvas().zoomOut())),
                item("menu.view.fit", "Shortcut+0", MaterialDesignF.FIT_TO_PAGE_OUTLINE, true,
                        () -> window.editor().ifPresent(e -> e.canvas().fitToWindow())),
                snap, new SeparatorMenuItem(), palette, inspector, new SeparatorMenuItem(), theme, size, language);
        return m;
    }

    private Menu trainMenu() {
        Menu m = menu("menu.train");
        trainItem = item("menu.train.start", "F5", MaterialDesignP.PLAY, true, window::train);
        pauseItem = item("menu.train.pause", "F6", MaterialDesignP.PAUSE, true,
                () -> window.run().ifPresent(TrainingRun::pause));
        resumeItem = item("menu.train.resume", "Shift+F5", MaterialDesignP.PLAY_PAUSE, true,
                () -> window.run().ifPresent(TrainingRun::resume));
        stepItem = item("menu.train.step", "F7", MaterialDesignS.STEP_FORWARD, true,
                () -> window.run().ifPresent(TrainingRun::step));
        stopItem = item("menu.train.stop", "Shift+F6", MaterialDesignS.STOP, true,
                () -> window.run().ifPresent(TrainingRun::stop));
        stepThroughItem = new CheckMenuItem(Messages.get("menu.train.stepThrough"),
                new FontIcon(MaterialDesignS.STAIRS));
        stepThroughItem.setId("menu-train-stepThrough");
        stepThroughItem.setAccelerator(KeyCombination.keyCombination("F8"));
        stepThroughItem.setOnAction(e -> stepThrough(stepThroughItem.isSelected()));
        needDocument.add(stepThroughItem);
        resetItem = item("menu.train.reset", null, MaterialDesignR.RESTORE, true,
                () -> window.run().ifPresent(TrainingRun::resetWeights));
        m.getItems().addAll(trainItem, pauseItem, resumeItem, stepItem, stopItem, new SeparatorMenuItem(),
                stepThroughItem, new SeparatorMenuItem(), resetItem, new SeparatorMenuItem(), deviceMenu(), threadsMenu());
        return m;
    }

    /** Turns Step Through on or off for the open document's runs. */
    private void stepThrough(boolean on) {
        window.run().ifPresent(r -> {
            if (on) r.stepThrough().enter();
            else r.stepThrough().exit();
        });
        refresh();
    }

    /** Where to compute; ND4J picks its device once per process, so a change applies from the next start. */
    private Menu deviceMenu() {
        Menu m = menu("menu.train.device");
        ToggleGroup g = new ToggleGroup();
        for (ComputeDevice.Choice c : ComputeDevice.Choice.values()) {
            RadioMenuItem it = radio("menu.train.device." + c.key(), g, settings.device() == c,
                    () -> window.setDevice(c));
            if (c == ComputeDevice.Choice.CUDA && !ComputeDevice.cudaInBuild()) {
                it.setText(Messages.get("menu.train.device.cuda.missing"));
                it.setDisable(true);
            }
            m.getItems().add(it);
        }
        return m;
    }

    /** How many CPU threads training uses: measured per network (the default), or a fixed count. */
    private Menu threadsMenu() {
        Menu m = menu("menu.train.threads");
        ToggleGroup g = new ToggleGroup();
        for (int n = 0; n <= org.strata.engine.runtime.Threads.available(); n++) { // 0: Automatic
            int count = n;
            m.getItems().add(radio("menu-train-threads-" + (n == 0 ? "auto" : n), threadsLabel(n), g,
                    settings.threads() == n, () -> window.setThreads(count)));
        }
        return m;
    }

    /** @return "1 thread", "4 threads", or "Automatic (…)" for 0 */
    static String threadsLabel(int n) {
        return n == 0 ? Messages.get("menu.train.threads.auto")
                : n == 1 ? Messages.get("menu.train.threads.one") : Messages.get("menu.train.threads.many", n);
    }

    /** Help › Lessons: the primer's guided lessons, each opening its sample. */
    private Menu lessonsMenu() {
        Menu m = menu("menu.help.lessons");
        m.setGraphic(new FontIcon(MaterialDesignS.SCHOOL_OUTLINE));
        for (org.strata.app.lessons.Lesson l : org.strata.app.lessons.Lessons.all()) {
            MenuItem it = new MenuItem(Messages.get(l.titleKey()));
            it.setId("menu-help-lesson-" + l.id());
            it.setOnAction(e -> window.startLesson(l));
            m.getItems().add(it);
        }
        return m;
    }

    private Menu helpMenu() {
        Menu m = menu("menu.help");
        m.getItems().addAll(
                item("menu.help.reference", "F1", MaterialDesignB.BOOK_OPEN_VARIANT, false, window::layerReference),
                item("menu.help.shortcuts", "Shortcut+Slash", MaterialDesignK.KEYBOARD_OUTLINE, false,
                        window::shortcuts),
                lessonsMenu(),
                new SeparatorMenuItem(),
                item("menu.help.about", null, null, false, window::about));
        return m;
    }

    private void buildToolBar() {
        tools.setId("tool-bar");
        tools.getItems().addAll(
                tool("menu.file.new", MaterialDesignF.FILE_OUTLINE, false, window::newProject),
                tool("menu.file.open", MaterialDesignF.FOLDER_OPEN_OUTLINE, false, window::openWithChooser),
                tool("menu.file.save", MaterialDesignC.CONTENT_SAVE_OUTLINE, true, window::save));
        undoButton = tool("menu.edit.undo", MaterialDesignU.UNDO, true, window::undo);
        redoButton = tool("menu.edit.redo", MaterialDesignR.REDO, true, window::redo);
        tools.getItems().addAll(new javafx.scene.control.Separator(javafx.geometry.Orientation.VERTICAL), undoButton, redoButton,
                tool("menu.edit.delete", MaterialDesignD.DELETE_OUTLINE, true, window::delete),
                new javafx.scene.control.Separator(javafx.geometry.Orientation.VERTICAL),
                tool("menu.view.autoLayout", MaterialDesignA.AUTO_FIX, true, window::autoLayout),
                tool("menu.view.zoomIn", MaterialDesignM.MAGNIFY_PLUS_OUTLINE, true,
                        () -> window.editor().ifPresent(e -> e.canvas().zoomIn())),
                tool("menu.view.zoomOut", MaterialDesignM.MAGNIFY_MINUS_OUTLINE, true,
                        () -> window.editor().ifPresent(e -> e.canvas().zoomOut())),
                tool("menu.view.fit", MaterialDesignF.FIT_TO_PAGE_OUTLINE, true,
                        () -> window.editor().ifPresent(e -> e.canvas().fitToWindow())));
        trainButton = tool("menu.train.start", MaterialDesignP.PLAY, true, () -> {
            if (window.run().map(r -> r.phase() == TrainingState.PAUSED).orElse(false)) {
                window.run().get().resume();
            } else {
                window.train();
            }
        });
        pauseButton = tool("menu.train.pause", MaterialDesignP.PAUSE, true,
                () -> window.run().ifPresent(TrainingRun::pause));
        stepButton = tool("menu.train.step", MaterialDesignS.STEP_FORWARD, true,
                () -> window.run().ifPresent(TrainingRun::step));
        stopButton = tool("menu.train.stop", MaterialDesignS.STOP, true,
                () -> window.run().ifPresent(TrainingRun::stop));
        stepThroughButton = new javafx.scene.control.ToggleButton(null, new FontIcon(MaterialDesignS.STAIRS));
        stepThroughButton.setId("tool-train-stepThrough");
        stepThroughButton.setTooltip(new Tooltip(Messages.get("menu.train.stepThrough")));
        stepThroughButton.getStyleClass().add("tool-button");
        stepThroughButton.setFocusTraversable(false);
        stepThroughButton.setOnAction(e -> stepThrough(stepThroughButton.isSelected()));
        tools.getItems().addAll(new javafx.scene.control.Separator(javafx.geometry.Orientation.VERTICAL),
                trainButton, pauseButton, stepButton, stopButton, stepThroughButton);
    }

    /** Enables what applies now and names the command Undo/Redo would act on. */
    void refresh() {
        EditorDocument d = window.document();
        boolean open = d != null;
        needDocument.forEach(i -> i.setDisable(!open));
        toolsNeedDocument.forEach(b -> b.setDisable(!open));
        undo.setText(open && d.canUndo() ? Messages.get("menu.edit.undoWhat", d.undoDescription().orElse(""))
                : Messages.get("menu.edit.undo"));
        redo.setText(open && d.canRedo() ? Messages.get("menu.edit.redoWhat", d.redoDescription().orElse(""))
                : Messages.get("menu.edit.redo"));
        undo.setDisable(!open || !d.canUndo());
        redo.setDisable(!open || !d.canRedo());
        undoButton.setDisable(undo.isDisable());
        redoButton.setDisable(redo.isDisable());
        undoButton.getTooltip().setText(undo.getText());
        redoButton.getTooltip().setText(redo.getText());
        paste.setDisable(!open || !window.hasClipboard());
        TrainingState phase = window.run().map(TrainingRun::phase).orElse(TrainingState.IDLE);
        boolean active = window.run().map(TrainingRun::isActive).orElse(false);
        trainItem.setDisable(!open || active);
        boolean canPause = window.run().map(TrainingRun::canPause).orElse(false);
        pauseItem.setDisable(!canPause);
        resumeItem.setDisable(phase != TrainingState.PAUSED);
        stepItem.setDisable(phase != TrainingState.PAUSED);
        stopItem.setDisable(!active);
        resetItem.setDisable(!window.run().map(TrainingRun::hasWeights).orElse(false));
        boolean continues = window.run().map(TrainingRun::canContinue).orElse(false);
        trainItem.setText(Messages.get(continues ? "menu.train.continue" : "menu.train.start"));
        if (phase != TrainingState.PAUSED) {
            trainButton.getTooltip().setText(trainItem.getText());
        } else {
            trainButton.getTooltip().setText(Messages.get("menu.train.resume"));
        }
        trainButton.setDisable(!open || (active && phase != TrainingState.PAUSED));
        pauseButton.setDisable(!canPause);
        stepButton.setDisable(phase != TrainingState.PAUSED);
        stopButton.setDisable(!active);
        boolean stepping = window.run().map(r -> r.stepThrough().isActive()).orElse(false);
        stepThroughItem.setSelected(stepping);
        stepThroughButton.setSelected(stepping);
        stepThroughButton.setDisable(!open);
    }

    private Menu menu(String key) {
        Menu m = new Menu(Messages.get(key));
        m.setId(id(key));
        return m;
    }

    private MenuItem item(String key, String accelerator, Ikon icon, boolean needsDocument, Runnable action) {
        MenuItem it = new MenuItem(Messages.get(key));
        it.setId(id(key));
        if (accelerator != null) it.setAccelerator(KeyCombination.keyCombination(accelerator));
        if (icon != null) it.setGraphic(new FontIcon(icon));
        it.setOnAction(e -> action.run());
        if (needsDocument) needDocument.add(it);
        return it;
    }

    private RadioMenuItem radio(String key, ToggleGroup group, boolean selected, Runnable action) {
        return radio(id(key), Messages.get(key), group, selected, action);
    }

    private RadioMenuItem radio(String id, String text, ToggleGroup group, boolean selected, Runnable action) {
        RadioMenuItem it = new RadioMenuItem(text);
        it.setId(id);
        it.setToggleGroup(group);
        it.setSelected(selected);
        it.setOnAction(e -> action.run());
        return it;
    }

    private Button tool(String key, Ikon icon, boolean needsDocument, Runnable action) {
        Button b = new Button(null, new FontIcon(icon));
        b.setId("tool-" + id(key).substring("menu-".length()));
        b.setTooltip(new Tooltip(Messages.get(key)));
        b.getStyleClass().add("tool-button");
        b.setFocusTraversable(false);
        b.setOnAction(e -> action.run());
        if (needsDocument) toolsNeedDocument.add(b);
        return b;
    }

    private static String id(String key) {
        return key.replace('.', '-');
    }
}
