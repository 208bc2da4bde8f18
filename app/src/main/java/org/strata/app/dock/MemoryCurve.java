package org.strata.app.dock;

import javafx.scene.layout.Pane;
import javafx.scene.shape.Line;
import javafx.scene.shape.Rectangle;
import javafx.scene.text.Text;
import org.strata.app.i18n.Messages;
import org.strata.app.scale.ScaleModel;
import org.strata.app.scale.ScaleTexts;

/**
 * The memory training takes across the range of the slider moved last, a bar per value on a logarithmic scale (it
 * spans megabytes to terabytes), with a dashed line where this machine's memory ends: bars over it do not fit and are
 * drawn so, the sliders' own value is marked. Colours come from the theme's style classes.
 */
final class MemoryCurve extends Pane {
    private final ScaleModel model;
    private final javafx.scene.control.Label caption;

    /** @param caption the curve's caption, whose text size (the window's) its own texts take */
    MemoryCurve(ScaleModel model, javafx.scene.control.Label caption) {
        this.model = model;
        this.caption = caption;
        getStyleClass().add("scale-curve");
        setId("scale-curve");
        setMinHeight(120);
        widthProperty().addListener((o, a, b) -> redraw());
        heightProperty().addListener((o, a, b) -> redraw());
    }

    /** Draws the model's curve again (after a slider moved or the pane was resized). */
    void redraw() {
        getChildren().clear();
        double w = getWidth();
        double h = getHeight();
        if (w <= 0 || h <= 0 || getScene() == null) return; // not shown: its text size and colours are the window's
        var points = model.curve();
        if (points.isEmpty()) return;
        Text label = new Text(Messages.get("scale.curve.machine", ScaleTexts.bytes(model.machineBytes())));
        Text first = new Text(ScaleTexts.value(points.get(0).value()));
        Text last = new Text(ScaleTexts.value(points.get(points.size() - 1).value()));
        for (Text t : new Text[]{label, first, last}) {
            t.getStyleClass().add("scale-curve-text");
            t.setFont(caption.getFont()); // the window's text size, to leave room for it
            getChildren().add(t);
        }
        double font = first.getLayoutBounds().getHeight();
        double top = font * 1.2; // the machine's label above its line may stand at the top
        double bottom = h - font * 1.2; // the values of the first and last bars below
        double lo = Math.log10(model.machineBytes());
        double hi = lo;
        for (var p : points) {
            lo = Math.min(lo, Math.log10(Math.max(1, p.bytes())));
            hi = Math.max(hi, Math.log10(Math.max(1, p.bytes())));
        }
        lo -= 0.3;
        hi += 0.3;
        double span = hi - lo;
        double slot = w / points.size();
        int current = model.value(model.movedProperty().get()).get();
        for (int i = 0; i < points.size(); i++) {
            var p = points.get(i);
            double y = top + (bottom - top) * (1 - (Math.log10(Math.max(1, p.bytes())) - lo) / span);
            Rectangle bar = new Rectangle(i * slot + slot * 0.15, y, slot * 0.7, Math.max(1, bottom - y));
            bar.getStyleClass().addAll("scale-bar", p.fits() ? "scale-bar-fits" : "scale-bar-too-large");
            if (p.value() == current) bar.getStyleClass().add("scale-bar-current");
            getChildren().add(0, bar);
        }
        double machine = top + (bottom - top) * (1 - (Math.log10(model.machineBytes()) - lo) / span);
        Line line = new Line(0, machine, w, machine);
        line.getStyleClass().add("scale-machine-line");
        line.setId("scale-machine-line");
        getChildren().add(line);
        label.setX(6);
        label.setY(machine - 6);
        label.setId("scale-machine-label");
        var b = label.getLayoutBounds();
        Rectangle behind = new Rectangle(2, machine - 6 - b.getHeight() * 0.85, b.getWidth() + 8, b.getHeight());
        behind.getStyleClass().add("scale-curve-label-back"); // readable over the bars
        getChildren().add(behind);
        first.setX(2);
        first.setY(h - 4);
        last.setX(w - last.getLayoutBounds().getWidth() - 2);
        last.setY(h - 4);
        label.toFront();
    }
}
