package org.strata.app.training.view;

import org.strata.app.training.SequenceInside;
import org.strata.app.training.TrainingRun;
import java.util.Map;
import java.util.Optional;
import javafx.application.Platform;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.Spinner;
import javafx.scene.control.SpinnerValueFactory;
import javafx.scene.image.ImageView;
import javafx.scene.image.WritableImage;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import org.strata.app.i18n.Messages;
import org.strata.engine.data.Split;
import org.strata.engine.export.NpzForward;
import org.strata.engine.layers.TensorShape;

/**
 * The selected layer's output for one held-out sample the user picks: the input image itself for an image Input, a
 * grid of feature maps for a convolution, a heat map for a vector (with values written out for a short one, such
 * as the Output's class probabilities). Asked of the network on the training thread, again whenever a new snapshot
 * says the network has changed.
 */
final class ActivationPane extends BorderPane {
    /** Vectors up to this long are listed as labelled bars rather than painted as a heat map. */
    private static final int LISTED = 16;
    /** A picture is enlarged at most this many times (a 1 × 1 map would otherwise fill the stage in one block). */
    private static final int MAX_FACTOR = 32;
    private final TrainingRun run;
    private final Spinner<Integer> sample = new Spinner<>();
    /** Shown once a text is typed in Try it: the Layers tab then looks at that text instead of a held-out sample. */
    private final javafx.scene.control.CheckBox typedBox = new javafx.scene.control.CheckBox();
    private final Label sampleLabel = new Label();
    private final Label caption = new Label();
    private final ImageView picture = new ImageView();
    /** Short vectors: one row per value (name, bar, number), in columns so the bars line up. */
    private final javafx.scene.layout.GridPane listed = new javafx.scene.layout.GridPane();
    /** The rows scroll rather than run over the caption when the tab is short (the projector's text size). */
    private final javafx.scene.control.ScrollPane listedScroll = new javafx.scene.control.ScrollPane(listed);
    private final StackPane stage = new StackPane();
    /** The picture as the layer's values make it, one pixel per value, before it is enlarged to the stage. */
    private WritableImage raw;
    private String nodeId;
    private String nodeName = "";
    private Map<String, float[]> values;
    /** A sequence layer's inside, for the sample and network of {@link #valuesKey}, when one is selected. */
    private NpzForward.Inside inside;
    private final SequenceInsideView sequence = new SequenceInsideView();
    private String valuesKey = "";
    private boolean asking;
    private boolean askAgain;

    ActivationPane(TrainingRun run) {
        this.run = run;
        getStyleClass().add("activation-pane");
        setPadding(new Insets(6));
        sample.setId("layer-sample");
        sample.setEditable(true);
        sample.setPrefWidth(110);
        sample.setValueFactory(new SpinnerValueFactory.IntegerSpinnerValueFactory(1, 1, 1));
        sample.valueProperty().addListener((o, a, b) -> refresh());
        sampleLabel.setId("layer-sample-label");
        Label pick = new Label(Messages.get("layers.sample"));
        pick.setMinWidth(Region.USE_PREF_SIZE);
        typedBox.setId("layer-typed");
        typedBox.setVisible(false);
        typedBox.setManaged(false);
        typedBox.selectedProperty().addListener((o, a, b) -> refresh());
        run.typedProperty().addListener((o, a, t) -> {
            typedBox.setVisible(t != null);
            typedBox.setManaged(t != null);
            if (t != null) typedBox.setText(Messages.get("layers.typed", t.text()));
            // what was just typed is what the student wants to see inside the network
            typedBox.setSelected(t != null);
            refresh();
        });
        HBox picker = new HBox(8, pick, sample, typedBox);
        picker.setAlignment(Pos.CENTER_LEFT);
        sampleLabel.setWrapText(true);
        sampleLabel.getStyleClass().add("training-status");
        VBox top = new VBox(4, picker, sampleLabel);
        picture.setId("layer-activation-image");
        picture.setPreserveRatio(true);
        picture.setSmooth(false);
        stage.widthProperty().addListener((o, a, b) -> showPicture());
        stage.heightProperty().addListener((o, a, b) -> showPicture());
        listed.setId("layer-activation-values");
        listed.setHgap(8);
        listed.setVgap(2);
        listed.setPadding(new Insets(4));
        var grow = new javafx.scene.layout.ColumnConstraints();
        grow.setHgrow(Priority.ALWAYS);
        grow.setFillWidth(true);
        listed.getColumnConstraints().setAll(new javafx.scene.layout.ColumnConstraints(), grow,
                new javafx.scene.layout.ColumnConstraints());
        listedScroll.setFitToWidth(true);
        listedScroll.getStyleClass().add("edge-to-edge");
        stage.setMinSize(80, 80);
        stage.getStyleClass().add("activation-stage");
        caption.setId("layer-activation-caption");
        caption.getStyleClass().add("training-status");
        caption.setWrapText(true);
        setTop(top);
        setCenter(stage);
        setBottom(caption);
        BorderPane.setMargin(stage, new Insets(6, 0, 6, 0));
    }

