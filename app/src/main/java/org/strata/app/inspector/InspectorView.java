package org.strata.app.inspector;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Supplier;
import javafx.application.Platform;
import javafx.collections.FXCollections;
import javafx.geometry.Insets;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.util.StringConverter;
import org.controlsfx.control.PropertySheet;
import org.kordamp.ikonli.javafx.FontIcon;
import org.strata.app.document.Command;
import org.strata.app.document.EditorDocument;
import org.strata.app.document.Edits;
import org.strata.app.i18n.Catalogue;
import org.strata.app.i18n.Messages;
import org.strata.app.palette.LayerIcons;
import org.strata.engine.analysis.Analysis;
import org.strata.engine.analysis.Problem;
import org.strata.engine.analysis.SummaryTable;
import org.strata.engine.graph.Edge;
import org.strata.engine.graph.Node;
import org.strata.engine.params.ParamSpec;
import org.strata.engine.params.ParamTable;
import org.strata.engine.params.Params;
import org.strata.engine.project.DatasetKind;
import org.strata.engine.project.DatasetSpec;
import org.strata.engine.project.Project;

/**
 * The right-hand panel. With one layer selected it edits that layer: name, every parameter of its table with the
 * matching editor, its input and output shapes, parameter count and problems. With nothing selected it edits the
 * project: dataset and training settings. Every change is a document command; a refused value shows why.
 */
public final class InspectorView extends ScrollPane {
    private final EditorDocument document;
    private final VBox content = new VBox();
    private final Label error = new Label();
    /** The node (or "" for the project) the panel shows; it is rebuilt only when this changes or on undo/redo. */
    private String shown;
    private boolean writing;
    /**
     * Brings what the panel derives from the graph (a layer's shapes, parameter count and problems) up to date
     * after one of its own edits, which does not rebuild it: the field being typed in keeps its focus.
     */
    private Runnable refreshDerived = () -> { };

    /** The columns of the dataset's file as last read, offered by the label column's editor. */
    private final javafx.collections.ObservableList<String> dataColumns = FXCollections.observableArrayList();

    /** Which bundled sample a project file is, if it is one: its description is shown in the window's language. */
    private final java.util.function.Function<java.nio.file.Path, java.util.Optional<String>> sampleOf;

    /** @param sampleOf which bundled sample a project file is ("xor"), empty for any other file */
    public InspectorView(EditorDocument document,
                         java.util.function.Function<java.nio.file.Path, java.util.Optional<String>> sampleOf) {
        this.document = document;
        this.sampleOf = sampleOf;
        getStyleClass().add("inspector");
        setFitToWidth(true);
        content.getStyleClass().add("inspector-content");
        content.setPadding(new Insets(12));
        content.setSpacing(8);
        error.getStyleClass().add("inspector-error");
        error.setWrapText(true);
        error.setId("inspector-error");
        setContent(content);
        document.selection().versionProperty().addListener((o, a, b) -> rebuild(false));
        document.revisionProperty().addListener((o, a, b) -> {
            // a new reading of the data moves the revision on, also when its analysis comes out equal
            refreshColumns();
            if (writing) refreshDerived.run();
            else rebuild(true);
        });
        // the data's problems and columns arrive after the data has been read, off the JavaFX thread
        document.analysisProperty().addListener((o, a, b) -> {
            refreshColumns();
            if (!writing) refreshDerived.run();
        });
        // a run starting, pausing or ending changes what may be edited
        document.readOnlyProperty().addListener((o, a, b) -> rebuild(true));
        document.pausedEditsAllowedProperty().addListener((o, a, b) -> rebuild(true));
        rebuild(true);
    }

    /** The data file's columns, offered where a column is chosen, as last read. */
    private void refreshColumns() {
        List<String> columns = document.data().map(d -> d.columns()).orElse(List.of());
        if (!columns.equals(dataColumns)) dataColumns.setAll(columns);
    }

    private void rebuild(boolean force) {
        List<String> sel = document.selection().nodes();
        String now = sel.size() == 1 ? sel.get(0) : sel.isEmpty() && document.selection().edges().isEmpty() ? ""
                : "*" + sel.size();
        if (!force && now.equals(shown)) return;
        shown = now;
        refreshDerived = () -> { };
        error.setText("");
        content.getChildren().clear();
        if (sel.size() == 1) {
            document.graph().node(sel.get(0)).ifPresent(this::showNode);
        } else if (!sel.isEmpty()) {
            content.getChildren().add(heading(Messages.get("inspector.multiple", sel.size())));
        } else if (!document.selection().edges().isEmpty()) {
            showEdge(document.selection().edges().get(0));
        } else {
            showProject(document.project());
        }
    }

