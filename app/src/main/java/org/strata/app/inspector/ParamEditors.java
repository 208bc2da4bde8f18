package org.strata.app.inspector;

import javafx.scene.control.ComboBox;
import javafx.scene.control.TextField;
import javafx.scene.control.TextFormatter;
import org.controlsfx.control.PropertySheet;
import org.controlsfx.property.editor.AbstractPropertyEditor;
import org.controlsfx.property.editor.DefaultPropertyEditorFactory;
import org.controlsfx.property.editor.PropertyEditor;
import org.strata.engine.params.ParamType;

/**
 * Chooses the editor for each parameter: a drop-down for choices, a check box for booleans, and for numbers and
 * tuples a text field that commits on Enter or when it loses focus (so "128" is one edit, not three), and whose
 * refused value is reported, never clamped.
 */
final class ParamEditors extends DefaultPropertyEditorFactory {
    /** The folder relative dataset paths start from (the project's), if the project has been saved. */
    private final java.util.function.Supplier<java.util.Optional<java.nio.file.Path>> projectFolder;

    /** The columns of the dataset's file as last read, for a {@link ParamType#COLUMN} parameter. */
    private final javafx.collections.ObservableList<String> columns;

    ParamEditors(java.util.function.Supplier<java.util.Optional<java.nio.file.Path>> projectFolder,
                 javafx.collections.ObservableList<String> columns) {
        this.projectFolder = projectFolder;
        this.columns = columns;
    }

    @Override
    public PropertyEditor<?> call(PropertySheet.Item item) {
        if (item instanceof ParamItem p) {
            ParamType t = p.spec().type();
            if (t == ParamType.CHOICE) return new ChoiceEditor(p);
            if (t.isPath()) return new PathEditor(p, projectFolder);
            if (t == ParamType.COLUMN) return new ColumnEditor(p, columns);
            if (t == ParamType.INT || t == ParamType.DOUBLE || t == ParamType.INT_TUPLE || t == ParamType.STRING) {
                return new CommitOnEnterEditor(p);
            }
        }
        PropertyEditor<?> ed = super.call(item);
        if (item instanceof ParamItem p) ed.getEditor().setId("param-" + p.spec().name());
        return ed;
    }

    /**
     * A file or folder: typed, or chosen with the Browse button; stored relative to the project's folder when the
     * project has one (so the project and its data can move together).
     */
    static final class PathEditor extends AbstractPropertyEditor<Object, javafx.scene.layout.HBox> {
        private final CommitOnEnterEditor text;

        PathEditor(ParamItem item, java.util.function.Supplier<java.util.Optional<java.nio.file.Path>> folder) {
            this(item, new CommitOnEnterEditor(item), folder);
        }

        private PathEditor(ParamItem item, CommitOnEnterEditor text,
                           java.util.function.Supplier<java.util.Optional<java.nio.file.Path>> folder) {
            super(item, new javafx.scene.layout.HBox(4), true);
            this.text = text;
            javafx.scene.control.Button browse = new javafx.scene.control.Button("…");
            browse.setId("browse-" + item.spec().name());
            browse.setTooltip(new javafx.scene.control.Tooltip(org.strata.app.i18n.Messages.get("inspector.browse")));
            javafx.scene.layout.HBox.setHgrow(text.getEditor(), javafx.scene.layout.Priority.ALWAYS);
            getEditor().getChildren().addAll(text.getEditor(), browse);
            browse.setOnAction(e -> {
                boolean folderWanted = item.spec().type() == ParamType.FOLDER;
                java.io.File chosen;
                java.util.Optional<java.nio.file.Path> base = folder.get();
                if (folderWanted) {
                    javafx.stage.DirectoryChooser dc = new javafx.stage.DirectoryChooser();
                    base.ifPresent(b -> dc.setInitialDirectory(b.toFile()));
                    chosen = dc.showDialog(browse.getScene().getWindow());
                } else {
                    javafx.stage.FileChooser fc = new javafx.stage.FileChooser();
                    base.ifPresent(b -> fc.setInitialDirectory(b.toFile()));
                    chosen = fc.showOpenDialog(browse.getScene().getWindow());
                }
                if (chosen == null) return;
                java.nio.file.Path p = chosen.toPath().toAbsolutePath().normalize();
                String value = base.map(b -> b.relativize(p).toString().replace('\\', '/')).orElse(p.toString());
                item.setValue(value);
                text.setValue(item.getValue());
            });
        }

        @Override
        protected javafx.beans.value.ObservableValue<Object> getObservableValue() {
            return new javafx.beans.property.SimpleObjectProperty<>(text.getEditor().getText());
        }

