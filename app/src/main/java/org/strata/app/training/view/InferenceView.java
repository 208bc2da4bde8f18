package org.strata.app.training.view;

import org.strata.app.training.TrainingRun;
import org.strata.app.training.MnistFraming;
import java.io.File;
import java.nio.file.Path;
import java.util.List;
import javafx.application.Platform;
import javafx.geometry.Insets;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TextField;
import javafx.scene.image.Image;
import javafx.scene.image.ImageView;
import javafx.scene.input.TransferMode;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;
import org.strata.app.i18n.Messages;
import org.strata.app.training.TextTrial;
import org.strata.engine.data.DataPreview;
import org.strata.engine.data.Dataset;
import org.strata.engine.data.text.TextEncoding;
import org.strata.engine.data.text.Tokenizer;

/**
 * The dock's "Try it" tab: ask the trained network. For image data (or a vector of a square number of pixels, as
 * the 8×8 digits) draw with the mouse and watch the class probabilities change as you draw, or load an image file;
 * for texts type a word or a sentence and see the prediction after each letter or word; for other data type one row
 * of values as in the CSV file. An image file can also be dropped on the tab.
 */
public final class InferenceView extends VBox {
    private final TrainingRun run;
    private final Label hint = new Label();
    private final HBox body = new HBox(16);
    private final VBox bars = new VBox(4);
    private final Label error = new Label();
    private ImageTarget imageTarget;
    private boolean asking;
    private float[] pending;
    /** Moves on when the pad is cleared, so that an answer still on its way is not shown for a blank pad. */
    private int generation;

    public InferenceView(TrainingRun run) {
        this.run = run;
        error.getStyleClass().add("inspector-error");
        error.setId("inference-error");
        error.setWrapText(true);
        getStyleClass().add("inference-view");
        setPadding(new Insets(10));
        setSpacing(8);
        hint.setWrapText(true);
        hint.getStyleClass().add("training-status");
        bars.setId("inference-bars");
        getChildren().addAll(hint, body);
        run.phaseProperty().addListener((o, a, b) -> rebuild());
        setOnDragOver(e -> {
            if (imageTarget != null && e.getDragboard().hasFiles()) e.acceptTransferModes(TransferMode.COPY);
            e.consume();
        });
        setOnDragDropped(e -> {
            var files = e.getDragboard().getFiles();
            e.setDropCompleted(!files.isEmpty() && openImage(files.get(0).toPath()));
            e.consume();
        });
        rebuild();
    }