    private void showNode(Node node) {
        Analysis a = document.analysis();
        Label title = heading(node.type().id());
        title.setGraphic(new FontIcon(LayerIcons.of(node.type())));
        Label desc = wrap(Catalogue.description(node.type()), "inspector-description");
        Label formula = wrap(Catalogue.formula(node.type()), "inspector-formula");
        TextField name = new TextField(node.name());
        name.setId("inspector-name");
        onCommit(name, v -> {
            if (!v.equals(node.name())) run(Edits.rename(document.graph(), node.id(), v));
        });
        Label shapes = wrap("", "inspector-shapes");
        shapes.setId("inspector-shapes");
        Label params = wrap("", "inspector-params");
        params.setId("inspector-params");
        VBox problems = new VBox(4);
        refreshDerived = () -> {
            Analysis now = document.analysis();
            List<String> ins = document.graph().edges().stream().filter(e -> e.to().node().equals(node.id()))
                    .map(e -> now.edgeShapes().get(e)).map(s -> s == null ? "?" : s.toString()).toList();
            String out = now.shapeOf(node.id()).map(Object::toString).orElse("?");
            shapes.setText(Messages.get("inspector.shapes", ins.isEmpty() ? "—" : String.join(", ", ins), out));
            Long n = now.paramCounts().get(node.id());
            params.setText(Messages.get("inspector.params", n == null ? "?" : SummaryTable.group(n)));
            showProblems(problems, now.problemsOf(node.id()), node);
        };
        refreshDerived.run();
        Long count = a.paramCounts().get(node.id());
        name.setDisable(locked());
        content.getChildren().addAll(title, desc, formula, label(Messages.get("inspector.name")), name, shapes, params);
        if (count != null && count > 0) {
            CheckBox frozen = new CheckBox(Messages.get("inspector.frozen"));
            frozen.setId("inspector-frozen");
            frozen.setSelected(node.frozen());
            frozen.setWrapText(true);
            frozen.setTooltip(new Tooltip(Messages.get("inspector.frozenTip")));
            frozen.setOnAction(e -> run(Edits.setFrozen(document.graph(), node.id(), frozen.isSelected())));
            content.getChildren().add(frozen);
        }
        PropertySheet sheet = sheet(node.params().table(), node::params, Messages.get("inspector.parameters"),
                (spec, v) -> Edits.setParam(document.graph(), node.id(), spec.name(), v), spec -> !locked());
        content.getChildren().addAll(sheet, error, problems);
    }

    /** Lists problems, each with the button that repairs it where one change does. */
    private void showProblems(VBox into, List<Problem> problems, Node node) {
        into.getChildren().clear();
        for (Problem p : problems) {
            into.getChildren().add(wrap((p.severity() == Problem.Severity.ERROR ? "✖ " : "⚠ ")
                    + Catalogue.problem(p, node), p.severity() == Problem.Severity.ERROR
                    ? "inspector-problem-error" : "inspector-problem-warning"));
            if (p.fix() == null) continue;
            javafx.scene.control.Button fix = new javafx.scene.control.Button(Catalogue.fix(p.fix()));
            fix.setWrapText(true);
            fix.getStyleClass().add("problem-fix");
            fix.setId("inspector-fix-" + p.fix().code().substring("fix.".length()));
            fix.setDisable(locked());
            // not run(): the fix changes values the editors show, so the panel is rebuilt
            fix.setOnAction(e -> document.execute(Edits.applyFix(document.project(), p.fix())));
            into.getChildren().add(fix);
        }
    }

    /**
     * Shows the project's settings with the dataset's choice focused (its list open when no dataset is chosen yet):
     * where the Problems tab's "Choose data…" leads.
     */
    public void focusDataset() {
        if (!shown.isEmpty()) return;
        setVvalue(0);
        if (content.lookup("#inspector-dataset-kind") instanceof ComboBox<?> kind) {
            kind.requestFocus();
            if (kind.getValue() == null && kind.getScene() != null && kind.getScene().getWindow() != null
                    && kind.getScene().getWindow().isShowing()) {
                kind.show();
            }
        }
    }

    private void showEdge(Edge e) {
        content.getChildren().add(heading(Messages.get("inspector.edge")));
        var shape = document.analysis().edgeShapes().get(e);
        content.getChildren().add(wrap(document.graph().require(e.from().node()).name() + " → "
                + document.graph().require(e.to().node()).name() + " (" + e.to().port() + ")", "inspector-shapes"));
        content.getChildren().add(wrap(Messages.get("inspector.edgeShape", shape == null ? "?" : shape.toString()),
                "inspector-shapes"));
    }

