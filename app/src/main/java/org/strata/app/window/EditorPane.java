package org.strata.app.window;

import org.strata.engine.train.TrainingState;
import javafx.geometry.Orientation;
import javafx.scene.control.SplitPane;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.Pane;
import org.strata.app.canvas.GraphCanvas;
import org.strata.app.dock.ProblemsView;
import org.strata.app.dock.SummaryView;
import org.strata.app.document.EditorDocument;
import org.strata.app.i18n.Messages;
import org.strata.app.inspector.InspectorView;
import org.strata.app.palette.PaletteView;
import org.strata.app.training.view.InferenceView;
import org.strata.app.training.view.LayersView;
import org.strata.app.training.LiveIndicators;
import org.strata.app.training.view.RunsView;
import org.strata.app.training.view.TrainingView;
import org.strata.app.training.TrainingRun;

/**
 * Everything bound to one open document: palette (left), canvas (centre), inspector (right) and the bottom dock
 * with the Problems, Data, Summary, Scale, Training, Layers, Try it and Runs tabs. Opening another project replaces the whole pane.
 */
public final class EditorPane extends BorderPane {
    private final EditorDocument document;
    private final GraphCanvas canvas;
    private final PaletteView palette;
    private final InspectorView inspector;
    private final RunsView runsView;
    private final TabPane dock = new TabPane();
    private SplitPane vertical;
    private SplitPane middle;