    /** Shows {@code id}'s output (null: nothing selected). */
    void showNode(String id, String name) {
        nodeId = id;
        nodeName = name;
        refresh();
    }

    /** Asks for the chosen sample's activations if the network or the sample changed, then draws. */
    void refresh() {
        Split split = run.sampleSplit();
        if (split == null || !run.canPredict()) {
            stage.getChildren().clear();
            sampleLabel.setText("");
            caption.setText(Messages.get("layers.trainFirst"));
            return;
        }
        var factory = (SpinnerValueFactory.IntegerSpinnerValueFactory) sample.getValueFactory();
        if (factory.getMax() != split.size()) factory.setMax(split.size());
        int index = Math.min(sample.getValue(), split.size()) - 1;
        var data = run.dataset();
        TrainingRun.TypedSample typed = typedSample();
        sample.setDisable(typed != null);
        sampleLabel.setText(typed != null ? Messages.get("layers.typedSample")
                : data.isClassification()
                ? Messages.get("layers.sampleClass", run.shown(data.classNames()).get(split.label(index)), split.size())
                : Messages.get("layers.sampleOf", split.size()));
        boolean looksInside = drawsInside();
        String key = (typed != null ? "typed:" + System.identityHashCode(typed) : System.identityHashCode(split) + "/"
                + index) + "/" + run.curves().layersVersionProperty().get() + "/" + run.phase()
                + (looksInside ? "/inside" : "");
        if (key.equals(valuesKey) && values != null) {
            draw();
            return;
        }
        if (asking) {
            askAgain = true;
            return;
        }
        asking = true;
        // a sequence layer's inside comes with every layer's output (computed from the same weights)
        var asked = looksInside ? (typed != null ? run.insideOf(typed.raw()) : run.insideOf(split, index))
                : (typed != null ? run.activationsOf(typed.raw()) : run.activationsOf(split, index))
                .thenApply(v -> new NpzForward.Inside(v, Map.of(), Map.of()));
        asked.whenComplete((v, err) -> Platform.runLater(() -> {
            asking = false;
            if (err == null) {
                values = v.outputs();
                inside = looksInside ? v : null;
                valuesKey = key;
                draw();
            } else {
                caption.setText(err.getMessage());
            }
            if (askAgain) {
                askAgain = false;
                refresh();
            }
        }));
    }

    private void draw() {
        if (nodeId == null) {
            stage.getChildren().clear();
            caption.setText(Messages.get("layers.selectLayer"));
            return;
        }
        float[] v = values == null ? null : values.get(nodeId);
        Optional<TensorShape> shape = run.shapeOf(nodeId);
        if (v == null || shape.isEmpty()) {
            stage.getChildren().clear();
            caption.setText(Messages.get("layers.notInRun", nodeName));
            return;
        }
        if (inside != null && drawsInside()) {
            drawInside();
            return;
        }
        int[] d = shape.get().dims();
        String what;
        WritableImage img = null;
        switch (shape.get().kind()) {
            case IMAGE -> {
                if (d[2] == 1 || d[2] == 3 && nodeId.equals(run.inputNodeId())) {
                    img = Pictures.image(v, d[0], d[1], d[2]);
                    what = Messages.get("layers.caption.image", d[0], d[1], d[2]);
                } else {
                    img = Pictures.featureMaps(v, d[0], d[1], d[2]);
                    what = Messages.get("layers.caption.maps", d[2], d[0], d[1]);
                }
            }
            case SEQUENCE -> {
                img = Pictures.heatMap(v, d[0], d[1]);
                what = Messages.get("layers.caption.sequence", d[0], d[1]);
            }
            default -> {
                if (v.length <= LISTED) {
                    listValues(v);
                    what = Messages.get("layers.caption.vector", v.length);
                } else if (nodeId.equals(run.inputNodeId()) && squareImage(v.length)) {
                    int side = (int) Math.round(Math.sqrt(v.length));
                    img = Pictures.image(v, side, side, 1); // an MLP's Input of MNIST pixels is still a picture
                    what = Messages.get("layers.caption.image", side, side, 1);
                } else {
                    int cols = Pictures.gridColumns(v.length);
                    img = Pictures.heatMap(v, (v.length + cols - 1) / cols, cols);
                    what = Messages.get("layers.caption.vector", v.length);
                }
            }
        }
        // The same node stays in the scene from one snapshot to the next: only its picture or numbers change (a node
        // put back in costs the JavaFX thread its styling again, twice a second while training).
        Node shown = img != null ? picture : listedScroll;
        if (img != null) {
            raw = img;
            showPicture();
        }
        if (stage.getChildren().size() != 1 || stage.getChildren().get(0) != shown) stage.getChildren().setAll(shown);
        float min = Float.POSITIVE_INFINITY;
        float max = Float.NEGATIVE_INFINITY;
        for (float f : v) {
            min = Math.min(min, f);
            max = Math.max(max, f);
        }
        caption.setText(Messages.get("layers.caption", nodeName, what, String.format("%.3g", min),
                String.format("%.3g", max)));
    }

