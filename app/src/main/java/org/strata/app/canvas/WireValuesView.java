package org.strata.app.canvas;

import javafx.geometry.Pos;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import javafx.scene.paint.Color;
import org.strata.engine.backprop.Numbers;

/**
 * The values on a wire under its shape: up to {@link #AS_NUMBERS} values as numbers, more as a strip of coloured
 * cells (blue positive, red negative), an image as a thumbnail; the gradient below them in its own colour, marked ∂L.
 */
final class WireValuesView extends VBox {
    /** A vector this short is written out; a longer one is drawn. */
    static final int AS_NUMBERS = 8;
    /** Numbers per line: a label no wider than the gap between two nodes needs. */
    static final int PER_LINE = 4;
    private static final int STRIP_CELLS = 48;
    private static final double CELL = 4;
    private static final double THUMBNAIL = 44;

    WireValuesView(WireValues v) {
        getStyleClass().add("wire-values");
        setAlignment(Pos.CENTER);
        if (v.forward() != null) getChildren().add(row(v.forward(), v.shape(), "wire-forward", ""));
        if (v.gradient() != null) getChildren().add(row(v.gradient(), v.shape(), "wire-gradient", "∂L "));
    }

    private static javafx.scene.Node row(float[] values, long[] shape, String style, String prefix) {
        if (values.length <= AS_NUMBERS) {
            StringBuilder b = new StringBuilder(prefix);
            for (int i = 0; i < values.length; i++) {
                b.append(i == 0 ? "" : i % PER_LINE == 0 ? "\n" + " ".repeat(prefix.length()) : " ")
                        .append(Numbers.of(values[i], 2));
            }
            Label l = new Label(b.toString());
            l.getStyleClass().add(style);
            return l;
        }
        Canvas c = shape.length == 3 ? thumbnail(values, shape) : strip(values);
        if (prefix.isEmpty()) return c;
        Label mark = new Label(prefix.trim());
        mark.getStyleClass().add(style);
        HBox box = new HBox(4, mark, c);
        box.setAlignment(Pos.CENTER);
        return box;
    }

    /** A strip of at most {@link #STRIP_CELLS} cells, each the mean of its share of the values. */
    private static Canvas strip(float[] values) {
        int cells = Math.min(STRIP_CELLS, values.length);
        double[] mean = new double[cells];
        double max = 1e-12;
        for (int k = 0; k < cells; k++) {
            int from = (int) ((long) k * values.length / cells);
            int to = (int) ((long) (k + 1) * values.length / cells);
            double s = 0;
            for (int i = from; i < to; i++) s += values[i];
            mean[k] = s / Math.max(1, to - from);
            max = Math.max(max, Math.abs(mean[k]));
        }
        Canvas c = new Canvas(cells * CELL, 12);
        GraphicsContext g = c.getGraphicsContext2D();
        for (int k = 0; k < cells; k++) {
            g.setFill(diverging(mean[k] / max));
            g.fillRect(k * CELL, 0, CELL, 12);
        }
        return c;
    }

    /** An image [h, w, c] as grey levels of its channels' mean, scaled to a thumbnail. */
    private static Canvas thumbnail(float[] values, long[] shape) {
        int h = (int) shape[0];
        int w = (int) shape[1];
        int ch = (int) shape[2];
        double scale = THUMBNAIL / Math.max(h, w);
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        double[] grey = new double[h * w];
        for (int p = 0; p < h * w; p++) {
            double s = 0;
            for (int k = 0; k < ch; k++) s += values[p * ch + k];
            grey[p] = s / ch;
            min = Math.min(min, grey[p]);
            max = Math.max(max, grey[p]);
        }
        Canvas c = new Canvas(w * scale, h * scale);
        GraphicsContext g = c.getGraphicsContext2D();
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                double level = max > min ? (grey[y * w + x] - min) / (max - min) : 0;
                g.setFill(Color.gray(level));
                g.fillRect(x * scale, y * scale, scale + 0.5, scale + 0.5);
            }
        }
        return c;
    }

    /** −1 red, 0 white, 1 blue. */
    private static Color diverging(double t) {
        double a = Math.min(1, Math.abs(t));
        return t >= 0 ? Color.color(1 - 0.8 * a, 1 - 0.55 * a, 1) : Color.color(1, 1 - 0.75 * a, 1 - 0.75 * a);
    }
}
