package org.strata.app.training.view;

import java.util.Arrays;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.input.MouseEvent;
import javafx.scene.paint.Color;

/**
 * A grid of {@code rows × cols} pixels to draw on with the mouse (white ink on black, as MNIST digits are), with a
 * soft brush so strokes look like pen strokes. Values are 0 to 1; the callback runs after every stroke segment.
 */
final class DrawingPad extends Canvas {
    private final int rows;
    private final int cols;
    private final float[] ink;
    private final Runnable changed;

    DrawingPad(int rows, int cols, double side, Runnable changed) {
        super(side, side * rows / cols);
        this.rows = rows;
        this.cols = cols;
        this.ink = new float[rows * cols];
        this.changed = changed;
        setId("drawing-pad");
        addEventHandler(MouseEvent.MOUSE_PRESSED, this::paint);
        addEventHandler(MouseEvent.MOUSE_DRAGGED, this::paint);
        redraw();
    }

    /** @return the drawing, row-major, 0 (background) to 1 (full ink) */
    float[] ink() {
        return ink.clone();
    }

    /** Empties the pad (no callback: there is nothing to ask about a blank pad). */
    void clear() {
        Arrays.fill(ink, 0);
        redraw();
    }

    /** Replaces the drawing (a loaded image), values 0 to 1. */
    void set(float[] values) {
        System.arraycopy(values, 0, ink, 0, ink.length);
        redraw();
        changed.run();
    }

    private void paint(MouseEvent e) {
        double cw = getWidth() / cols;
        double ch = getHeight() / rows;
        double cx = e.getX() / cw;
        double cy = e.getY() / ch;
        double radius = Math.max(0.8, cols / 20.0); // a pen about three MNIST pixels wide
        for (int r = (int) Math.floor(cy - radius - 1); r <= cy + radius + 1; r++) {
            for (int c = (int) Math.floor(cx - radius - 1); c <= cx + radius + 1; c++) {
                if (r < 0 || c < 0 || r >= rows || c >= cols) continue;
                double d = Math.hypot(c + 0.5 - cx, r + 0.5 - cy);
                float add = (float) Math.max(0, 1 - d / (radius + 0.5));
                ink[r * cols + c] = Math.min(1f, ink[r * cols + c] + add);
            }
        }
        redraw();
        changed.run();
        e.consume();
    }

    private void redraw() {
        GraphicsContext g = getGraphicsContext2D();
        double cw = getWidth() / cols;
        double ch = getHeight() / rows;
        g.setFill(Color.BLACK);
        g.fillRect(0, 0, getWidth(), getHeight());
        for (int r = 0; r < rows; r++) {
            for (int c = 0; c < cols; c++) {
                float v = ink[r * cols + c];
                if (v <= 0) continue;
                g.setFill(Color.gray(v));
                g.fillRect(c * cw, r * ch, cw + 0.5, ch + 0.5);
            }
        }
    }
}