    EditorPane(EditorDocument document, TrainingRun run, Pane ghostLayer, int fontSize, boolean dark) {
        this.document = document;
        getStyleClass().add("editor-pane");
        canvas = new GraphCanvas(document);
        canvas.setId("canvas");
        palette = new PaletteView(ghostLayer, (type, p) -> {
            if (canvas.localToScene(canvas.getLayoutBounds()).contains(p)) canvas.dropLayer(type, p.getX(), p.getY());
        }, canvas::addLayerInView);
        palette.setId("palette");
        inspector = new InspectorView(document, Samples::nameOf);
        inspector.setId("inspector");
        ProblemsView problems = new ProblemsView(document, id -> {
            document.selection().set(java.util.List.of(id));
            canvas.centerOn(id);
        }, () -> {
            document.selection().clear(); // the inspector shows the project, its dataset first
            inspector.focusDataset();
        });
        Tab problemsTab = new Tab(Messages.get("dock.problems"), problems);
        problemsTab.setId("tab-problems");
        Tab summaryTab = new Tab(Messages.get("dock.summary"), new SummaryView(document));
        summaryTab.setId("tab-summary");
        org.strata.app.dock.ScaleView scale = new org.strata.app.dock.ScaleView(document);
        Tab scaleTab = new Tab(Messages.get("dock.scale"), scale);
        scaleTab.setId("tab-scale");
        scaleTab.setClosable(false);
        scaleTab.selectedProperty().addListener((o, a, b) -> scale.setActive(b));
        Tab dataTab = new Tab(Messages.get("dock.data"), new org.strata.app.data.DataView(document));
        dataTab.setId("tab-data");
        dataTab.setClosable(false);
        problemsTab.setClosable(false);
        summaryTab.setClosable(false);
        TrainingView.setChartTextSize(fontSize); // before any chart is made
        TrainingView training = new TrainingView(run, dark);
        Tab trainingTab = new Tab(Messages.get("dock.training"), training);
        trainingTab.selectedProperty().addListener((o, a, b) -> training.setActive(b));
        trainingTab.setId("tab-training");
        trainingTab.setClosable(false);
        LayersView layers = new LayersView(document, run, dark);
        Tab layersTab = new Tab(Messages.get("dock.layers"), layers);
        layersTab.setId("tab-layers");
        layersTab.setClosable(false);
        layersTab.selectedProperty().addListener((o, a, b) -> layers.setActive(b));
        // The graph itself shows the learning: each layer's activation spread and health, live.
        Runnable indicators = () -> canvas.setIndicators(
                LiveIndicators.of(run.curves().layers(), run.inputNodeId(), document.graph().nodes().stream()
                        .filter(org.strata.engine.graph.Node::frozen).map(org.strata.engine.graph.Node::id)
                        .collect(java.util.stream.Collectors.toSet())));
        run.curves().layersVersionProperty().addListener((o, a, b) -> indicators.run());
        indicators.run(); // a pane made again (another language or theme) shows them at once, not at the next batch
        runsView = new RunsView(run);
        Tab runsTab = new Tab(Messages.get("dock.runs"), runsView);
        runsTab.setId("tab-runs");
        runsTab.setClosable(false);
        Tab inferenceTab = new Tab(Messages.get("dock.inference"), new InferenceView(run));
        inferenceTab.setId("tab-inference");
        inferenceTab.setClosable(false);
        Tab stepTab = new Tab(Messages.get("dock.step"), new org.strata.app.training.view.StepView(run));
        stepTab.setId("tab-step");
        stepTab.setClosable(false);
        Tab surfaceTab = new Tab(Messages.get("dock.surface"),
                new org.strata.app.training.view.LossSurfaceView(run, dark));
        surfaceTab.setId("tab-surface");
        surfaceTab.setClosable(false);
        dock.getTabs().addAll(problemsTab, dataTab, summaryTab, scaleTab, trainingTab, layersTab, inferenceTab, runsTab,
                stepTab, surfaceTab);
        // Step Through: the wires carry the step's numbers, the layer at work is marked, the Step tab explains.
        var stepping = run.stepThrough();
        String[] focused = {null};
        Runnable showStep = () -> {
            String focus = stepping.isActive() ? stepping.focus() : null;
            canvas.setStepValues(stepping.wires(), focus, stepping.backward());
            // the layer at work comes into view when the step moves on to it (not when the sample changes)
            if (focus != null && !focus.equals(focused[0])) canvas.centerOn(focus);
            focused[0] = focus;
        };
        stepping.versionProperty().addListener((o, a, b) -> showStep.run());
        stepping.activeProperty().addListener((o, a, b) -> {
            if (b) dock.getSelectionModel().select(stepTab);
        });
        showStep.run(); // a pane made again (another language or theme) shows the step at once
        // Starting a run brings its curves to the front.
        // While a run is paused the inspector offers what the run can take in (learning rate, frozen layers).
        inspector.disableProperty().bind(document.readOnlyProperty().and(
                document.pausedEditsAllowedProperty().not()));
        palette.disableProperty().bind(document.readOnlyProperty());
        dock.getStyleClass().add("dock");
        Runnable tabTitle = () -> {
            int n = document.analysis().problems().size();
            problemsTab.setText(n == 0 ? Messages.get("dock.problems") : Messages.get("dock.problemsCount", n));
        };
        document.analysisProperty().addListener((o, a, b) -> tabTitle.run());
        tabTitle.run();

        canvasArea = new javafx.scene.layout.StackPane(canvas);
        canvasArea.setMinSize(0, 0);
        middle = new SplitPane(palette, canvasArea, inspector);
        // Larger text needs a wider inspector (its labels and fields) more than a wider canvas (which zooms).
        paletteDivider = fontSize >= 16 ? 0.18 : 0.17;
        inspectorDivider = fontSize >= 16 ? 0.68 : 0.76;
        middle.setDividerPositions(paletteDivider, inspectorDivider);
        SplitPane.setResizableWithParent(palette, false);
        SplitPane.setResizableWithParent(inspector, false);
        vertical = new SplitPane(middle, dock);
        vertical.setOrientation(Orientation.VERTICAL);
        vertical.setDividerPositions(0.78);
        SplitPane.setResizableWithParent(dock, false);
        // Once the pane has its height: a dock that shows at least two problems whole at the text size in use (at
        // the projector's size a fifth of the window showed one, cut).
        vertical.heightProperty().addListener(new javafx.beans.value.ChangeListener<>() {
            @Override
            public void changed(javafx.beans.value.ObservableValue<? extends Number> o, Number was, Number now) {
                if (now.doubleValue() <= 0) return;
                vertical.heightProperty().removeListener(this);
                double dock = PROBLEM_ROWS_HEIGHT * fontSize;
                double wanted = Math.max(0.65, 1 - dock / now.doubleValue());
                if (vertical.getDividerPositions()[0] > wanted) vertical.setDividerPositions(wanted);
            }
        });
        run.phaseProperty().addListener((o, a, b) -> {
            if (b != TrainingState.LOADING) return;
            if (run.stepThrough().isActive()) {
                dock.getSelectionModel().select(stepTab);
                makeRoomForGraph();
            } else {
                dock.getSelectionModel().select(trainingTab);
                makeRoomForCharts(fontSize);
            }
        });
        // The tabs with charts and pictures get the room they need whenever they are opened, not only at a start.
        dock.getSelectionModel().selectedItemProperty().addListener((o, a, b) -> {
            if (b == trainingTab || b == layersTab || b == inferenceTab || b == dataTab || b == surfaceTab
                    || b == scaleTab) {
                makeRoomForCharts(fontSize);
            }
            if (b == stepTab) makeRoomForGraph();
        });
        setCenter(vertical);
    }

    /** Where the palette and the inspector begin when shown, as fractions of the width. */
    private final double paletteDivider;
    private final double inspectorDivider;

