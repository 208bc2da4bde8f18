package org.strata.app.training.view;

import org.strata.app.training.TrainingRun;
import org.strata.app.training.RunHistory;
import org.strata.engine.train.TrainingState;
import java.nio.file.Path;
import java.util.List;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import javafx.application.Platform;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Alert;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Label;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.cell.CheckBoxTableCell;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.stage.FileChooser;
import org.strata.app.i18n.Messages;
import org.strata.engine.runs.RunRecord;

/**
 * The dock's Runs tab: every run kept with the project (when, how long, settings, how it ended), with a box to
 * overlay its loss curve on the Training tab's chart, and buttons to use a run's weights again (for Try it, the
 * Layers tab or to continue training), to export them, or to delete the run.
 */
public final class RunsView extends BorderPane {
    private final TrainingRun run;
    private final TableView<RunRecord> table = new TableView<>();
    private final Label status = new Label();

    public RunsView(TrainingRun run) {
        this.run = run;
        RunHistory runs = run.runs();
        getStyleClass().add("runs-view");
        setId("runs-view");
        table.setId("runs-table");
        table.setItems(runs.runs());
        table.setEditable(true);
        table.setPlaceholder(new Label(Messages.get("runs.none")));
        org.strata.app.dock.ColumnHeaders.fitWidths(table);
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        TableColumn<RunRecord, Boolean> overlay = new TableColumn<>(Messages.get("runs.overlay"));
        overlay.setCellValueFactory(c -> {
            SimpleBooleanProperty on = new SimpleBooleanProperty(runs.isOverlaid(c.getValue()));
            on.addListener((o, a, b) -> runs.setOverlaid(c.getValue(), b));
            return on;
        });
        overlay.setCellFactory(CheckBoxTableCell.forTableColumn(overlay));
        overlay.setEditable(true);
        overlay.setMaxWidth(90);
        overlay.setMinWidth(70);
        table.getColumns().add(overlay);
        // the boxes follow overlays switched elsewhere (and a reloaded list)
        runs.overlayVersionProperty().addListener((o, a, b) -> table.refresh());
        table.getColumns().add(column("runs.started", r -> started(r.started())));
        table.getColumns().get(1).setMinWidth(200); // a whole date and time, in Chinese too
        table.getColumns().add(column("runs.epochs", r -> Integer.toString(r.epochs())
                + (r.state().equals("STOPPED") ? " " + Messages.get("runs.stopped") : "")));
        table.getColumns().add(column("runs.settings", r -> r.settings().getOrDefault("optimizer", "") + " · "
                + r.settings().getOrDefault("learningRate", "") + " · " + Messages.get("runs.batch",
                r.settings().getOrDefault("batchSize", ""))));
        table.getColumns().get(3).setMinWidth(210);
        table.getColumns().add(column("runs.trainLoss", r -> figure(r.trainLoss())));
        table.getColumns().add(column("runs.validationLoss", r -> figure(r.validationLoss())));
        table.getColumns().add(column("runs.test", r -> Double.isNaN(r.testMetric()) ? "–"
                : r.metricName().equals("accuracy") ? String.format("%.1f%%", 100 * r.testMetric())
                : Messages.get("runs.mae", figure(r.testMetric()))));
        table.getColumns().add(column("runs.time", r -> String.format("%.0f s", r.seconds())));
        TableColumn<RunRecord, String> engine = column("runs.engine", RunRecord::engine);
        engine.setMinWidth(120); // "PyTorch 1.13" for weights trained there
        table.getColumns().add(engine);
        TableColumn<RunRecord, String> proof = column("runs.proof", r -> proofText(runs.proofs(r), false));
        proof.setMinWidth(150);
        proof.setCellFactory(c -> new javafx.scene.control.TableCell<>() {
            @Override
            protected void updateItem(String text, boolean empty) {
                super.updateItem(text, empty);
                RunRecord r = empty || getTableRow() == null ? null : getTableRow().getItem();
                setText(r == null ? null : text);
                String tip = r == null ? "" : proofText(runs.proofs(r), true);
                setTooltip(tip.equals("–") || tip.isEmpty() ? null : new javafx.scene.control.Tooltip(tip));
            }
        });
        table.getColumns().add(proof);

        Button use = new Button(Messages.get("runs.use"));
        use.setId("runs-use");
        use.setOnAction(e -> selected().ifPresent(r -> run.useRun(r)));
        Button export = new Button(Messages.get("runs.export"));
        export.setId("runs-export");
        export.setOnAction(e -> selected().ifPresent(this::export));
        Button delete = new Button(Messages.get("runs.delete"));
        delete.setId("runs-delete");
        delete.setOnAction(e -> selected().ifPresent(r -> {
            ButtonType ok = org.strata.app.i18n.DialogButtons.ok();
            Alert a = new Alert(Alert.AlertType.CONFIRMATION, Messages.get("runs.deleteConfirm", started(r.started())),
                    ok, org.strata.app.i18n.DialogButtons.cancel());
            a.initOwner(getScene().getWindow());
            if (a.showAndWait().orElse(null) != ok) return;
            try {
                runs.delete(r);
            } catch (java.io.IOException ex) {
                status.setText(ex.getMessage());
            }
        }));
        for (Button b : new Button[]{use, export, delete}) {
            b.disableProperty().bind(table.getSelectionModel().selectedItemProperty().isNull()
                    .or(run.phaseProperty().isEqualTo(TrainingState.LOADING))
                    .or(run.phaseProperty().isEqualTo(TrainingState.RUNNING))
                    .or(run.phaseProperty().isEqualTo(TrainingState.PAUSED)));
        }
        status.setId("runs-status");
        status.getStyleClass().add("training-status");
        status.setText(runs.problem());
        for (Button b : new Button[]{use, export, delete}) b.setMinWidth(Region.USE_PREF_SIZE);
        status.setMinWidth(0); // a long status line is cut, never the buttons
        HBox.setHgrow(status, Priority.ALWAYS);
        HBox buttons = new HBox(8, use, export, delete, status);
        buttons.setAlignment(Pos.CENTER_LEFT);
        buttons.setPadding(new Insets(6, 8, 6, 8));
        setTop(buttons);
        setCenter(table);
    }