    private void rebuild() {
        imageTarget = null;
        body.getChildren().clear();
        error.setText("");
        bars.getChildren().clear();
        Dataset d = run.dataset();
        if (!run.canPredict() || d == null) {
            hint.setText(Messages.get("inference.trainFirst"));
            return;
        }
        if (run.writing().writes()) { // a language model writes on from a prompt
            hint.setText("");
            GenerationView writer = new GenerationView(run);
            HBox.setHgrow(writer, Priority.ALWAYS);
            body.getChildren().add(writer);
            return;
        }
        if (d.text().isPresent()) {
            buildTextTrial(d);
            return;
        }
        int[] dims = d.featureShape().dims();
        int size = (int) d.featureShape().size();
        int side = (int) Math.round(Math.sqrt(size));
        boolean grey = dims.length == 3 && dims[2] == 1 || dims.length == 1 && side * side == size && size >= 16;
        boolean colour = dims.length == 3 && dims[2] == 3;
        float maxRaw = maxRaw(d);
        if (grey) {
            int rows = dims.length == 3 ? dims[0] : side;
            int cols = dims.length == 3 ? dims[1] : side;
            hint.setText(Messages.get("inference.draw", rows, cols));
            DrawingPad[] holder = new DrawingPad[1];
            DrawingPad pad = new DrawingPad(rows, cols, 224,
                    () -> ask(scale(rows >= 20 ? MnistFraming.frame(holder[0].ink(), rows, cols) : holder[0].ink(),
                            maxRaw)));
            holder[0] = pad;
            Button clear = new Button(Messages.get("inference.clear"));
            clear.setId("inference-clear");
            clear.setOnAction(e -> {
                pad.clear();
                pending = null;
                generation++;
                bars.getChildren().clear();
            });
            // a loaded picture is framed like a drawing, and shown on the pad where it can be drawn over
            Button open = openImageButton(rows, cols, 1, ink -> pad.set(rows >= 20 ? MnistFraming.frame(ink, rows,
                    cols) : ink));
            // the buttons beside the pad, not under it: a low dock must not cut them off
            VBox buttons = new VBox(6, clear, open, error);
            clear.setMaxWidth(Double.MAX_VALUE);
            open.setMaxWidth(Double.MAX_VALUE);
            error.setMaxWidth(180);
            body.getChildren().addAll(pad, buttons, bars);
        } else if (colour) {
            hint.setText(Messages.get("inference.openColour", dims[0], dims[1]));
            ImageView preview = new ImageView();
            preview.setId("inference-preview");
            preview.setFitWidth(224);
            preview.setFitHeight(224);
            preview.setPreserveRatio(true);
            Button open = openImageButton(dims[0], dims[1], 3, rgb -> {
                preview.setImage(Pictures.image(rgb, dims[0], dims[1], 3));
                ask(scale(rgb, maxRaw));
            });
            body.getChildren().addAll(new VBox(6, preview, open, error), bars);
        } else {
            hint.setText(Messages.get(run.dataPoints() != null ? "inference.plane" : "inference.row", size));
            TextField row = new TextField();
            row.setId("inference-row");
            row.setPromptText(Messages.get("inference.rowPrompt", size, example(d)));
            Button go = new Button(Messages.get("inference.predict"));
            go.setId("inference-predict");
            // what else shows a typed sample (the plane marks it)
            var typedShown = new java.util.concurrent.atomic.AtomicReference<java.util.function.Consumer<float[]>>(
                    raw -> { });
            Runnable predict = () -> {
                String[] parts = row.getText().trim().split("\\s*[,;\\s]\\s*");
                if (parts.length != size) {
                    error.setText(Messages.get("inference.count", size, parts.length));
                    return;
                }
                float[] raw = new float[size];
                try {
                    for (int i = 0; i < size; i++) raw[i] = org.strata.engine.data.PlainNumber.parseFloat(parts[i], false);
                } catch (NumberFormatException ex) {
                    error.setText(Messages.get("inference.number"));
                    return;
                }
                error.setText("");
                typedShown.get().accept(raw);
                ask(raw);
            };
            go.setOnAction(e -> predict.run());
            row.setOnAction(e -> predict.run());
            HBox.setHgrow(row, Priority.ALWAYS);
            if (run.dataPoints() != null) {
                // two features: click the plane (the decision boundary) to ask about a point, as well as type it
                BoundaryView plane = new BoundaryView(run);
                plane.setId("inference-plane");
                plane.setPrefSize(240, 240);
                plane.setMinSize(160, 160);
                plane.setOnPick(p -> {
                    float[] raw = {(float) p[0], (float) p[1]};
                    d.normalizer().invert(raw, 0);
                    row.setText(DataPreview.values(raw, raw.length));
                    error.setText("");
                    ask(raw);
                });
                typedShown.set(raw -> {
                    float[] seen = raw.clone();
                    d.normalizer().apply(seen, 0);
                    plane.setMarker(new double[]{seen[0], seen[1]});
                });
                body.getChildren().add(plane);
            }
            VBox typed = new VBox(6, new HBox(6, row, go), error, bars);
            body.getChildren().add(typed);
            HBox.setHgrow(typed, Priority.ALWAYS);
        }
    }

    /**
     * Text data: type a word or a sentence; the probabilities follow each keystroke, and a table shows them after
     * each token, so a class sees the network change its mind as it reads on.
     */
    private void buildTextTrial(Dataset d) {
        TextEncoding encoding = d.text().orElseThrow();
        boolean characters = encoding.tokenizer() == Tokenizer.CHARACTERS;
        hint.setText(Messages.get(characters ? "inference.textCharacters" : "inference.textWords",
                encoding.length()));
        TextField typed = new TextField();
        typed.setId("inference-text");
        float[] first = new float[encoding.length()];
        if (d.train().size() > 0) d.train().rawFeatures(0, first, 0);
        typed.setPromptText(Messages.get("inference.textPrompt", encoding.decode(first)));
        typed.getStyleClass().add("inference-text");
        FlowPane support = new FlowPane();
        GridPane steps = new GridPane();
        steps.setId("inference-steps");
        steps.getStyleClass().add("inference-steps");
        steps.setHgap(2);
        steps.setVgap(2);
        ScrollPane stepsScroll = new ScrollPane(steps);
        stepsScroll.setFitToWidth(true);
        stepsScroll.getStyleClass().add("inference-steps-scroll");
        typed.textProperty().addListener((o, a, text) -> {
            generation++;
            TextTrial trial = TextTrial.of(encoding, text);
            run.typedProperty().set(trial.isEmpty() ? null : new TrainingRun.TypedSample(text, encoding.encode(text)));
            if (trial.isEmpty()) {
                bars.getChildren().clear();
                steps.getChildren().clear();
                support.getChildren().clear();
                return;
            }
            int asked = generation;
            run.predictEach(trial.batch()).whenComplete((p, err) -> Platform.runLater(() -> {
                if (err != null || asked != generation) return;
                float[][] after = trial.afterEachToken(p);
                show(after[after.length - 1]);
                TextTrialTables.steps(steps, run.shown(run.dataset().classNames()), trial.stepLabels(characters),
                        after);
                TextTrialTables.support(support, trial.tokens(), trial.support(p));
            }));
        });
        support.setId("inference-support");
        support.getStyleClass().add("inference-support");
        support.setHgap(2);
        support.setVgap(2);
        Label restsOn = new Label(Messages.get("inference.restsOn"));
        restsOn.setWrapText(true);
        restsOn.setTooltip(new javafx.scene.control.Tooltip(Messages.get("inference.restsOnHow")));
        // three columns, not one: a low dock (1366 × 768) has room for the bars beside the word, not below it
        VBox left = new VBox(6, typed, restsOn, support, error);
        left.setMinWidth(220);
        left.setPrefWidth(320);
        VBox right = new VBox(4, new Label(Messages.get(characters ? "inference.stepsCharacters"
                : "inference.stepsWords")), stepsScroll);
        HBox.setHgrow(right, Priority.ALWAYS);
        VBox.setVgrow(stepsScroll, Priority.ALWAYS);
        body.getChildren().addAll(left, bars, right);
    }