        @Override
        public void setValue(Object value) {
            text.setValue(value);
        }
    }

    /**
     * One of a parameter's values, each shown in the window's language where it has words ("标准化" for standardize)
     * while the value kept is the project file's.
     */
    static final class ChoiceEditor extends AbstractPropertyEditor<String, ComboBox<String>> {
        ChoiceEditor(ParamItem item) {
            super(item, new ComboBox<>(javafx.collections.FXCollections.observableArrayList(item.spec().choices())));
            ComboBox<String> box = getEditor();
            box.setId("param-" + item.spec().name());
            box.setMaxWidth(Double.MAX_VALUE);
            box.setConverter(new javafx.util.StringConverter<>() {
                @Override
                public String toString(String value) {
                    return value == null ? "" : org.strata.app.i18n.Catalogue.choice(item.owner(), item.spec(), value);
                }

                @Override
                public String fromString(String shown) {
                    return box.getItems().stream().filter(v -> toString(v).equals(shown)).findFirst().orElse(shown);
                }
            });
        }

        @Override
        protected javafx.beans.value.ObservableValue<String> getObservableValue() {
            return getEditor().valueProperty();
        }

        @Override
        public void setValue(String value) {
            getEditor().setValue(value);
        }
    }

    /**
     * A column of the dataset's file: chosen from its header once the file has been read (typed while it cannot be),
     * so a label column cannot be misspelt.
     */
    static final class ColumnEditor extends AbstractPropertyEditor<Object, ComboBox<String>> {
        private final ParamItem item;

        ColumnEditor(ParamItem item, javafx.collections.ObservableList<String> columns) {
            super(item, new ComboBox<>(columns), true);
            this.item = item;
            ComboBox<String> box = getEditor();
            box.setId("param-" + item.spec().name());
            box.setEditable(true);
            box.setMaxWidth(Double.MAX_VALUE);
            box.setValue(String.valueOf(item.getValue()));
            box.setOnAction(e -> commit());
            box.getEditor().focusedProperty().addListener((o, was, is) -> {
                if (!is) commit();
            });
        }

        private void commit() {
            String v = getEditor().getValue() == null ? getEditor().getEditor().getText() : getEditor().getValue();
            v = v == null ? "" : v.trim();
            if (v.isEmpty() || v.equals(item.getValue())) return;
            item.setValue(v);
        }

        @Override
        protected javafx.beans.value.ObservableValue<Object> getObservableValue() {
            return new javafx.beans.property.SimpleObjectProperty<>(getEditor().getValue());
        }

        @Override
        public void setValue(Object value) {
            getEditor().setValue(value == null ? "" : String.valueOf(value));
        }
    }

    /** A text field that writes its value when the user presses Enter or leaves it. */
    static final class CommitOnEnterEditor extends AbstractPropertyEditor<Object, TextField> {
        private final ParamItem item;

        CommitOnEnterEditor(ParamItem item) {
            super(item, new TextField(), true); // read-only observable: we commit ourselves
            this.item = item;
            TextField f = getEditor();
            f.setId("param-" + item.spec().name());
            f.setTextFormatter(new TextFormatter<>(c -> c.getControlNewText().length() > 200 ? null : c));
            f.setOnAction(e -> commit());
            f.focusedProperty().addListener((o, was, is) -> {
                if (!is) commit();
            });
        }

        private void commit() {
            String text = getEditor().getText().trim();
            Object current = item.getValue();
            if (text.equals(format(current))) return;
            Object value = switch (item.spec().type()) {
                case INT -> parseInt(text);
                case DOUBLE -> parseDouble(text);
                default -> text;
            };
            item.setValue(value);
            getEditor().setText(format(item.getValue())); // the canonical form ("5x5" shows as 5×5); unchanged if refused
        }

        private static Object parseInt(String s) {
            try {
                return Integer.parseInt(s.replace("_", "").replace(",", ""));
            } catch (NumberFormatException e) {
                return s;
            }
        }

        private static Object parseDouble(String s) {
            try {
                return org.strata.engine.data.PlainNumber.parseDouble(s.replace(",", "."), false);
            } catch (NumberFormatException e) {
                return s;
            }
        }

        private static String format(Object v) {
            return v == null ? "" : String.valueOf(v);
        }

        @Override
        protected javafx.beans.value.ObservableValue<Object> getObservableValue() {
            return new javafx.beans.property.SimpleObjectProperty<>(getEditor().getText());
        }

        @Override
        public void setValue(Object value) {
            getEditor().setText(format(value));
        }
    }
}