    /**
     * Shows or hides the palette (left) and the inspector (right): hidden, the canvas takes their room, as a graph
     * projected for a class needs.
     */
    public void showPanels(boolean showPalette, boolean showInspector) {
        java.util.List<javafx.scene.Node> items = new java.util.ArrayList<>();
        if (showPalette) items.add(palette);
        items.add(canvasArea);
        if (showInspector) items.add(inspector);
        if (middle.getItems().equals(items)) return;
        middle.getItems().setAll(items);
        if (showPalette && showInspector) middle.setDividerPositions(paletteDivider, inspectorDivider);
        else if (showPalette) middle.setDividerPositions(paletteDivider);
        else if (showInspector) middle.setDividerPositions(inspectorDivider);
    }

    /** The canvas, with a lesson's card over its corner when one is under way. */
    private final javafx.scene.layout.StackPane canvasArea;

    /** Shows the lesson under way over the canvas, and tells it which dock tab is in front. */
    void showLesson(org.strata.app.lessons.LessonRunner runner) {
        var card = new org.strata.app.lessons.view.LessonCard(runner);
        javafx.scene.layout.StackPane.setAlignment(card, javafx.geometry.Pos.BOTTOM_RIGHT);
        javafx.scene.layout.StackPane.setMargin(card, new javafx.geometry.Insets(12));
        canvasArea.getChildren().add(card);
        dock.getSelectionModel().selectedItemProperty().addListener((o, a, b) -> runner.tabChanged(b == null ? null
                : b.getId()));
        Tab now = dock.getSelectionModel().getSelectedItem();
        runner.tabChanged(now == null ? null : now.getId());
    }

    /** The dock's tab header, the Problems table's header and two rows of wrapped text, in units of the text size. */
    private static final double PROBLEM_ROWS_HEIGHT = 11;

    /**
     * Gives the dock the height its charts need to be read (at least 30 % of the pane, at most 65 %) if it has
     * less: a Training tab in the bottom fifth showed charts 30 px high.
     */
    /**
     * While stepping through, the graph with the numbers on its wires and the Step tab's formulas both need room: the
     * graph keeps at least {@link #GRAPH_SHARE} of the height, the tab at least {@link #STEP_SHARE}.
     */
    private void makeRoomForGraph() {
        if (vertical.getHeight() <= 0) return;
        double at = vertical.getDividerPositions()[0];
        if (at < GRAPH_SHARE) vertical.setDividerPositions(GRAPH_SHARE);
        else if (at > 1 - STEP_SHARE) vertical.setDividerPositions(1 - STEP_SHARE);
    }

    private static final double GRAPH_SHARE = 0.55;
    private static final double STEP_SHARE = 0.38;

    private void makeRoomForCharts(int fontSize) {
        double height = vertical.getHeight();
        if (height <= 0) return;
        // the charts' least readable height, the tab's header and the run's line above them
        double dock = TrainingView.minChartHeight() + 7 * fontSize;
        double wanted = Math.max(0.35, Math.min(0.7, 1 - dock / height));
        if (vertical.getDividerPositions()[0] > wanted) vertical.setDividerPositions(wanted);
    }

    /**
     * What the user arranged in this pane: the dock's open tab, the dividers and the canvas's view.
     *
     * @param tab      the open tab's index
     * @param vertical the canvas/dock divider
     * @param middle   the palette/canvas/inspector dividers
     * @param view     the canvas's {@link GraphCanvas#view()}
     */
    record Arrangement(int tab, double vertical, double[] middle, double[] view) {
    }

    /** @return how this pane is arranged now, to carry over to the pane that replaces it */
    Arrangement arrangement() {
        return new Arrangement(dock.getSelectionModel().getSelectedIndex(), vertical.getDividerPositions()[0],
                middle.getDividerPositions(), canvas.view());
    }

    /**
     * Arranges this pane as another was, after a language switch: the same tab open, the same dock height and the
     * same view of the graph (a switch used to bring back the Problems tab in a dock a fifth of the window high).
     *
     * @param keepView whether the canvas keeps the view too (a new text size fits the graph again instead)
     */
    void arrange(Arrangement a, boolean keepView) {
        dock.getSelectionModel().select(a.tab());
        vertical.setDividerPositions(a.vertical());
        if (keepView) {
            middle.setDividerPositions(a.middle());
            canvas.setView(a.view());
        }
    }

    public EditorDocument document() {
        return document;
    }

    public GraphCanvas canvas() {
        return canvas;
    }

    public PaletteView palette() {
        return palette;
    }

    /** Brings the Runs tab to the front. @return its view */
    public RunsView showRuns() {
        dock.getTabs().stream().filter(t -> "tab-runs".equals(t.getId())).findFirst()
                .ifPresent(t -> dock.getSelectionModel().select(t));
        return runsView;
    }

    public InspectorView inspector() {
        return inspector;
    }
}