    /** A button that asks for an image file and hands its picture, at the data's size, to {@code use}. */
    private Button openImageButton(int rows, int cols, int channels, java.util.function.Consumer<float[]> use) {
        Button open = new Button(Messages.get("inference.openImage"));
        open.setId("inference-open-image");
        open.setOnAction(e -> {
            FileChooser chooser = new FileChooser();
            chooser.setTitle(Messages.get("inference.openImage"));
            chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter(
                    Messages.get("inference.imageFiles"), "*.png", "*.jpg", "*.jpeg", "*.gif", "*.bmp"));
            File f = chooser.showOpenDialog(getScene().getWindow());
            if (f != null) openImage(f.toPath());
        });
        imageTarget = new ImageTarget(rows, cols, channels, use);
        return open;
    }

    /** Where an opened or dropped image goes: the data's picture size and what to do with the sample. */
    private record ImageTarget(int rows, int cols, int channels, java.util.function.Consumer<float[]> use) {
    }

    /**
     * Asks the network about an image file (also what dropping a file on the tab does). An unreadable file is
     * named in the error line and nothing else changes.
     *
     * @return false if the trained network does not take pictures (or there is none yet)
     */
    public boolean openImage(Path file) {
        ImageTarget t = imageTarget;
        if (t == null) return false;
        Image img = new Image(file.toUri().toString());
        try {
            float[] sample = ImageSamples.of(img, t.rows(), t.cols(), t.channels());
            error.setText("");
            t.use().accept(sample);
        } catch (IllegalArgumentException ex) {
            error.setText(Messages.get("inference.badImage", file.getFileName(), ex.getMessage()));
        }
        return true;
    }

    /** @return the first training sample's values as the data file has them: an example to type (e.g. 0.52, -1.3) */
    private static String example(Dataset d) {
        float[] row = new float[(int) d.featureShape().size()];
        if (d.train().size() == 0) return "";
        d.train().features(0, row, 0);
        d.normalizer().invert(row, 0);
        return DataPreview.values(row, row.length);
    }

    /** Drawn ink (0–1) to the data's raw scale (0–255 for MNIST, 0–16 for the 8×8 digits). */
    private static float[] scale(float[] ink, float maxRaw) {
        float[] raw = new float[ink.length];
        for (int i = 0; i < ink.length; i++) raw[i] = ink[i] * maxRaw;
        return raw;
    }

    /** The largest raw value in the training data, undoing its normalisation. */
    private static float maxRaw(Dataset d) {
        var s = d.train();
        float[] row = new float[(int) d.featureShape().size()];
        float max = 0;
        for (int i = 0; i < Math.min(s.size(), 500); i++) {
            s.features(i, row, 0);
            d.normalizer().invert(row, 0);
            for (float v : row) max = Math.max(max, v);
        }
        return max <= 0 ? 1 : max;
    }

    /** At most one prediction in flight; the newest drawing wins. */
    private void ask(float[] raw) {
        if (asking) {
            pending = raw;
            return;
        }
        asking = true;
        int asked = generation;
        run.predict(raw).whenComplete((p, err) -> Platform.runLater(() -> {
            asking = false;
            if (err == null && asked == generation) show(p);
            float[] next = pending;
            pending = null;
            if (next != null) ask(next);
        }));
    }

    private void show(float[] p) {
        bars.getChildren().clear();
        Dataset d = run.dataset();
        List<String> names = run.shown(d.classNames());
        if (names.isEmpty()) {
            Label v = new Label(Messages.get("inference.value", p.length == 0 ? "" : String.format("%.4f", p[0])));
            v.setId("inference-value");
            bars.getChildren().add(v);
            return;
        }
        int best = TextTrial.best(p);
        GridPane g = new GridPane();
        g.setHgap(8);
        g.setVgap(3);
        for (int i = 0; i < p.length && i < names.size(); i++) {
            Label name = new Label(names.get(i));
            ProgressBar bar = new ProgressBar(p[i]);
            bar.setPrefWidth(180);
            Label pct = new Label(String.format("%.1f%%", 100 * p[i]));
            if (i == best) {
                name.getStyleClass().add("inference-best");
                pct.getStyleClass().add("inference-best");
                pct.setId("inference-best");
            }
            g.addRow(i, name, bar, pct);
        }
        bars.getChildren().add(g);
    }
}
