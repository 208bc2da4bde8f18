package org.strata.app.canvas;

import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.layout.Region;
import javafx.scene.paint.Color;

/** The dotted background grid, drawn for the visible area only and following pan and zoom. */
final class GridLayer extends Region {
    /** Grid step in canvas units; also the snap step. */
    static final double STEP = 20;
    private final Canvas canvas = new Canvas();
    private static final Color DOT = Color.gray(0.5, 0.35);

    GridLayer() {
        getStyleClass().add("grid-layer");
        setMouseTransparent(true);
        getChildren().add(canvas);
    }


    void draw(double w, double h, double panX, double panY, double zoom) {
        canvas.setWidth(w);
        canvas.setHeight(h);
        GraphicsContext g = canvas.getGraphicsContext2D();
        g.clearRect(0, 0, w, h);
        double step = STEP * zoom;
        while (step < 12) step *= 2; // keep the dots apart when zoomed far out
        double r = Math.max(1, Math.min(2, zoom * 1.2));
        g.setFill(DOT);
        double startX = panX % step;
        double startY = panY % step;
        for (double x = startX; x < w; x += step) {
            for (double y = startY; y < h; y += step) g.fillRect(x, y, r, r);
        }
    }
}
