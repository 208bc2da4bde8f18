package org.strata.app.training.view;

import org.strata.app.training.TrainingRun;
import org.strata.app.training.DataPoints;
import org.strata.app.training.Boundary;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.image.PixelWriter;
import javafx.scene.image.WritableImage;
import javafx.scene.layout.Pane;
import javafx.scene.paint.Color;

/**
 * For two-feature datasets (XOR, circles, spirals, blobs): the network's decision boundary painted behind the
 * training points, as in TensorFlow Playground, updated live while the network learns. Each cell takes the colour
 * of its most likely class, paler where the network is unsure.
 */
public final class BoundaryView extends Pane {
    /** Class colours: blue, orange, green, purple, red, teal, then repeating. */
    private static final Color[] COLOURS = {Color.web("#0969da"), Color.web("#e16f24"), Color.web("#1a7f37"),
            Color.web("#8250df"), Color.web("#cf222e"), Color.web("#1b7c83")};
    private final TrainingRun run;
    private final Canvas canvas = new Canvas();
    /** The point asked about in Try it, as the network sees it (normalised); null when none. */
    private double[] marker;

    public BoundaryView(TrainingRun run) {
        this.run = run;
        getStyleClass().add("boundary-view");
        canvas.getStyleClass().add("boundary-canvas");
        setId("boundary");
        getChildren().add(canvas);
        run.boundaryProperty().addListener((o, a, b) -> draw());
    }

    /**
     * Lets a click ask the network about a point of the plane (Try it): {@code pick} gets the point as the network
     * sees it (normalised features), and the point is marked.
     */
    void setOnPick(java.util.function.Consumer<double[]> pick) {
        canvas.setCursor(javafx.scene.Cursor.CROSSHAIR);
        canvas.setOnMouseClicked(e -> {
            DataPoints pts = run.dataPoints();
            double side = canvas.getWidth();
            if (pts == null || side <= 0) return;
            double[] p = {pts.x0() + e.getX() / side * (pts.x1() - pts.x0()),
                pts.y1() - e.getY() / side * (pts.y1() - pts.y0())};
            setMarker(p);
            pick.accept(p);
        });
    }

    /** Marks the point asked about (normalised features), or none. */
    void setMarker(double[] p) {
        marker = p;
        draw();
    }

    @Override
    protected void layoutChildren() {
        double side = Math.min(getWidth(), getHeight());
        canvas.relocate((getWidth() - side) / 2, (getHeight() - side) / 2);
        if (side != canvas.getWidth()) {
            // Drawn here, once the canvas has its size: a boundary that arrives while the view is being added
            // (a short run sends only its final one) would otherwise be drawn on a canvas of size 0 and never again.
            canvas.setWidth(side);
            canvas.setHeight(side);
            draw();
        }
    }

    private void draw() {
        double side = Math.min(getWidth(), getHeight());
        GraphicsContext g = canvas.getGraphicsContext2D();
        g.clearRect(0, 0, canvas.getWidth(), canvas.getHeight());
        DataPoints pts = run.dataPoints();
        if (pts == null || side <= 0) return;
        Boundary b = run.boundaryProperty().get();
        if (b != null) {
            WritableImage img = new WritableImage(b.size(), b.size());
            PixelWriter w = img.getPixelWriter();
            for (int r = 0; r < b.size(); r++) {
                for (int c = 0; c < b.size(); c++) {
                    int cell = r * b.size() + c;
                    int best = 0;
                    float p = -1;
                    for (int k = 0; k < b.classes(); k++) {
                        float v = b.probs()[cell * b.classes() + k];
                        if (v > p) {
                            p = v;
                            best = k;
                        }
                    }
                    // certainty 1/classes → white, 1 → the class colour at 55 %
                    double sure = b.classes() <= 1 ? 1 : (p - 1.0 / b.classes()) / (1 - 1.0 / b.classes());
                    w.setColor(c, r, Color.WHITE.interpolate(COLOURS[best % COLOURS.length], 0.55 * sure));
                }
            }
            g.setImageSmoothing(true);
            g.drawImage(img, 0, 0, side, side);
        }
        double r = Math.max(2.5, side / 120);
        for (int i = 0; i < pts.x().length; i++) {
            double px = (pts.x()[i] - pts.x0()) / (pts.x1() - pts.x0()) * side;
            double py = (1 - (pts.y()[i] - pts.y0()) / (pts.y1() - pts.y0())) * side;
            g.setFill(COLOURS[pts.label()[i] % COLOURS.length]);
            g.fillOval(px - r, py - r, 2 * r, 2 * r);
            g.setStroke(Color.WHITE);
            g.setLineWidth(0.8);
            g.strokeOval(px - r, py - r, 2 * r, 2 * r);
        }
        if (marker != null) {
            // the point asked about: a ring with a cross, dark on light and light on dark
            double mx = (marker[0] - pts.x0()) / (pts.x1() - pts.x0()) * side;
            double my = (1 - (marker[1] - pts.y0()) / (pts.y1() - pts.y0())) * side;
            double m = Math.max(7, side / 30);
            for (Color c : new Color[]{Color.WHITE, Color.BLACK}) {
                g.setStroke(c);
                g.setLineWidth(c == Color.WHITE ? 4 : 2);
                g.strokeOval(mx - m, my - m, 2 * m, 2 * m);
                g.strokeLine(mx - 1.6 * m, my, mx + 1.6 * m, my);
                g.strokeLine(mx, my - 1.6 * m, mx, my + 1.6 * m);
            }
        }
    }
}