    /** @return the text typed in Try it when the Layers tab is to look at it; else null */
    private TrainingRun.TypedSample typedSample() {
        TrainingRun.TypedSample t = run.typedProperty().get();
        return t != null && typedBox.isSelected() ? t : null;
    }

    /** @return whether the selected layer is one whose inside is drawn (a recurrent layer, attention) */
    private boolean drawsInside() {
        return nodeId != null && run.nodeOf(nodeId).map(n -> SequenceInside.drawsInside(n.type().id())).orElse(false);
    }

    /** A recurrent layer's h at every step, or each attention head's weights, with the sample's tokens. */
    private void drawInside() {
        Split split = run.sampleSplit();
        int index = Math.min(sample.getValue(), split.size()) - 1;
        float[] raw = new float[split.featureSize()];
        split.rawFeatures(index, raw, 0);
        if (typedSample() != null) raw = typedSample().raw();
        var node = run.nodeOf(nodeId).orElseThrow();
        var matrices = SequenceInside.of(inside, node, raw, run.dataset().text().orElse(null));
        if (matrices.isEmpty()) {
            stage.getChildren().clear();
            caption.setText(Messages.get("layers.notInRun", nodeName));
            return;
        }
        sequence.show(matrices);
        if (stage.getChildren().size() != 1 || stage.getChildren().get(0) != sequence) {
            stage.getChildren().setAll(sequence);
        }
        var first = matrices.get(0);
        caption.setText(first.weights()
                ? Messages.get("layers.caption.attention", nodeName, matrices.size(), first.cols())
                : Messages.get("layers.caption.steps", nodeName, first.cols(), first.rows()));
    }

    /**
     * Shows the picture enlarged by the largest whole factor that fits the stage, each value a square block of
     * pixels: scaled by the view instead, a 16 × 8 heat map was drawn blurred where smoothing cannot be turned off.
     * A picture larger than the stage is scaled down to fit.
     */
    private void showPicture() {
        if (raw == null) return;
        double w = stage.getWidth() - 8;
        double h = stage.getHeight() - 8;
        if (w <= 0 || h <= 0) return;
        int factor = (int) Math.min(Math.floor(w / raw.getWidth()), Math.floor(h / raw.getHeight()));
        picture.setUserData(raw);
        if (factor >= 1) {
            picture.setFitWidth(0);
            picture.setFitHeight(0);
            picture.setImage(Pictures.enlarge(raw, Math.min(factor, MAX_FACTOR)));
        } else {
            picture.setFitWidth(w);
            picture.setFitHeight(h);
            picture.setImage(raw);
        }
    }

    private static boolean squareImage(int n) {
        int side = (int) Math.round(Math.sqrt(n));
        return side * side == n && n >= 16;
    }

    /**
     * A short vector as rows "name  ▇▇▇▇  0.93" (class names for the Output of a classifier). Rows are kept and
     * refilled while their number stays the same.
     */
    private void listValues(float[] v) {
        var data = run.dataset();
        boolean classes = data.isClassification() && v.length == data.classNames().size();
        float reach = 0;
        boolean negative = false;
        for (float f : v) {
            reach = Math.max(reach, Math.abs(f));
            negative |= f < 0;
        }
        if (listed.getChildren().size() != 3 * v.length) {
            listed.getChildren().clear();
            for (int i = 0; i < v.length; i++) {
                Label name = new Label();
                name.setMinWidth(Region.USE_PREF_SIZE); // a class name whole; the bar gives way
                Label number = new Label();
                number.setMinWidth(Region.USE_PREF_SIZE);
                listed.addRow(i, name, new ValueBar(), number);
            }
        }
        for (int i = 0; i < v.length; i++) {
            ((Label) listed.getChildren().get(3 * i)).setText(classes ? run.shown(data.classNames()).get(i)
                    : "#" + (i + 1));
            ((ValueBar) listed.getChildren().get(3 * i + 1)).set(v[i], reach, negative);
            ((Label) listed.getChildren().get(3 * i + 2)).setText(String.format("%.3f", v[i]));
        }
    }
}