    private java.util.Optional<RunRecord> selected() {
        return java.util.Optional.ofNullable(table.getSelectionModel().getSelectedItem());
    }

    /** Exports a run's weights: NumPy .npz, Deeplearning4j's zip, or Strata's own model file. */
    private void export(RunRecord r) {
        FileChooser chooser = new FileChooser();
        chooser.setTitle(Messages.get("runs.export"));
        FileChooser.ExtensionFilter onnx = new FileChooser.ExtensionFilter(Messages.get("runs.format.onnx"),
                "*.onnx");
        // a folder: model.py, weights.npz, README.md and proof.json inside
        FileChooser.ExtensionFilter pytorch = new FileChooser.ExtensionFilter(Messages.get("runs.format.pytorch"),
                "*");
        FileChooser.ExtensionFilter npz = new FileChooser.ExtensionFilter(Messages.get("runs.format.npz"), "*.npz");
        FileChooser.ExtensionFilter dl4j = new FileChooser.ExtensionFilter(Messages.get("runs.format.dl4j"), "*.zip");
        FileChooser.ExtensionFilter model = new FileChooser.ExtensionFilter(Messages.get("runs.format.model"),
                "*.zip");
        chooser.getExtensionFilters().addAll(onnx, pytorch, npz, dl4j, model);
        chooser.setInitialFileName(r.id() + ".onnx");
        var file = chooser.showSaveDialog(getScene().getWindow());
        if (file == null) return;
        var chosen = chooser.getSelectedExtensionFilter();
        String format = chosen == dl4j ? "dl4j" : chosen == model ? "model" : chosen == npz ? "npz"
                : chosen == pytorch ? "pytorch" : "onnx";
        export(r, file.toPath(), format);
    }