    private void showProject(Project project) {
        content.getChildren().add(heading(Messages.get("inspector.project")));
        TextField name = new TextField(project.name());
        name.setId("inspector-project-name");
        onCommit(name, v -> {
            if (!v.equals(project.name())) run(Edits.renameProject(project, v));
        });
        name.setDisable(locked());
        content.getChildren().addAll(label(Messages.get("inspector.name")), name);
        if (!project.description().isBlank()) {
            String description = document.file().flatMap(sampleOf)
                    .map(sample -> Catalogue.sample(sample, "description", project.description()))
                    .orElse(project.description());
            content.getChildren().add(wrap(description, "inspector-description"));
        }
        content.getChildren().add(label(Messages.get("inspector.dataset")));
        ComboBox<DatasetKind> kind = new ComboBox<>(FXCollections.observableArrayList(DatasetKind.values()));
        kind.setId("inspector-dataset-kind");
        kind.setMaxWidth(Double.MAX_VALUE);
        kind.setConverter(new StringConverter<>() {
            @Override
            public String toString(DatasetKind k) {
                return k == null ? Messages.get("inspector.noDataset") : Messages.get("dataset." + k.key());
            }

            @Override
            public DatasetKind fromString(String s) {
                return null;
            }
        });
        kind.setValue(project.dataset().map(DatasetSpec::kind).orElse(null));
        kind.setDisable(locked());
        kind.setOnAction(e -> {
            DatasetKind k = kind.getValue();
            if (k != null && project.dataset().map(DatasetSpec::kind).orElse(null) != k) {
                run(Edits.setDataset(project, DatasetSpec.of(k), "kind"));
                rebuild(true);
            }
        });
        content.getChildren().add(kind);
        project.dataset().ifPresent(ds -> content.getChildren().add(sheet(ds.kind().params(),
                () -> project.dataset().orElseThrow().params(), Messages.get("inspector.dataset"),
                (spec, v) -> {
                    DatasetSpec cur = project.dataset().orElseThrow();
                    return Edits.setDataset(project, new DatasetSpec(cur.kind(), cur.params().copy().set(spec.name(), v)),
                            spec.name());
                }, spec -> !locked())));
        // what is wrong with the data itself, right under its settings
        VBox dataProblems = new VBox(4);
        dataProblems.setId("inspector-data-problems");
        refreshDerived = () -> showProblems(dataProblems, document.analysis().problems().stream()
                .filter(p -> p.nodeId() == null && p.code() != null && p.code().startsWith("dataset.")).toList(), null);
        refreshDerived.run();
        content.getChildren().add(dataProblems);
        content.getChildren().add(label(Messages.get("inspector.training")));
        content.getChildren().addAll(sheet(project.training().table(), project::training,
                Messages.get("inspector.training"), (spec, v) -> Edits.setTraining(project, spec.name(), v),
                // while paused, the learning rate may change: the run takes it in when it goes on
                spec -> !locked() || spec.name().equals("learningRate")), error);
        if (locked()) content.getChildren().add(wrap(Messages.get("inspector.pausedHint"), "inspector-description"));
    }

    /** A property sheet over the parameters of {@code table} that apply to the current values. */
    private PropertySheet sheet(ParamTable table, Supplier<Params> params, String category,
                                java.util.function.BiFunction<ParamSpec, Object, Command> edit,
                                java.util.function.Predicate<ParamSpec> editable) {
        List<PropertySheet.Item> items = new ArrayList<>();
        for (ParamSpec spec : table.specs()) {
            if (!spec.appliesTo(params.get())) continue;
            Consumer<Object> write = v -> {
                try {
                    Command c = edit.apply(spec, v);
                    boolean conditionalChange = table.specs().stream().anyMatch(s -> s.condition() != null
                            && s.condition().param().equals(spec.name()));
                    run(c);
                    error.setText("");
                    if (conditionalChange) rebuild(true);
                } catch (IllegalArgumentException ex) {
                    String why = Catalogue.refusal(table.owner(), spec, v, ex.getMessage());
                    error.setText(why);
                    Platform.runLater(() -> rebuildKeepingError(why));
                }
            };
            items.add(new ParamItem(spec, table.owner(), category, params, write, editable.test(spec)));
        }
        PropertySheet sheet = new PropertySheet(FXCollections.observableArrayList(items));
        sheet.setModeSwitcherVisible(false);
        sheet.setSearchBoxVisible(false);
        sheet.setMode(PropertySheet.Mode.NAME);
        sheet.setPropertyEditorFactory(new ParamEditors(() -> document.file().map(f -> f.toAbsolutePath().getParent()),
                dataColumns));
        sheet.getStyleClass().add("inspector-sheet");
        VBox.setVgrow(sheet, Priority.NEVER);
        return sheet;
    }

    /** @return whether a training run holds the graph (only paused-run edits are offered then) */
    private boolean locked() {
        return document.readOnlyProperty().get();
    }

    /** Puts the current values back into the editors after a refusal, keeping the message visible. */
    private void rebuildKeepingError(String message) {
        rebuild(true);
        error.setText(message);
    }

    /** Calls {@code commit} with the field's non-blank text on Enter or when the field loses focus. */
    private static void onCommit(TextField field, Consumer<String> commit) {
        Runnable r = () -> {
            String v = field.getText().strip();
            if (!v.isEmpty()) commit.accept(v);
        };
        field.setOnAction(e -> r.run());
        field.focusedProperty().addListener((o, was, is) -> {
            if (!is) r.run();
        });
    }

    private void run(Command c) {
        writing = true;
        try {
            document.execute(c);
        } finally {
            writing = false;
        }
    }

    private static Label heading(String text) {
        Label l = new Label(text);
        l.getStyleClass().add("inspector-heading");
        return l;
    }

    private static Label label(String text) {
        Label l = new Label(text);
        l.getStyleClass().add("inspector-label");
        return l;
    }

    private static Label wrap(String text, String style) {
        Label l = new Label(text);
        l.setWrapText(true);
        l.getStyleClass().add(style);
        return l;
    }
}