    /**
     * Writes run {@code r}'s weights to {@code file} off the JavaFX thread; the status line says when it is done.
     *
     * @param format "onnx", "pytorch" (a folder), "dl4j" or "npz" (each then proved, by ONNX Runtime, PyTorch,
     *               Deeplearning4j or a plain-Java reader of the .npz: the status line says what the proof found,
     *               {@code FILE.proof.json} or the folder's {@code proof.json} keeps it), or "model" (Strata's own)
     */
    public void export(RunRecord r, Path file, String format) {
        status.setText(Messages.get("runs.exporting", file.getFileName()));
        Thread t = new Thread(() -> {
            String done;
            try {
                var f = format.equals("model") ? null : org.strata.engine.export.formats.ExportFormat.of(format);
                // the save dialog asked before replacing a file; what Strata did not write is refused all the same
                String refused = org.strata.engine.export.formats.ExportTarget.refusal(
                        run.runs().store().folder().resolve(r.id()).resolve("model.zip"), file, f, true,
                        file.toString());
                if (refused != null) throw new java.io.IOException(refused);
                var m = run.runs().model(r);
                if (f == null) {
                    m.save(file);
                    done = Messages.get("runs.exported", file);
                } else {
                    f.write(m, file, org.strata.engine.cli.StrataCli.VERSION);
                    var proof = f.prove(m, file);
                    try {
                        run.runs().addProof(r, org.strata.engine.runs.RunProofs.Entry.of(proof, file));
                    } catch (java.io.IOException e) {
                        // the proof stays in the export's own proof.json
                    }
                    done = proof.passed()
                            ? Messages.get("runs.proved", file.getFileName(), proof.samples(), proof.from(),
                                    String.format(java.util.Locale.ROOT, "%.1e", proof.maxAbsDiff()), proof.sameClass(),
                                    proof.runtime() + " " + proof.version())
                            : Messages.get("runs.notProved", file.getFileName(), proof.firstDiffering(),
                                    String.format(java.util.Locale.ROOT, "%.1e", proof.maxAbsDiff()));
                }
            } catch (Exception e) {
                done = Messages.get("runs.exportFailed", file.getFileName(), e.getMessage());
            } catch (OutOfMemoryError | StackOverflowError e) { // said in the status line; the window stays
                done = Messages.get("runs.exportFailed", file.getFileName(),
                        org.strata.app.i18n.Catalogue.explain(e));
            }
            String text = done;
            Platform.runLater(() -> {
                status.setText(text);
                table.refresh();
            });
        }, "strata-export");
        t.setDaemon(true);
        t.start();
    }

    /** Selects a run just imported and says how Strata's evaluation compared with the tool that trained it. */
    public void showImported(org.strata.engine.runs.WeightsImport.Imported imported) {
        run.runs().find(imported.run().id()).ifPresent(r -> {
            table.getSelectionModel().select(r);
            table.scrollTo(r);
        });
        status.setText(Messages.get("runs.importedAs", started(imported.run().started()),
                proofText(List.of(imported.check()), true)));
    }

    /** Says why weights could not be imported. */
    public void showImportFailed(String why) {
        status.setText(Messages.get("runs.importFailed", why));
    }

    /**
     * @param full the whole of it (the tooltip: what checked it and the largest difference), or short (the column)
     * @return the newest proof of a run in the window's language; "–" for none
     */
    static String proofText(List<org.strata.engine.runs.RunProofs.Entry> proofs, boolean full) {
        if (proofs.isEmpty()) return "–";
        var e = proofs.get(proofs.size() - 1);
        String d = String.format(java.util.Locale.ROOT, "%.1e", e.maxAbsDiff());
        if (e.isImport()) {
            if (e.count() == 0) return Messages.get(full ? "runs.proof.unchecked.full" : "runs.proof.unchecked", e.tool());
            return full ? Messages.get("runs.proof.imported.full", e.tool(), e.count(), d)
                    : Messages.get("runs.proof.imported", e.count());
        }
        String format = switch (e.kind()) {
            case "onnx" -> "ONNX";
            case "pytorch" -> "PyTorch";
            case "dl4j" -> "DL4J";
            default -> "." + e.kind();
        };
        String layer = e.firstDiffering().isEmpty() ? "?" : e.firstDiffering();
        if (!full) {
            return e.passed() ? Messages.get("runs.proof.exported", format, e.agreeing(), e.count())
                    : Messages.get("runs.proof.failed", format, layer);
        }
        return e.passed() ? Messages.get("runs.proof.exported.full", format, e.agreeing(), e.count(), d, e.tool(),
                e.file()) : Messages.get("runs.proof.failed.full", format, layer, d, e.tool(), e.file());
    }

    private static TableColumn<RunRecord, String> column(String key, java.util.function.Function<RunRecord, String> f) {
        TableColumn<RunRecord, String> c = new TableColumn<>(Messages.get(key));
        c.setCellValueFactory(v -> new SimpleStringProperty(f.apply(v.getValue())));
        c.setEditable(false);
        return c;
    }

    private static String started(String iso) {
        try {
            return ZonedDateTime.parse(iso).format(DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM)
                    .withLocale(Messages.locale()));
        } catch (RuntimeException e) {
            return iso;
        }
    }

    private static String figure(double v) {
        return Double.isNaN(v) ? "–" : String.format("%.4f", v);
    }
}
